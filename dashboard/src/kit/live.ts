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

/**
 * Calls `tick` every `intervalMs` while it returns true and the page is alive, at most `maxTicks`
 * times. A failed tick (a 429 once the account's budget is spent, a dropped connection) doubles
 * the interval, up to a minute, so a page left open backs off instead of hammering the API.
 */
export async function pollWhile(alive: () => boolean, intervalMs: number, maxTicks: number, tick: () => Promise<boolean>): Promise<void> {
  let wait = intervalMs;
  for (let i = 0; i < maxTicks && alive(); i++) {
    await sleep(wait);
    if (!alive()) return;
    try {
      if (!(await tick())) return;
      wait = intervalMs;
    } catch {
      wait = Math.min(60_000, wait * 2);
    }
  }
}

/** Follows an action until it completes or errors (or the page is left); `changed` sees each new status. */
export async function followAction(actionId: string, alive: () => boolean, changed: (action: Action) => void): Promise<Action | null> {
  let last: Action | null = null;
  // Simulated and real actions take seconds to a minute or two; 1 s × 300 bounds the wait at 5 min.
  await pollWhile(alive, 1000, 300, async () => {
    const current: Action = await v2<Action>('GET', `/actions/${encodeURIComponent(actionId)}`);
    if (current.status !== last?.status) changed(current);
    last = current;
    return current.status === 'in-progress';
  });
  return last;
}
