// IPv4 CIDR arithmetic for private address plans. Addresses are handled as unsigned 32-bit numbers.

export interface Cidr {
  /** The network address as a number. */
  base: number;
  prefix: number;
  /** Number of addresses in the block. */
  size: number;
}

const CIDR_PATTERN = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** Parses `a.b.c.d/n`; null when malformed or when host bits are set (10.0.0.1/16 is not a network). */
export function parseCidr(text: string): Cidr | null {
  const match = CIDR_PATTERN.exec(text);
  if (!match) return null;
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return null;
  const address = octets.reduce((value, octet) => value * 256 + octet, 0);
  const size = 2 ** (32 - prefix);
  if (address % size !== 0) return null;
  return { base: address, prefix, size };
}

export function formatAddress(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

export function formatCidr(cidr: Cidr): string {
  return `${formatAddress(cidr.base)}/${cidr.prefix}`;
}

const PRIVATE_BLOCKS = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map((text) => parseCidr(text) as Cidr);

export function contains(outer: Cidr, inner: Cidr): boolean {
  return inner.base >= outer.base && inner.base + inner.size <= outer.base + outer.size;
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.base < b.base + b.size && b.base < a.base + a.size;
}

/** Inside one of the RFC 1918 private blocks. */
export function isPrivate(cidr: Cidr): boolean {
  return PRIVATE_BLOCKS.some((block) => contains(block, cidr));
}

/**
 * The addresses instances may have in a network: all but the network address, the gateway (the
 * first host) and the broadcast address, as public clouds reserve them.
 */
export function usableAddresses(cidr: Cidr): { first: number; last: number } {
  return { first: cidr.base + 2, last: cidr.base + cidr.size - 2 };
}
