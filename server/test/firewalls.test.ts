import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DATABASE_KINDS } from './helpers/databases.js';
import { createTestAppWithCaller, type TestApp } from './helpers/app.js';
import { assertError, fields } from './helpers/assertions.js';
import { createInstance, type InstanceBody } from './helpers/instances.js';

for (const kind of DATABASE_KINDS) {
  describe(`firewalls (${kind})`, () => {
    let t: TestApp;
    let key: string;
    let web: InstanceBody;
    let db: InstanceBody;
    before(async () => {
      ({ t, key } = await createTestAppWithCaller(kind));
      web = await createInstance(t, key, { labels: { role: 'web' } });
      db = await createInstance(t, key, { labels: { role: 'db' } });
    });
    after(() => t.close());

    const post = (payload: object) => t.request(key, { method: 'POST', url: '/v2/firewalls', payload });
    const rules = async (id: string) => (await t.request(key, { method: 'GET', url: `/v2/instances/${id}/firewall_rules` })).json();
    let counter = 0;
    const firewall = (overrides: object = {}) => ({
      name: `fw-${++counter}`,
      inbound_rules: [{ protocol: 'tcp', ports: '22', sources: { addresses: ['0.0.0.0/0'] } }],
      apply_to: { label_selector: 'role=web' },
      ...overrides,
    });

    test('with no firewall, inbound is denied and outbound allowed', async () => {
      assert.deepEqual(await rules(db.id), { instance_id: db.id, default_inbound: 'deny', default_outbound: 'allow', firewall_ids: [], inbound: [], outbound: [] });
    });

    test('create, apply by label selector and by id, and see the effective rules on the instance', async () => {
      const created = await post(firewall({
        name: 'web-in',
        inbound_rules: [
          { protocol: 'tcp', ports: '443', sources: { addresses: ['0.0.0.0/0'] } },
          { protocol: 'tcp', ports: '8000-8100', sources: { instance_ids: [db.id], label_selector: 'role=db' } },
          { protocol: 'icmp', sources: { addresses: ['10.0.0.0/8'] } },
        ],
      }));
      assert.equal(created.statusCode, 201, created.body);
      const fw = created.json();
      assert.match(fw.id, /^fw_/);
      assert.equal(created.headers.location, `/v2/firewalls/${fw.id}`);
      const effective = await rules(web.id);
      assert.deepEqual(effective.firewall_ids, [fw.id]);
      assert.deepEqual(effective.inbound.map((r: { protocol: string; ports: string | null }) => `${r.protocol}:${r.ports}`), ['tcp:443', 'tcp:8000-8100', 'icmp:null']);
      assert.equal(effective.default_outbound, 'allow');
      assert.deepEqual((await rules(db.id)).firewall_ids, [], 'the selector does not match the db instance');

      const egress = (await post(firewall({ name: 'db-out', apply_to: { instance_ids: [db.id] }, outbound_rules: [{ protocol: 'udp', ports: '53', destinations: { addresses: ['10.0.0.2/32'] } }] }))).json();
      const dbRules = await rules(db.id);
      assert.deepEqual([dbRules.firewall_ids, dbRules.default_outbound, dbRules.outbound[0].firewall_id], [[egress.id], 'deny', egress.id]);
    });

    test('malformed rules are 400 naming the field; unknown instances 422; names unique (409)', async () => {
      const cases: [object, string[]][] = [
        [{ inbound_rules: [{ protocol: 'tcp', sources: { addresses: ['0.0.0.0/0'] } }] }, ['inbound_rules[0].ports']],
        [{ inbound_rules: [{ protocol: 'icmp', ports: '22', sources: { addresses: ['0.0.0.0/0'] } }] }, ['inbound_rules[0].ports']],
        [{ inbound_rules: [{ protocol: 'tcp', ports: '70000', sources: { addresses: ['0.0.0.0/0'] } }] }, ['inbound_rules[0].ports']],
        [{ inbound_rules: [{ protocol: 'tcp', ports: '90-80', sources: { addresses: ['0.0.0.0/0'] } }] }, ['inbound_rules[0].ports']],
        [{ inbound_rules: [{ protocol: 'tcp', ports: 'ssh', sources: { addresses: ['0.0.0.0/0'] } }] }, ['inbound_rules[0].ports']],
        [{ inbound_rules: [{ protocol: 'sctp', ports: '22', sources: { addresses: ['0.0.0.0/0'] } }] }, ['inbound_rules[0].protocol']],
        [{ inbound_rules: [{ protocol: 'tcp', ports: '22', sources: { addresses: ['10.0.0.1/8'] } }] }, ['inbound_rules[0].sources.addresses[0]']],
        [{ inbound_rules: [{ protocol: 'tcp', ports: '22', sources: {} }] }, ['inbound_rules[0].sources']],
        [{ apply_to: {} }, ['apply_to']],
        [{ apply_to: { label_selector: 'role in (' } }, ['apply_to.label_selector']],
      ];
      for (const [overrides, expected] of cases) {
        assert.deepEqual(fields(assertError(await post(firewall(overrides)), 400)), expected, JSON.stringify(overrides));
      }
      const unknown = assertError(await post(firewall({ apply_to: { instance_ids: ['inst_0000000000000000'] } })), 422);
      assert.deepEqual(fields(unknown), ['apply_to.instance_ids[0]']);
      await post(firewall({ name: 'taken' }));
      assert.deepEqual(fields(assertError(await post(firewall({ name: 'taken' })), 409)), ['name']);
    });

    test('labels, label_selector on the list, and the quota', async () => {
      const tagged = (await post(firewall({ name: 'tagged', labels: { team: 'edge' } }))).json();
      assert.deepEqual(tagged.labels, { team: 'edge' });
      const listed = (await t.request(key, { method: 'GET', url: '/v2/firewalls?label_selector=team%3Dedge' })).json().data;
      assert.deepEqual(listed.map((f: { id: string }) => f.id), [tagged.id]);
      const free = await t.createAccount('free', 600);
      const freeKey = await t.createKey(free.id);
      const make = (name: string) => t.request(freeKey, { method: 'POST', url: '/v2/firewalls', payload: { name, inbound_rules: [], apply_to: { label_selector: 'x' } } });
      for (let i = 0; i < 5; i++) assert.equal((await make(`f${i}`)).statusCode, 201);
      assert.match(assertError(await make('f5'), 422).error.details[0]?.message as string, /Firewall quota exceeded/);
    });

    test('replace and delete change what applies', async () => {
      const fw = (await post(firewall({ name: 'temp', apply_to: { instance_ids: [db.id] } }))).json();
      assert.ok((await rules(db.id)).firewall_ids.includes(fw.id));
      const replaced = await t.request(key, { method: 'PUT', url: `/v2/firewalls/${fw.id}`, payload: firewall({ name: 'temp', apply_to: { label_selector: 'role=nothing' } }) });
      assert.equal(replaced.statusCode, 200, replaced.body);
      assert.ok(!(await rules(db.id)).firewall_ids.includes(fw.id));
      assert.equal((await t.request(key, { method: 'DELETE', url: `/v2/firewalls/${fw.id}` })).statusCode, 204);
      assertError(await t.request(key, { method: 'GET', url: `/v2/firewalls/${fw.id}` }), 404);
    });

    test("another account gets 404 on every firewall route and the instance's rules", async () => {
      const fw = (await post(firewall({ name: 'private' }))).json();
      const other = await t.newCaller();
      for (const [method, url, payload] of [
        ['GET', `/v2/firewalls/${fw.id}`],
        ['PUT', `/v2/firewalls/${fw.id}`, firewall({ name: 'x' })],
        ['DELETE', `/v2/firewalls/${fw.id}`],
        ['GET', `/v2/instances/${web.id}/firewall_rules`],
      ] as [string, string, object?][]) {
        assertError(await t.request(other.key, { method: method as 'GET', url, ...(payload ? { payload } : {}) }), 404);
      }
      assert.deepEqual(fields(assertError(await t.request(other.key, { method: 'POST', url: '/v2/firewalls', payload: firewall({ apply_to: { instance_ids: [web.id] } }) }), 422)), ['apply_to.instance_ids[0]']);
      assert.equal((await t.request(other.key, { method: 'GET', url: '/v2/firewalls' })).json().data.length, 0);
    });
  });
}
