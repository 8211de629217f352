// A real HTTPS endpoint on 127.0.0.1 for webhook tests, with a self-signed certificate made here
// and written to a file the server is told to trust (CLOUDNEXUS_WEBHOOK_CA_FILE).
import fs from 'node:fs/promises';
import https from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { generateSelfSigned } from '../../src/http/tls.js';

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Receiver {
  url: string;
  /** The certificate's file, to pass as CLOUDNEXUS_WEBHOOK_CA_FILE. */
  caFile: string;
  received: Received[];
  /** Statuses to answer with, in order; 200 once they run out. */
  answers: number[];
  close(): Promise<void>;
}

/** Listens on `host` (any 127.x address works on Linux loopback). */
export async function startReceiver(host = '127.0.0.1'): Promise<Receiver> {
  const tls = await generateSelfSigned();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cnx-receiver-'));
  const caFile = path.join(dir, 'receiver.pem');
  await fs.writeFile(caFile, tls.cert);
  const received: Received[] = [];
  const answers: number[] = [];
  const server = https.createServer({ cert: tls.cert, key: tls.key }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(answers.shift() ?? 200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://${host}:${port}/hooks/cloudnexus`,
    caFile,
    received,
    answers,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
