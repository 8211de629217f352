// Scopes are `<resource>:read`, `<resource>:write` or `*`. Write implies read on the same resource.

/** Every resource a scope can name. Grows as resources land. */
export const SCOPE_RESOURCES = ['regions', 'plans', 'images', 'account', 'api_keys', 'instances', 'ssh_keys', 'actions', 'volumes', 'snapshots', 'backup_policies', 'vpcs', 'networks', 'firewalls', 'load_balancers', 'reserved_ips', 'databases', 'events', 'webhooks', 'functions', 'container_images', 'containers'] as const;
export type ScopeResource = (typeof SCOPE_RESOURCES)[number];
export type Scope = '*' | `${ScopeResource}:${'read' | 'write'}`;

export const ALL_SCOPES: readonly Scope[] = ['*'];

export function isScope(value: string): value is Scope {
  if (value === '*') return true;
  const [resource, access, extra] = value.split(':');
  return extra === undefined && (SCOPE_RESOURCES as readonly string[]).includes(resource ?? '') && (access === 'read' || access === 'write');
}

export function scopeAllows(granted: readonly string[], required: Scope): boolean {
  if (granted.includes('*') || granted.includes(required)) return true;
  const [resource, access] = required.split(':');
  return access === 'read' && granted.includes(`${resource}:write`);
}
