// PATCH on every other named or labelled resource: a JSON merge-patch of what it has (name, and
// labels where it carries them), the create's name rules, one `<type>.updated` event per change,
// nothing written when a patch is refused, and the resource's write scope; a function's PATCH
// deploys nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DATABASE_KINDS } from './helpers/databases.js';
import { createTestAppWithCaller, type TestApp } from './helpers/app.js';
import { assertError } from './helpers/assertions.js';
import { waitForResource } from './helpers/instances.js';
import { generateSshKey } from './helpers/openssh.js';

type Resource = { id: string; name: string; status?: string; labels?: Record<string, string> };

interface Kind {
  /** The event type prefix, as in `<noun>.updated`. */
  noun: string;
  /** The collection under /v2, which is also the scope's resource. */
  path: string;
  labelled: boolean;
  /** Whether create refuses a name already in use (a unique index), so PATCH must too. */
  uniqueNames: boolean;
  /** A field the resource shows but a PATCH may not set. */
  readOnly: Record<string, unknown>;
  make: (name: string, labels: Record<string, string>) => Promise<Resource>;
}

let counter = 0;
const nextName = (prefix: string) => `${prefix}-${++counter}`;

for (const kind of DATABASE_KINDS) {
  describe(`PATCH on every named or labelled resource (${kind})`, () => {
    let t: TestApp;
    let key: string;
    let accountId: string;
    let otherKey: string;
    let vpcId: string;
    let volumeId: string;
    before(async () => {
      ({ t, key, accountId } = await createTestAppWithCaller(kind, { systemClock: true }));
      otherKey = (await t.newCaller()).key;
      vpcId = (await post('/v2/vpcs', { name: 'patch-home', region: 'eu-west-1', ip_range: '10.50.0.0/16' })).id;
      volumeId = (await post('/v2/volumes', { name: 'patch-source', region: 'eu-west-1', size_gb: 10 })).id;
      await waitForResource(t, key, `/v2/volumes/${volumeId}`, 'available');
    });
    after(() => t.close());

    async function post(url: string, payload: object): Promise<Resource & { key?: Resource }> {
      const response = await t.request(key, { method: 'POST', url, payload });
      assert.equal(response.statusCode, 201, response.body);
      return response.json();
    }
    const withLabels = (labels: Record<string, string>) => (Object.keys(labels).length > 0 ? { labels } : {});

    const kinds: Kind[] = [
      {
        noun: 'snapshot', path: 'snapshots', labelled: false, uniqueNames: false, readOnly: { volume_id: 'vol_0000000000000000' },
        make: async (name) => waitForResource<Resource & { status: string }>(t, key, `/v2/snapshots/${(await post(`/v2/volumes/${volumeId}/snapshots`, { name })).id}`, 'available'),
      },
      {
        noun: 'vpc', path: 'vpcs', labelled: true, uniqueNames: true, readOnly: { region: 'us-east-1' },
        make: (name, labels) => post('/v2/vpcs', { name, region: 'eu-west-1', ip_range: `10.${60 + counter}.0.0/16`, ...withLabels(labels) }),
      },
      {
        noun: 'network', path: 'networks', labelled: true, uniqueNames: true, readOnly: { ip_range: '10.50.200.0/24' },
        make: (name, labels) => post('/v2/networks', { name, vpc_id: vpcId, ip_range: `10.50.${counter}.0/24`, environment: 'staging', ...withLabels(labels) }),
      },
      {
        noun: 'firewall', path: 'firewalls', labelled: true, uniqueNames: true, readOnly: { inbound_rules: [] },
        make: (name, labels) => post('/v2/firewalls', { name, inbound_rules: [], apply_to: { label_selector: 'role=patch' }, ...withLabels(labels) }),
      },
      {
        noun: 'load_balancer', path: 'load_balancers', labelled: true, uniqueNames: true, readOnly: { status: 'active' },
        make: async (name, labels) => {
          const made = await post('/v2/load_balancers', {
            name, vpc_id: vpcId, forwarding_rules: [{ entry_protocol: 'http', entry_port: 80, target_protocol: 'http', target_port: 8080 }], targets: { label_selector: 'role=patch' }, ...withLabels(labels),
          });
          return waitForResource<Resource & { status: string }>(t, key, `/v2/load_balancers/${made.id}`, 'active');
        },
      },
      {
        noun: 'ssh_key', path: 'ssh_keys', labelled: false, uniqueNames: false, readOnly: { public_key: generateSshKey({ kind: 'ed25519' }).line },
        make: (name) => post('/v2/ssh_keys', { name, public_key: generateSshKey({ kind: 'ed25519' }).line }),
      },
      {
        noun: 'backup_policy', path: 'backup_policies', labelled: false, uniqueNames: false, readOnly: { next_run_at: '2030-01-01T00:00:00Z' },
        make: (name) => post('/v2/backup_policies', { name, schedule: '0 3 * * *', retention_count: 2, label_selector: 'backup=patch' }),
      },
      {
        noun: 'api_key', path: 'api_keys', labelled: false, uniqueNames: false, readOnly: { scopes: ['*'] },
        make: async (name) => (await post('/v2/api_keys', { name, scopes: ['instances:read'] })).key as Resource,
      },
      {
        noun: 'function', path: 'functions', labelled: true, uniqueNames: true, readOnly: { handler: 'index.other' },
        make: async (name, labels) => {
          const runtimes = (await t.request(key, { method: 'GET', url: '/v2/function_runtimes' })).json().data as { id: string }[];
          const runtime = runtimes.find((r) => r.id.startsWith('nodejs'))?.id ?? assert.fail('no node runtime');
          const made = await post('/v2/functions', { name, region: 'eu-west-1', runtime, files: { 'index.js': 'exports.handler = async () => 1;' }, handler: 'index.handler', ...withLabels(labels) });
          return waitForResource<Resource & { status: string }>(t, key, `/v2/functions/${made.id}`, 'active');
        },
      },
    ];

    const patch = (path: string, id: string, payload: unknown, as = key, contentType = 'application/json') =>
      t.request(as, { method: 'PATCH', url: `/v2/${path}/${id}`, payload: JSON.stringify(payload), headers: { 'content-type': contentType } });
    const get = async (path: string, id: string) => (await t.request(key, { method: 'GET', url: `/v2/${path}/${id}` })).json() as Resource;
    const updates = async (noun: string, id: string) =>
      ((await t.request(key, { method: 'GET', url: `/v2/events?resource_id=${id}&type=${noun}.updated` })).json().data as { type: string; data: object }[]);

    for (const { noun, path, labelled, uniqueNames, readOnly, make } of kinds) {
      test(`${noun}: a rename${labelled ? ' and a label merge (null removes one, null clears all)' : ''}, each recorded by one event`, async () => {
        const resource = await make(nextName('patch'), { env: 'dev', tier: 'web', owner: 'ann' });
        const renamed = nextName('renamed');
        const body = labelled ? { name: renamed, labels: { env: 'prod', owner: null, team: 'core' } } : { name: renamed };
        const response = await patch(path, resource.id, body, key, 'application/merge-patch+json');
        assert.equal(response.statusCode, 200, response.body);
        const patched = response.json() as Resource;
        assert.equal(patched.name, renamed);
        if (labelled) assert.deepEqual(patched.labels, { env: 'prod', tier: 'web', team: 'core' });
        assert.deepEqual(await get(path, resource.id), patched);
        assert.deepEqual((await updates(noun, resource.id)).map((e) => [e.type, e.data]), [[`${noun}.updated`, body]]);

        if (labelled) {
          assert.deepEqual(((await patch(path, resource.id, { labels: null })).json() as Resource).labels, {});
          assert.equal((await updates(noun, resource.id)).length, 2);
        } else {
          assertError(await patch(path, resource.id, { labels: { env: 'prod' } }), 400, 'invalid_request');
        }
      });

      test(`${noun}: refused patches change nothing and record nothing`, async () => {
        const first = await make(nextName('keep'), { keep: 'me' });
        const second = await make(nextName('keep'), {});
        if (uniqueNames) assertError(await patch(path, second.id, { name: first.name, labels: { lost: 'yes' } }), 409, 'name_taken');
        for (const payload of [readOnly, { id: 'x' }, { created_at: '2030-01-01T00:00:00Z' }, { colour: 'red' }, {}, { name: '' }, { name: 'x'.repeat(101) }, ...(labelled ? [{ labels: { 'bad key!': 'v' } }, { name: 'not a hostname' }] : [])]) {
          assertError(await patch(path, second.id, payload), 400, 'invalid_request');
        }
        assertError(await patch(path, first.id, { name: nextName('stolen') }, otherKey), 404, 'not_found');
        assertError(await patch(path, `${first.id.slice(0, first.id.indexOf('_'))}_0000000000000000`, { name: nextName('ghost') }), 404, 'not_found');
        assert.deepEqual(await get(path, second.id), second);
        assert.equal((await get(path, first.id)).name, first.name);
        if (labelled) assert.deepEqual((await get(path, first.id)).labels, { keep: 'me' });
        assert.deepEqual([...(await updates(noun, first.id)), ...(await updates(noun, second.id))], []);
      });

      test(`${noun}: a PATCH needs ${path}:write`, async () => {
        const resource = await make(nextName('scoped'), {});
        const reader = await t.createKey(accountId, { scopes: [`${path}:read`] });
        assertError(await patch(path, resource.id, { name: nextName('denied') }, reader), 403, 'insufficient_scope');
        const writer = await t.createKey(accountId, { scopes: [`${path}:write`] });
        assert.equal((await patch(path, resource.id, { name: nextName('allowed') }, writer)).statusCode, 200);
      });
    }

    test('function: a PATCH deploys nothing (same version, settings and status, no deploy event)', async () => {
      const fn = await kinds.find((k) => k.path === 'functions')!.make(nextName('steady'), { env: 'dev' });
      const deploys = async () => (await t.request(key, { method: 'GET', url: `/v2/events?resource_id=${fn.id}&type=function.deploy_requested` })).json().data.length as number;
      const deploysBefore = await deploys();
      const renamed = nextName('steady');
      const response = await patch('functions', fn.id, { name: renamed, labels: { env: 'prod' } });
      assert.equal(response.statusCode, 200, response.body);
      const untouched = (f: object) => Object.fromEntries(Object.entries(f).filter(([field]) => !['name', 'labels', 'updated_at'].includes(field)));
      assert.deepEqual(untouched(response.json()), untouched(fn));
      assert.equal(response.json().name, renamed);
      assert.deepEqual(response.json().labels, { env: 'prod' });
      assert.equal(await deploys(), deploysBefore);
    });

    for (const path of ['ssh_keys', 'api_keys']) {
      test(`${path}: a name is trimmed as on create, and a blank one is a 422`, async () => {
        const resource = await kinds.find((k) => k.path === path)!.make(nextName('trim'), {});
        assert.equal((await patch(path, resource.id, { name: '  spaced out  ' })).json().name, 'spaced out');
        assertError(await patch(path, resource.id, { name: '   ' }), 422, 'validation_failed');
        assert.equal((await get(path, resource.id)).name, 'spaced out');
      });
    }
  });
}
