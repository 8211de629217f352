// Read-only access to one catalog: pages of items, and single items by id.
import { isIdPosition } from '../../db/page.js';
import type { Cursors, Page } from '../../http/pagination.js';
import type { CatalogStore } from './store.js';
import { invalidCursor, notFound } from '../../errors/catalog.js';

export class CatalogService<T extends { id: string }> {
  constructor(
    /** The list's name, which also scopes its cursors. */
    readonly name: string,
    private readonly noun: string,
    private readonly store: CatalogStore<T>,
  ) {}

  list(query: { limit?: number; cursor?: string }, cursors: Cursors): Page<T> {
    const request = cursors.request(this.name, query, isIdPosition);
    const items = this.store.page(request);
    if (items === null) throw invalidCursor();
    return cursors.page(this.name, request, items, (item) => [item.id], (item) => item);
  }

  get(id: string): T {
    const item = this.store.find(id);
    if (!item) throw notFound(`${this.noun} ${id}`);
    return item;
  }
}
