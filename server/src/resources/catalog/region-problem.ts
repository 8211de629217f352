// Whether a create may use a region: why not, as a 422 detail on `region`, or null when it may.
import type { ErrorDetail } from '../../errors/api-error.js';
import { regions } from './catalogs.js';

export function regionProblem(id: string): ErrorDetail | null {
  const region = regions.find(id);
  if (!region) return { field: 'region', message: 'Invalid region identifier' };
  if (!region.available) return { field: 'region', message: 'Region is not accepting new resources' };
  return null;
}
