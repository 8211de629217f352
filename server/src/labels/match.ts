// Evaluates a parsed label selector against one resource's labels, in memory (the SQL filter's twin).
import type { LabelSelector, Requirement } from './selector.js';

function matches(requirement: Requirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, requirement.key);
  const value = labels[requirement.key];
  switch (requirement.operator) {
    case 'exists':
      return has;
    case 'not_exists':
      return !has;
    case '=':
      return has && value === requirement.value;
    case '!=':
      return !has || value !== requirement.value;
    case 'in':
      return has && requirement.values.includes(value as string);
    case 'notin':
      return !has || !requirement.values.includes(value as string);
  }
}

/** True when `labels` satisfy every requirement (an empty selector matches everything). */
export function selectorMatches(selector: LabelSelector, labels: Record<string, string>): boolean {
  return selector.every((requirement) => matches(requirement, labels));
}
