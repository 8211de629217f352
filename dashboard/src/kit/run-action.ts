// Runs one action button: confirm (destructive ones), ask its fields (if any), call the API, then
// follow the async action it started until it completes or errors, saying so as text.
import { failureText, v2 } from '../api.js';
import { confirmDialog } from './dialog.js';
import { openFormDialog } from './form-dialog.js';
import { followAction, type Action } from './live.js';
import { showOnce } from './show-once.js';
import type { ActionSpec, ResourceSpec, Row } from './spec.js';

export interface ActionHooks {
  alive: () => boolean;
  /** Progress and outcome, as a sentence for the page's status line. */
  say: (text: string, failed?: boolean) => void;
  /** Reloads what the page shows, its history included (called as the action changes status). */
  refresh: () => Promise<void>;
  /** The action finished (the page reloads, or shows the resource gone when `removed`). */
  finished: (outcome: { removed: boolean; created: Row | null }) => void;
}

const url = (spec: ResourceSpec, row: Row, action: ActionSpec) => action.url ?? `${spec.path}/${encodeURIComponent(row.id)}${action.path}`;

const createdRow = (action: ActionSpec, answer: Row): Row => (action.createdId ? { ...answer, id: action.createdId(answer) } : answer);

async function afterAnswer(action: ActionSpec, answer: unknown, hooks: ActionHooks): Promise<void> {
  const accepted = answer as { action_id?: string; message?: string } | undefined;
  const created = action.creates ? createdRow(action, answer as Row) : null;
  if (action.showsResult && answer) showOnce(action.label, answer as Record<string, unknown>);
  if (!accepted?.action_id) {
    hooks.say(`${action.label}: done`);
    hooks.finished({ removed: action.removes === true, created });
    return;
  }
  hooks.say(`${action.label}: ${accepted.message ?? 'started'}`);
  const last: Action | null = await followAction(accepted.action_id, hooks.alive, (progress) => {
    hooks.say(`${action.label}: ${progress.status}`);
    // The last change is `finished`'s to show (a removal leaves nothing to reload).
    if (progress.status === 'in-progress') void hooks.refresh();
  });
  if (!last) return;
  if (last.status === 'errored') hooks.say(`${action.label} failed: ${last.error ?? 'unknown error'}`, true);
  else if (last.status === 'completed') hooks.say(`${action.label}: completed`);
  hooks.finished({ removed: action.removes === true && last.status === 'completed', created });
}

export async function runAction(spec: ResourceSpec, row: Row, action: ActionSpec, hooks: ActionHooks): Promise<void> {
  if (action.confirm && !(await confirmDialog(`${action.label} ${spec.singular}`, action.confirm(row), action.label))) return;
  const fixed = action.fixedBody?.(row);
  const send = (values?: Record<string, unknown>) => {
    const body = values && action.body ? action.body(row, values) : values;
    return v2<unknown>(action.method, url(spec, row, action), fixed || body ? { ...fixed, ...body } : undefined);
  };
  if (action.fields) {
    const fields = typeof action.fields === 'function' ? action.fields(row) : action.fields;
    openFormDialog({ title: `${action.label} ${spec.singular}`, submitLabel: action.label, fields, send, done: (answer) => void afterAnswer(action, answer, hooks) });
    return;
  }
  try {
    await afterAnswer(action, await send(), hooks);
  } catch (failure) {
    hooks.say(`${action.label} refused: ${failureText(failure)}`, true);
  }
}
