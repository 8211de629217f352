import type { Transport } from './transport.js';

/** A group of operations under one path, sharing the client's transport. */
export abstract class APIResource {
  constructor(protected readonly transport: Transport) {}
}
