import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { storedTime } from '../src/clock.js';
import { claimDueDeliveries, DeliveriesStore } from '../src/resources/webhooks/deliveries-store.js';
import { firstAttempt } from '../src/resources/webhooks/fan-out.js';
import { WebhookSender } from '../src/resources/webhooks/sender.js';
import { signatureHeader } from '../src/resources/webhooks/signature.js';
import { TargetPolicy } from '../src/resources/webhooks/target-policy.js';
import { WebhooksStore } from '../src/resources/webhooks/store.js';
import { DATABASE_KINDS } from './helpers/databases.js';
import { createTestAppWithCaller, type TestApp } from './helpers/app.js';
import { assertError, fields } from './helpers/assertions.js';
import { waitFor } from './helpers/instances.js';
import { generateSshKey } from './helpers/openssh.js';
import { startReceiver, type Receiver } from './helpers/webhook-receiver.js';

interface DeliveryBody {
  id: string;
  event_id: string;
  attempt: number;
  status: string;
  response_status: number | null;
  duration_ms: number | null;
  error: string | null;
  scheduled_at: string;
  attempted_at: string | null;
}

/** What a receiver does: recompute the HMAC over `<t>.<body>` and compare. */
function signatureVerifies(header: string, body: string, secret: string): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!match) return false;
  return createHmac('sha256', secret).update(`${match[1]}.${body}`).digest('hex') === match[2];
}

test('the server signs exactly as the SDKs\' shared vectors expect', () => {
  const vectors = JSON.parse(fs.readFileSync(new URL('../../sdks/conformance/webhook-vectors.json', import.meta.url), 'utf8'));
  const first = vectors.cases[0];
  assert.equal(signatureHeader(vectors.secret, first.now, first.payload), first.header);
});

describe('webhook targets by name', () => {
  test('a name is refused when any address it resolves to is internal', async () => {
    const policy = new TargetPolicy(false, async () => [{ address: '93.184.216.34', family: 4 }, { address: '10.0.0.7', family: 4 }]);
    await assert.rejects(policy.resolve('https://hooks.example.com/x'), /resolves to 10\.0\.0\.7/);
    const publicOnly = new TargetPolicy(false, async () => [{ address: '93.184.216.34', family: 4 }]);
    assert.deepEqual(await publicOnly.resolve('https://hooks.example.com/x'), { address: '93.184.216.34', family: 4 });
  });

  test('the delivery connects to the address that was checked, verifying the certificate for the name', async () => {
    // The name resolves (for the policy) to 127.0.0.2, where alone the receiver listens; a fresh
    // lookup of `localhost` would give 127.0.0.1 or ::1 and find nobody.
    const receiver = await startReceiver('127.0.0.2');
    try {
      const port = new URL(receiver.url).port;
      const policy = new TargetPolicy(true, async () => [{ address: '127.0.0.2', family: 4 }]);
      const sender = new WebhookSender(policy, fs.readFileSync(receiver.caFile, 'utf8'));
      const outcome = await sender.send(`https://localhost:${port}/hook`, '{}', { 'CloudNexus-Event-Id': 'evt_1' });
      assert.deepEqual([outcome.ok, outcome.responseStatus, outcome.error], [true, 200, null]);
      assert.equal(receiver.received[0]?.headers.host, `localhost:${port}`);
      const untrusted = await new WebhookSender(policy, null).send(`https://localhost:${port}/hook`, '{}', {});
      assert.equal(untrusted.ok, false, 'a certificate no trusted CA signed is refused');
      assert.match(untrusted.error ?? '', /certificate/);
    } finally {
      await receiver.close();
    }
  });
});

for (const kind of DATABASE_KINDS) {
  describe(`webhooks (${kind})`, () => {
    let receiver: Receiver;
    let t: TestApp;
    let key: string;
    before(async () => {
      receiver = await startReceiver();
      ({ t, key } = await createTestAppWithCaller(kind, { env: { CLOUDNEXUS_WEBHOOK_ALLOW_PRIVATE: 'true', CLOUDNEXUS_WEBHOOK_CA_FILE: receiver.caFile } }));
    });
    after(async () => {
      await t.close();
      await receiver.close();
    });
    const addSshKey = () =>
      t.request(key, { method: 'POST', url: '/v2/ssh_keys', payload: { name: `k-${Math.random()}`, public_key: generateSshKey({ kind: 'ed25519' }).line } });
    const createWebhook = async (eventTypes: string[]) => {
      const response = await t.request(key, { method: 'POST', url: '/v2/webhooks', payload: { url: receiver.url, event_types: eventTypes } });
      assert.equal(response.statusCode, 201, response.body);
      return response.json() as { id: string; secret: string; status: string };
    };
    /** Oldest attempt first (the clock stands still here, so creation times tie). */
    const deliveries = async (id: string): Promise<DeliveryBody[]> =>
      ((await t.request(key, { method: 'GET', url: `/v2/webhooks/${id}/deliveries?limit=100` })).json().data as DeliveryBody[]).sort((a, b) => a.attempt - b.attempt);
    const remove = (id: string) => t.request(key, { method: 'DELETE', url: `/v2/webhooks/${id}` });

    test('a delivery is a signed POST of the event, with its id in a header, that verifies', async () => {
      const webhook = await createWebhook(['ssh_key.*']);
      assert.match(webhook.id, /^wh_[0-9a-f]{16}$/);
      assert.match(webhook.secret, /^whsec_/);
      const sshKey = (await addSshKey()).json();
      const [delivery] = await waitFor(async () => receiver.received, (r) => r.length === 1, 'one delivery');
      const event = JSON.parse(delivery?.body as string);
      assert.deepEqual([event.type, event.resource_id, event.actor.type], ['ssh_key.created', sshKey.id, 'api_key']);
      assert.equal(delivery?.headers['cloudnexus-event-id'], event.id);
      assert.equal(delivery?.headers['content-type'], 'application/json');
      const signature = delivery?.headers['cloudnexus-signature'] as string;
      assert.ok(signatureVerifies(signature, delivery?.body as string, webhook.secret));
      assert.ok(!signatureVerifies(signature, delivery?.body as string, 'whsec_wrong'));
      assert.equal(Number(/t=(\d+)/.exec(signature)?.[1]), Math.floor(t.clock.ms / 1000), 'signed at the engine clock');
      const [attempt] = await waitFor(() => deliveries(webhook.id), (d) => d[0]?.status === 'succeeded', 'the attempt recorded');
      assert.deepEqual([attempt?.attempt, attempt?.event_id, attempt?.response_status, attempt?.error], [1, event.id, 200, null]);
      assert.equal(typeof attempt?.duration_ms, 'number');
      assert.equal((await remove(webhook.id)).statusCode, 204);
      receiver.received.length = 0;
    });

    test('500s are retried with growing delays, the same event each time, until one succeeds', async () => {
      const webhook = await createWebhook(['ssh_key.created']);
      receiver.answers.push(500, 500, 500);
      await addSshKey();
      for (let attempt = 1; attempt <= 3; attempt++) {
        await waitFor(async () => receiver.received, (r) => r.length === attempt, `attempt ${attempt}`);
        const pending = await waitFor(() => deliveries(webhook.id), (d) => d.length === attempt + 1, `attempt ${attempt + 1} scheduled`);
        t.clock.ms = Date.parse(pending[attempt]?.scheduled_at as string) + 1000;
      }
      const all = await waitFor(() => deliveries(webhook.id), (d) => d[3]?.status === 'succeeded', 'the fourth attempt to succeed');
      assert.deepEqual(all.map((d) => [d.attempt, d.status, d.response_status]), [
        [1, 'failed', 500],
        [2, 'failed', 500],
        [3, 'failed', 500],
        [4, 'succeeded', 200],
      ]);
      assert.equal(new Set(all.map((d) => d.event_id)).size, 1);
      assert.equal(all[0]?.error, 'The endpoint answered 500');
      const waits = [1, 2, 3].map((n) => Date.parse(all[n]?.scheduled_at as string) - Date.parse(all[n - 1]?.attempted_at as string));
      assert.ok(waits[0] as number >= 30_000, `first retry after at least 30 s: ${waits}`);
      assert.ok((waits[0] as number) < (waits[1] as number) && (waits[1] as number) < (waits[2] as number), `growing waits: ${waits}`);
      const ids = receiver.received.map((r) => r.headers['cloudnexus-event-id']);
      assert.equal(new Set(ids).size, 1, 'receivers can drop duplicates by the event id');
      assert.equal((await remove(webhook.id)).statusCode, 204);
      receiver.received.length = 0;
    });

    test('failing for 24 hours disables the webhook, which is itself an event', async () => {
      const webhook = await createWebhook(['ssh_key.created']);
      receiver.answers.push(...Array(10).fill(503));
      await addSshKey();
      await waitFor(() => deliveries(webhook.id), (d) => d.length === 2, 'a retry scheduled');
      t.clock.advance(25 * 3_600_000);
      const disabled = await waitFor(
        async () => (await t.request(key, { method: 'GET', url: `/v2/webhooks/${webhook.id}` })).json(),
        (w) => w.status === 'disabled',
        'the webhook to be disabled',
      );
      assert.match(disabled.disabled_reason, /24 hours.*503/);
      const events = (await t.request(key, { method: 'GET', url: `/v2/events?type=webhook.disabled&resource_id=${webhook.id}` })).json().data;
      assert.deepEqual(events.map((e: { type: string; actor: { type: string } }) => [e.type, e.actor.type]), [['webhook.disabled', 'system']]);
      const seen = receiver.received.length;
      await addSshKey();
      assert.deepEqual((await deliveries(webhook.id)).map((d) => d.status), ['failed', 'failed'], 'nothing more is queued');
      assert.equal(receiver.received.length, seen);
      // Re-enabled by its owner, it receives again.
      receiver.answers.length = 0;
      const enabled = await t.request(key, { method: 'PUT', url: `/v2/webhooks/${webhook.id}`, payload: { enabled: true } });
      assert.deepEqual([enabled.json().status, enabled.json().disabled_reason], ['enabled', null]);
      await addSshKey();
      await waitFor(async () => receiver.received, (r) => r.length === seen + 1, 'a delivery after re-enabling');
      assert.equal((await remove(webhook.id)).statusCode, 204);
      receiver.received.length = 0;
    });

    test('POST /test sends a webhook.test event to that webhook alone', async () => {
      const webhook = await createWebhook(['instance.*']);
      const other = await createWebhook(['*']);
      const response = await t.request(key, { method: 'POST', url: `/v2/webhooks/${webhook.id}/test` });
      assert.equal(response.statusCode, 202, response.body);
      const { event_id } = response.json();
      const tested = await waitFor(async () => receiver.received.filter((r) => r.headers['cloudnexus-event-id'] === event_id), (r) => r.length === 1, 'the test delivery');
      assert.equal(JSON.parse(tested[0]?.body as string).type, 'webhook.test');
      assert.deepEqual((await deliveries(other.id)).map((d) => d.event_id).filter((id) => id === event_id), []);
      for (const id of [webhook.id, other.id]) assert.equal((await remove(id)).statusCode, 204);
      receiver.received.length = 0;
    });

    test('CRUD: the secret is shown once; updates and deletes are checked and recorded', async () => {
      const webhook = await createWebhook(['volume.attached']);
      const got = (await t.request(key, { method: 'GET', url: `/v2/webhooks/${webhook.id}` })).json();
      assert.equal(got.secret, undefined);
      assert.deepEqual([got.url, got.event_types, got.status], [receiver.url, ['volume.attached'], 'enabled']);
      const listed = (await t.request(key, { method: 'GET', url: '/v2/webhooks' })).json();
      assert.ok(listed.data.some((w: { id: string }) => w.id === webhook.id));
      const updated = await t.request(key, { method: 'PUT', url: `/v2/webhooks/${webhook.id}`, payload: { event_types: ['volume.*'], description: 'ops' } });
      assert.deepEqual([updated.json().event_types, updated.json().description], [['volume.*'], 'ops']);
      assert.deepEqual(fields(assertError(await t.request(key, { method: 'PUT', url: `/v2/webhooks/${webhook.id}`, payload: { event_types: ['nothing.*'] } }), 422)), ['event_types[0]']);
      assertError(await t.request(key, { method: 'POST', url: '/v2/webhooks', payload: { url: receiver.url, event_types: ['instance'] } }), 400);
      assert.equal((await remove(webhook.id)).statusCode, 204);
      assertError(await t.request(key, { method: 'GET', url: `/v2/webhooks/${webhook.id}` }), 404);
      assertError(await t.request(key, { method: 'GET', url: `/v2/webhooks/${webhook.id}/deliveries` }), 404);
      const events = (await t.request(key, { method: 'GET', url: `/v2/events?resource_id=${webhook.id}` })).json().data;
      assert.deepEqual(events.map((e: { type: string }) => e.type).reverse(), ['webhook.created', 'webhook.updated', 'webhook.deleted']);
      // A retried create replays the webhook without its secret, which is never stored with the response.
      const retry = { method: 'POST' as const, url: '/v2/webhooks', headers: { 'idempotency-key': 'wh-create-1' }, payload: { url: receiver.url, event_types: ['*'] } };
      const first = await t.request(key, retry);
      const replay = await t.request(key, retry);
      assert.deepEqual([replay.statusCode, replay.headers['idempotent-replayed'], replay.json().id, replay.json().secret], [201, 'true', first.json().id, null]);
      assert.match(first.json().secret, /^whsec_/);
      assert.equal((await remove(first.json().id)).statusCode, 204);

      const other = await t.newCaller();
      const theirs = await createWebhook(['*']);
      assertError(await t.request(other.key, { method: 'GET', url: `/v2/webhooks/${theirs.id}` }), 404);
      assert.equal((await remove(theirs.id)).statusCode, 204);
    });
  });

  describe(`webhook targets (${kind})`, () => {
    let receiver: Receiver;
    let t: TestApp;
    let key: string;
    let accountId: string;
    before(async () => {
      receiver = await startReceiver();
      // Private targets are not allowed here (the default); the receiver's CA is still trusted.
      ({ t, key, accountId } = await createTestAppWithCaller(kind, { env: { CLOUDNEXUS_WEBHOOK_CA_FILE: receiver.caFile } }));
    });
    after(async () => {
      await t.close();
      await receiver.close();
    });

    test('loopback, private, link-local, CGNAT, multicast, unspecified and plain-http targets are refused at create', async () => {
      for (const url of [
        receiver.url,
        'https://localhost/hook',
        'https://10.1.2.3/hook',
        'https://172.20.0.1/hook',
        'https://192.168.1.1/hook',
        'https://169.254.169.254/latest/meta-data',
        'https://100.64.0.1/hook',
        'https://224.0.0.1/hook',
        'https://0.0.0.0/hook',
        'https://[::1]/hook',
        'https://[fd00::1]/hook',
        'https://[fe80::1]/hook',
        'https://[::ffff:127.0.0.1]/hook',
        'http://93.184.216.34/hook',
        'https://user:pw@93.184.216.34/hook',
      ]) {
        const body = assertError(await t.request(key, { method: 'POST', url: '/v2/webhooks', payload: { url, event_types: ['*'] } }), 422);
        assert.deepEqual(fields(body), ['url'], url);
      }
      const body = assertError(await t.request(key, { method: 'POST', url: '/v2/webhooks', payload: { url: 'https://127.0.0.1/x', event_types: ['*'] } }), 422);
      assert.match(body.error.details[0]?.message as string, /127\.0\.0\.1.*loopback, private, link-local/);
      // Public addresses are fine (TEST-NET-3 and a global IPv6 one route nowhere; only test events go there).
      for (const url of ['https://203.0.113.10/hook', 'https://8.8.8.8:8443/hook', 'https://[2001:db8::1]/hook']) {
        const created = await t.request(key, { method: 'POST', url: '/v2/webhooks', payload: { url, event_types: ['webhook.test'] } });
        assert.equal(created.statusCode, 201, `${url}: ${created.body}`);
        assert.equal((await t.request(key, { method: 'DELETE', url: `/v2/webhooks/${created.json().id}` })).statusCode, 204);
      }
    });

    test('each due attempt is claimed by one worker, however many claim at once', async () => {
      // Due an hour from the app's clock, so only these claimers (at two hours) see them.
      const now = t.clock.ms + 2 * 3_600_000;
      const store = new DeliveriesStore(t.testDb.database.db);
      for (let i = 0; i < 12; i++) {
        const attempt = firstAttempt({ id: `evt_claim${i}`, accountId, type: 'webhook.test', createdAt: storedTime(t.clock.ms) }, 'wh_claims');
        await store.insert({ ...attempt, run_after: storedTime(t.clock.ms + 3_600_000) });
      }
      const claims = await Promise.all(
        ['a', 'b', 'c'].map((owner) => claimDueDeliveries(t.testDb.database, `claimer_${owner}`, storedTime(now), storedTime(now + 60_000), 12)),
      );
      const ids = claims.flat().filter((d) => d.webhook_id === 'wh_claims').map((d) => d.id);
      assert.equal(ids.length, 12);
      assert.equal(new Set(ids).size, 12);
      await t.testDb.database.db.deleteFrom('webhook_deliveries').where('webhook_id', '=', 'wh_claims').execute();
    });

    test('no delivery to a refused address: the check is made again when sending (DNS rebinding)', async () => {
      // As if the name had resolved to a public address when saved and to loopback now.
      const now = storedTime(t.clock.ms);
      await new WebhooksStore(t.testDb.database.db).insert({
        id: 'wh_0000000000000001',
        account_id: accountId,
        url: receiver.url,
        description: '',
        event_types: '["*"]',
        secret: 'whsec_test',
        status: 'enabled',
        disabled_reason: null,
        created_at: now,
        updated_at: now,
      });
      await t.request(key, { method: 'POST', url: '/v2/ssh_keys', payload: { name: 'rebind', public_key: generateSshKey({ kind: 'ed25519' }).line } });
      const attempts = await waitFor(
        async () => (await t.request(key, { method: 'GET', url: '/v2/webhooks/wh_0000000000000001/deliveries' })).json().data as DeliveryBody[],
        (d) => d.some((x) => x.status === 'failed'),
        'the refused attempt',
      );
      const failed = attempts.find((d) => d.status === 'failed');
      assert.match(failed?.error as string, /^Refused target: 127\.0\.0\.1 resolves to 127\.0\.0\.1/);
      assert.equal(failed?.response_status, null);
      assert.equal(receiver.received.length, 0);
    });
  });
}
