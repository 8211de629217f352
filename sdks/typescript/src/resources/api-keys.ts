import type { RequestOptions } from '../core/config.js';
import { listPages, type PageParams, type PagePromise } from '../core/pagination.js';
import { APIResource } from '../core/resource.js';
import type { ApiKey, CreateApiKey, CreatedApiKey, PatchApiKey, RotateApiKey } from '../models.js';

export class ApiKeys extends APIResource {
  list(params: PageParams = {}, options?: RequestOptions): PagePromise<ApiKey> {
    return listPages(params, (query) => this.transport.op('listApiKeys', { query }, options));
  }

  /** A new key within the calling key's own scopes and regions; `secret` is shown only in this response. */
  create(body: CreateApiKey, options?: RequestOptions): Promise<CreatedApiKey> {
    return this.transport.op('createApiKey', { body }, options);
  }

  retrieve(id: string, options?: RequestOptions): Promise<ApiKey> {
    return this.transport.op('getApiKey', { path: { id } }, options);
  }

  /** Renames the API key; its secret, scopes and regions stay. */
  update(id: string, body: PatchApiKey, options?: RequestOptions): Promise<ApiKey> {
    return this.transport.op('patchApiKey', { path: { id }, body }, options);
  }

  /**
   * A new key with the same settings; the old one keeps working for `grace_period` (`none`, `1h`,
   * `24h`, `7d`), then gets 401. The new `secret` is shown only in this response.
   */
  rotate(id: string, body: RotateApiKey, options?: RequestOptions): Promise<CreatedApiKey> {
    return this.transport.op('rotateApiKey', { path: { id }, body }, options);
  }

  /** Revokes the key at once; returns it with status `revoked`. */
  revoke(id: string, options?: RequestOptions): Promise<ApiKey> {
    return this.transport.op('revokeApiKey', { path: { id } }, options);
  }
}
