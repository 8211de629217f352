import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { test } from 'node:test';
import { NotFoundError, UnprocessableEntityError } from '../../src/index.js';
import type { LiveServer } from '../helpers/live-server.js';

function freshPublicKey(): string {
  const raw = generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  const field = (bytes: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, bytes.length]), bytes]);
  return `ssh-ed25519 ${Buffer.concat([field(Buffer.from('ssh-ed25519')), field(raw)]).toString('base64')} sdk-events`;
}

export function eventsAndWebhooksTests(live: LiveServer) {
  test('events.list filters by resource and type; retrieve gives the same event', async () => {
    const client = live.client();
    const key = await client.sshKeys.create({ name: 'sdk-events', public_key: freshPublicKey() });
    await client.sshKeys.delete(key.id);
    const events = [];
    for await (const event of client.events.list({ resource_id: key.id, type: 'ssh_key.*' })) events.push(event);
    assert.deepEqual(events.map((e) => [e.type, e.actor.type]), [
      ['ssh_key.deleted', 'api_key'],
      ['ssh_key.created', 'api_key'],
    ]);
    assert.deepEqual(await client.events.retrieve(events[0]!.id), events[0]);
  });

  test('webhooks: create shows the secret once, then update, test, deliveries and delete', async () => {
    const client = live.client();
    // A public address that routes nowhere (TEST-NET-3): the test event's delivery simply fails.
    const created = await client.webhooks.create({ url: 'https://203.0.113.10/hook', event_types: ['webhook.test'] });
    assert.match(created.secret ?? '', /^whsec_/);
    const fetched = await client.webhooks.retrieve(created.id);
    assert.equal((fetched as { secret?: string }).secret, undefined);
    const updated = await client.webhooks.update(created.id, { description: 'sdk' });
    assert.equal(updated.description, 'sdk');
    const { event_id } = await client.webhooks.test(created.id);
    assert.equal((await client.events.retrieve(event_id)).type, 'webhook.test');
    const attempts = [];
    for await (const attempt of client.webhooks.deliveries(created.id)) attempts.push(attempt);
    assert.ok(attempts.every((a) => a.event_id === event_id));
    await assert.rejects(client.webhooks.create({ url: 'https://127.0.0.1/hook', event_types: ['*'] }), UnprocessableEntityError);
    await client.webhooks.delete(created.id);
    await assert.rejects(client.webhooks.retrieve(created.id), NotFoundError);
  });
}
