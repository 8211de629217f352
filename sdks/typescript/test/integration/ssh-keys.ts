import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BadRequestError, NotFoundError, UnprocessableEntityError } from '../../src/index.js';
import type { LiveServer } from '../helpers/live-server.js';

export const ED25519_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEpk6Dy2JJr2FP1oaDldzbMcYJKntdNJc5GZRqqI5ezZ sdk-tests';

export function sshKeyTests(live: LiveServer) {
  test('create, retrieve, list, delete', async () => {
    const client = live.client();
    const key = await client.sshKeys.create({ name: 'sdk-key', public_key: ED25519_KEY });
    assert.match(key.id, /^ssh_/);
    assert.equal(key.type, 'ssh-ed25519');
    assert.match(key.fingerprint, /^SHA256:/);
    assert.deepEqual(await client.sshKeys.retrieve(key.id), key);

    const listed = [];
    for await (const each of client.sshKeys.list()) listed.push(each.id);
    assert.ok(listed.includes(key.id));

    assert.equal(await client.sshKeys.delete(key.id), undefined);
    await assert.rejects(client.sshKeys.retrieve(key.id), NotFoundError);
    await assert.rejects(client.sshKeys.delete(key.id), NotFoundError);
  });

  test('a key that is not OpenSSH is refused with a detail for public_key', async () => {
    const error = await live.client().sshKeys.create({ name: 'bad', public_key: 'not a key' }).catch((e: unknown) => e);
    assert.ok(error instanceof UnprocessableEntityError || error instanceof BadRequestError, String(error));
    assert.ok(error.details.some((detail) => detail.field === 'public_key'), JSON.stringify(error.details));
  });
}
