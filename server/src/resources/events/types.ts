// Every event type there is. Adding one is a line here; its resource type is the part before
// the last dot (`load_balancer.updated` → `load_balancer`), so events and filters stay uniform.

export const EVENT_TYPES = [
  'instance.created',
  'instance.updated',
  'instance.restart_requested',
  'instance.stop_requested',
  'instance.shutdown_requested',
  'instance.power_cycle_requested',
  'instance.start_requested',
  'instance.resize_requested',
  'instance.snapshot_requested',
  'instance.rebuild_requested',
  'instance.delete_requested',
  'instance.status_changed',
  'instance.resized',
  'instance.rebuilt',
  'instance.deleted',
  'volume.created',
  'volume.updated',
  'volume.attach_requested',
  'volume.detach_requested',
  'volume.resize_requested',
  'volume.delete_requested',
  'volume.status_changed',
  'volume.attached',
  'volume.detached',
  'volume.resized',
  'volume.deleted',
  'image.created',
  'image.delete_requested',
  'image.status_changed',
  'image.deleted',
  'snapshot.created',
  'snapshot.updated',
  'snapshot.delete_requested',
  'snapshot.status_changed',
  'snapshot.deleted',
  'backup_policy.created',
  'backup_policy.updated',
  'backup_policy.deleted',
  'vpc.created',
  'vpc.updated',
  'vpc.deleted',
  'network.created',
  'network.updated',
  'network.deleted',
  'firewall.created',
  'firewall.updated',
  'firewall.deleted',
  'load_balancer.created',
  'load_balancer.update_requested',
  'load_balancer.updated',
  'load_balancer.delete_requested',
  'load_balancer.status_changed',
  'load_balancer.deleted',
  'database.created',
  'database.updated',
  'database.resize_requested',
  'database.delete_requested',
  'database.reset_password_requested',
  'database.create_user_requested',
  'database.delete_user_requested',
  'database.status_changed',
  'database.resized',
  'database.password_reset',
  'database.user_created',
  'database.user_deleted',
  'database.deleted',
  'database_backup.created',
  'database_backup.deleted',
  'ssh_key.created',
  'ssh_key.updated',
  'ssh_key.deleted',
  'api_key.created',
  'api_key.updated',
  'api_key.rotated',
  'api_key.revoked',
  'webhook.created',
  'webhook.updated',
  'webhook.deleted',
  'webhook.disabled',
  'webhook.test',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

export function resourceTypeOf(type: EventType): string {
  return type.slice(0, type.lastIndexOf('.'));
}

/** A type pattern, as filters and webhooks take it: an exact type, `instance.*`, or `*`. */
export const EVENT_PATTERN = /^(\*|[a-z_]+\.\*|[a-z_]+\.[a-z_]+)$/;

export function patternMatches(pattern: string, type: string): boolean {
  if (pattern === '*') return true;
  return pattern.endsWith('.*') ? type.startsWith(pattern.slice(0, -1)) : type === pattern;
}
