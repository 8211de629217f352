// Choices for a form's select, loaded from the API when the form opens (regions, plans, the
// account's VPCs…), so the dashboard offers what the server would accept rather than a copy.
import { v2, type Page } from '../api.js';

export interface Choice {
  value: string;
  label: string;
}

export type ChoiceSource = readonly Choice[] | (() => Promise<Choice[]>);

type Item = Record<string, unknown> & { id: string };

/** The first page (up to 100) of a list, as choices labelled by `label(item)`. */
export function fromList(path: string, label: (item: Item) => string = (item) => `${String(item.name ?? item.id)} (${item.id})`): () => Promise<Choice[]> {
  return async () => {
    const sep = path.includes('?') ? '&' : '?';
    const page = await v2<Page<Item>>('GET', `${path}${sep}limit=100`);
    return page.data.map((item) => ({ value: item.id, label: label(item) }));
  };
}

export const fixed = (...values: string[]): Choice[] => values.map((value) => ({ value, label: value }));

export const REGIONS = fromList('/regions', (r) => `${String(r.name)} (${r.id})`);
export const PLANS = fromList('/plans', (p) => `${p.id} — ${String(p.cpu)} vCPU, ${String(p.memory_gb)} GB`);
export const IMAGES = fromList('/images', (i) => `${String(i.name ?? i.id)} (${i.id})`);
export const VPCS = fromList('/vpcs');
export const NETWORKS = fromList('/networks');
export const INSTANCES = fromList('/instances');
export const VOLUMES = fromList('/volumes');
export const SNAPSHOTS = fromList('/snapshots');

export async function loadChoices(source: ChoiceSource): Promise<Choice[]> {
  return typeof source === 'function' ? source() : [...source];
}
