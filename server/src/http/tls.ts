// TLS material: the operator's certificate, or a self-signed one generated once into the data dir.
import fs from 'node:fs/promises';
import path from 'node:path';
import selfsigned from 'selfsigned';
import type { Config } from '../config.js';

export interface TlsMaterial {
  cert: string;
  key: string;
}

const VALID_DAYS = 825;

export async function loadCertificate(config: Config): Promise<TlsMaterial> {
  if (config.tls) {
    return { cert: await fs.readFile(config.tls.certFile, 'utf8'), key: await fs.readFile(config.tls.keyFile, 'utf8') };
  }
  const dir = path.join(config.dataDir, 'tls');
  const certFile = path.join(dir, 'cert.pem');
  const keyFile = path.join(dir, 'key.pem');
  try {
    return { cert: await fs.readFile(certFile, 'utf8'), key: await fs.readFile(keyFile, 'utf8') };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const generated = await generateSelfSigned();
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  // The key is written first and the certificate last, so a present certificate means both are complete.
  await fs.writeFile(keyFile, generated.key, { mode: 0o600 });
  await fs.writeFile(certFile, generated.cert, { mode: 0o644 });
  return generated;
}

export async function generateSelfSigned(): Promise<TlsMaterial> {
  const notBeforeDate = new Date();
  const notAfterDate = new Date(notBeforeDate.getTime() + VALID_DAYS * 86_400_000);
  const pems = await selfsigned.generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'rsa',
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}
