// Checks that a webhook delivery came from CloudNexus: the `CloudNexus-Signature` header is
// `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" keyed with the webhook's secret>`.
// The signed time is checked too, so a captured delivery cannot be replayed later.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { CloudNexusError } from '../core/errors.js';
import type { Event } from '../models.js';

/** Seconds a delivery's signed time may differ from now. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

export class WebhookVerificationError extends CloudNexusError {
  override name = 'WebhookVerificationError';
}

export interface VerifyOptions {
  /** Seconds the signed time may differ from now (default 300). */
  tolerance?: number;
  /** The current time in Unix seconds (default: the system clock); for tests. */
  now?: number;
}

/**
 * Verifies `payload` (the raw request body, exactly as received) against the
 * `CloudNexus-Signature` header and returns the parsed event; throws WebhookVerificationError otherwise.
 */
export function verify(payload: string | Uint8Array, header: string, secret: string, options: VerifyOptions = {}): Event {
  const body = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : Buffer.from(payload);
  const { timestamp, signatures } = parseHeader(header);
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE_SECONDS;
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > tolerance) throw new WebhookVerificationError(`The signature's time is more than ${tolerance} s from now`);
  const expected = createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest();
  const matches = signatures.some((hex) => {
    const given = Buffer.from(hex, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) throw new WebhookVerificationError('No signature matches the payload');
  return JSON.parse(body.toString('utf8')) as Event;
}

function parseHeader(header: string): { timestamp: number; signatures: string[] } {
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [name, value, extra] = part.trim().split('=');
    if (value === undefined || extra !== undefined) continue;
    if (name === 't' && /^\d+$/.test(value)) timestamp = Number(value);
    if (name === 'v1' && /^[0-9a-f]{64}$/.test(value)) signatures.push(value);
  }
  if (timestamp === undefined) throw new WebhookVerificationError('The signature header has no timestamp (t=)');
  if (signatures.length === 0) throw new WebhookVerificationError('The signature header has no v1 signature');
  return { timestamp, signatures };
}
