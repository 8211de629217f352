// API key wire format: cnx_live_<22 base62 chars = 131 random bits>_<6 base62 chars of CRC-32>.
// The checksum lets us reject typos and garbage without touching the database.
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { randomBase62 } from '../../ids.js';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const KEY_PREFIX = 'cnx_live_';
const RANDOM_LENGTH = 22;
const CHECKSUM_LENGTH = 6;
const KEY_PATTERN = /^cnx_live_([0-9A-Za-z]{22})_([0-9A-Za-z]{6})$/;
/** Characters of the secret kept in clear for display (`cnx_live_AbCd…wxyz`). */
const DISPLAY_PREFIX_LENGTH = KEY_PREFIX.length + 4;

export interface GeneratedKey {
  secret: string;
  hash: string;
  prefix: string;
  last4: string;
}

export function generateKey(): GeneratedKey {
  const body = KEY_PREFIX + randomBase62(RANDOM_LENGTH);
  const secret = `${body}_${checksum(body)}`;
  return { secret, hash: hashKey(secret), prefix: secret.slice(0, DISPLAY_PREFIX_LENGTH), last4: secret.slice(-4) };
}

/** True when the string has the key shape and a matching checksum. */
export function isWellFormedKey(candidate: string): boolean {
  const match = KEY_PATTERN.exec(candidate);
  return match !== null && checksum(KEY_PREFIX + match[1]) === match[2];
}

export function hashKey(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function checksum(body: string): string {
  let value = crc32(body);
  let out = '';
  for (let i = 0; i < CHECKSUM_LENGTH; i++) {
    out = ALPHABET[value % ALPHABET.length] + out;
    value = Math.floor(value / ALPHABET.length);
  }
  return out;
}
