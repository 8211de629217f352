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
    reserved_ips: {
      /** Reserved public IPs */
      limit: number;
      used: number;
    };
    databases: {
      /** Managed databases */
      limit: number;
      used: number;
    };
    functions: {
      /** Serverless functions */
      limit: number;
      used: number;
    };
    function_concurrency: {
      /** Function invocations running at once, across all functions */
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
  last_used_at: string | null;
  /** The key that replaced this one when it was rotated */
  replaced_by: string | null;
};

export type ApiKeyList = {
  data: ApiKey[];
  pagination: Pagination;
};

export type AssignReservedIp = {
  /** An instance in the same region; an assigned address moves to it */
  instance_id: string;
};

export type AttachVolume = {
  instance_id: string;
};

export type BackupPolicy = {
  id: string;
  name: string;
  schedule: string;
  retention_count: number;
  volume_ids: string[] | null;
  label_selector: string | null;
  enabled: boolean;
  /** The next slot the policy fires at */
  next_run_at: string;
  last_run_at: string | null;
  /** When the policy was created */
  created_at: string;
  /** When the policy last changed */
  updated_at: string;
};

export type BackupPolicyList = {
  data: BackupPolicy[];
  pagination: Pagination;
};

export type Container = {
  id: string;
  name: string;
  region: string;
  /** Lifecycle status */
  status: "provisioning" | "running" | "stopped" | "restarting" | "deleting";
  /** The container image it runs */
  image_id: string;
  /** The argv it runs; null for the image's Entrypoint and Cmd */
  command: string[] | null;
  environment: Record<string, string>;
  ports: ContainerPort[];
  memory_mb: number;
  /** CPU share, in vCPUs */
  cpu: number;
  replicas: number;
  /** The private network it joined */
  network_id: string;
  /** Private IPv4 in its network, from the same pool as instances */
  ipv4: string | null;
  /** Up to 64 key/value pairs. Keys: an optional DNS subdomain prefix and '/', then a name of 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit. Values: 0 to 63 characters, same rules. */
  labels: Record<string, string>;
  created_at: string;
  updated_at: string;
};

export type ContainerActionAccepted = {
  /** The container id */
  id: string;
  /** Lifecycle status */
  status: "provisioning" | "running" | "stopped" | "restarting" | "deleting";
  message: string;
  /** Follow it at GET /v2/actions/{action_id} */
  action_id: string;
};

export type ContainerImage = {
  id: string;
  name: string;
  region: string;
  /** `sha256:` digest of the image's config (the id `docker images` shows) */
  digest: string;
  /** Size of the uploaded archive */
  size_bytes: number;
  /** How many layers were applied */
  layers: number;
  /** The image config's Entrypoint */
  entrypoint: string[];
  /** The image config's Cmd */
  cmd: string[];
  /** The image config's Env (`NAME=value`) */
  env: string[];
  /** The image config's ExposedPorts (`8080/tcp`) */
  exposed_ports: string[];
  /** The image config's WorkingDir; empty for / */
  working_dir: string;
  created_at: string;
};

export type ContainerImageList = {
  data: ContainerImage[];
  pagination: Pagination;
};

export type ContainerList = {
  data: Container[];
  pagination: Pagination;
};

export type ContainerLogs = {
  container_id: string;
  /** The last lines its processes wrote to stdout, oldest first */
  stdout: string[];
  /** The last lines its processes wrote to stderr, oldest first */
  stderr: string[];
};

export type ContainerMetrics = {
  container_id: string;
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

export type ContainerPort = {
  container_port: number;
  /** Transport protocol */
  protocol: "tcp" | "udp";
};

export type CreateApiKey = {
  name: string;
  /** Defaults to the calling key's scopes; a key can only grant scopes it has itself */
  scopes?: string[];
  /** Region allowlist; defaults to the calling key's */
  regions?: string[] | null;
  expires_at?: string | null;
};

export type CreateBackupPolicy = {
  name: string;
  /** Five-field cron expression in UTC, e.g. `0 3 * * *` */
  schedule: string;
  /** How many of its snapshots the policy keeps per volume */
  retention_count: number;
  /** Target volumes (or use label_selector) */
  volume_ids?: string[];
  /** Target the volumes matching this label selector (or use volume_ids) */
  label_selector?: string;
  enabled?: boolean;
};

export type CreateContainer = {
  /** Hostname-safe: letters, digits and inner hyphens, 1-63 characters; unique per region */
  name: string;
  /** A region id from GET /v2/regions */
  region: string;
  /** A container image in the same region (GET /v2/container_images) */
  image_id: string;
  /** The process to run (argv); default: the image's Entrypoint and Cmd */
  command?: string[];
  /** Variables set in the container, over the image's Env */
  environment?: Record<string, string>;
  /** Ports the container listens on, reachable at its address from the network's VPC */
  ports?: ContainerPort[];
  /** Memory limit in MiB */
  memory_mb: number;
  /** CPU limit in vCPUs (0.5 is half a CPU) */
  cpu: number;
  /** Copies to run; 1 (each container has one address; more replicas are not supported yet) */
  replicas?: number;
  /** A network in the same region; default: the region's default network */
  network_id?: string;
  /** Up to 64 key/value pairs. Keys: an optional DNS subdomain prefix and '/', then a name of 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit. Values: 0 to 63 characters, same rules. */
  labels?: Record<string, string>;
};

export type CreatedApiKey = {
  key: ApiKey;
  /** The API key itself, shown only in this response; null when an Idempotency-Key replays it */
  secret: string | null;
};

export type CreateDatabase = {
  /** Unique per region */
  name: string;
  /** Required unless restoring; a restore keeps the backup's engine */
  engine?: "postgres" | "mysql" | "redis";
  /** Default: the engine's default_version (a restore: the backup's) */
  version?: string;
  /** A plan of the engine, from GET /v2/database_engines */
  plan: string;
  /** Required unless restoring; a restore stays in the backup's region */
  region?: string;
  /** A network in the region; default: the region's default network */
  network_id?: string;
  node_count?: number;
  /** Default: enabled, 7 days, at 02:00 UTC */
  backups?: {
    /** Take a backup every day */
    enabled?: boolean;
    /** Backups older than this many days are deleted */
    retention_days?: number;
    /** UTC hour at which the daily backup starts */
    hour?: number;
  };
  /** Guards against accidental deletion */
  protection?: {
    /** While true, DELETE answers 409 */
    delete: boolean;
  };
  /** Start from this backup's data */
  restore_from?: {
    /** A backup of one of your databases */
    backup_id: string;
  };
  /** Up to 64 key/value pairs. Keys: an optional DNS subdomain prefix and '/', then a name of 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit. Values: 0 to 63 characters, same rules. */
  labels?: Record<string, string>;
};

export type CreateDatabaseUser = {
  /** Lower-case letters, digits and underscores; a letter or underscore first */
  name: string;
};

export type CreatedWebhook = {
  id: string;
  url: string;
  description: string;
  /** The event types sent: exact (`instance.created`) or prefixes (`instance.*`, `*`) */
  event_types: string[];
  /** Disabled by its owner, or by CloudNexus after 24 hours of failed deliveries */
  status: "enabled" | "disabled";
  disabled_reason: string | null;
  /** When the webhook was created */
  created_at: string;
  /** When the webhook last changed */
  updated_at: string;
  /** The signing secret (`whsec_…`), shown only in this response; null when an Idempotency-Key replays it */
  secret: string | null;
};

export type CreateFirewall = {
  name: string;
  inbound_rules: FirewallInboundRule[];
  /** Default: allow all outbound */
  outbound_rules?: FirewallOutboundRule[];
  /** The instances the firewall applies to: by id and/or by label selector */
  apply_to: {
    instance_ids?: string[];
    label_selector?: string;
  };
  /** Up to 64 key/value pairs. Keys: an optional DNS subdomain prefix and '/', then a name of 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit. Values: 0 to 63 characters, same rules. */
  labels?: Record<string, string>;
};

export type CreateFunction = {
  /** Unique per region */
  name: string;
  region: string;
  /** See GET /v2/function_runtimes */
  runtime: string;
  /** A zip archive, base64; at most 10 MiB unpacked */
  source?: string;
  /** Instead of `source`, for small functions: file path → UTF-8 content */
  files?: Record<string, string>;
  /** `<module>.<function>`: index.handler (index.js) or main.handler (main.py) */
  handler: string;
  memory_mb?: number;
  timeout_s?: number;
  max_concurrency?: number;
  /** Write-only: GET shows the names only */
  environment?: Record<string, string>;
  /** A VPC network it may reach; without one, no network */
  network_id?: string | null;
  /** Up to 64 key/value pairs. Keys: an optional DNS subdomain prefix and '/', then a name of 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit. Values: 0 to 63 characters, same rules. */
  labels?: Record<string, string>;
};

export type CreateInstance = {
  /** Hostname-safe: letters, digits and inner hyphens, 1-63 characters; unique per region */
  name: string;
  /** A region id from GET /v2/regions */
  region: string;
  /** A plan id from GET /v2/plans */
  plan: string;
  /** An OS image slug, or the id of an available custom image in the same region (GET /v2/images) */
  image: string;
  /** Reserve a public IPv4 address from the operator's pool and assign it; it is released when the instance is deleted (unless moved or unassigned first) */
  public_ip?: boolean;
  /** Ids of SSH keys to install */
  ssh_keys?: string[];
  /** Base64-encoded cloud-init script, at most 64 KiB decoded */
  user_data?: string;
  /** Up to 64 key/value pairs. Keys: an optional DNS subdomain prefix and '/', then a name of 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit. Values: 0 to 63 characters, same rules. */
  labels?: Record<string, string>;
  /** A network in the same region; default: the region's default network */
  network_id?: string;
  /** Flags to set; one left out keeps its value (false on create) */
  protection?: {
    /** While true, a delete answers 409 `delete_protected` */
    delete?: boolean;
    /** While true, a rebuild answers 409 `rebuild_protected` */
    rebuild?: boolean;
  };
};

export type CreateLoadBalancer = {
  /** Unique per region */
  name: string;
  vpc_id: string;
  /** Default round_robin */
  algorithm?: "round_robin" | "least_connections";
  forwarding_rules: ForwardingRule[];
  health_check?: {
    /** How targets are checked */
    protocol: "http" | "tcp";
    port: number;
    /** For http checks; default / */
    path?: string;
    interval_seconds?: number;
    timeout_seconds?: number;
    healthy_threshold?: number;
    unhealthy_threshold?: number;
  };
  /** Instances in the same VPC, by id and/or label selector */
  targets: {
    instance_ids?: string[];
    label_selector?: string;
  };
  /** Up to 64 key/value pairs. Keys: an optional DNS subdomain prefix and '/', then a name of 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit. Values: 0 to 63 characters, same rules. */
  labels?: Record<string, string>;
};

export type CreateNetwork = {
  /** Unique per VPC */
  name: string;
  vpc_id: string;
  /** Inside the VPC's range, overlapping no other network of the VPC, /29 at the smallest */
  ip_range: string;
  /** production, staging or development */
  environment: "production" | "staging" | "development";
  /** Up to 64 key/value pairs. Keys: an optional DNS subdomain prefix and '/', then a name of 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit. Values: 0 to 63 characters, same rules. */
  labels?: Record<string, string>;
};

export type CreateReservedIp = {
  /** Where the address may be assigned */
  region: string;
  /** Up to 64 key/value pairs. Keys: an optional DNS subdomain prefix and '/', then a name of 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit. Values: 0 to 63 characters, same rules. */
  labels?: Record<string, string>;
};

export type CreateSnapshot = {
  name: string;
};

export type CreateSshKey = {
  /** Trimmed; must not be blank */
  name: string;
  /** An OpenSSH public key line (the contents of a .pub file), at most 16 KiB. Accepted: ssh-ed25519, ecdsa-sha2-nistp256, ecdsa-sha2-nistp384, ecdsa-sha2-nistp521, ssh-rsa (RSA of at least 2048 bits). */
  public_key: string;
};

export type CreateVolume = {
  /** Unique per region */
  name: string;
  /** Required unless restoring; a restore stays in the snapshot's region */
  region?: string;
  /** Required unless restoring; at least the snapshot's size */
  size_gb?: number;
  /** Default ext4 */
  filesystem?: "ext4" | "xfs" | "none";
  /** Restore this snapshot into the new volume */
  snapshot_id?: string;
  /** Up to 64 key/value pairs. Keys: an optional DNS subdomain prefix and '/', then a name of 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit. Values: 0 to 63 characters, same rules. */
  labels?: Record<string, string>;
  /** Flags to set; one left out keeps its value (false on create) */
  protection?: {
    /** While true, a delete answers 409 `delete_protected` */
    delete?: boolean;
    /** While true, a rebuild answers 409 `rebuild_protected` */
    rebuild?: boolean;
  };
};

export type CreateVpc = {
  /** Unique per region */
  name: string;
  region: string;
  /** An RFC 1918 block from /16 to /24 */
  ip_range: string;
  description?: string;
  /** Up to 64 key/value pairs. Keys: an optional DNS subdomain prefix and '/', then a name of 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit. Values: 0 to 63 characters, same rules. */
  labels?: Record<string, string>;
};

export type CreateWebhook = {
  /** An https:// URL on a public address */
  url: string;
  event_types: string[];
  description?: string;
  enabled?: boolean;
};

export type Database = {
  id: string;
  name: string;
  region: string;
  /** The engine */
  engine: "postgres" | "mysql" | "redis";
  version: string;
  /** A plan of the engine, from GET /v2/database_engines */
  plan: string;
  /** A primary, plus standbys */
  node_count: number;
  /** Lifecycle status */
  status: "provisioning" | "online" | "resizing" | "deleting";
  /** The private network it is reachable in; there is no public access */
  network_id: string;
  connection: {
    /** Its private address in the network */
    host: string;
    port: number;
    /** The admin user */
    user: string;
    /** Shown only in the create response; null everywhere else */
    password: string | null;
    /** The database a client connects to */
    database: string;
    /** A connection URI; it carries the password only where the password is shown */
    uri: string;
  };
  backups: {
    /** Take a backup every day */
    enabled: boolean;
    /** Backups older than this many days are deleted */
    retention_days: number;
    /** UTC hour at which the daily backup starts */
    hour: number;
    /** When the next daily backup starts (if enabled) */
    next_backup_at: string;
  };
  /** Guards against accidental deletion */
  protection: {
    /** While true, DELETE answers 409 */
    delete: boolean;
  };
  /** The backup it was restored from */
  restored_from: string | null;
  /** Up to 64 key/value pairs. Keys: an optional DNS subdomain prefix and '/', then a name of 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit. Values: 0 to 63 characters, same rules. */
  labels: Record<string, string>;
  /** When the database was created */
  created_at: string;
  /** When the database last changed */
  updated_at: string;
};

export type DatabaseActionAccepted = {
  id: string;
  /** Lifecycle status */
  status: "provisioning" | "online" | "resizing" | "deleting";
  message: string;
  action_id: string;
};

export type DatabaseBackup = {
  id: string;
  database_id: string;
  region: string;
  /** The engine */
  engine: "postgres" | "mysql" | "redis";
  version: string;
  /** The plan of the database when the backup was taken */
  plan: string;
  /** What it holds; null until taken */
  size_mb: number | null;
  /** Lifecycle status */
  status: "creating" | "available" | "deleting";
  /** When the backup started */
  created_at: string;
};

export type DatabaseBackupList = {
  data: DatabaseBackup[];
  pagination: Pagination;
};

export type DatabaseEngine = {
  /** The engine slug */
  id: "postgres" | "mysql" | "redis";
  name: string;
  /** Versions a new database may run */
  versions: string[];
  /** Used when a create names no version */
  default_version: string;
  /** The port clients connect to */
  port: number;
  /** The admin user a new database starts with */
  admin_user: string;
  /** The database a new database starts with */
  database_name: string;
  plans: DatabasePlan[];
};

export type DatabaseEngineList = {
  data: DatabaseEngine[];
  pagination: Pagination;
};

export type DatabaseList = {
  data: Database[];
  pagination: Pagination;
};

export type DatabaseMetrics = {
  database_id: string;
  /** Which metric */
  type: "connections" | "cpu" | "storage";
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

export type DatabasePasswordReset = {
  id: string;
  /** Lifecycle status */
  status: "provisioning" | "online" | "resizing" | "deleting";
  message: string;
  /** The new password works once this action completes */
  action_id: string;
  user: string;
  /** The new password, shown only here */
  password: string;
  /** The connection URI with the new password */
  uri: string;
};

export type DatabasePlan = {
  id: string;
  description: string;
  /** vCPUs per node */
  cpu: number;
  /** Memory per node */
  memory_gb: number;
  /** Storage per node */
  storage_gb: number;
  /** USD per hour, per node */
  price_hourly: number;
  /** USD per month (730 hours), per node */
  price_monthly: number;
};

export type DatabaseUser = {
  name: string;
  /** The admin user comes with the database and cannot be deleted */
  role: "admin" | "normal";
  /** Lifecycle status */
  status: "creating" | "active" | "deleting";
  /** Shown only in the create response; null everywhere else */
  password: string | null;
  /** When the user was created */
  created_at: string;
};

export type DatabaseUserCreated = {
  user: DatabaseUser;
  /** The user can log in once this action completes */
  action_id: string;
};

export type DatabaseUserList = {
  data: DatabaseUser[];
  pagination: Pagination;
};

export type ErrorEnvelope = {
  error: {
    /** The HTTP status code */
    code: number;
    /** A stable name for the error, to branch on (the message may be reworded):
- `invalid_request` (400): Malformed JSON, a missing or malformed field, path parameter or query parameter
- `invalid_cursor` (400): The `cursor` was not issued for this list, or was tampered with
- `unauthorized` (401): Missing, malformed, unknown, revoked or expired API key
- `not_signed_in` (401): Dashboard: no session, or the session has ended
- `invalid_credentials` (401): Dashboard sign-in: wrong email or password
- `insufficient_scope` (403): The API key's scopes do not allow this operation
- `region_forbidden` (403): The API key may not act in this region
- `scope_escalation` (403): A key cannot grant scopes or regions it does not hold
- `cross_site_refused` (403): Dashboard: a cross-origin request, or a missing or invalid CSRF token
- `not_found` (404): No such resource in this account
- `route_not_found` (404): No such endpoint
- `method_not_allowed` (405): The endpoint exists but not with this method (see `Allow`)
- `request_timeout` (408): The request did not arrive in time
- `name_taken` (409): The name (or key) is already in use where it must be unique
- `resource_busy` (409): Another action is running on the resource; retry when it completes
- `already_in_state` (409): The resource is already in the requested state
- `invalid_state` (409): The operation cannot start from the resource's current status
- `has_dependents` (409): Other resources still depend on this one; remove or detach them first
- `public_ip_taken` (409): The instance already has a reserved IP; unassign it first
- `delete_protected` (409): The resource has delete protection turned on
- `public_image` (409): OS images belong to the catalog: they cannot be deleted
- `rebuild_protected` (409): The resource has rebuild protection turned on
- `idempotency_in_flight` (409): A request with this Idempotency-Key is still in progress
- `payload_too_large` (413): The request body is over the limit
- `unsupported_media_type` (415): The request body is not application/json
- `validation_failed` (422): Semantic validation failed: unknown region, plan, image, reference…
- `pool_exhausted` (422): The operator's public IP pool has no free address left
- `invalid_source` (422): A function's source is not a valid zip archive, holds a path outside its folder, or unpacks beyond 10 MiB
- `quota_exceeded` (422): The account's quota does not allow it
- `unsafe_layer_entry` (422): A container image layer has an entry that would land outside the rootfs (`..`, an absolute path, a symlink climbing out, a write through a symlink) or a device node; the message names the entry
- `digest_mismatch` (422): A container image blob's sha256 is not the digest its manifest gives; the message names the blob
- `invalid_image_archive` (422): The upload is not an OCI image layout or a docker save archive (tar), or a part of it is missing or unreadable
- `idempotency_key_reused` (422): The Idempotency-Key was used with another request body
- `rate_limited` (429): Rate limit exceeded; retry after `Retry-After` seconds
- `concurrency_limited` (429): Too many invocations running at once, for the function or the account's tier; retry after `Retry-After` seconds
- `sign_in_locked` (429): Dashboard: too many failed sign-ins for this email
- `internal` (500): A fault on our side; the request id helps us find it
- `unavailable` (503): The server is not ready, or a part of it is not built */
    reason: "invalid_request" | "invalid_cursor" | "unauthorized" | "not_signed_in" | "invalid_credentials" | "insufficient_scope" | "region_forbidden" | "scope_escalation" | "cross_site_refused" | "not_found" | "route_not_found" | "method_not_allowed" | "request_timeout" | "name_taken" | "resource_busy" | "already_in_state" | "invalid_state" | "has_dependents" | "public_ip_taken" | "delete_protected" | "public_image" | "rebuild_protected" | "idempotency_in_flight" | "payload_too_large" | "unsupported_media_type" | "validation_failed" | "pool_exhausted" | "invalid_source" | "quota_exceeded" | "unsafe_layer_entry" | "digest_mismatch" | "invalid_image_archive" | "idempotency_key_reused" | "rate_limited" | "concurrency_limited" | "sign_in_locked" | "internal" | "unavailable";
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

export type Event = {
  id: string;
  /** What happened: `<resource_type>.<verb>` */
  type: string;
  resource_type: string;
  resource_id: string;
  actor: {
    /** `system` for changes the engine makes as actions run */
    type: "api_key" | "dashboard_user" | "system";
    /** The API key or dashboard user; null for the system */
    id: string | null;
  };
  /** The X-Request-Id of the request that made the change; null for the system */
  request_id: string | null;
  /** The resource as it was after the change, or the change itself (e.g. `status` and `previous_status`) */
  data: Record<string, unknown>;
  created_at: string;
};

export type EventList = {
  data: Event[];
  pagination: Pagination;
};

export type Firewall = {
  id: string;
  name: string;
  inbound_rules: FirewallInboundRule[];
  outbound_rules: FirewallOutboundRule[];
  /** The instances the firewall applies to: by id and/or by label selector */
  apply_to: {
    instance_ids?: string[];
    label_selector?: string;
  };
  /** Up to 64 key/value pairs. Keys: an optional DNS subdomain prefix and '/', then a name of 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit. Values: 0 to 63 characters, same rules. */
  labels: Record<string, string>;
  created_at: string;
  updated_at: string;
};

export type FirewallInboundRule = {
  protocol: "tcp" | "udp" | "icmp";
  /** A port (`22`) or a range (`8000-8100`); required for tcp and udp, absent for icmp */
  ports?: string;
  /** Who may connect */
  sources: {
    /** IPv4 CIDRs, e.g. `0.0.0.0/0` or `10.0.0.0/8` */
    addresses?: string[];
    instance_ids?: string[];
    label_selector?: string;
  };
};

export type FirewallList = {
  data: Firewall[];
  pagination: Pagination;
};

export type FirewallOutboundRule = {
  protocol: "tcp" | "udp" | "icmp";
  /** A port (`22`) or a range (`8000-8100`); required for tcp and udp, absent for icmp */
  ports?: string;
  /** Where it may connect */
  destinations: {
    /** IPv4 CIDRs, e.g. `0.0.0.0/0` or `10.0.0.0/8` */
    addresses?: string[];
    instance_ids?: string[];
    label_selector?: string;
  };
};

export type ForwardingRule = {
  /** Protocol clients use */
  entry_protocol: "http" | "https" | "tcp";
  entry_port: number;
  /** Protocol spoken to the targets */
  target_protocol: "http" | "https" | "tcp";
  target_port: number;
};

export type Function = {
  id: string;
  name: string;
  region: string;
  runtime: string;
  handler: string;
  memory_mb: number;
  timeout_s: number;
  /** Invocations of this function running at once, at most */
  max_concurrency: number;
  /** The names of its environment variables; values are write-only */
  environment: string[];
  network_id: string | null;
  /** The version deployed, or being deployed: 1, then one more per PUT */
  version: number;
  source_sha256: string;
  /** Size of the unpacked source */
  source_bytes: number;
  /** deploying → active; errored when the handler did not load */
  status: "deploying" | "active" | "errored" | "deleting";
  /** While errored: the loader's message */
  error: string | null;
  /** Up to 64 key/value pairs. Keys: an optional DNS subdomain prefix and '/', then a name of 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit. Values: 0 to 63 characters, same rules. */
  labels: Record<string, string>;
  created_at: string;
  updated_at: string;
};

export type FunctionAccepted = {
  id: string;
  /** Lifecycle status */
  status: "deploying" | "active" | "errored" | "deleting";
  message: string;
  action_id: string;
  version: number;
};

export type FunctionInvocation = {
  id: string;
  function_id: string;
  version: number;
  /** running (async only), then success, error or timeout */
  status: "running" | "success" | "error" | "timeout";
  /** What the handler returned; null unless success */
  result: unknown;
  error: {
    /** What went wrong */
    type: "handler_error" | "timeout" | "out_of_memory" | "runtime_exited" | "invalid_result";
    message: string;
  } | null;
  duration_ms: number | null;
  /** The duration rounded up to the millisecond, at least 1 */
  billed_ms: number | null;
  /** The function's stdout and stderr, at most 64 KiB */
  logs: string;
  created_at: string;
  finished_at: string | null;
};

export type FunctionInvocationAccepted = {
  /** The invocation id: GET …/invocations/{inv_id} */
  invocation: string;
  status: "running";
};

export type FunctionInvocationList = {
  data: FunctionInvocation[];
  pagination: Pagination;
};

export type FunctionList = {
  data: Function[];
  pagination: Pagination;
};

export type FunctionRuntime = {
  id: string;
  /** The language family */
  language: "nodejs" | "python";
  /** The interpreter version installed on the host */
  version: string;
  handler_example: string;
};

export type FunctionRuntimeList = {
  data: FunctionRuntime[];
  pagination: Pagination;
};

export type HealthCheck = {
  /** How targets are checked */
  protocol: "http" | "tcp";
  port: number;
  /** For http checks; default / */
  path?: string;
  interval_seconds?: number;
  timeout_seconds?: number;
  healthy_threshold?: number;
  unhealthy_threshold?: number;
};

export type Image = {
  /** The slug of an OS image, or `img_…` for a custom one */
  id: string;
  /** `os`: a distribution from the catalog, in every region; `custom`: a snapshot of one of your instances */
  type: "os" | "custom";
  name: string;
  /** A custom image's is its source's */
  distribution: string;
  version: string;
  architecture: "x86_64";
  /** Lifecycle status; OS images are always `available` */
  status: "creating" | "available" | "errored" | "deleting";
  /** The one region a custom image can be used in; null for OS images (every region) */
  region: string | null;
  /** The instance a custom image was taken from (which may since have been deleted) */
  source_instance_id: string | null;
  /** A custom image's size once taken; null for OS images and while creating */
  size_gb: number | null;
  /** When a custom image was taken; null for OS images */
  created_at: string | null;
};

export type ImageDeleteAccepted = {
  id: string;
  /** Lifecycle status; OS images are always `available` */
  status: "creating" | "available" | "errored" | "deleting";
  message: string;
  action_id: string;
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
  status: "provisioning" | "running" | "stopped" | "rebooting" | "resizing" | "rebuilding" | "deleting";
  /** vCPUs */
  cpu: number;
  memory_gb: number;
  /** Private IPv4 in its network; null until assigned */
  ipv4: string | null;
  /** The reserved IP routed to it, if any */
  public_ipv4: string | null;
  /** The private network it joined */
  network_id: string | null;
  plan: string;
  /** The OS image slug or custom image id it was built (or last rebuilt) from */
  image: string;
  /** Ids of the SSH keys installed at creation */
  ssh_keys: string[];
  /** Ids of the volumes attached to it */
  volume_ids: string[];
  /** Up to 64 key/value pairs. Keys: an optional DNS subdomain prefix and '/', then a name of 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit. Values: 0 to 63 characters, same rules. */
  labels: Record<string, string>;
  protection: Protection;
  /** When the instance was created */
  created_at: string;
  /** When the instance last changed */
  updated_at: string;
};

export type InstanceActionAccepted = {
  /** The instance id */
  id: string;
  /** Lifecycle status */
  status: "provisioning" | "running" | "stopped" | "rebooting" | "resizing" | "rebuilding" | "deleting";
  message: string;
  /** Follow it at GET /v2/actions/{action_id} */
  action_id: string;
};

export type InstanceConsole = {
  instance_id: string;
  /** The tail of the instance's console (at most 64 KiB): boot messages and the output of `user_data` */
  output: string;
};

export type InstanceFirewallRules = {
  instance_id: string;
  /** Inbound traffic no rule allows is denied */
  default_inbound: "deny";
  /** allow when no firewall applies outbound rules */
  default_outbound: "allow" | "deny";
  firewall_ids: string[];
  inbound: Array<{
    firewall_id: string;
    protocol: "tcp" | "udp" | "icmp";
    ports: string | null;
    /** sources */
    sources: {
      /** IPv4 CIDRs, e.g. `0.0.0.0/0` or `10.0.0.0/8` */
      addresses?: string[];
      instance_ids?: string[];
      label_selector?: string;
    };
  }>;
  outbound: Array<{
    firewall_id: string;
    protocol: "tcp" | "udp" | "icmp";
    ports: string | null;
    /** destinations */
    destinations: {
      /** IPv4 CIDRs, e.g. `0.0.0.0/0` or `10.0.0.0/8` */
      addresses?: string[];
      instance_ids?: string[];
      label_selector?: string;
    };
  }>;
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

export type InstanceSnapshotAccepted = {
  /** The instance id */
  id: string;
  /** Lifecycle status */
  status: "provisioning" | "running" | "stopped" | "rebooting" | "resizing" | "rebuilding" | "deleting";
  message: string;
  /** Follow it at GET /v2/actions/{action_id} */
  action_id: string;
  /** The custom image being made: `creating`, then `available` (GET /v2/images/{image_id}) */
  image_id: string;
};

export type LoadBalancer = {
  id: string;
  name: string;
  region: string;
  vpc_id: string;
  /** How requests are spread */
  algorithm: "round_robin" | "least_connections";
  forwarding_rules: ForwardingRule[];
  health_check: HealthCheck;
  /** Instances in the same VPC, by id and/or label selector */
  targets: {
    instance_ids?: string[];
    label_selector?: string;
  };
  /** Lifecycle status */
  status: "provisioning" | "active" | "deleting";
  /** The address clients connect to; null until active */
  ip: string | null;
  /** Up to 64 key/value pairs. Keys: an optional DNS subdomain prefix and '/', then a name of 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit. Values: 0 to 63 characters, same rules. */
  labels: Record<string, string>;
  created_at: string;
  updated_at: string;
};

export type LoadBalancerAccepted = {
  id: string;
  /** Lifecycle status */
  status: "provisioning" | "active" | "deleting";
  message: string;
  action_id: string;
};

export type LoadBalancerList = {
  data: LoadBalancer[];
  pagination: Pagination;
};

export type Network = {
  id: string;
  name: string;
  vpc_id: string;
  region: string;
  ip_range: string;
  /** production, staging or development */
  environment: "production" | "staging" | "development";
  /** The region's default network, used by instances created without network_id */
  default: boolean;
  /** Up to 64 key/value pairs. Keys: an optional DNS subdomain prefix and '/', then a name of 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit. Values: 0 to 63 characters, same rules. */
  labels: Record<string, string>;
  /** When the network was created */
  created_at: string;
  /** When the network last changed */
  updated_at: string;
};

export type NetworkList = {
  data: Network[];
  pagination: Pagination;
};

export type Pagination = {
  /** Pass as `cursor` to get the next page; null on the last page */
  next_cursor: string | null;
  has_more: boolean;
};

/** A JSON merge-patch (RFC 7396), sent as `application/merge-patch+json` or `application/json`: only the fields present change, and the rest stay as they are. Unknown and read-only fields are a 400 (`invalid_request`), and so is an empty object (a patch must change something). A new `name` follows the same rules as on create (409 `name_taken` when in use). */
export type PatchApiKey = {
  name?: string;
};

/** A JSON merge-patch (RFC 7396), sent as `application/merge-patch+json` or `application/json`: only the fields present change, and the rest stay as they are. Unknown and read-only fields are a 400 (`invalid_request`), and so is an empty object (a patch must change something). A new `name` follows the same rules as on create (409 `name_taken` when in use). */
export type PatchBackupPolicy = {
  name?: string;
};

/** A JSON merge-patch (RFC 7396), sent as `application/merge-patch+json` or `application/json`: only the fields present change, and the rest stay as they are. Unknown and read-only fields are a 400 (`invalid_request`), and so is an empty object (a patch must change something). A new `name` follows the same rules as on create (409 `name_taken` when in use). */
export type PatchFirewall = {
  name?: string;
  /** A JSON merge-patch of the labels: a key with a string value sets that label, a key set to null removes it, other labels stay; `null` removes them all. Keys: an optional DNS subdomain prefix and '/', then a name of 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit. Values: 0 to 63 characters, same rules. At most 64 labels remain. */
  labels?: Record<string, string | null> | null;
};

/** A JSON merge-patch (RFC 7396), sent as `application/merge-patch+json` or `application/json`: only the fields present change, and the rest stay as they are. Unknown and read-only fields are a 400 (`invalid_request`), and so is an empty object (a patch must change something). A new `name` follows the same rules as on create (409 `name_taken` when in use). */
export type PatchFunction = {
  /** Unique per region */
  name?: string;
  /** A JSON merge-patch of the labels: a key with a string value sets that label, a key set to null removes it, other labels stay; `null` removes them all. Keys: an optional DNS subdomain prefix and '/', then a name of 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit. Values: 0 to 63 characters, same rules. At most 64 labels remain. */
  labels?: Record<string, string | null> | null;
};

/** A JSON merge-patch (RFC 7396), sent as `application/merge-patch+json` or `application/json`: only the fields present change, and the rest stay as they are. Unknown and read-only fields are a 400 (`invalid_request`), and so is an empty object (a patch must change something). A new `name` follows the same rules as on create (409 `name_taken` when in use). */
export type PatchLoadBalancer = {
  /** Unique per region */
  name?: string;
  /** A JSON merge-patch of the labels: a key with a string value sets that label, a key set to null removes it, other labels stay; `null` removes them all. Keys: an optional DNS subdomain prefix and '/', then a name of 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit. Values: 0 to 63 characters, same rules. At most 64 labels remain. */
  labels?: Record<string, string | null> | null;
};

/** A JSON merge-patch (RFC 7396), sent as `application/merge-patch+json` or `application/json`: only the fields present change, and the rest stay as they are. Unknown and read-only fields are a 400 (`invalid_request`), and so is an empty object (a patch must change something). A new `name` follows the same rules as on create (409 `name_taken` when in use). */
export type PatchNetwork = {
  /** Unique per VPC */
  name?: string;
  /** A JSON merge-patch of the labels: a key with a string value sets that label, a key set to null removes it, other labels stay; `null` removes them all. Keys: an optional DNS subdomain prefix and '/', then a name of 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit. Values: 0 to 63 characters, same rules. At most 64 labels remain. */
  labels?: Record<string, string | null> | null;
};

/** A JSON merge-patch (RFC 7396), sent as `application/merge-patch+json` or `application/json`: only the fields present change, and the rest stay as they are. Unknown and read-only fields are a 400 (`invalid_request`), and so is an empty object (a patch must change something). A new `name` follows the same rules as on create (409 `name_taken` when in use). */
export type PatchSnapshot = {
  name?: string;
};

/** A JSON merge-patch (RFC 7396), sent as `application/merge-patch+json` or `application/json`: only the fields present change, and the rest stay as they are. Unknown and read-only fields are a 400 (`invalid_request`), and so is an empty object (a patch must change something). A new `name` follows the same rules as on create (409 `name_taken` when in use). */
export type PatchSshKey = {
  /** Trimmed; must not be blank */
  name?: string;
};

/** A JSON merge-patch (RFC 7396), sent as `application/merge-patch+json` or `application/json`: only the fields present change, and the rest stay as they are. Unknown and read-only fields are a 400 (`invalid_request`), and so is an empty object (a patch must change something). A new `name` follows the same rules as on create (409 `name_taken` when in use). */
export type PatchVpc = {
  /** Unique per region */
  name?: string;
  /** A JSON merge-patch of the labels: a key with a string value sets that label, a key set to null removes it, other labels stay; `null` removes them all. Keys: an optional DNS subdomain prefix and '/', then a name of 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit. Values: 0 to 63 characters, same rules. At most 64 labels remain. */
  labels?: Record<string, string | null> | null;
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

/** Guards against accidental deletion or re-imaging */
export type Protection = {
  /** While true, a delete answers 409 `delete_protected` */
  delete: boolean;
  /** While true, a rebuild answers 409 `rebuild_protected` */
  rebuild: boolean;
};

export type RebuildInstance = {
  /** An OS image slug, or the id of an available custom image in the same region (GET /v2/images) */
  image: string;
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

export type ReservedIp = {
  id: string;
  /** A public IPv4 address from the operator's pool */
  ip: string;
  region: string;
  /** The instance the address routes to (the new one as soon as an assign is accepted) */
  instance_id: string | null;
  /** Whether the address routes to an instance */
  status: "unassigned" | "assigned";
  /** Up to 64 key/value pairs. Keys: an optional DNS subdomain prefix and '/', then a name of 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit. Values: 0 to 63 characters, same rules. */
  labels: Record<string, string>;
  /** When the address was reserved */
  created_at: string;
};

export type ReservedIpActionAccepted = {
  id: string;
  /** Whether the address routes to an instance */
  status: "unassigned" | "assigned";
  message: string;
  action_id: string;
};

export type ReservedIpList = {
  data: ReservedIp[];
  pagination: Pagination;
};

export type ResizeDatabase = {
  /** The new plan; storage only grows */
  plan?: string;
  node_count?: number;
};

export type ResizeInstance = {
  /** The new plan id */
  plan: string;
};

export type ResizeVolume = {
  /** The new size; volumes only grow */
  size_gb: number;
};

export type RotateApiKey = {
  /** How long the old secret keeps working: `none` (it stops at once), `1h`, `24h` or `7d` */
  grace_period: "none" | "1h" | "24h" | "7d";
};

export type Snapshot = {
  id: string;
  name: string;
  /** The volume it was taken from (which may since have been deleted) */
  volume_id: string;
  region: string;
  /** Size of the volume when the snapshot was taken */
  size_gb: number;
  /** Lifecycle status */
  status: "creating" | "available" | "deleting";
  created_at: string;
};

export type SnapshotDeleteAccepted = {
  id: string;
  /** Lifecycle status */
  status: "creating" | "available" | "deleting";
  message: string;
  action_id: string;
};

export type SnapshotInstance = {
  /** The custom image's name, unique among your images */
  name: string;
  /** Allow a running instance: its disk is copied as it is, as if the power had been cut. Default false (a running instance is a 409) */
  crash_consistent?: boolean;
};

export type SnapshotList = {
  data: Snapshot[];
  pagination: Pagination;
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

export type UpdateBackupPolicy = {
  name?: string;
  /** Five-field cron expression in UTC, e.g. `0 3 * * *` */
  schedule?: string;
  /** How many of its snapshots the policy keeps per volume */
  retention_count?: number;
  /** Target volumes (or use label_selector) */
  volume_ids?: string[];
  /** Target the volumes matching this label selector (or use volume_ids) */
  label_selector?: string;
  enabled?: boolean;
};

/** A JSON merge-patch (RFC 7396), sent as `application/merge-patch+json` or `application/json`: only the fields present change, and the rest stay as they are. Unknown and read-only fields are a 400 (`invalid_request`), and so is an empty object (a patch must change something). A new `name` follows the same rules as on create (409 `name_taken` when in use). */
export type UpdateContainer = {
  /** Hostname-safe: letters, digits and inner hyphens, 1-63 characters; unique per region */
  name?: string;
  /** A JSON merge-patch of the labels: a key with a string value sets that label, a key set to null removes it, other labels stay; `null` removes them all. Keys: an optional DNS subdomain prefix and '/', then a name of 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit. Values: 0 to 63 characters, same rules. At most 64 labels remain. */
  labels?: Record<string, string | null> | null;
};

/** Changes settings at once (no action); labels are replaced whole */
export type UpdateDatabase = {
  backups?: {
    /** Take a backup every day */
    enabled?: boolean;
    /** Backups older than this many days are deleted */
    retention_days?: number;
    /** UTC hour at which the daily backup starts */
    hour?: number;
  };
  /** Guards against accidental deletion */
  protection?: {
    /** While true, DELETE answers 409 */
    delete: boolean;
  };
  /** Up to 64 key/value pairs. Keys: an optional DNS subdomain prefix and '/', then a name of 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit. Values: 0 to 63 characters, same rules. */
  labels?: Record<string, string>;
};

/** Replaces the whole firewall */
export type UpdateFirewall = {
  name: string;
  inbound_rules: FirewallInboundRule[];
  /** Default: allow all outbound */
  outbound_rules?: FirewallOutboundRule[];
  /** The instances the firewall applies to: by id and/or by label selector */
  apply_to: {
    instance_ids?: string[];
    label_selector?: string;
  };
  /** Up to 64 key/value pairs. Keys: an optional DNS subdomain prefix and '/', then a name of 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit. Values: 0 to 63 characters, same rules. */
  labels?: Record<string, string>;
};

/** Deploys a new version: the source and every setting */
export type UpdateFunction = {
  /** See GET /v2/function_runtimes */
  runtime: string;
  /** A zip archive, base64; at most 10 MiB unpacked */
  source?: string;
  /** Instead of `source`, for small functions: file path → UTF-8 content */
  files?: Record<string, string>;
  /** `<module>.<function>`: index.handler (index.js) or main.handler (main.py) */
  handler: string;
  memory_mb?: number;
  timeout_s?: number;
  max_concurrency?: number;
  /** Write-only: GET shows the names only */
  environment?: Record<string, string>;
  /** A VPC network it may reach; without one, no network */
  network_id?: string | null;
};

/** A JSON merge-patch (RFC 7396), sent as `application/merge-patch+json` or `application/json`: only the fields present change, and the rest stay as they are. Unknown and read-only fields are a 400 (`invalid_request`), and so is an empty object (a patch must change something). A new `name` follows the same rules as on create (409 `name_taken` when in use). */
export type UpdateInstance = {
  /** Hostname-safe: letters, digits and inner hyphens, 1-63 characters; unique per region */
  name?: string;
  /** A JSON merge-patch of the labels: a key with a string value sets that label, a key set to null removes it, other labels stay; `null` removes them all. Keys: an optional DNS subdomain prefix and '/', then a name of 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit. Values: 0 to 63 characters, same rules. At most 64 labels remain. */
  labels?: Record<string, string | null> | null;
  /** Flags to set; one left out keeps its value (false on create) */
  protection?: {
    /** While true, a delete answers 409 `delete_protected` */
    delete?: boolean;
    /** While true, a rebuild answers 409 `rebuild_protected` */
    rebuild?: boolean;
  };
};

/** Replaces the rules, health check and targets */
export type UpdateLoadBalancer = {
  /** Default round_robin */
  algorithm?: "round_robin" | "least_connections";
  forwarding_rules: ForwardingRule[];
  health_check?: {
    /** How targets are checked */
    protocol: "http" | "tcp";
    port: number;
    /** For http checks; default / */
    path?: string;
    interval_seconds?: number;
    timeout_seconds?: number;
    healthy_threshold?: number;
    unhealthy_threshold?: number;
  };
  /** Instances in the same VPC, by id and/or label selector */
  targets: {
    instance_ids?: string[];
    label_selector?: string;
  };
};

/** A JSON merge-patch (RFC 7396), sent as `application/merge-patch+json` or `application/json`: only the fields present change, and the rest stay as they are. Unknown and read-only fields are a 400 (`invalid_request`), and so is an empty object (a patch must change something). A new `name` follows the same rules as on create (409 `name_taken` when in use). */
export type UpdateReservedIp = {
  /** A JSON merge-patch of the labels: a key with a string value sets that label, a key set to null removes it, other labels stay; `null` removes them all. Keys: an optional DNS subdomain prefix and '/', then a name of 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit. Values: 0 to 63 characters, same rules. At most 64 labels remain. */
  labels?: Record<string, string | null> | null;
};

/** A JSON merge-patch (RFC 7396), sent as `application/merge-patch+json` or `application/json`: only the fields present change, and the rest stay as they are. Unknown and read-only fields are a 400 (`invalid_request`), and so is an empty object (a patch must change something). A new `name` follows the same rules as on create (409 `name_taken` when in use). */
export type UpdateVolume = {
  /** Unique per region */
  name?: string;
  /** A JSON merge-patch of the labels: a key with a string value sets that label, a key set to null removes it, other labels stay; `null` removes them all. Keys: an optional DNS subdomain prefix and '/', then a name of 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit. Values: 0 to 63 characters, same rules. At most 64 labels remain. */
  labels?: Record<string, string | null> | null;
  /** Flags to set; one left out keeps its value (false on create) */
  protection?: {
    /** While true, a delete answers 409 `delete_protected` */
    delete?: boolean;
    /** While true, a rebuild answers 409 `rebuild_protected` */
    rebuild?: boolean;
  };
};

export type UpdateVpc = {
  name?: string;
  description?: string;
  /** Up to 64 key/value pairs. Keys: an optional DNS subdomain prefix and '/', then a name of 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit. Values: 0 to 63 characters, same rules. */
  labels?: Record<string, string>;
};

export type UpdateWebhook = {
  /** An https:// URL on a public address */
  url?: string;
  event_types?: string[];
  description?: string;
  /** true re-enables a webhook that was disabled */
  enabled?: boolean;
};

export type Volume = {
  id: string;
  name: string;
  region: string;
  size_gb: number;
  /** Filesystem made on the volume */
  filesystem: "ext4" | "xfs" | "none";
  /** Lifecycle status */
  status: "creating" | "available" | "attached" | "deleting";
  /** The instance it is attached to */
  instance_id: string | null;
  /** The snapshot it was restored from */
  snapshot_id: string | null;
  /** Up to 64 key/value pairs. Keys: an optional DNS subdomain prefix and '/', then a name of 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit. Values: 0 to 63 characters, same rules. */
  labels: Record<string, string>;
  protection: Protection;
  /** When the volume was created */
  created_at: string;
  /** When the volume last changed */
  updated_at: string;
};

export type VolumeActionAccepted = {
  id: string;
  /** Lifecycle status */
  status: "creating" | "available" | "attached" | "deleting";
  message: string;
  action_id: string;
};

export type VolumeList = {
  data: Volume[];
  pagination: Pagination;
};

export type Vpc = {
  id: string;
  name: string;
  region: string;
  ip_range: string;
  description: string;
  /** The VPC created for the region on first use */
  default: boolean;
  /** Up to 64 key/value pairs. Keys: an optional DNS subdomain prefix and '/', then a name of 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit. Values: 0 to 63 characters, same rules. */
  labels: Record<string, string>;
  /** When the VPC was created */
  created_at: string;
  /** When the VPC last changed */
  updated_at: string;
};

export type VpcList = {
  data: Vpc[];
  pagination: Pagination;
};

export type Webhook = {
  id: string;
  url: string;
  description: string;
  /** The event types sent: exact (`instance.created`) or prefixes (`instance.*`, `*`) */
  event_types: string[];
  /** Disabled by its owner, or by CloudNexus after 24 hours of failed deliveries */
  status: "enabled" | "disabled";
  disabled_reason: string | null;
  /** When the webhook was created */
  created_at: string;
  /** When the webhook last changed */
  updated_at: string;
};

export type WebhookDelivery = {
  id: string;
  /** Also sent as the CloudNexus-Event-Id header, so receivers can drop duplicates */
  event_id: string;
  attempt: number;
  status: "pending" | "succeeded" | "failed";
  /** The HTTP status the endpoint answered; null if it never answered */
  response_status: number | null;
  duration_ms: number | null;
  /** Why the attempt failed */
  error: string | null;
  /** When the attempt was due */
  scheduled_at: string;
  attempted_at: string | null;
};

export type WebhookDeliveryList = {
  data: WebhookDelivery[];
  pagination: Pagination;
};

export type WebhookList = {
  data: Webhook[];
  pagination: Pagination;
};

export type WebhookTestAccepted = {
  /** The `webhook.test` event queued for delivery */
  event_id: string;
};
