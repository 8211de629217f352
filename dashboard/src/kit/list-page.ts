// A resource's list: filters (the list endpoint's query parameters), cursor paging with "Load more",
// a create form, and a live refresh while any row is in a transitional status.
import { failureText, v2, withQuery, type Page } from '../api.js';
import { h, replaceChildren, time } from '../dom.js';
import { buildField } from './fields.js';
import { openFormDialog } from './form-dialog.js';
import { pollWhile } from './live.js';
import type { ResourceSpec, Row } from './spec.js';
import { showOnce } from './show-once.js';

const PAGE_SIZE = 20;

const detailHref = (spec: ResourceSpec, id: string) => `#/${spec.route}/${encodeURIComponent(id)}`;

export function renderListPage(container: HTMLElement, spec: ResourceSpec, alive: () => boolean): void {
  const body = h('tbody');
  const more = h('div', { class: 'more' });
  const message = h('p', { class: 'error', role: 'alert' });
  const filters = (spec.filters ?? []).map((f) => buildField({ name: f.name, label: f.label, kind: f.choices ? 'select' : 'text', emptyLabel: 'Any', ...(f.choices ? { choices: f.choices } : {}) }));
  const columns = spec.columns.length + 2;
  let rows: Row[] = [];
  let polling = false;

  const query = () => Object.fromEntries(filters.map((f) => [f.field.name, f.input.value.trim()]));
  const row = (r: Row) =>
    h('tr', {}, h('td', { class: 'mono' }, h('a', { href: detailHref(spec, r.id) }, r.id)), ...spec.columns.map((c) => h('td', {}, c.cell(r))), h('td', {}, time(typeof r.created_at === 'string' ? r.created_at : null)));
  const draw = (next: string | null) => {
    replaceChildren(body, ...(rows.length > 0 ? rows.map(row) : [h('tr', {}, h('td', { colspan: String(columns), class: 'empty' }, `No ${spec.title.toLowerCase()} yet.`))]));
    replaceChildren(more, next ? h('button', { type: 'button', onclick: () => show(next, rows.length) }, 'Load more') : null);
  };
  const moving = () => rows.some((r) => r.status !== undefined && (spec.transitional ?? []).includes(r.status));

  /** Loads a page after `cursor` (appending), or reloads the first `keep` rows afresh. */
  const load = async (cursor: string | null, keep: number) => {
    try {
      const limit = String(Math.min(100, Math.max(PAGE_SIZE, cursor ? PAGE_SIZE : keep)));
      const page = await v2<Page<Row>>('GET', withQuery(spec.path, { ...query(), limit, cursor }));
      rows = cursor ? [...rows, ...page.data] : page.data;
      replaceChildren(message);
      draw(page.pagination.next_cursor);
      if (moving() && !polling) void follow();
    } catch (failure) {
      replaceChildren(message, failureText(failure));
      // For the live refresh to back off (a 429 once the budget is spent).
      throw failure;
    }
  };
  const show = (cursor: string | null, keep: number) => void load(cursor, keep).catch(() => undefined);
  const follow = async () => {
    polling = true;
    await pollWhile(alive, 3000, 100, async () => {
      await load(null, rows.length);
      return moving();
    });
    polling = false;
  };

  const create = spec.create;
  const createButton = create
    ? h(
        'button',
        {
          type: 'button',
          class: 'primary',
          onclick: () =>
            openFormDialog<Row>({
              title: `Create ${spec.singular}`,
              submitLabel: 'Create',
              fields: create,
              send: (b) => v2<Row>('POST', spec.path, b),
              done: (created) => {
                if (spec.createShowsResult) showOnce(`${spec.singular} created`, created, () => (window.location.hash = detailHref(spec, created.id)));
                else window.location.hash = detailHref(spec, created.id);
              },
            }),
        },
        `Create ${spec.singular}`,
      )
    : null;
  const filterForm = filters.length
    ? h('form', { class: 'filters', 'aria-label': `Filter ${spec.title.toLowerCase()}` }, ...filters.map((f) => f.wrapper), h('button', { type: 'submit' }, 'Apply'))
    : null;
  filterForm?.addEventListener('submit', (event) => {
    event.preventDefault();
    show(null, PAGE_SIZE);
  });

  const head = h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'ID'), ...spec.columns.map((c) => h('th', { scope: 'col' }, c.label)), h('th', { scope: 'col' }, 'Created')));
  replaceChildren(
    container,
    h('header', { class: 'page-header' }, h('h1', {}, spec.title), createButton),
    filterForm,
    message,
    h('div', { class: 'card' }, h('table', { 'data-test': `${spec.route}-table` }, h('caption', { class: 'visually-hidden' }, spec.title), head, body), more),
  );
  show(null, PAGE_SIZE);
}
