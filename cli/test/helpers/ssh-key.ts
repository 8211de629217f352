import crypto from 'node:crypto';

/**
 * A fresh OpenSSH ed25519 public key line. Each test makes its own, since the API refuses a key
 * the account already has (409) and test files share one account.
 */
export function newPublicKey(comment: string): string {
  const raw = crypto.generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  const field = (bytes: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, bytes.length]), bytes]);
  const blob = Buffer.concat([field(Buffer.from('ssh-ed25519')), field(raw)]);
  return `ssh-ed25519 ${blob.toString('base64')} ${comment}`;
}
