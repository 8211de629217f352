// A resource's detail page: its status as text, every property, its action buttons (run by
// run-action.ts), the actions it has been through with their outcomes, its extra sections
// (charts) and its events. It polls while the resource is in a transitional status.
import { ApiFailure, failureText, v2, withQuery, type Page } from '../api.js';
import { badge, h, replaceChildren, time } from '../dom.js';
import { eventsFeed } from './events-feed.js';
import { pollWhile, type Action } from './live.js';
import { properties } from './properties.js';
import { runAction } from './run-action.js';
import type { ResourceSpec, Row } from './spec.js';

function actionRows(actions: Action[]): HTMLElement[] {
  if (actions.length === 0) return [h('tr', {}, h('td', { colspan: '5', class: 'empty' }, 'No actions yet.'))];
  return actions.map((a) =>
    h('tr', { 'data-action': a.type }, h('td', {}, a.type), h('td', {}, badge(a.status)), h('td', {}, time(a.started_at)), h('td', {}, time(a.completed_at)), h('td', {}, a.error ?? '')),
  );
}

export function renderDetailPage(container: HTMLElement, spec: ResourceSpec, id: string, alive: () => boolean): void {
  const title = h('h1', {}, `${spec.singular} ${id}`);
  const status = h('span', { 'data-test': 'status' });
  const buttons = h('div', { class: 'toolbar', role: 'group', 'aria-label': 'Actions' });
  const says = h('p', { class: 'status-line', role: 'status', 'data-test': 'action-status' });
  const problem = h('p', { class: 'error', role: 'alert' });
  const props = h('div', { class: 'card' });
  const actionsBody = h('tbody');
  const sections = h('div');
  const events = eventsFeed(id);
  let row: Row | null = null;
  let following = false;

  const say = (text: string, failed = false) => {
    says.classList.toggle('failed', failed);
    replaceChildren(says, text);
  };
  let vanished = false;
  const gone = () => {
    vanished = true;
    row = null;
    replaceChildren(status, badge('deleted'));
    replaceChildren(buttons, h('a', { href: `#/${spec.route}` }, `Back to ${spec.title.toLowerCase()}`));
    replaceChildren(props, h('p', {}, `This ${spec.singular.toLowerCase()} no longer exists.`));
  };
  const moving = () => row?.status !== undefined && (spec.transitional ?? []).includes(row.status);

  const drawButtons = (current: Row) => {
    const offered = (spec.actions ?? []).filter((a) => !a.when || a.when(current));
    replaceChildren(
      buttons,
      ...offered.map((action) =>
        h(
          'button',
          {
            type: 'button',
            class: action.confirm ? 'danger' : undefined,
            'data-action-button': action.label,
            onclick: () =>
              void runAction(spec, current, action, {
                alive,
                say,
                refresh: () => refresh().catch(() => undefined),
                finished: ({ removed, created }) => {
                  if (removed) return gone();
                  if (created && action.creates) says.append(' ', h('a', { href: `#/${action.creates}/${encodeURIComponent(created.id)}` }, `Open ${created.id}`));
                  void refresh().catch(() => undefined);
                },
              }),
          },
          action.label,
        ),
      ),
    );
  };

  /** The resource's actions and events: reloaded when the resource or one of its actions changes. */
  const reloadHistory = async () => {
    const actions = await v2<Page<Action>>('GET', withQuery('/actions', { resource_id: id, limit: '10' }));
    replaceChildren(actionsBody, ...actionRows(actions.data));
    await events.refresh();
  };

  let shown = '';
  /** Reloads the resource; redraws (and reloads its history) only when it changed, or when `history` asks. */
  async function refresh(history = true): Promise<void> {
    if (!alive() || vanished) return;
    try {
      const current = await v2<Row>('GET', `${spec.path}/${encodeURIComponent(id)}`);
      const first = row === null;
      const changed = JSON.stringify(current) !== shown;
      row = current;
      shown = JSON.stringify(current);
      if (changed) {
        replaceChildren(title, `${spec.singular} ${String(current.name ?? current.url ?? current.id)}`);
        replaceChildren(status, current.status === undefined ? null : badge(current.status));
        replaceChildren(props, properties(current));
        drawButtons(current);
      }
      if (first && spec.sections) replaceChildren(sections, ...spec.sections(current, alive));
      if (changed || history) await reloadHistory();
      replaceChildren(problem);
      if (moving()) follow();
    } catch (failure) {
      if (failure instanceof ApiFailure && failure.status === 404) return gone();
      replaceChildren(problem, failureText(failure));
      // A spent budget (429) or a dropped connection: let the poll back off.
      throw failure;
    }
  }

  /** While the resource moves on its own, watch it (every 2 s: the account's rate limit pays for it). */
  function follow(): void {
    if (following) return;
    following = true;
    void pollWhile(alive, 2000, 300, async () => {
      await refresh(false);
      return moving() && row !== null;
    }).finally(() => (following = false));
  }

  replaceChildren(
    container,
    h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, h('a', { href: `#/${spec.route}` }, spec.title), ' / ', h('span', { class: 'mono' }, id)),
    h('header', { class: 'page-header' }, h('div', { class: 'title-row' }, title, status)),
    buttons,
    says,
    problem,
    props,
    sections,
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'actions-heading' },
      h('h2', { id: 'actions-heading' }, 'Actions'),
      h('table', { 'data-test': 'actions-table' }, h('thead', {}, h('tr', {}, ...['Action', 'Status', 'Started', 'Completed', 'Error'].map((l) => h('th', { scope: 'col' }, l)))), actionsBody),
    ),
    events.element,
  );
  void refresh().catch(() => undefined);
}
