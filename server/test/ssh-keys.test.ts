import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { KyselyPlugin } from 'kysely';
import { SshKeysService, type SshKey } from '../src/resources/ssh-keys/service.js';
import { SshKeysStore } from '../src/resources/ssh-keys/store.js';
import { EventsRecorder } from '../src/resources/events/recorder.js';
import { createTestAppWithCaller, type TestApp } from './helpers/app.js';
import { assertError, fields } from './helpers/assertions.js';
import { DATABASE_KINDS } from './helpers/databases.js';
import { generateSshKey, keyLine, sshMpint, sshString, type KeySpec, type TestSshKey } from './helpers/openssh.js';

const ACCEPTED: { spec: KeySpec; type: string; bits: number }[] = [
  { spec: { kind: 'ed25519' }, type: 'ssh-ed25519', bits: 256 },
  { spec: { kind: 'ec', curve: 'P-256' }, type: 'ecdsa-sha2-nistp256', bits: 256 },
  { spec: { kind: 'ec', curve: 'P-384' }, type: 'ecdsa-sha2-nistp384', bits: 384 },
  { spec: { kind: 'ec', curve: 'P-521' }, type: 'ecdsa-sha2-nistp521', bits: 521 },
  { spec: { kind: 'rsa', bits: 2048 }, type: 'ssh-rsa', bits: 2048 },
  { spec: { kind: 'rsa', bits: 4096 }, type: 'ssh-rsa', bits: 4096 },
];

const hasSshKeygen = (() => {
  try {
    execFileSync('ssh-keygen', ['-?'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    // ssh-keygen exits non-zero on -? but is there; only a missing binary is ENOENT.
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
})();

/** What `ssh-keygen -lf` says of a line: `<bits> <fingerprint>`. */
function sshKeygenFingerprint(line: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnx-ssh-'));
  try {
    const file = path.join(dir, 'key.pub');
    fs.writeFileSync(file, `${line}\n`);
    return execFileSync('ssh-keygen', ['-lf', file], { encoding: 'utf8' }).split(' ').slice(0, 2).join(' ');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Hand-made lines that are not acceptable keys, and what the 422 must say about each. */
function invalidLines(): [string, string, RegExp][] {
  const ed = generateSshKey({ kind: 'ed25519' });
  const ec = generateSshKey({ kind: 'ec', curve: 'P-256' });
  const point = ec.blob.subarray(ec.blob.length - 65);
  const ecdsa = (curve: string, p: Buffer) => keyLine('ecdsa-sha2-nistp256', sshString('ecdsa-sha2-nistp256'), sshString(curve), sshString(p));
  const offCurve = Buffer.from(point);
  offCurve[64] = (offCurve[64] as number) ^ 1;
  const modulus = Buffer.concat([Buffer.from([0xc0]), randomBytes(255)]);
  modulus[255] = (modulus[255] as number) | 1;
  const rsa = (...parts: Buffer[]) => keyLine('ssh-rsa', sshString('ssh-rsa'), ...parts);
  const dsa = keyLine('ssh-dss', sshString('ssh-dss'), ...[128, 20, 128, 128].map((n) => sshMpint(randomBytes(n))));
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return [
    ['a DSA key', dsa, /DSA/],
    ['garbage base64', 'ssh-ed25519 not*base64!', /base64/],
    ['base64 without its padding', ec.line.replace(/=+$/, ''), /base64/],
    ['a type that does not match the data', `ssh-rsa ${ed.blob.toString('base64')}`, /holds an ssh-ed25519 key, not ssh-rsa/],
    ['data of no known type', keyLine('ssh-ed25519', sshString('nonsense'), sshString(randomBytes(32))), /does not hold an ssh-ed25519 key/],
    ['a truncated blob', keyLine('ssh-ed25519', ed.blob.subarray(0, ed.blob.length - 5)), /truncated/],
    ['a blob cut inside a length', keyLine('ssh-ed25519', ed.blob.subarray(0, 2)), /truncated/],
    ['trailing bytes', keyLine('ssh-ed25519', ed.blob, Buffer.from([0])), /unexpected bytes/],
    ['an Ed25519 key of 31 bytes', keyLine('ssh-ed25519', sshString('ssh-ed25519'), sshString(randomBytes(31))), /32 bytes/],
    ['an ECDSA key on another curve', ecdsa('nistp384', point), /curve nistp384, not nistp256/],
    ['a compressed ECDSA point', ecdsa('nistp256', Buffer.concat([Buffer.from([2]), point.subarray(1, 33)])), /uncompressed point of 65 bytes/],
    ['an ECDSA point off the curve', ecdsa('nistp256', offCurve), /not a point on the nistp256 curve/],
    ['an RSA modulus with a needless zero byte', rsa(sshMpint(Buffer.from([1, 0, 1])), sshString(Buffer.from([0, 0x40, 1, 1]))), /malformed number/],
    ['a negative RSA modulus', rsa(sshMpint(Buffer.from([1, 0, 1])), sshString(modulus)), /malformed number/],
    ['an even RSA exponent', rsa(sshMpint(Buffer.from([1, 0, 0])), sshMpint(modulus)), /RSA key is not valid/],
    ['an RSA key over 16384 bits', rsa(sshMpint(Buffer.from([1, 0, 1])), sshMpint(Buffer.alloc(2049, 0xff))), /at most 16384 bits/],
    ['a PEM private key', privateKey.export({ format: 'pem', type: 'pkcs8' }) as string, /private key/],
    ['an OpenSSH private key', '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n', /private key/],
    ['a PEM public key', publicKey.export({ format: 'pem', type: 'spki' }) as string, /OpenSSH format/],
    ['two keys on two lines', `${ed.line}\n${ec.line}`, /single line/],
    ['a line over 16 KiB', `${ed.line} ${'x'.repeat(16 * 1024)}`, /16 KiB/],
    ['an empty key', '  \n', /empty/],
    ['a certificate', `ssh-ed25519-cert-v01@openssh.com ${ed.blob.toString('base64')}`, /Unsupported key type/],
    ['a security-key key', `sk-ssh-ed25519@openssh.com ${ed.blob.toString('base64')}`, /Unsupported key type/],
    ['a type alone', 'ssh-ed25519', /missing/],
    ['control characters in the comment', `${ed.line} bell\u0007`, /control characters/],
  ];
}

for (const kind of DATABASE_KINDS) {
  describe(`/v2/ssh_keys (${kind})`, () => {
    let t: TestApp;
    let key: string;
    let accountId: string;
    before(async () => ({ t, key, accountId } = await createTestAppWithCaller(kind)));
    after(() => t.close());

    const create = (as: string, payload: unknown) => t.request(as, { method: 'POST', url: '/v2/ssh_keys', payload: payload as object });
    const get = (as: string, id: string) => t.request(as, { method: 'GET', url: `/v2/ssh_keys/${id}` });
    const remove = (as: string, id: string) => t.request(as, { method: 'DELETE', url: `/v2/ssh_keys/${id}` });
    const add = async (as: string, sshKey: TestSshKey, name = 'k'): Promise<SshKey> => {
      const response = await create(as, { name, public_key: sshKey.line });
      assert.equal(response.statusCode, 201, response.body);
      return response.json();
    };

    for (const { spec, type, bits } of ACCEPTED) {
      test(`accepts ${type} (${bits} bits) with its fingerprint`, async () => {
        const sshKey = generateSshKey(spec, 'alice@laptop');
        const response = await create(key, { name: `my ${type}`, public_key: sshKey.line });
        assert.equal(response.statusCode, 201, response.body);
        const body = response.json();
        assert.match(body.id, /^ssh_[0-9a-f]{16}$/);
        assert.equal(response.headers.location, `/v2/ssh_keys/${body.id}`);
        assert.deepEqual(body, {
          id: body.id,
          name: `my ${type}`,
          public_key: sshKey.line,
          fingerprint: sshKey.fingerprint,
          type,
          bits,
          created_at: new Date(t.clock.ms).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        });
        assert.deepEqual((await get(key, body.id)).json(), body);
      });
    }

    test('fingerprints and sizes agree with ssh-keygen', { skip: !hasSshKeygen && 'ssh-keygen is not installed' }, async () => {
      for (const spec of [{ kind: 'ed25519' }, { kind: 'ec', curve: 'P-521' }, { kind: 'rsa', bits: 3072 }] as KeySpec[]) {
        const body = (await create(key, { name: 'cross-check', public_key: generateSshKey(spec).line })).json();
        assert.equal(sshKeygenFingerprint(body.public_key), `${body.bits} ${body.fingerprint}`);
      }
    });

    test('the stored line is normalized: one line, single spaces, comment kept', async () => {
      const sshKey = generateSshKey({ kind: 'ed25519' });
      const [type, data] = sshKey.line.split(' ');
      const body = (await create(key, { name: '  spaced  ', public_key: `\n  ${type}\t ${data}   work   laptop \r\n` })).json();
      assert.equal(body.public_key, `${type} ${data} work laptop`);
      assert.equal(body.name, 'spaced');
      const bare = generateSshKey({ kind: 'ed25519' });
      assert.equal((await add(key, bare)).public_key, bare.line, 'no comment, no trailing space');
    });

    test('RSA keys under 2048 bits are 422 on public_key', async () => {
      const body = assertError(await create(key, { name: 'old', public_key: generateSshKey({ kind: 'rsa', bits: 1024 }).line }), 422);
      assert.deepEqual(fields(body), ['public_key']);
      assert.match(body.error.details[0]?.message ?? '', /at least 2048 bits; this one is 1024/);
    });

    for (const [label, line, message] of invalidLines()) {
      test(`${label} is 422 on public_key`, async () => {
        const body = assertError(await create(key, { name: 'bad', public_key: line }), 422);
        assert.deepEqual(fields(body), ['public_key']);
        assert.match(body.error.details[0]?.message ?? '', message);
      });
    }

    test('a blank name is 422 on name, reported with a bad key', async () => {
      const body = assertError(await create(key, { name: '   ', public_key: 'ssh-dss AAAA' }), 422);
      assert.deepEqual(fields(body), ['name', 'public_key']);
    });

    const line = generateSshKey({ kind: 'ed25519' }).line;
    for (const [label, payload] of [
      ['no public_key', { name: 'x' }],
      ['no name', { public_key: line }],
      ['an empty name', { name: '', public_key: line }],
      ['a name over 100 characters', { name: 'x'.repeat(101), public_key: line }],
      ['an unknown field', { name: 'x', public_key: line, fingerprint: 'mine' }],
      ['a public_key that is not a string', { name: 'x', public_key: 42 }],
    ] as const) {
      test(`${label} is 400`, async () => {
        assertError(await create(key, payload), 400);
      });
    }

    test('malformed JSON is 400', async () => {
      assertError(await t.request(key, { method: 'POST', url: '/v2/ssh_keys', headers: { 'content-type': 'application/json' }, payload: '{"name":' }), 400);
    });

    test('the same key twice is 409 naming the first; another account may add it', async () => {
      const sshKey = generateSshKey({ kind: 'ec', curve: 'P-256' });
      const first = await add(key, sshKey, 'first');
      const again = assertError(await create(key, { name: 'second', public_key: `${sshKey.line} other comment` }), 409);
      assert.match(again.error.message, new RegExp(first.id));
      assert.deepEqual(fields(again), ['public_key']);
      const other = await t.newCaller();
      assert.equal((await create(other.key, { name: 'theirs', public_key: sshKey.line })).statusCode, 201);
    });

    test('concurrent adds of one key: one 201, the rest 409 naming the winner', async () => {
      const sshKey = generateSshKey({ kind: 'ed25519' });
      const responses = await Promise.all(Array.from({ length: 6 }, (_, i) => create(key, { name: `race ${i}`, public_key: sshKey.line })));
      const created = responses.filter((r) => r.statusCode === 201);
      assert.equal(created.length, 1, responses.map((r) => r.statusCode).join());
      const winner = (created[0]?.json() as { id: string }).id;
      for (const response of responses.filter((r) => r.statusCode !== 201)) {
        assert.match(assertError(response, 409).error.message, new RegExp(winner));
      }
    });

    test('walking the list visits every key once, newest first', async () => {
      const { key: fresh } = await t.newCaller();
      const created: string[] = [];
      for (let i = 0; i < 25; i++) {
        created.push((await add(fresh, generateSshKey({ kind: 'ed25519' }), `k${i}`)).id);
        // Several keys share each millisecond, so the id must break ties.
        if (i % 4 === 0) t.clock.advance(1);
      }
      const walked: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor ? `limit=10&cursor=${encodeURIComponent(cursor)}` : 'limit=10';
        const body = (await t.request(fresh, { method: 'GET', url: `/v2/ssh_keys?${query}` })).json();
        assert.ok(body.data.length <= 10);
        assert.equal(body.pagination.has_more, body.pagination.next_cursor !== null);
        walked.push(...body.data.map((k: { id: string }) => k.id));
        cursor = body.pagination.next_cursor;
      } while (cursor !== null);
      assert.equal(walked.length, 25);
      assert.deepEqual(new Set(walked), new Set(created));
      const all = (await t.request(fresh, { method: 'GET', url: '/v2/ssh_keys?limit=100' })).json().data as { id: string; created_at: string }[];
      assert.deepEqual(all.map((k) => k.id), walked, 'page size does not change the order');
      const times = all.map((k) => k.created_at);
      assert.deepEqual(times, [...times].sort().reverse(), 'newest first');
    });

    test('a cursor from another list is 400', async () => {
      await t.issueKey(accountId, { name: 'one more' });
      const next = (await t.request(key, { method: 'GET', url: '/v2/api_keys?limit=1' })).json().pagination.next_cursor;
      assert.ok(next);
      assertError(await t.request(key, { method: 'GET', url: `/v2/ssh_keys?cursor=${encodeURIComponent(next)}` }), 400);
    });

    test('delete answers 204 with no body, then the key is gone', async () => {
      const { id } = await add(key, generateSshKey({ kind: 'ed25519' }));
      const deleted = await remove(key, id);
      assert.equal(deleted.statusCode, 204);
      assert.equal(deleted.body, '');
      assertError(await get(key, id), 404);
      assertError(await remove(key, id), 404);
      const listed = (await t.request(key, { method: 'GET', url: '/v2/ssh_keys?limit=100' })).json().data as { id: string }[];
      assert.ok(!listed.some((k) => k.id === id));
    });

    test('unknown ids are 404', async () => {
      assertError(await get(key, 'ssh_0000000000000000'), 404);
      assertError(await remove(key, 'nope'), 404);
    });

    test("another account's key is 404 on every id route and never listed", async () => {
      const other = await t.newCaller();
      const theirs = await add(other.key, generateSshKey({ kind: 'ed25519' }), 'theirs');
      assertError(await get(key, theirs.id), 404);
      assertError(await remove(key, theirs.id), 404);
      const mine = (await t.request(key, { method: 'GET', url: '/v2/ssh_keys?limit=100' })).json().data as { id: string }[];
      assert.ok(mine.length > 0);
      assert.ok(!mine.some((k) => k.id === theirs.id));
      assert.equal((await get(other.key, theirs.id)).statusCode, 200, 'still there for its owner');
    });

    test('every route needs a key with the ssh_keys scope', async () => {
      const { id } = await add(key, generateSshKey({ kind: 'ed25519' }));
      const body = { name: 'x', public_key: generateSshKey({ kind: 'ed25519' }).line };
      const routes = [
        { method: 'GET', url: '/v2/ssh_keys', write: false },
        { method: 'POST', url: '/v2/ssh_keys', payload: body, write: true },
        { method: 'GET', url: `/v2/ssh_keys/${id}`, write: false },
        { method: 'DELETE', url: `/v2/ssh_keys/${id}`, write: true },
      ] as const;
      const regionsOnly = await t.createKey(accountId, { scopes: ['regions:read'] });
      const readOnly = await t.createKey(accountId, { scopes: ['ssh_keys:read'] });
      for (const { write, ...route } of routes) {
        assertError(await t.request(null, route), 401);
        assertError(await t.request(regionsOnly, route), 403);
        if (write) assertError(await t.request(readOnly, route), 403);
        else assert.equal((await t.request(readOnly, route)).statusCode, 200);
      }
      assert.equal((await get(key, id)).statusCode, 200, 'refused requests changed nothing');
    });

    describe('the service instances use', () => {
      let queries = 0;
      const counter: KyselyPlugin = {
        transformQuery: (args) => (queries++, args.node),
        transformResult: async (args) => args.result,
      };
      const service = () => new SshKeysService(new SshKeysStore(t.testDb.database.db.withPlugin(counter)), t.clock.now, new EventsRecorder(t.clock.now));

      test('assertOwned names each id the account does not own, in one query', async () => {
        const mine = [await add(key, generateSshKey({ kind: 'ed25519' })), await add(key, generateSshKey({ kind: 'ed25519' }))];
        const other = await t.newCaller();
        const theirs = await add(other.key, generateSshKey({ kind: 'ed25519' }));
        queries = 0;
        const problems = await service().assertOwned(accountId, [mine[0]!.id, theirs.id, 'ssh_ffffffffffffffff', mine[1]!.id, mine[0]!.id]);
        assert.equal(queries, 1);
        assert.deepEqual(problems, [
          { field: 'ssh_keys[1]', message: `Unknown SSH key ${theirs.id}` },
          { field: 'ssh_keys[2]', message: 'Unknown SSH key ssh_ffffffffffffffff' },
        ]);
        assert.deepEqual(await service().assertOwned(accountId, mine.map((k) => k.id)), []);
        queries = 0;
        assert.deepEqual(await service().assertOwned(accountId, []), []);
        assert.equal(queries, 0, 'no ids, no query');
      });

      test('publicKeys gives the lines of the given keys in order, once each, in one query', async () => {
        const a = generateSshKey({ kind: 'ed25519' }, 'a');
        const b = generateSshKey({ kind: 'rsa', bits: 2048 }, 'b');
        const [idA, idB] = [(await add(key, a)).id, (await add(key, b)).id];
        const other = await t.newCaller();
        const theirs = await add(other.key, generateSshKey({ kind: 'ed25519' }));
        queries = 0;
        assert.deepEqual(await service().publicKeys(accountId, [idB, theirs.id, idA, idB]), [b.line, a.line]);
        assert.equal(queries, 1);
        assert.deepEqual(await service().publicKeys(accountId, []), []);
      });
    });
  });
}
