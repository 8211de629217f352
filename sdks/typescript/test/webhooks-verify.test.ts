import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { CloudNexus, WebhookVerificationError, webhooks } from '../src/index.js';

interface Vector {
  name: string;
  payload: string;
  header: string;
  now: number;
  tolerance?: number;
  valid: boolean;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const vectors = JSON.parse(fs.readFileSync(path.resolve(here, '../../conformance/webhook-vectors.json'), 'utf8')) as { secret: string; cases: Vector[] };

describe('webhooks.verify', () => {
  for (const vector of vectors.cases) {
    test(`shared vector: ${vector.name}`, () => {
      const run = () => webhooks.verify(vector.payload, vector.header, vectors.secret, { now: vector.now, ...(vector.tolerance === undefined ? {} : { tolerance: vector.tolerance }) });
      if (vector.valid) assert.deepEqual(run(), JSON.parse(vector.payload));
      else assert.throws(run, WebhookVerificationError);
    });
  }

  test('takes the raw body as bytes too, and uses the system clock by default', () => {
    const body = JSON.stringify({ id: 'evt_1', type: 'webhook.test' });
    const t = Math.floor(Date.now() / 1000);
    const header = `t=${t},v1=${createHmac('sha256', 'whsec_x').update(`${t}.${body}`).digest('hex')}`;
    assert.equal(webhooks.verify(Buffer.from(body), header, 'whsec_x').id, 'evt_1');
    assert.equal(new CloudNexus({ apiKey: 'cnx_live_unused', baseURL: 'https://127.0.0.1:1/v2' }).webhooks.verify(body, header, 'whsec_x').type, 'webhook.test');
    const stale = `t=${t - 600},v1=${createHmac('sha256', 'whsec_x').update(`${t - 600}.${body}`).digest('hex')}`;
    assert.throws(() => webhooks.verify(body, stale, 'whsec_x'), /more than 300 s/);
    assert.equal(webhooks.verify(body, stale, 'whsec_x', { tolerance: 900 }).id, 'evt_1');
  });
});
