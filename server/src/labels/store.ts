// SQL for the labels of any resource (one table for every type: ids carry their type's prefix).
import { sql, type RawBuilder } from 'kysely';
import type { Database, Db } from '../db/database.js';
import { jsonObjectOf } from '../db/json-aggregate.js';

export type Labels = Record<string, string>;

export class LabelsStore {
  /** `db` may be a transaction: replace() is meant to run inside the caller's. */
  constructor(private readonly db: Db) {}

  /** Makes `labels` the resource's whole label set. */
  async replace(resourceId: string, labels: Labels): Promise<void> {
    await this.remove(resourceId);
    const rows = Object.entries(labels).map(([key, value]) => ({ resource_id: resourceId, key, value }));
    if (rows.length > 0) await this.db.insertInto('labels').values(rows).execute();
  }

  /** The labels of a page of resources in one query; every id is in the map, with `{}` when it has none. */
  async forResources(ids: string[]): Promise<Map<string, Labels>> {
    const entries = new Map<string, [string, string][]>(ids.map((id) => [id, []]));
    if (ids.length > 0) {
      const rows = await this.db
        .selectFrom('labels')
        .select(['resource_id', 'key', 'value'])
        .where('resource_id', 'in', [...entries.keys()])
        .execute();
      // Sorted here, not in SQL: PostgreSQL's collation would order mixed-case keys unlike SQLite's.
      rows.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
      for (const row of rows) entries.get(row.resource_id)?.push([row.key, row.value]);
    }
    // fromEntries defines own properties, so no key can reach a prototype setter.
    return new Map([...entries].map(([id, pairs]) => [id, Object.fromEntries(pairs)]));
  }

  async remove(resourceId: string): Promise<void> {
    await this.db.deleteFrom('labels').where('resource_id', '=', resourceId).execute();
  }
}

/**
 * The labels of the outer query's row `idColumn` (e.g. 'instances.id'), as JSON text (parse it with parseJsonObject, which orders the keys):
 * a column for a list's own select, so a page and its labels are one statement.
 */
export function labelsJson(kind: Database['kind'], idColumn: string): RawBuilder<string> {
  return jsonObjectOf(kind, 'labels.key', 'labels.value', sql`from labels where labels.resource_id = ${sql.ref(idColumn)}`);
}
