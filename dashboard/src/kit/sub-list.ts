// A detail-page section listing a resource's sub-collection (a database's users and backups, a
// webhook's deliveries) with paging, and, where the API has them, a create form and a delete
// per row (after a confirmation).
import { failureText, v2, withQuery, type Page } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { confirmDialog } from './dialog.js';
import type { Field } from './fields.js';
import { openFormDialog } from './form-dialog.js';
import type { Column, Row } from './spec.js';

export interface SubListSpec {
  title: string;
  /** The collection under /v2 (`/databases/db_…/users`). */
  path: string;
  columns: readonly Column[];
  /** Rows are named by this property in their own URL (`name` for database users). */
  key?: string;
  create?: { label: string; fields: readonly Field[] };
  /** The question before deleting a row; no delete without it. */
  confirmDelete?: (row: Row) => string;
}

export function subList(spec: SubListSpec): HTMLElement {
  const body = h('tbody');
  const more = h('div', { class: 'more' });
  const problem = h('p', { class: 'error', role: 'alert' });
  const key = spec.key ?? 'id';
  const slug = spec.title.toLowerCase().replace(/\s+/g, '-');
  const span = String(spec.columns.length + (spec.confirmDelete ? 1 : 0));

  const remove = async (row: Row) => {
    if (!spec.confirmDelete || !(await confirmDialog(`Delete from ${spec.title.toLowerCase()}`, spec.confirmDelete(row), 'Delete'))) return;
    try {
      await v2('DELETE', `${spec.path}/${encodeURIComponent(String(row[key]))}`);
      await load(null);
    } catch (failure) {
      replaceChildren(problem, failureText(failure));
    }
  };
  const line = (row: Row) =>
    h(
      'tr',
      {},
      ...spec.columns.map((c) => h('td', {}, c.cell(row))),
      spec.confirmDelete ? h('td', {}, h('button', { type: 'button', class: 'danger', onclick: () => void remove(row) }, 'Delete')) : null,
    );

  async function load(cursor: string | null): Promise<void> {
    try {
      const page = await v2<Page<Row>>('GET', withQuery(spec.path, { cursor }));
      if (!cursor) replaceChildren(body);
      body.append(...page.data.map(line));
      if (body.children.length === 0) body.append(h('tr', {}, h('td', { colspan: span, class: 'empty' }, `No ${spec.title.toLowerCase()} yet.`)));
      const next = page.pagination.next_cursor;
      replaceChildren(more, next ? h('button', { type: 'button', onclick: () => void load(next) }, 'Load more') : null);
      replaceChildren(problem);
    } catch (failure) {
      replaceChildren(problem, failureText(failure));
    }
  }

  const create = spec.create;
  const createButton = create
    ? h(
        'button',
        {
          type: 'button',
          onclick: () => openFormDialog({ title: create.label, submitLabel: create.label, fields: create.fields, send: (b) => v2('POST', spec.path, b), done: () => void load(null) }),
        },
        create.label,
      )
    : null;
  const head = h('thead', {}, h('tr', {}, ...spec.columns.map((c) => h('th', { scope: 'col' }, c.label)), spec.confirmDelete ? h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Delete')) : null));
  void load(null);
  return h(
    'section',
    { class: 'card', 'aria-labelledby': `sub-${slug}`, 'data-test': `sub-${slug}` },
    h('div', { class: 'page-header' }, h('h2', { id: `sub-${slug}` }, spec.title), createButton),
    problem,
    h('table', {}, head, body),
    more,
  );
}

