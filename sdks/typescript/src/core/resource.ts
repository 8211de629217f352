import type { Transport } from './transport.js';
import type { ActionWaiter } from './wait.js';

/** A group of operations under one path, sharing the client's transport. */
export abstract class APIResource {
  constructor(protected readonly transport: Transport) {}
}

/** A resource with asynchronous operations: `{ wait: true }` waits through the client's actions. */
export abstract class AsyncAPIResource extends APIResource {
  constructor(
    transport: Transport,
    protected readonly waiter: ActionWaiter,
  ) {
    super(transport);
  }
}
