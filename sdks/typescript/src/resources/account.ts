import type { RequestOptions } from '../core/config.js';
import { APIResource } from '../core/resource.js';
import type { Account } from '../models.js';

export class AccountResource extends APIResource {
  /** The calling key's account: tier, rate limit, quotas and usage. */
  retrieve(options?: RequestOptions): Promise<Account> {
    return this.transport.op('getAccount', {}, options);
  }
}
