import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DATABASE_KINDS } from './helpers/databases.js';
import { createTestApp, createTestAppWithCaller, type TestApp } from './helpers/app.js';
import { assertError } from './helpers/assertions.js';
import { createInstance, waitFor, waitForGone, waitForStatus } from './helpers/instances.js';
import { generateSshKey } from './helpers/openssh.js';
import { dashboardRequest, signIn, createUser } from './helpers/dashboard.js';
import { createDatabase, waitForDatabase, waitForDatabaseGone } from './helpers/databases-api.js';

interface EventBody {
  id: string;
  type: string;
  resource_type: string;
  resource_id: string;
  actor: { type: string; id: string | null };
  request_id: string | null;
  data: Record<string, unknown>;
  created_at: string;
}

async function listEvents(t: TestApp, key: string, query: string): Promise<EventBody[]> {
  const response = await t.request(key, { method: 'GET', url: `/v2/events?${query}` });
  assert.equal(response.statusCode, 200, response.body);
  return response.json().data;
}

/** Every page of a query, oldest first. */
async function allEvents(t: TestApp, key: string, query: string): Promise<EventBody[]> {
  const seen: EventBody[] = [];
  let cursor: string | null = null;
  do {
    const response = await t.request(key, { method: 'GET', url: `/v2/events?limit=3&${query}${cursor ? `&cursor=${cursor}` : ''}` });
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json();
    seen.push(...body.data);
    cursor = body.pagination.next_cursor;
  } while (cursor);
  return seen.reverse();
}

for (const kind of DATABASE_KINDS) {
  describe(`events (${kind})`, () => {
    let t: TestApp;
    let key: string;
    let keyId: string;
    let accountId: string;
    before(async () => {
      t = await createTestApp(kind, { systemClock: true });
      const account = await t.createAccount();
      accountId = account.id;
      ({ secret: key, id: keyId } = await t.issueKey(account.id));
    });
    after(() => t.close());

    test('create → restart → resize → delete of an instance: every event, in order, with its actor and request', async () => {
      const created = await t.request(key, { method: 'POST', url: '/v2/instances', payload: { name: 'evt-flow', region: 'us-east-1', plan: 'micro', image: 'ubuntu-24-04' } });
      assert.equal(created.statusCode, 201);
      const id = created.json().id as string;
      await waitForStatus(t, key, id, 'running');
      const restart = await t.request(key, { method: 'PUT', url: `/v2/instances/${id}/restart` });
      await waitForStatus(t, key, id, 'running');
      const resize = await t.request(key, { method: 'PUT', url: `/v2/instances/${id}/resize`, payload: { plan: 'standard-2' } });
      await waitForStatus(t, key, id, 'running');
      const remove = await t.request(key, { method: 'DELETE', url: `/v2/instances/${id}` });
      await waitForGone(t, key, id);

      const events = await allEvents(t, key, `resource_id=${id}`);
      const me = { type: 'api_key', id: keyId };
      const system = { type: 'system', id: null };
      const request = (response: { headers: Record<string, unknown> }) => response.headers['x-request-id'];
      const change = (from: string, to: string) => ({ previous_status: from, status: to });
      assert.deepEqual(
        events.map((e) => [e.type, e.actor, e.request_id, e.type === 'instance.status_changed' ? { previous_status: e.data.previous_status, status: e.data.status } : null]),
        [
          ['instance.created', me, request(created), null],
          ['instance.status_changed', system, null, change('provisioning', 'running')],
          ['instance.restart_requested', me, request(restart), null],
          ['instance.status_changed', me, request(restart), change('running', 'rebooting')],
          ['instance.status_changed', system, null, change('rebooting', 'running')],
          ['instance.resize_requested', me, request(resize), null],
          ['instance.status_changed', me, request(resize), change('running', 'resizing')],
          ['instance.resized', system, null, null],
          ['instance.status_changed', system, null, change('resizing', 'running')],
          ['instance.delete_requested', me, request(remove), null],
          ['instance.status_changed', me, request(remove), change('running', 'deleting')],
          ['instance.deleted', system, null, null],
        ],
      );
      for (const event of events) {
        assert.match(event.id, /^evt_[0-9a-f]{16}$/);
        assert.deepEqual([event.resource_type, event.resource_id], ['instance', id]);
        assert.match(event.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      }
      assert.equal(events[0]?.data.name, 'evt-flow');
      assert.equal(events[7]?.data.plan, 'standard-2');
    });

    test('filters: an exact type, a prefix, since and until', async () => {
      const ssh = await t.request(key, { method: 'POST', url: '/v2/ssh_keys', payload: { name: 'filters', public_key: generateSshKey({ kind: 'ed25519' }).line } });
      assert.equal(ssh.statusCode, 201);
      const sshId = ssh.json().id as string;
      const exact = await listEvents(t, key, 'type=ssh_key.created');
      assert.ok(exact.length >= 1 && exact.every((e) => e.type === 'ssh_key.created'));
      assert.equal(exact[0]?.resource_id, sshId, 'newest first');
      const prefix = await listEvents(t, key, 'type=instance.*&limit=100');
      assert.ok(prefix.length > 0 && prefix.every((e) => e.type.startsWith('instance.')));
      assert.deepEqual(await listEvents(t, key, 'type=*&limit=100'), await listEvents(t, key, 'limit=100'));
      const created = exact[0]?.created_at as string;
      assert.ok((await listEvents(t, key, `since=${created}&type=ssh_key.created`)).some((e) => e.resource_id === sshId));
      assert.ok(!(await listEvents(t, key, `until=${created}&type=ssh_key.created`)).some((e) => e.resource_id === sshId));
      assertError(await t.request(key, { method: 'GET', url: '/v2/events?type=instance.' }), 400);
      assertError(await t.request(key, { method: 'GET', url: '/v2/events?since=yesterday' }), 400);
      assertError(await t.request(key, { method: 'GET', url: `/v2/events?since=${created}&until=${created}` }), 422);
      assertError(await t.request(key, { method: 'GET', url: '/v2/events?cursor=abc.def' }), 400);
    });

    test('a change that fails records nothing; another account sees none of these events', async () => {
      const publicKey = generateSshKey({ kind: 'ed25519' }).line;
      assert.equal((await t.request(key, { method: 'POST', url: '/v2/ssh_keys', payload: { name: 'once', public_key: publicKey } })).statusCode, 201);
      const before = await listEvents(t, key, 'type=ssh_key.*&limit=100');
      assertError(await t.request(key, { method: 'POST', url: '/v2/ssh_keys', payload: { name: 'twice', public_key: publicKey } }), 409);
      assert.deepEqual(await listEvents(t, key, 'type=ssh_key.*&limit=100'), before);

      const other = await t.newCaller();
      const theirs = await listEvents(t, other.key, 'limit=100');
      assert.deepEqual(theirs.map((e) => e.type), ['api_key.created'], 'only the creation of their own key');
      assertError(await t.request(other.key, { method: 'GET', url: `/v2/events/${before[0]?.id}` }), 404);
      const one = await t.request(key, { method: 'GET', url: `/v2/events/${before[0]?.id}` });
      assert.deepEqual(one.json(), before[0]);
    });

    test('API key creation and revocation are events; the events:read scope is needed to list', async () => {
      const issued = await t.request(key, { method: 'POST', url: '/v2/api_keys', payload: { name: 'reader', scopes: ['instances:read'] } });
      assert.equal(issued.statusCode, 201);
      const { key: reader, secret } = issued.json();
      assert.equal((await t.request(key, { method: 'DELETE', url: `/v2/api_keys/${reader.id}` })).statusCode, 200);
      const events = await listEvents(t, key, `resource_id=${reader.id}`);
      assert.deepEqual(events.map((e) => [e.type, e.resource_type, e.actor.id]).reverse(), [
        ['api_key.created', 'api_key', keyId],
        ['api_key.revoked', 'api_key', keyId],
      ]);
      const limited = await t.request(key, { method: 'POST', url: '/v2/api_keys', payload: { name: 'limited', scopes: ['instances:read'] } });
      assertError(await t.request(limited.json().secret, { method: 'GET', url: '/v2/events' }), 403);
      assert.ok(secret);
    });

    test('a rotation is an api_key.rotated event: by the key through /v2, by the signed-in user through the dashboard', async () => {
      const issue = async (name: string) => (await t.request(key, { method: 'POST', url: '/v2/api_keys', payload: { name, scopes: ['instances:read'] } })).json().key.id as string;
      const viaApi = await issue('rotated-by-key');
      const rotated = await t.request(key, { method: 'POST', url: `/v2/api_keys/${viaApi}/rotate`, payload: { grace_period: '1h' } });
      assert.equal(rotated.statusCode, 201, rotated.body);
      const [byKey] = await listEvents(t, key, `type=api_key.rotated&resource_id=${viaApi}`);
      assert.deepEqual([byKey?.actor, byKey?.request_id, byKey?.data.replaced_by, byKey?.data.grace_period], [{ type: 'api_key', id: keyId }, rotated.headers['x-request-id'], rotated.json().key.id, '1h']);

      const viaDashboard = await issue('rotated-by-user');
      const user = await createUser(t, accountId, `owner-${kind}@example.com`);
      const signed = await signIn(t, `owner-${kind}@example.com`);
      const response = await dashboardRequest(t, signed, { method: 'POST', url: `/dashboard/api/api_keys/${viaDashboard}/rotate`, payload: { grace_period: 'none' } });
      assert.equal(response.statusCode, 201, response.body);
      const [byUser] = await listEvents(t, key, `type=api_key.rotated&resource_id=${viaDashboard}`);
      assert.deepEqual([byUser?.actor, byUser?.request_id, byUser?.data.grace_period], [{ type: 'dashboard_user', id: user.id }, response.headers['x-request-id'], 'none']);
      const revoked = await dashboardRequest(t, signed, { method: 'DELETE', url: `/dashboard/api/api_keys/${response.json().key.id}` });
      assert.equal(revoked.statusCode, 200, revoked.body);
      const [revokedEvent] = await listEvents(t, key, `type=api_key.revoked&resource_id=${response.json().key.id}`);
      assert.deepEqual(revokedEvent?.actor, { type: 'dashboard_user', id: user.id });
    });

    test('a managed database: create, resize, a user, delete, each requested by the key and completed by the system', async () => {
      const created = await createDatabase(t, key, { name: `evt-db-${kind}` });
      await waitForDatabase(t, key, created.id);
      const resize = await t.request(key, { method: 'PUT', url: `/v2/databases/${created.id}/resize`, payload: { node_count: 2 } });
      assert.equal(resize.statusCode, 202, resize.body);
      await waitForDatabase(t, key, created.id);
      const user = await t.request(key, { method: 'POST', url: `/v2/databases/${created.id}/users`, payload: { name: 'app' } });
      assert.equal(user.statusCode, 201, user.body);
      await waitFor(() => allEvents(t, key, `resource_id=${created.id}`), (e) => e.some((x) => x.type === 'database.user_created'), 'database.user_created');
      assert.equal((await t.request(key, { method: 'DELETE', url: `/v2/databases/${created.id}` })).statusCode, 202);
      await waitForDatabaseGone(t, key, created.id);

      const events = await allEvents(t, key, `resource_id=${created.id}`);
      assert.deepEqual(
        events.map((e) => [e.type, e.actor.type, e.type === 'database.status_changed' ? `${e.data.previous_status}→${e.data.status}` : null]),
        [
          ['database.created', 'api_key', null],
          ['database.status_changed', 'system', 'provisioning→online'],
          ['database.resize_requested', 'api_key', null],
          ['database.status_changed', 'api_key', 'online→resizing'],
          ['database.status_changed', 'system', 'resizing→online'],
          ['database.resized', 'system', null],
          ['database.create_user_requested', 'api_key', null],
          ['database.user_created', 'system', null],
          ['database.delete_requested', 'api_key', null],
          ['database.status_changed', 'api_key', 'online→deleting'],
          ['database.deleted', 'system', null],
        ],
      );
      assert.equal(events[0]?.data.connection && (events[0].data.connection as { password: unknown }).password, null, 'no password in the event');
      assert.ok(!JSON.stringify(events).includes('password_verifier'));
    });

    test('volumes: attach is requested by the caller and completed by the system', async () => {
      const instance = await createInstance(t, key);
      await waitForStatus(t, key, instance.id, 'running');
      const volume = await t.request(key, { method: 'POST', url: '/v2/volumes', payload: { name: 'evt-vol', region: 'us-east-1', size_gb: 10 } });
      assert.equal(volume.statusCode, 201, volume.body);
      const volumeId = volume.json().id as string;
      await waitFor(() => t.request(key, { method: 'GET', url: `/v2/volumes/${volumeId}` }), (r) => r.json().status === 'available', 'volume available');
      const attach = await t.request(key, { method: 'PUT', url: `/v2/volumes/${volumeId}/attach`, payload: { instance_id: instance.id } });
      assert.equal(attach.statusCode, 202, attach.body);
      const events = await waitFor(() => allEvents(t, key, `resource_id=${volumeId}`), (e) => e.some((x) => x.type === 'volume.attached'), 'volume.attached');
      assert.deepEqual(events.map((e) => [e.type, e.actor.type]), [
        ['volume.created', 'api_key'],
        ['volume.status_changed', 'system'],
        ['volume.attach_requested', 'api_key'],
        ['volume.attached', 'system'],
        ['volume.status_changed', 'system'],
      ]);
      assert.equal(events[3]?.data.instance_id, instance.id);
    });
  });

  describe(`event retention (${kind})`, () => {
    test('events older than the retention period are pruned by the engine', async () => {
      const { t, key } = await createTestAppWithCaller(kind, { env: { CLOUDNEXUS_EVENT_RETENTION_DAYS: '2' } });
      try {
        const add = () => t.request(key, { method: 'POST', url: '/v2/ssh_keys', payload: { name: `k${Math.random()}`, public_key: generateSshKey({ kind: 'ed25519' }).line } });
        const old = (await add()).json().id as string;
        t.clock.advance(2 * 86_400_000 + 3_600_000);
        const recent = (await add()).json().id as string;
        const left = await waitFor(() => listEvents(t, key, 'type=ssh_key.created'), (e) => e.length === 1, 'the old event to be pruned');
        assert.equal(left[0]?.resource_id, recent);
        assert.notEqual(left[0]?.resource_id, old);
      } finally {
        await t.close();
      }
    });
  });
}
