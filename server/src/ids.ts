import { randomBytes } from 'node:crypto';

/** Resource ids are a type prefix and 64 random bits in hex, e.g. `acc_8f9a2b3c4d5e6f70`. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(8).toString('hex')}`;
}
