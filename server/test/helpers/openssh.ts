// Writes OpenSSH public key lines from node:crypto keys, independently of the server's parser, so
// tests can check its type, size and fingerprint against keys made here (and, where present, ssh-keygen).
import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';

/** A wire-format string: uint32 length, then the bytes. */
export function sshString(value: Buffer | string): Buffer {
  const bytes = typeof value === 'string' ? Buffer.from(value) : value;
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

/** A wire-format mpint of an unsigned big-endian magnitude: a zero byte keeps a high bit from reading as negative. */
export function sshMpint(magnitude: Buffer): Buffer {
  return sshString((magnitude[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), magnitude]) : magnitude);
}

/** `<type> <base64 of the parts>`: for hand-made blobs, valid or not. */
export function keyLine(type: string, ...parts: Buffer[]): string {
  return `${type} ${Buffer.concat(parts).toString('base64')}`;
}

const CURVES: Record<string, string> = { 'P-256': 'nistp256', 'P-384': 'nistp384', 'P-521': 'nistp521' };

/** The type and the wire-format blob of a public key, built from its JWK export. */
export function sshBlob(publicKey: KeyObject): { type: string; blob: Buffer } {
  const jwk = publicKey.export({ format: 'jwk' });
  const b = (value: string | undefined) => Buffer.from(value ?? '', 'base64url');
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') {
    return { type: 'ssh-ed25519', blob: Buffer.concat([sshString('ssh-ed25519'), sshString(b(jwk.x))]) };
  }
  if (jwk.kty === 'EC' && jwk.crv && CURVES[jwk.crv]) {
    const curve = CURVES[jwk.crv] as string;
    const type = `ecdsa-sha2-${curve}`;
    const point = Buffer.concat([Buffer.from([4]), b(jwk.x), b(jwk.y)]);
    return { type, blob: Buffer.concat([sshString(type), sshString(curve), sshString(point)]) };
  }
  if (jwk.kty === 'RSA') {
    return { type: 'ssh-rsa', blob: Buffer.concat([sshString('ssh-rsa'), sshMpint(b(jwk.e)), sshMpint(b(jwk.n))]) };
  }
  throw new Error(`no OpenSSH encoding for ${jwk.kty} ${jwk.crv ?? ''}`);
}

export interface TestSshKey {
  type: string;
  blob: Buffer;
  /** `<type> <base64>[ <comment>]` */
  line: string;
  /** Computed here: `SHA256:` + unpadded base64 of SHA-256 of the blob. */
  fingerprint: string;
}

export function opensshKey(publicKey: KeyObject, comment?: string): TestSshKey {
  const { type, blob } = sshBlob(publicKey);
  return {
    type,
    blob,
    line: [type, blob.toString('base64'), ...(comment === undefined ? [] : [comment])].join(' '),
    fingerprint: `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`,
  };
}

export type KeySpec = { kind: 'ed25519' } | { kind: 'ec'; curve: 'P-256' | 'P-384' | 'P-521' } | { kind: 'rsa'; bits: number };

/** A fresh key pair of the given kind, as an OpenSSH public key. */
export function generateSshKey(spec: KeySpec, comment?: string): TestSshKey {
  const pair =
    spec.kind === 'ed25519'
      ? generateKeyPairSync('ed25519')
      : spec.kind === 'ec'
        ? generateKeyPairSync('ec', { namedCurve: spec.curve })
        : generateKeyPairSync('rsa', { modulusLength: spec.bits });
  return opensshKey(pair.publicKey, comment);
}
