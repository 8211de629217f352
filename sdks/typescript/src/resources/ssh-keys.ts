import type { RequestOptions } from '../core/config.js';
import { listPages, type PageParams, type PagePromise } from '../core/pagination.js';
import { APIResource } from '../core/resource.js';
import type { CreateSshKey, PatchSshKey, SshKey } from '../models.js';

export class SshKeys extends APIResource {
  list(params: PageParams = {}, options?: RequestOptions): PagePromise<SshKey> {
    return listPages(params, (query) => this.transport.op('listSshKeys', { query }, options));
  }

  /** Registers an OpenSSH public key (ed25519, ECDSA, or RSA of at least 2048 bits). */
  create(body: CreateSshKey, options?: RequestOptions): Promise<SshKey> {
    return this.transport.op('createSshKey', { body }, options);
  }

  retrieve(id: string, options?: RequestOptions): Promise<SshKey> {
    return this.transport.op('getSshKey', { path: { id } }, options);
  }

  /** Renames the SSH key; the key itself cannot change. */
  update(id: string, body: PatchSshKey, options?: RequestOptions): Promise<SshKey> {
    return this.transport.op('patchSshKey', { path: { id }, body }, options);
  }

  async delete(id: string, options?: RequestOptions): Promise<void> {
    await this.transport.op('deleteSshKey', { path: { id } }, options);
  }
}
