// Generated from spec/openapi.json by scripts/generate-models.mjs; do not edit by hand.

export type Account = {
  id: string;
  name: string;
  tier: "free" | "pro" | "enterprise";
  /** Requests per minute */
  rate_limit: number;
  quotas: {
    instances: {
      /** Instances the account may have at once */
      limit: number;
      used: number;
    };
    vcpus: {
      /** vCPUs across all instances */
      limit: number;
      used: number;
    };
    volumes: {
      /** Volumes the account may have at once */
      limit: number;
      used: number;
    };
    volume_gb: {
      /** Gigabytes across all volumes */
      limit: number;
      used: number;
    };
    vpcs: {
      /** VPCs the account made (per-region defaults are free) */
      limit: number;
      used: number;
    };
    networks: {
      /** Networks the account made (per-region defaults are free) */
      limit: number;
      used: number;
    };
    firewalls: {
      /** Firewalls */
      limit: number;
      used: number;
    };
    load_balancers: {
      /** Load balancers */
      limit: number;
      used: number;
    };
  };
  created_at: string;
};

export type Action = {
  id: string;
  /** What the action does, e.g. create, restart, resize */
  type: string;
  status: "in-progress" | "completed" | "errored";
  resource_id: string;
  resource_type: string;
  started_at: string;
  completed_at: string | null;
  /** Why the action errored; null otherwise */
  error: string | null;
};

export type ActionList = {
  data: Action[];
  pagination: Pagination;
};

export type ApiKey = {
  id: string;
  name: string;
  /** The first and last characters of the key, to recognise it */
  display: string;
  status: "active" | "revoked" | "expired";
  /** `<resource>:read`, `<resource>:write` or `*` */
  scopes: string[];
  /** Region allowlist; null means every region */
  regions: string[] | null;
  expires_at: string | null;
  revoked_at: string | null;
  /** When the key was created */
  created_at: string;
};

export type ApiKeyList = {
  data: ApiKey[];
  pagination: Pagination;
};

export type CreateApiKey = {
  name: string;
  /** Defaults to the calling key's scopes; a key can only grant scopes it has itself */
  scopes?: string[];
  /** Region allowlist; defaults to the calling key's */
  regions?: string[] | null;
  expires_at?: string | null;
};

export type CreatedApiKey = {
  key: ApiKey;
  /** The API key itself, shown only in this response; null when an Idempotency-Key replays it */
  secret: string | null;
};

export type CreateInstance = {
  /** Hostname-safe: letters, digits and inner hyphens, 1-63 characters; unique per region */
  name: string;
  /** A region id from GET /v2/regions */
  region: string;
  /** A plan id from GET /v2/plans */
  plan: string;
  /** An image slug from GET /v2/images */
  image: string;
  /** Ids of SSH keys to install */
  ssh_keys?: string[];
  /** Base64-encoded cloud-init script, at most 64 KiB decoded */
  user_data?: string;
  /** Up to 64 key/value pairs. Keys: an optional DNS subdomain prefix and '/', then a name of 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit. Values: 0 to 63 characters, same rules. */
  labels?: Record<string, string>;
  /** A network in the same region; default: the region's default network */
  network_id?: string;
};

export type CreateSshKey = {
  name: string;
  /** An OpenSSH public key line (the contents of a .pub file), at most 16 KiB. Accepted: ssh-ed25519, ecdsa-sha2-nistp256, ecdsa-sha2-nistp384, ecdsa-sha2-nistp521, ssh-rsa (RSA of at least 2048 bits). */
  public_key: string;
};

export type ErrorEnvelope = {
  error: {
    /** The HTTP status code */
    code: number;
    message: string;
    details: ErrorDetail[];
    /** Same as the X-Request-Id response header */
    request_id: string;
  };
};

export type ErrorDetail = {
  /** Property path of the offending input, e.g. `region` or `ssh_keys[0]` */
  field: string;
  message: string;
};

export type Image = {
  /** The image slug */
  id: string;
  name: string;
  distribution: string;
  version: string;
  architecture: "x86_64";
};

export type ImageList = {
  data: Image[];
  pagination: Pagination;
};

export type Instance = {
  id: string;
  name: string;
  region: string;
  /** Lifecycle status */
  status: "provisioning" | "running" | "stopped" | "rebooting" | "resizing" | "deleting";
  /** vCPUs */
  cpu: number;
  memory_gb: number;
  /** Private IPv4 in its network; null until assigned */
  ipv4: string | null;
  /** The private network it joined */
  network_id: string | null;
  plan: string;
  image: string;
  /** Ids of the SSH keys installed at creation */
  ssh_keys: string[];
  /** Ids of the volumes attached to it */
  volume_ids: string[];
  /** Up to 64 key/value pairs. Keys: an optional DNS subdomain prefix and '/', then a name of 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit. Values: 0 to 63 characters, same rules. */
  labels: Record<string, string>;
  /** When the instance was created */
  created_at: string;
  /** When the instance last changed */
  updated_at: string;
};

export type InstanceActionAccepted = {
  /** The instance id */
  id: string;
  /** Lifecycle status */
  status: "provisioning" | "running" | "stopped" | "rebooting" | "resizing" | "deleting";
  message: string;
  /** Follow it at GET /v2/actions/{action_id} */
  action_id: string;
};

export type InstanceConsole = {
  instance_id: string;
  /** The tail of the instance's console (at most 64 KiB): boot messages and the output of `user_data` */
  output: string;
};

export type InstanceList = {
  data: Instance[];
  pagination: Pagination;
};

export type InstanceMetrics = {
  instance_id: string;
  /** Which metric */
  type: "cpu" | "memory" | "network";
  /** Start of the range */
  start: string;
  /** End of the range */
  end: string;
  /** Seconds between points */
  step: number;
  series: Array<{
    name: string;
    unit: string;
    points: Array<{
      /** Point in time */
      timestamp: string;
      value: number;
    }>;
  }>;
};

export type Pagination = {
  /** Pass as `cursor` to get the next page; null on the last page */
  next_cursor: string | null;
  has_more: boolean;
};

export type Plan = {
  id: string;
  description: string;
  /** vCPUs */
  cpu: number;
  memory_gb: number;
  disk_gb: number;
  /** USD per hour */
  price_hourly: number;
  /** USD per month (730 hours) */
  price_monthly: number;
};

export type PlanList = {
  data: Plan[];
  pagination: Pagination;
};

export type Region = {
  id: string;
  name: string;
  /** ISO 3166-1 alpha-2 country code */
  country: string;
  /** False when the region takes no new resources */
  available: boolean;
};

export type RegionList = {
  data: Region[];
  pagination: Pagination;
};

export type ResizeInstance = {
  /** The new plan id */
  plan: string;
};

export type SshKey = {
  id: string;
  name: string;
  /** The key as one OpenSSH line: type, base64 key data and the comment if any */
  public_key: string;
  /** SHA-256 of the key, as `ssh-keygen -lf` prints it */
  fingerprint: string;
  type: "ssh-ed25519" | "ecdsa-sha2-nistp256" | "ecdsa-sha2-nistp384" | "ecdsa-sha2-nistp521" | "ssh-rsa";
  /** 256 for Ed25519, the curve size for ECDSA, the modulus size for RSA */
  bits: number;
  /** When the key was added */
  created_at: string;
};

export type SshKeyList = {
  data: SshKey[];
  pagination: Pagination;
};
