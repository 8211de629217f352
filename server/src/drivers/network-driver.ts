// What the engine asks of the load-balancing backend. Operations are idempotent, as for compute.

export interface LoadBalancerSpec {
  loadBalancerId: string;
  region: string;
  algorithm: string;
  forwardingRules: { entry_protocol: string; entry_port: number; target_protocol: string; target_port: number }[];
  /** Private addresses of the instances traffic goes to. */
  targetAddresses: string[];
}

export interface NetworkDriver {
  /** Creates the balancer (or finds the one a previous attempt made); returns its address. */
  createLoadBalancer(spec: LoadBalancerSpec): Promise<{ ip: string }>;
  updateLoadBalancer(spec: LoadBalancerSpec): Promise<void>;
  deleteLoadBalancer(loadBalancerId: string): Promise<void>;
}
