// The catalogs creates are checked against.
import { DATABASE_ENGINES, type DatabaseEngine } from './data/database-engines.js';
import { IMAGES, type Image } from './data/images.js';
import { PLANS, type Plan } from './data/plans.js';
import { REGIONS, type Region } from './data/regions.js';
import { CatalogStore } from './store.js';

export const regions = new CatalogStore<Region>(REGIONS);
export const plans = new CatalogStore<Plan>(PLANS);
export const images = new CatalogStore<Image>(IMAGES);
export const databaseEngines = new CatalogStore<DatabaseEngine>(DATABASE_ENGINES);

/** A catalog another module assembles at startup (what the host offers, such as function runtimes), paged like these. */
export const catalogOf = <T extends { id: string }>(items: readonly T[]) => new CatalogStore<T>(items);
