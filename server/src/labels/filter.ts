// Turns a parsed label selector into a condition on any resource list query. Each requirement is an
// EXISTS / NOT EXISTS subquery on `labels`, served by its (resource_id, key) primary key.
import type { Expression, ExpressionBuilder, SqlBool, StringReference } from 'kysely';
import type { Tables } from '../db/tables.js';
import type { LabelSelector, Requirement } from './selector.js';

/**
 * The rows of the outer query whose id (`idColumn`, e.g. 'instances.id') has labels matching every
 * requirement. Negative requirements (`!=`, `notin`, `!k`) also match resources without the key, as in Kubernetes.
 */
export function matchesLabelSelector<TB extends keyof Tables>(
  eb: ExpressionBuilder<Tables, TB>,
  idColumn: StringReference<Tables, TB>,
  selector: LabelSelector,
): Expression<SqlBool> {
  // Ids are text in every table; TypeScript cannot see that through the generic table name.
  const id = eb.ref(idColumn) as Expression<string>;
  // The subqueries only name `labels` and the outer id, so they need no outer tables in scope.
  const outer: ExpressionBuilder<Tables, never> = eb;
  return eb.and(selector.map((requirement) => matchesRequirement(outer, id, requirement)));
}

function matchesRequirement(eb: ExpressionBuilder<Tables, never>, id: Expression<string>, requirement: Requirement): Expression<SqlBool> {
  const withKey = eb
    .selectFrom('labels')
    .select('labels.key')
    .where('labels.resource_id', '=', id)
    .where('labels.key', '=', requirement.key);
  switch (requirement.operator) {
    case 'exists':
      return eb.exists(withKey);
    case 'not_exists':
      return eb.not(eb.exists(withKey));
    case '=':
      return eb.exists(withKey.where('labels.value', '=', requirement.value));
    case '!=':
      return eb.not(eb.exists(withKey.where('labels.value', '=', requirement.value)));
    case 'in':
      return eb.exists(withKey.where('labels.value', 'in', requirement.values));
    case 'notin':
      return eb.not(eb.exists(withKey.where('labels.value', 'in', requirement.values)));
  }
}
