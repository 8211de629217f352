import type { AuthContext } from './auth-context.js';
import { apiError } from '../../errors/catalog.js';

/** A key with a region allowlist may only act on resources in those regions (403 otherwise). */
export function assertRegionAccess(caller: AuthContext, region: string): void {
  if (caller.regions && !caller.regions.includes(region)) throw apiError('region_forbidden', `This API key may not act in region ${region}`);
}
