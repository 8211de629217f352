// Row types as stored. Times are ISO-8601 UTC strings with milliseconds, so they sort as text on
// SQLite and PostgreSQL alike; flags and lists are stored as text (JSON) for the same reason.
import type { Generated } from 'kysely';


export interface SettingsTable {
  name: string;
  value: string;
}

export interface AccountsTable {
  id: string;
  name: string;
  tier: string;
  rate_limit: number | null;
  created_at: string;
}

export interface ApiKeysTable {
  id: string;
  account_id: string;
  name: string;
  key_hash: string;
  prefix: string;
  last4: string;
  scopes: string;
  regions: string | null;
  expires_at: string | null;
  revoked_at: string | null;
  created_at: string;
  /** Added by 0005: when the key last authenticated a request (to the minute). */
  last_used_at: string | null;
  /** Added by 0005: the key that replaced this one when it was rotated. */
  replaced_by: string | null;
}

export interface DashboardUsersTable {
  id: string;
  account_id: string;
  email: string;
  /** `scrypt$<N>$<r>$<p>$<salt b64>$<hash b64>` */
  password_hash: string;
  created_at: string;
}

export interface DashboardSessionsTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  /** The absolute end of the session, however active it is. */
  expires_at: string;
}

export interface DashboardSignInFailuresTable {
  email: string;
  failures: number;
  first_failed_at: string;
  locked_until: string | null;
}


export interface SshKeysTable {
  id: string;
  account_id: string;
  name: string;
  public_key: string;
  fingerprint: string;
  created_at: string;
}

export interface LabelsTable {
  resource_id: string;
  key: string;
  value: string;
}

export interface InstancesTable {
  id: string;
  account_id: string;
  name: string;
  region: string;
  plan: string;
  image: string;
  status: string;
  cpu: number;
  memory_gb: number;
  ipv4: string | null;
  /** Base64 as received. */
  user_data: string | null;
  /** JSON array of ssh key ids. */
  ssh_key_ids: string;
  /** Added by 0004: the private network it joined (null only for rows older than networking). */
  network_id: string | null;
  action_id: string | null;
  created_at: string;
  updated_at: string;
  /** Added by 0008, 1 or 0: delete protection. */
  protect_delete: number;
  /** Added by 0008, 1 or 0: rebuild protection. */
  protect_rebuild: number;
}

export interface ActionsTable {
  id: string;
  account_id: string;
  type: string;
  status: string;
  resource_type: string;
  resource_id: string;
  /** JSON: what the action needs to run (e.g. the target plan of a resize). */
  params: string;
  error: string | null;
  attempts: number;
  lease_owner: string | null;
  lease_expires_at: string | null;
  run_after: string;
  started_at: string;
  completed_at: string | null;
}

export interface IdempotencyKeysTable {
  account_id: string;
  key: string;
  fingerprint: string;
  state: string;
  response_status: number | null;
  response_body: string | null;
  response_location: string | null;
  locked_at: string;
  expires_at: string;
}

export interface VolumesTable {
  id: string;
  account_id: string;
  name: string;
  region: string;
  size_gb: number;
  filesystem: string;
  status: string;
  instance_id: string | null;
  /** The snapshot it was restored from, if any. */
  snapshot_id: string | null;
  action_id: string | null;
  created_at: string;
  updated_at: string;
  /** Added by 0008, 1 or 0: delete protection. */
  protect_delete: number;
  /** Added by 0008, 1 or 0: rebuild protection. */
  protect_rebuild: number;
}

export interface ReservedIpsTable {
  id: string;
  account_id: string;
  ip: string;
  region: string;
  /** The instance the address routes to; unique, so an instance holds at most one. */
  instance_id: string | null;
  status: string;
  /** 1 when an instance create reserved it (`public_ip: true`): deleted with that instance. */
  release_with_instance: number;
  action_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface SnapshotsTable {
  id: string;
  account_id: string;
  name: string;
  volume_id: string;
  region: string;
  size_gb: number;
  status: string;
  action_id: string | null;
  backup_policy_id: string | null;
  created_at: string;
  updated_at: string;
}

/** A custom image (OS images are the catalog's, not rows). */
export interface ImagesTable {
  id: string;
  account_id: string;
  name: string;
  region: string;
  distribution: string;
  version: string;
  source_instance_id: string;
  size_gb: number | null;
  status: string;
  action_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface BackupPoliciesTable {
  id: string;
  account_id: string;
  name: string;
  schedule: string;
  retention_count: number;
  /** JSON array of volume ids, or null when the policy targets a label selector. */
  volume_ids: string | null;
  label_selector: string | null;
  /** 1 or 0 (SQLite has no boolean). */
  enabled: number;
  next_run_at: string;
  last_run_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface VpcsTable {
  id: string;
  account_id: string;
  name: string;
  region: string;
  ip_range: string;
  description: string;
  default_key: string | null;
  created_at: string;
  updated_at: string;
}

export interface NetworksTable {
  id: string;
  account_id: string;
  vpc_id: string;
  name: string;
  region: string;
  ip_range: string;
  environment: string;
  is_default: number;
  created_at: string;
  updated_at: string;
}

export interface IpAllocationsTable {
  network_id: string;
  address: string;
  instance_id: string;
}

export interface FirewallsTable {
  id: string;
  account_id: string;
  name: string;
  /** JSON arrays of rules, and a JSON `{instance_ids, label_selector}`. */
  inbound_rules: string;
  outbound_rules: string;
  apply_to: string;
  created_at: string;
  updated_at: string;
}

export interface LoadBalancersTable {
  id: string;
  account_id: string;
  name: string;
  region: string;
  vpc_id: string;
  algorithm: string;
  /** JSON: forwarding rules, the health check, and `{instance_ids, label_selector}`. */
  forwarding_rules: string;
  health_check: string;
  targets: string;
  status: string;
  ip: string | null;
  action_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface DatabasesTable {
  id: string;
  account_id: string;
  name: string;
  region: string;
  engine: string;
  version: string;
  plan: string;
  node_count: number;
  network_id: string;
  host: string;
  port: number;
  admin_user: string;
  database_name: string;
  status: string;
  /** 1 or 0: delete protection. */
  protect_delete: number;
  backups_enabled: number;
  backup_retention_days: number;
  /** UTC hour (0-23) of the daily backup. */
  backup_hour: number;
  next_backup_at: string;
  /** The backup it was restored from, if any. */
  restored_from: string | null;
  action_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface DatabaseUsersTable {
  id: string;
  database_id: string;
  name: string;
  /** `admin` (made with the database, cannot be deleted) or `normal`. */
  role: string;
  /** SCRAM-SHA-256 verifier; the password itself is never stored. */
  password_verifier: string;
  status: string;
  created_at: string;
  updated_at: string;
}

export interface DatabaseBackupsTable {
  id: string;
  account_id: string;
  database_id: string;
  region: string;
  engine: string;
  version: string;
  plan: string;
  /** What the backup holds; null until it is taken. */
  size_mb: number | null;
  status: string;
  action_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface EventsTable {
  /** Generated: the order events were written in. */
  seq: Generated<number | string>;
  id: string;
  account_id: string;
  type: string;
  resource_type: string;
  resource_id: string;
  actor_type: string;
  actor_id: string | null;
  request_id: string | null;
  /** JSON object. */
  data: string;
  created_at: string;
}

export interface WebhooksTable {
  id: string;
  account_id: string;
  url: string;
  description: string;
  /** JSON array of event types, each exact or a prefix ending in `.*`. */
  event_types: string;
  secret: string;
  status: string;
  disabled_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface WebhookDeliveriesTable {
  id: string;
  account_id: string;
  webhook_id: string;
  event_id: string;
  attempt: number;
  status: string;
  run_after: string;
  lease_owner: string | null;
  lease_expires_at: string | null;
  first_due_at: string;
  response_status: number | null;
  duration_ms: number | null;
  error: string | null;
  attempted_at: string | null;
  created_at: string;
}

export interface FunctionsTable {
  id: string;
  account_id: string;
  name: string;
  region: string;
  runtime: string;
  handler: string;
  memory_mb: number;
  timeout_s: number;
  max_concurrency: number;
  /** JSON object of the variables (names and values); only the names are ever returned. */
  environment: string;
  network_id: string | null;
  /** The version deployed (or being deployed): 1 for the create, one more for each PUT. */
  version: number;
  source_sha256: string;
  source_bytes: number;
  status: string;
  /** Why the last deploy failed (the loader's message), while `errored`. */
  error: string | null;
  action_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface FunctionInvocationsTable {
  id: string;
  account_id: string;
  function_id: string;
  version: number;
  status: string;
  /** JSON: what the handler returned. */
  result: string | null;
  /** JSON `{type, message}` when status is error or timeout. */
  error: string | null;
  logs: string;
  duration_ms: number | null;
  billed_ms: number | null;
  created_at: string;
  finished_at: string | null;
}

/** An uploaded container image: its rootfs is on disk under the data dir, its run configuration here. */
export interface ContainerImagesTable {
  id: string;
  account_id: string;
  name: string;
  region: string;
  /** `sha256:…` of the image config. */
  digest: string;
  size_bytes: number;
  layers: number;
  /** JSON: entrypoint, cmd, env, exposed_ports, working_dir, user. */
  config: string;
  created_at: string;
  updated_at: string;
}

export interface ContainersTable {
  id: string;
  account_id: string;
  name: string;
  region: string;
  image_id: string;
  /** JSON array of strings, or null for the image's Entrypoint and Cmd. */
  command: string | null;
  /** JSON object of variable names to values. */
  environment: string;
  /** JSON array of {container_port, protocol}. */
  ports: string;
  memory_mb: number;
  cpu: number;
  replicas: number;
  network_id: string;
  ipv4: string | null;
  status: string;
  action_id: string | null;
  created_at: string;
  updated_at: string;
}

/** Written by triggers only (migration 0014); read by db/account-stamps.ts. */
export interface AccountStampsTable {
  account_id: string;
  stamp: string;
}

export interface Tables {
  settings: SettingsTable;
  accounts: AccountsTable;
  api_keys: ApiKeysTable;
  ssh_keys: SshKeysTable;
  labels: LabelsTable;
  instances: InstancesTable;
  actions: ActionsTable;
  idempotency_keys: IdempotencyKeysTable;
  volumes: VolumesTable;
  snapshots: SnapshotsTable;
  images: ImagesTable;
  reserved_ips: ReservedIpsTable;
  backup_policies: BackupPoliciesTable;
  vpcs: VpcsTable;
  networks: NetworksTable;
  ip_allocations: IpAllocationsTable;
  firewalls: FirewallsTable;
  load_balancers: LoadBalancersTable;
  databases: DatabasesTable;
  database_users: DatabaseUsersTable;
  database_backups: DatabaseBackupsTable;
  dashboard_users: DashboardUsersTable;
  dashboard_sessions: DashboardSessionsTable;
  dashboard_sign_in_failures: DashboardSignInFailuresTable;
  events: EventsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  functions: FunctionsTable;
  function_invocations: FunctionInvocationsTable;
  container_images: ContainerImagesTable;
  containers: ContainersTable;
  account_stamps: AccountStampsTable;
}
