// The three catalogs every create is checked against.
import { IMAGES, type Image } from './data/images.js';
import { PLANS, type Plan } from './data/plans.js';
import { REGIONS, type Region } from './data/regions.js';
import { CatalogStore } from './store.js';

export const regions = new CatalogStore<Region>(REGIONS);
export const plans = new CatalogStore<Plan>(PLANS);
export const images = new CatalogStore<Image>(IMAGES);
