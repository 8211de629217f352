// Which instances a firewall applies to, and which instances a rule's peers name: by id or by labels.
import { selectorMatches } from '../../labels/match.js';
import { parseLabelSelector } from '../../labels/selector.js';
import type { FirewallRow } from './store.js';

export interface ApplyTo {
  instance_ids?: string[];
  label_selector?: string;
}

export interface Peers {
  addresses?: string[];
  instance_ids?: string[];
  label_selector?: string;
}

export interface Labelled {
  id: string;
  labels: Record<string, string>;
}

export function appliesTo(row: Pick<FirewallRow, 'apply_to'>, instance: Labelled): boolean {
  const target = JSON.parse(row.apply_to) as ApplyTo;
  if (target.instance_ids?.includes(instance.id)) return true;
  return target.label_selector !== undefined && selectorMatches(parseLabelSelector(target.label_selector), instance.labels);
}

/** The CIDRs a rule's peers stand for, given the account's instances and their addresses. */
export function peerAddresses(peers: Peers, instances: (Labelled & { ipv4: string | null })[]): string[] {
  const selector = peers.label_selector === undefined ? null : parseLabelSelector(peers.label_selector);
  const named = instances.filter((i) => peers.instance_ids?.includes(i.id) || (selector !== null && selectorMatches(selector, i.labels)));
  return [...(peers.addresses ?? []), ...named.flatMap((i) => (i.ipv4 ? [`${i.ipv4}/32`] : []))];
}
