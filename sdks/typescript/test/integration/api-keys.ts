import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AuthenticationError, PermissionDeniedError } from '../../src/index.js';
import type { LiveServer } from '../helpers/live-server.js';

export function apiKeyTests(live: LiveServer) {
  test('create returns the secret once; the new key works within its scopes until revoked', async () => {
    const client = live.client();
    const created = await client.apiKeys.create({ name: 'sdk-readonly', scopes: ['regions:read'] }, { idempotencyKey: 'sdk-api-key-1' });
    assert.match(created.key.id, /^key_/);
    assert.equal(created.key.status, 'active');
    assert.match(created.secret ?? '', /^cnx_live_/);

    const replay = await client.apiKeys.create({ name: 'sdk-readonly', scopes: ['regions:read'] }, { idempotencyKey: 'sdk-api-key-1' });
    assert.equal(replay.key.id, created.key.id);
    assert.equal(replay.secret, null, 'a replay never shows the secret again');

    assert.deepEqual((await client.apiKeys.retrieve(created.key.id)).scopes, ['regions:read']);
    const listed = [];
    for await (const key of client.apiKeys.list()) listed.push(key.id);
    assert.ok(listed.includes(created.key.id));

    const scoped = live.client({ apiKey: created.secret! });
    assert.equal((await scoped.regions.retrieve('us-east-1')).id, 'us-east-1');
    await assert.rejects(scoped.instances.list(), PermissionDeniedError);

    const revoked = await client.apiKeys.revoke(created.key.id);
    assert.equal(revoked.status, 'revoked');
    assert.notEqual(revoked.revoked_at, null);
    await assert.rejects(scoped.regions.retrieve('us-east-1'), AuthenticationError);
  });

  test('rotate: a new secret with the same settings; with grace none the old one gets 401 at once', async () => {
    const client = live.client();
    const { key, secret } = await client.apiKeys.create({ name: 'sdk-rotate', scopes: ['regions:read'] });
    const rotated = await client.apiKeys.rotate(key.id, { grace_period: 'none' });
    assert.notEqual(rotated.key.id, key.id);
    assert.deepEqual([rotated.key.name, rotated.key.scopes], ['sdk-rotate', ['regions:read']]);
    assert.equal((await live.client({ apiKey: rotated.secret! }).regions.retrieve('us-east-1')).id, 'us-east-1');
    await assert.rejects(live.client({ apiKey: secret! }).regions.retrieve('us-east-1'), AuthenticationError);
    assert.equal((await client.apiKeys.retrieve(key.id)).replaced_by, rotated.key.id);
  });
}
