// The NAT and filter rules of a VPC router's uplink, as one nftables table in the router's own
// namespace (the host's ruleset is never touched). Public addresses are translated to private ones
// before the instances see the packets, so each instance's own firewall judges them by its private
// address and port.
import { execIn } from './namespaces.js';

const TABLE = 'cnx-public';
/** The router's end of the uplink; the name is local to the router's namespace. */
export const ROUTER_UPLINK = 'cnx-up';

/** One public address and the private address of the instance it reaches. */
export interface PublicRoute {
  ip: string;
  privateIp: string;
}

/**
 * The whole table, replaced in one transaction. From the host in: new connections only to a public
 * address (DNAT), replies to what went out. Out to the host: replies only, unless `egress` lets
 * instances with a public address start connections, leaving with that address (SNAT).
 */
export function renderUplinkRules(routes: readonly PublicRoute[], egress: boolean): string {
  const uplink = `"${ROUTER_UPLINK}"`;
  const senders = routes.map((r) => r.privateIp).join(', ');
  return [
    `table ip ${TABLE}`,
    `delete table ip ${TABLE}`,
    `table ip ${TABLE} {`,
    '  chain prerouting {',
    '    type nat hook prerouting priority dstnat; policy accept;',
    ...routes.map((r) => `    iif ${uplink} ip daddr ${r.ip} dnat to ${r.privateIp}`),
    '  }',
    '  chain postrouting {',
    '    type nat hook postrouting priority srcnat; policy accept;',
    ...(egress ? routes.map((r) => `    oif ${uplink} ip saddr ${r.privateIp} snat to ${r.ip}`) : []),
    '  }',
    '  chain forward {',
    '    type filter hook forward priority 0; policy accept;',
    `    iif ${uplink} ct state established,related accept`,
    `    iif ${uplink} ct status dnat accept`,
    `    iif ${uplink} drop`,
    `    oif ${uplink} ct state established,related accept`,
    ...(egress && routes.length > 0 ? [`    oif ${uplink} ip saddr { ${senders} } accept`] : []),
    `    oif ${uplink} drop`,
    '  }',
    // The router itself (its load balancers) is not reachable from, and does not reach, the host.
    '  chain input {',
    '    type filter hook input priority 0; policy accept;',
    `    iif ${uplink} ct state established,related accept`,
    `    iif ${uplink} drop`,
    '  }',
    '  chain output {',
    '    type filter hook output priority 0; policy accept;',
    `    oif ${uplink} ct state established,related accept`,
    `    oif ${uplink} drop`,
    '  }',
    '}',
    '',
  ].join('\n');
}

export async function applyUplinkRules(vpcNs: string, routes: readonly PublicRoute[], egress: boolean): Promise<void> {
  await execIn(vpcNs, 'nft', ['-f', '-'], renderUplinkRules(routes, egress));
}

export async function removeUplinkRules(vpcNs: string): Promise<void> {
  await execIn(vpcNs, 'nft', ['-f', '-'], `table ip ${TABLE}\ndelete table ip ${TABLE}\n`);
}
