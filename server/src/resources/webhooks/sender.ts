// Sends one delivery: an HTTPS POST to the address the target policy approved, with the URL's
// host name kept for TLS verification and the Host header. Redirects are not followed (each hop
// would need checking again); any answer but a 2xx is a failure to retry.
import https from 'node:https';
import { isIP } from 'node:net';
import { checkServerIdentity, rootCertificates } from 'node:tls';
import { performance } from 'node:perf_hooks';
import { RefusedTarget, type TargetPolicy } from './target-policy.js';

const TIMEOUT_MS = 10_000;
const USER_AGENT = 'CloudNexus-Webhooks/1';

export interface SendOutcome {
  ok: boolean;
  responseStatus: number | null;
  durationMs: number;
  error: string | null;
}

export class WebhookSender {
  private readonly ca: string[] | undefined;

  constructor(
    private readonly policy: TargetPolicy,
    /** Extra trusted CAs (PEM) beside the system's, from CLOUDNEXUS_WEBHOOK_CA_FILE. */
    extraCa: string | null,
  ) {
    this.ca = extraCa === null ? undefined : [...rootCertificates, extraCa];
  }

  async send(url: string, body: string, headers: Record<string, string>): Promise<SendOutcome> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    try {
      const target = await this.policy.resolve(url);
      const status = await this.post(new URL(url), target.address, body, headers);
      const ok = status >= 200 && status < 300;
      return { ok, responseStatus: status, durationMs: elapsed(), error: ok ? null : `The endpoint answered ${status}` };
    } catch (error) {
      const message = error instanceof RefusedTarget ? `Refused target: ${error.message}` : error instanceof Error ? error.message : String(error);
      return { ok: false, responseStatus: null, durationMs: elapsed(), error: message };
    }
  }

  private post(url: URL, address: string, body: string, headers: Record<string, string>): Promise<number> {
    const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
    return new Promise((resolve, reject) => {
      const request = https.request(
        {
          // Connect to the checked address, never to a fresh lookup of the name.
          host: address,
          port: url.port === '' ? 443 : Number(url.port),
          path: `${url.pathname}${url.search}`,
          method: 'POST',
          // SNI and certificate checks use the name from the URL (SNI cannot carry an IP literal).
          ...(isIP(hostname) === 0 ? { servername: hostname } : {}),
          checkServerIdentity: (_address, cert) => checkServerIdentity(hostname, cert),
          ...(this.ca ? { ca: this.ca } : {}),
          headers: { ...headers, host: url.host, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': USER_AGENT },
          // One deadline for the whole exchange, so an endpoint that trickles bytes cannot hold a slot.
          signal: AbortSignal.timeout(TIMEOUT_MS),
          agent: false,
        },
        (response) => {
          // Only the status matters: the body is not read, so no endpoint can make us read forever.
          resolve(response.statusCode ?? 0);
          response.destroy();
        },
      );
      request.on('error', (error) => reject(error.name === 'AbortError' || error.name === 'TimeoutError' ? new Error(`No answer within ${TIMEOUT_MS / 1000} s`) : error));
      request.end(body);
    });
  }
}
