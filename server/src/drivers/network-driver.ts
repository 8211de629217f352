// What the engine asks of the load-balancing backend. Operations are idempotent, as for compute.

export interface LoadBalancerSpec {
  loadBalancerId: string;
  region: string;
  algorithm: string;
  forwardingRules: { entry_protocol: string; entry_port: number; target_protocol: string; target_port: number }[];
  /** Private addresses of the instances traffic goes to. */
  targetAddresses: string[];
  vpcId: string;
  /** The VPC's networks (the balancer is reachable from all of them). */
  networks: { id: string; ipRange: string }[];
  healthCheck: HealthCheckSpec;
}

export interface HealthCheckSpec {
  protocol: 'http' | 'tcp';
  port: number;
  /** For http checks. */
  path: string;
  intervalSeconds: number;
  timeoutSeconds: number;
  healthyThreshold: number;
  unhealthyThreshold: number;
}

/** One allow rule with its peers resolved to addresses (CIDRs); an empty list of peers matches nothing. */
export interface PolicyRule {
  protocol: 'tcp' | 'udp' | 'icmp';
  /** `80` or `8000-8100`; null for icmp. */
  ports: string | null;
  peers: string[];
}

/** What an instance's firewalls add up to: inbound is denied unless allowed. */
export interface FirewallPolicy {
  inbound: PolicyRule[];
  outbound: PolicyRule[];
  /** True once some firewall has outbound rules: then only those let traffic out. */
  restrictOutbound: boolean;
}

export interface NetworkDriver {
  /** True when firewalls are enforced on real traffic, so policies must be pushed to the driver. */
  readonly enforcesFirewalls: boolean;
  /** Replaces the instance's enforced rules (idempotent); false when the instance has no network yet. */
  applyFirewall(instanceId: string, policy: FirewallPolicy): Promise<boolean>;
  /** Creates the balancer (or finds the one a previous attempt made); returns its address. */
  createLoadBalancer(spec: LoadBalancerSpec): Promise<{ ip: string }>;
  updateLoadBalancer(spec: LoadBalancerSpec): Promise<void>;
  deleteLoadBalancer(loadBalancerId: string): Promise<void>;
  /** Routes the public address to the instance, moving it off any other (idempotent). */
  assignPublicIp(ip: string, instanceId: string): Promise<void>;
  /** Stops routing the public address anywhere (idempotent). */
  unassignPublicIp(ip: string): Promise<void>;
}
