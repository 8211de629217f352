// The signature on every delivery: HMAC-SHA256, keyed with the webhook's secret, over
// `<unix seconds>.<body>`, sent as `CloudNexus-Signature: t=<unix seconds>,v1=<hex>`. Signing the
// time with the body lets receivers refuse old deliveries replayed at them.
import { createHmac, randomBytes } from 'node:crypto';

export const SIGNATURE_HEADER = 'CloudNexus-Signature';
export const EVENT_ID_HEADER = 'CloudNexus-Event-Id';
export const EVENT_TYPE_HEADER = 'CloudNexus-Event-Type';

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64url')}`;
}

export function signatureHeader(secret: string, timestampSeconds: number, body: string): string {
  const digest = createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex');
  return `t=${timestampSeconds},v1=${digest}`;
}
