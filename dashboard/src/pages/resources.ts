// Overview pages: the account's instances, networks and volumes with their status.
import { ApiFailure, call } from '../api.js';
import { badge, h, replaceChildren, time } from '../dom.js';

type Row = Record<string, unknown> & { id: string; status?: string; created_at: string };
interface Page {
  data: Row[];
  pagination: { next_cursor: string | null; has_more: boolean };
}

export interface ResourcePage {
  route: string;
  title: string;
  columns: { label: string; cell: (row: Row) => Node | string }[];
}

const text = (value: unknown) => (value === null || value === undefined ? '—' : String(value));

export const RESOURCE_PAGES: ResourcePage[] = [
  {
    route: 'instances',
    title: 'Instances',
    columns: [
      { label: 'Name', cell: (r) => text(r.name) },
      { label: 'Status', cell: (r) => badge(text(r.status)) },
      { label: 'Region', cell: (r) => text(r.region) },
      { label: 'Plan', cell: (r) => text(r.plan) },
      { label: 'IPv4', cell: (r) => text(r.ipv4) },
    ],
  },
  {
    route: 'networks',
    title: 'Networks',
    columns: [
      { label: 'Name', cell: (r) => text(r.name) },
      // Networks have no lifecycle: they are usable as soon as they exist.
      { label: 'Environment', cell: (r) => text(r.environment) },
      { label: 'Region', cell: (r) => text(r.region) },
      { label: 'IP range', cell: (r) => text(r.ip_range) },
      { label: 'VPC', cell: (r) => text(r.vpc_id) },
      { label: 'Default', cell: (r) => (r.default ? 'yes' : 'no') },
    ],
  },
  {
    route: 'volumes',
    title: 'Volumes',
    columns: [
      { label: 'Name', cell: (r) => text(r.name) },
      { label: 'Status', cell: (r) => badge(text(r.status)) },
      { label: 'Region', cell: (r) => text(r.region) },
      { label: 'Size', cell: (r) => `${text(r.size_gb)} GB` },
      { label: 'Attached to', cell: (r) => text(r.instance_id) },
    ],
  },
];

export async function renderResources(container: HTMLElement, page: ResourcePage): Promise<void> {
  const body = h('tbody');
  const more = h('div', { class: 'more' });
  const table = h(
    'table',
    { 'data-test': `${page.route}-table` },
    h('thead', {}, h('tr', {}, h('th', {}, 'ID'), ...page.columns.map((c) => h('th', {}, c.label)), h('th', {}, 'Created'))),
    body,
  );
  replaceChildren(container, h('header', { class: 'page-header' }, h('h1', {}, page.title)), h('div', { class: 'card' }, table, more));

  const load = async (cursor: string | null) => {
    try {
      const result = await call<Page>('GET', `/${page.route}${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`);
      for (const row of result.data) {
        body.append(h('tr', {}, h('td', { class: 'mono' }, row.id), ...page.columns.map((c) => h('td', {}, c.cell(row))), h('td', {}, time(row.created_at))));
      }
      if (body.children.length === 0) body.append(h('tr', {}, h('td', { colspan: String(page.columns.length + 2), class: 'empty' }, `No ${page.title.toLowerCase()} yet.`)));
      const next = result.pagination.next_cursor;
      replaceChildren(more, next ? h('button', { type: 'button', onclick: () => void load(next) }, 'Load more') : null);
    } catch (failure) {
      replaceChildren(more, h('p', { class: 'error' }, failure instanceof ApiFailure ? failure.describe() : 'Could not load'));
    }
  };
  await load(null);
}
