// Firewall policies as nftables rules inside an environment's own network namespace. The host's
// ruleset is never touched: each namespace has its own, and we own the one table in it.
import type { FirewallPolicy, PolicyRule } from '../network-driver.js';
import { execIn } from './namespaces.js';

const TABLE = 'cnx-firewall';

/** Until its firewalls are known, an environment lets nothing in. */
export const DENY_INBOUND: FirewallPolicy = { inbound: [], outbound: [], restrictOutbound: false };

const ANYWHERE = '0.0.0.0/0';

function ruleLine(rule: PolicyRule, direction: 'saddr' | 'daddr'): string | null {
  // A rule whose peers resolve to nothing (e.g. a selector matching no instance) allows nothing.
  if (rule.peers.length === 0) return null;
  const peers = rule.peers.includes(ANYWHERE) ? '' : `ip ${direction} { ${rule.peers.join(', ')} } `;
  if (rule.protocol === 'icmp') return `${peers}meta l4proto icmp accept`;
  return `${peers}${rule.protocol} dport ${rule.ports} accept`;
}

/** The whole table, replaced in one transaction (add, delete, re-add is nft's atomic-replace idiom). */
export function renderRuleset(policy: FirewallPolicy): string {
  const lines = (rules: PolicyRule[], direction: 'saddr' | 'daddr') =>
    rules.map((r) => ruleLine(r, direction)).filter((l): l is string => l !== null).map((l) => `    ${l}`);
  return [
    `table inet ${TABLE}`,
    `delete table inet ${TABLE}`,
    `table inet ${TABLE} {`,
    '  chain inbound {',
    '    type filter hook input priority 0; policy drop;',
    '    ct state established,related accept',
    '    iif "lo" accept',
    // Neighbour discovery keeps IPv6 links sane; it carries no data.
    '    meta l4proto ipv6-icmp accept',
    ...lines(policy.inbound, 'saddr'),
    '  }',
    '  chain outbound {',
    `    type filter hook output priority 0; policy ${policy.restrictOutbound ? 'drop' : 'accept'};`,
    '    ct state established,related accept',
    '    oif "lo" accept',
    '    meta l4proto ipv6-icmp accept',
    ...lines(policy.outbound, 'daddr'),
    '  }',
    '}',
    '',
  ].join('\n');
}

export async function applyPolicy(ns: string, policy: FirewallPolicy): Promise<void> {
  await execIn(ns, 'nft', ['-f', '-'], renderRuleset(policy));
}
