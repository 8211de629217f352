// Live status without a reload: a page polls while something moves on its own, and stops when the
// user leaves the page (every render starts a new page generation) or after a bound.
import { v2 } from '../api.js';

let generation = 0;

/** Starts a new page; the returned check is true until the next page starts. */
export function newPage(): () => boolean {
  const mine = ++generation;
  return () => generation === mine;
}

export interface Action {
  id: string;
  type: string;
  status: 'in-progress' | 'completed' | 'errored';
  resource_id: string;
  started_at: string;
  completed_at: string | null;
  error: string | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Calls `tick` every `intervalMs` while it returns true and the page is alive, at most `maxTicks` times. */
export async function pollWhile(alive: () => boolean, intervalMs: number, maxTicks: number, tick: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < maxTicks && alive(); i++) {
    await sleep(intervalMs);
    if (!alive() || !(await tick().catch(() => false))) return;
  }
}

/** Follows an action until it completes or errors (or the page is left); `update` sees every state. */
export async function followAction(actionId: string, alive: () => boolean, update: (action: Action) => void): Promise<Action | null> {
  let last: Action | null = null;
  // Simulated and real actions take seconds to a minute or two; 0.5 s × 600 bounds the wait at 5 min.
  await pollWhile(alive, 500, 600, async () => {
    last = await v2<Action>('GET', `/actions/${encodeURIComponent(actionId)}`);
    update(last);
    return last.status === 'in-progress';
  });
  return last;
}
