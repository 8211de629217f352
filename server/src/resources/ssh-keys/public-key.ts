// OpenSSH public keys, the one line of an `id_*.pub` file: `<type> <base64 blob> [comment]`.
// The blob is read in the SSH wire format (RFC 4253 §6.6, RFC 5656 §3.1, RFC 8709 §4) so that only
// keys sshd could actually use are stored, and the fingerprint is the one `ssh-keygen -lf` prints.
import { createHash, ECDH } from 'node:crypto';

export const KEY_TYPES = ['ssh-ed25519', 'ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521', 'ssh-rsa'] as const;
export type KeyType = (typeof KEY_TYPES)[number];

/** A 16384-bit RSA key is under 3 KiB; anything this long is not a public key. */
export const MAX_PUBLIC_KEY_BYTES = 16 * 1024;
export const MIN_RSA_BITS = 2048;
/** OpenSSH refuses larger moduli (SSHBUF_MAX_BIGNUM). */
const MAX_RSA_BITS = 16384;
const ED25519_KEY_BYTES = 32;

/** Per ECDSA type: the curve name inside the blob, its OpenSSL name, and its size. */
const ECDSA_CURVES = {
  'ecdsa-sha2-nistp256': { name: 'nistp256', openssl: 'prime256v1', bits: 256 },
  'ecdsa-sha2-nistp384': { name: 'nistp384', openssl: 'secp384r1', bits: 384 },
  'ecdsa-sha2-nistp521': { name: 'nistp521', openssl: 'secp521r1', bits: 521 },
} as const;

export interface PublicKey {
  type: KeyType;
  /** 256 for Ed25519, the curve size for ECDSA, the modulus size for RSA. */
  bits: number;
  /** `<type> <base64>` and the comment if any, on one line with single spaces. */
  line: string;
  /** `SHA256:` and the unpadded base64 SHA-256 of the blob, as `ssh-keygen -lf` prints it. */
  fingerprint: string;
}

/** The line is not an acceptable public key; the message tells the person who pasted it why. */
export class InvalidPublicKey extends Error {}

export function parsePublicKey(text: string): PublicKey {
  if (Buffer.byteLength(text) > MAX_PUBLIC_KEY_BYTES) throw new InvalidPublicKey('Must be at most 16 KiB');
  const trimmed = text.trim();
  if (trimmed === '') throw new InvalidPublicKey('Is empty; paste the contents of your .pub file');
  if (trimmed.includes('PRIVATE KEY')) {
    throw new InvalidPublicKey('This is a private key: keep it secret and paste the public key (the .pub file) instead');
  }
  if (trimmed.startsWith('-')) {
    throw new InvalidPublicKey('Must be in OpenSSH format (`ssh-ed25519 AAAA… comment`); convert PEM or SSH2 keys with `ssh-keygen -i -f`');
  }
  if (/[\r\n]/.test(trimmed)) throw new InvalidPublicKey('Must be a single line holding one key');
  if (/[\x00-\x08\x0b-\x1f\x7f]/.test(trimmed)) throw new InvalidPublicKey('Must not contain control characters');

  const [type = '', data, ...comment] = trimmed.split(/[ \t]+/);
  if (type === 'ssh-dss') {
    throw new InvalidPublicKey('DSA keys are not accepted: they are weak and OpenSSH has dropped them; use ssh-ed25519, ECDSA or RSA');
  }
  if (!isKeyType(type)) throw new InvalidPublicKey(`Unsupported key type "${type.slice(0, 64)}"; use one of ${KEY_TYPES.join(', ')}`);
  if (data === undefined) throw new InvalidPublicKey('The key data is missing after the key type');
  const blob = Buffer.from(data, 'base64');
  // Node's decoder skips characters it does not know, so only a canonical round trip proves the text was base64.
  if (blob.toString('base64') !== data) throw new InvalidPublicKey('The key data is not valid base64');

  const bits = readKey(type, new WireReader(blob));
  return {
    type,
    bits,
    line: [type, data, ...comment].join(' '),
    fingerprint: `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`,
  };
}

function isKeyType(value: string): value is KeyType {
  return (KEY_TYPES as readonly string[]).includes(value);
}

/** Checks the blob holds a usable key of the declared type and nothing else; returns its size in bits. */
function readKey(type: KeyType, blob: WireReader): number {
  const inner = blob.string().toString('latin1');
  if (inner !== type) {
    throw new InvalidPublicKey(isKeyType(inner) ? `The key data holds an ${inner} key, not ${type}` : `The key data does not hold an ${type} key`);
  }
  let bits: number;
  if (type === 'ssh-ed25519') {
    if (blob.string().length !== ED25519_KEY_BYTES) throw new InvalidPublicKey('An ssh-ed25519 key must be 32 bytes');
    bits = 256;
  } else if (type === 'ssh-rsa') {
    bits = readRsa(blob);
  } else {
    bits = readEcdsa(type, blob);
  }
  if (!blob.atEnd()) throw new InvalidPublicKey('The key data has unexpected bytes after the key');
  return bits;
}

function readRsa(blob: WireReader): number {
  const exponent = blob.positiveMpint();
  const modulus = blob.positiveMpint();
  const bits = bitLength(modulus);
  if (bits < MIN_RSA_BITS) throw new InvalidPublicKey(`RSA keys must be at least ${MIN_RSA_BITS} bits; this one is ${bits}`);
  if (bits > MAX_RSA_BITS) throw new InvalidPublicKey(`RSA keys must be at most ${MAX_RSA_BITS} bits; this one is ${bits}`);
  // A real modulus is a product of odd primes, and a usable exponent is odd and at least 3.
  const odd = (value: Buffer) => ((value.at(-1) ?? 0) & 1) === 1;
  if (!odd(modulus) || !odd(exponent) || (exponent.length === 1 && exponent[0] === 1)) {
    throw new InvalidPublicKey('The RSA key is not valid');
  }
  return bits;
}

function readEcdsa(type: keyof typeof ECDSA_CURVES, blob: WireReader): number {
  const curve = ECDSA_CURVES[type];
  const name = blob.string().toString('latin1');
  if (name !== curve.name) throw new InvalidPublicKey(`The key data is on curve ${name.slice(0, 64)}, not ${curve.name} as ${type} says`);
  const point = blob.string();
  const size = 1 + 2 * Math.ceil(curve.bits / 8);
  if (point.length !== size || point[0] !== 0x04) throw new InvalidPublicKey(`An ${type} key must be an uncompressed point of ${size} bytes`);
  try {
    // OpenSSL refuses a point that is not on the curve; a key off the curve is forged or corrupt.
    ECDH.convertKey(point, curve.openssl);
  } catch {
    throw new InvalidPublicKey(`The key is not a point on the ${curve.name} curve`);
  }
  return curve.bits;
}

/** Bits of an unsigned big-endian number with no leading zero byte. */
function bitLength(magnitude: Buffer): number {
  return (magnitude.length - 1) * 8 + (32 - Math.clz32(magnitude[0] ?? 0));
}

/** Reads the SSH wire format: uint32-length-prefixed strings and mpints. */
class WireReader {
  private offset = 0;

  constructor(private readonly blob: Buffer) {}

  string(): Buffer {
    if (this.blob.length - this.offset < 4) throw truncated();
    const length = this.blob.readUInt32BE(this.offset);
    const start = this.offset + 4;
    if (length > this.blob.length - start) throw truncated();
    this.offset = start + length;
    return this.blob.subarray(start, this.offset);
  }

  /** The magnitude of a positive mpint, which must be in its one canonical two's-complement form. */
  positiveMpint(): Buffer {
    const bytes = this.string();
    const [first = 0, second = 0] = bytes;
    const negative = (first & 0x80) !== 0;
    const paddedNeedlessly = first === 0 && (bytes.length === 1 || (second & 0x80) === 0);
    if (bytes.length === 0 || negative || paddedNeedlessly) throw new InvalidPublicKey('The key data holds a malformed number');
    return first === 0 ? bytes.subarray(1) : bytes;
  }

  atEnd(): boolean {
    return this.offset === this.blob.length;
  }
}

function truncated(): InvalidPublicKey {
  return new InvalidPublicKey('The key data is truncated');
}
