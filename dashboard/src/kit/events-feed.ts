// A resource's events, newest first: what changed, who changed it (a key, a dashboard user or the
// system) and when; "Load more" pages back through older ones.
import { failureText, v2, withQuery, type Page } from '../api.js';
import { h, replaceChildren, time } from '../dom.js';

interface EventRow {
  id: string;
  type: string;
  actor: { type: string; id: string | null };
  data: Record<string, unknown>;
  created_at: string;
}

const PAGE = '10';

function item(event: EventRow): HTMLElement {
  const change = typeof event.data.status === 'string' ? ` → ${event.data.status}` : '';
  const actor = event.actor.type === 'system' ? 'system' : `${event.actor.type.replace('_', ' ')} ${event.actor.id ?? ''}`;
  return h('li', { 'data-event': event.type }, time(event.created_at), ' ', h('strong', {}, event.type), change, h('span', { class: 'muted small' }, ` by ${actor}`));
}

export interface EventsFeed {
  element: HTMLElement;
  /** Loads the newest page: the detail page calls it first, then as the resource changes. */
  refresh: () => Promise<void>;
}

export function eventsFeed(resourceId: string): EventsFeed {
  const list = h('ol', { class: 'events', 'data-test': 'events' });
  const more = h('div', { class: 'more' });
  const problem = h('p', { class: 'error', role: 'alert' });
  let shown = 0;

  const load = async (cursor: string | null) => {
    try {
      const limit = cursor ? PAGE : String(Math.min(100, Math.max(Number(PAGE), shown)));
      const page = await v2<Page<EventRow>>('GET', withQuery('/events', { resource_id: resourceId, limit, cursor }));
      if (cursor) list.append(...page.data.map(item));
      else replaceChildren(list, ...(page.data.length ? page.data.map(item) : [h('li', { class: 'muted' }, 'No events yet.')]));
      shown = list.children.length;
      const next = page.pagination.next_cursor;
      replaceChildren(more, next ? h('button', { type: 'button', onclick: () => void load(next) }, 'Load more events') : null);
      replaceChildren(problem);
    } catch (failure) {
      replaceChildren(problem, failureText(failure));
    }
  };

  const element = h('section', { class: 'card', 'aria-labelledby': `events-${resourceId}` }, h('h2', { id: `events-${resourceId}` }, 'Events'), problem, list, more);
  return { element, refresh: () => load(null) };
}
