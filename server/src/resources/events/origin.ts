// Who made a change, and in answer to which request: what every event records besides the change.
import type { AuthContext } from '../api-keys/auth-context.js';

export const ACTOR_TYPES = ['api_key', 'dashboard_user', 'system'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

export interface Actor {
  type: ActorType;
  /** The key or user id; null for the system (the engine, the operator's CLI). */
  id: string | null;
}

export interface EventOrigin {
  accountId: string;
  actor: Actor;
  /** The API request that made the change; null for changes the engine makes on its own. */
  requestId: string | null;
}

/** Changes the engine or the operator make for an account, not answering any API request. */
export function systemOrigin(accountId: string): EventOrigin {
  return { accountId, actor: { type: 'system', id: null }, requestId: null };
}

/** An authenticated API caller as services receive it: its key's powers, and its changes' origin. */
export type Caller = AuthContext & EventOrigin;
