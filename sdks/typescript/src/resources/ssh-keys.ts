import type { RequestOptions } from '../core/config.js';
import { listPages, type PageParams, type PagePromise } from '../core/pagination.js';
import { path } from '../core/path.js';
import { APIResource } from '../core/resource.js';
import type { CreateSshKey, SshKey } from '../models.js';

export class SshKeys extends APIResource {
  list(params: PageParams = {}, options?: RequestOptions): PagePromise<SshKey> {
    return listPages<SshKey>(this.transport, '/ssh_keys', params, options);
  }

  /** Registers an OpenSSH public key (ed25519, ECDSA, or RSA of at least 2048 bits). */
  create(body: CreateSshKey, options?: RequestOptions): Promise<SshKey> {
    return this.transport.request({ method: 'POST', path: '/ssh_keys', body }, options);
  }

  retrieve(id: string, options?: RequestOptions): Promise<SshKey> {
    return this.transport.request({ method: 'GET', path: path`/ssh_keys/${id}` }, options);
  }

  async delete(id: string, options?: RequestOptions): Promise<void> {
    await this.transport.request({ method: 'DELETE', path: path`/ssh_keys/${id}` }, options);
  }
}
