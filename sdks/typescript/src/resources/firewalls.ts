import type { RequestOptions } from '../core/config.js';
import { listPages, type PageParams, type PagePromise } from '../core/pagination.js';
import { APIResource } from '../core/resource.js';
import type { CreateFirewall, Firewall, PatchFirewall, UpdateFirewall } from '../models.js';

export interface FirewallListParams extends PageParams {
  /** Kubernetes label selector grammar, e.g. `env=prod,tier in (api,web),!legacy`. */
  label_selector?: string;
}

/** Inbound and outbound rules applied to instances by id or label selector. */
export class Firewalls extends APIResource {
  list(params: FirewallListParams = {}, options?: RequestOptions): PagePromise<Firewall> {
    return listPages(params, (query) => this.transport.op('listFirewalls', { query }, options));
  }

  create(body: CreateFirewall, options?: RequestOptions): Promise<Firewall> {
    return this.transport.op('createFirewall', { body }, options);
  }

  retrieve(id: string, options?: RequestOptions): Promise<Firewall> {
    return this.transport.op('getFirewall', { path: { id } }, options);
  }

  /** Renames the firewall or changes its labels: a JSON merge-patch (a label set to null is removed); the rules stay. */
  update(id: string, body: PatchFirewall, options?: RequestOptions): Promise<Firewall> {
    return this.transport.op('patchFirewall', { path: { id }, body }, options);
  }

  /** Replaces the whole firewall: rules, targets and labels (what is left out is gone). */
  replace(id: string, body: UpdateFirewall, options?: RequestOptions): Promise<Firewall> {
    return this.transport.op('replaceFirewall', { path: { id }, body }, options);
  }

  async delete(id: string, options?: RequestOptions): Promise<void> {
    await this.transport.op('deleteFirewall', { path: { id } }, options);
  }
}
