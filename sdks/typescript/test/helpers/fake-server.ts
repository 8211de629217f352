// A tiny plain-HTTP server on 127.0.0.1 that answers from a script and records every request,
// for behaviour a real server will not show on demand: 429s, 5xx, slow answers, errored actions.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** performance.now() when the request arrived. */
  at: number;
}

export interface FakeReply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Milliseconds to wait before answering. */
  delayMs?: number;
}

export interface FakeServer {
  baseURL: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startFakeServer(reply: (request: RecordedRequest, index: number) => FakeReply): Promise<FakeServer> {
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString(), at: performance.now() };
      requests.push(recorded);
      const { status, headers = {}, body, delayMs = 0 } = reply(recorded, requests.length - 1);
      setTimeout(() => {
        res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': `req_fake_${requests.length}`, ...headers });
        res.end(body === undefined ? '' : JSON.stringify(body));
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v2`,
    requests,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** The API's error envelope for a status, as the real server sends it. */
export function errorBody(status: number, message: string, details: { field: string; message: string }[] = [], reason?: string) {
  return { error: { code: status, ...(reason ? { reason } : {}), message, details, request_id: `req_envelope_${status}` } };
}
