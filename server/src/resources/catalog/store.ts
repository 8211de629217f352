// Catalogs are product data shipped with the server: held in memory, sorted by id, paged by keyset.
import type { IdPosition, PageRequest } from '../../db/page.js';

export class CatalogStore<T extends { id: string }> {
  private readonly items: readonly T[];
  private readonly indexById: ReadonlyMap<string, number>;

  constructor(items: readonly T[]) {
    this.items = [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.indexById = new Map(this.items.map((item, index) => [item.id, index]));
  }

  find(id: string): T | undefined {
    const index = this.indexById.get(id);
    return index === undefined ? undefined : this.items[index];
  }

  /** Up to `limit` items whose id sorts after `afterId` (which need not be in the catalog), in id order. */
  after(afterId: string | null, limit: number): T[] {
    const start = afterId === null ? 0 : this.items.findIndex((item) => item.id > afterId);
    return start === -1 ? [] : this.items.slice(start, start + limit);
  }

  /**
   * Up to `limit + 1` items after the cursor's id, so a page costs the same at any depth; null
   * when that id is no longer in the catalog (a cursor from before an upgrade).
   */
  page(request: PageRequest<IdPosition>): T[] | null {
    let start = 0;
    if (request.after !== null) {
      const index = this.indexById.get(request.after[0]);
      if (index === undefined) return null;
      start = index + 1;
    }
    return this.items.slice(start, start + request.limit + 1);
  }
}
