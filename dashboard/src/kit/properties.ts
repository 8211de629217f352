// Every property of a resource as a definition list: the API's own names, times as times, ids of
// other resources as links, nested objects as JSON. One view for every resource.
import { badge, h, time } from '../dom.js';
import type { Row } from './spec.js';

/** Id prefixes and the routes that show them. */
const LINKS: Record<string, string> = {
  inst_: 'instances',
  vol_: 'volumes',
  snap_: 'snapshots',
  vpc_: 'vpcs',
  net_: 'networks',
  fw_: 'firewalls',
  lb_: 'load-balancers',
  bkp_: 'backup-policies',
  db_: 'databases',
  wh_: 'webhooks',
  ctr_: 'containers',
  cimg_: 'container-images',
};

export function idLink(id: string): Node {
  const route = Object.entries(LINKS).find(([prefix]) => id.startsWith(prefix))?.[1];
  return route ? h('a', { href: `#/${route}/${encodeURIComponent(id)}`, class: 'mono' }, id) : h('span', { class: 'mono' }, id);
}

function value(name: string, v: unknown): Node | string {
  if (v === null || v === undefined) return h('span', { class: 'muted' }, '—');
  if (name === 'status') return badge(String(v));
  if (typeof v === 'string' && name.endsWith('_at')) return time(v);
  if (typeof v === 'string' && name !== 'id' && /_id$/.test(name)) return idLink(v);
  if (Array.isArray(v) && name.endsWith('_ids')) return v.length ? h('span', { class: 'id-list' }, ...v.map((id) => idLink(String(id)))) : h('span', { class: 'muted' }, 'none');
  if (typeof v === 'object') return h('pre', { class: 'mono json' }, JSON.stringify(v, null, 2));
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return String(v);
}

export function properties(row: Row): HTMLElement {
  return h('dl', { class: 'properties', 'data-test': 'properties' }, ...Object.entries(row).flatMap(([name, v]) => [h('dt', {}, name), h('dd', { 'data-prop': name }, value(name, v))]));
}
