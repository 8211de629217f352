// /v2/containers on the sim driver: a container runs an uploaded image with an address from its
// network's IPAM (shared with instances), moves provisioning → running, stops, starts, restarts,
// shows its logs and metrics, and gives its address back when deleted.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DATABASE_KINDS } from './helpers/databases.js';
import { createTestAppWithCaller, type TestApp } from './helpers/app.js';
import { assertError } from './helpers/assertions.js';
import { ociArchive } from './helpers/image-archives.js';
import { createInstance, waitForResource, waitForStatus } from './helpers/instances.js';

let counter = 0;

interface ContainerBody {
  id: string;
  name: string;
  status: string;
  image_id: string;
  command: string[] | null;
  environment: Record<string, string>;
  ports: { container_port: number; protocol: string }[];
  memory_mb: number;
  cpu: number;
  replicas: number;
  network_id: string;
  ipv4: string | null;
  labels: Record<string, string>;
}

for (const kind of DATABASE_KINDS) {
  describe(`containers (${kind})`, () => {
    let t: TestApp;
    let key: string;
    let imageId: string;
    before(async () => {
      // Real time: a failing create is retried with backoff before it errors.
      ({ t, key } = await createTestAppWithCaller(kind, { systemClock: true }));
      imageId = await uploadImage(key, { Entrypoint: ['/bin/server'], Cmd: ['--port', '8080'] });
    });
    after(() => t.close());

    async function uploadImage(as: string, config: { Entrypoint?: string[]; Cmd?: string[] }, region = 'us-east-1'): Promise<string> {
      const archive = await ociArchive({ config, layers: [[{ name: 'bin/server', content: '#!/bin/sh\n', mode: 0o755 }]] });
      const response = await t.request(as, { method: 'POST', url: `/v2/container_images?name=img-${++counter}&region=${region}`, payload: archive, headers: { 'content-type': 'application/x-tar' } });
      assert.equal(response.statusCode, 201, response.body);
      return response.json().id as string;
    }
    const create = (body: Record<string, unknown>, as = key) =>
      t.request(as, { method: 'POST', url: '/v2/containers', payload: { name: `ctr-${++counter}`, region: 'us-east-1', image_id: imageId, memory_mb: 128, cpu: 0.5, ...body } });
    const url = (id: string) => `/v2/containers/${id}`;
    const running = (id: string) => waitForResource<ContainerBody>(t, key, url(id), 'running');

    test('a create answers 201 in provisioning with its address, then runs; the driver got the image command', async () => {
      const response = await create({ environment: { MODE: 'prod' }, ports: [{ container_port: 8080, protocol: 'tcp' }], labels: { app: 'web' } });
      assert.equal(response.statusCode, 201, response.body);
      const created = response.json() as ContainerBody;
      assert.match(created.id, /^ctr_[0-9a-f]{16}$/);
      assert.equal(response.headers.location, url(created.id));
      assert.deepEqual(
        [created.status, created.command, created.environment, created.ports, created.memory_mb, created.cpu, created.replicas, created.labels],
        ['provisioning', null, { MODE: 'prod' }, [{ container_port: 8080, protocol: 'tcp' }], 128, 0.5, 1, { app: 'web' }],
      );
      assert.match(created.ipv4 ?? '', /^\d+\.\d+\.\d+\.\d+$/);
      const ready = await running(created.id);
      assert.deepEqual({ ...ready, status: 'provisioning', updated_at: undefined }, { ...created, updated_at: undefined });

      const logs = (await t.request(key, { method: 'GET', url: `${url(created.id)}/logs` })).json() as { container_id: string; stdout: string[]; stderr: string[] };
      assert.equal(logs.container_id, created.id);
      assert.deepEqual(logs.stdout, [`[sim] /bin/server --port 8080 started at ${created.ipv4}`]);

      const listed = (await t.request(key, { method: 'GET', url: '/v2/containers?label_selector=app%3Dweb' })).json().data as ContainerBody[];
      assert.deepEqual(listed.map((c) => c.id), [created.id]);
    });

    test('stop, start and restart move it through its states; a repeat is a 409; logs follow, tail limits them', async () => {
      const id = (await create({ command: ['/bin/server', '--once'] })).json().id as string;
      await running(id);
      const put = (op: string) => t.request(key, { method: 'PUT', url: `${url(id)}/${op}` });
      assertError(await put('start'), 409, 'already_in_state');
      const stopped = await put('stop');
      assert.equal(stopped.statusCode, 202, stopped.body);
      assert.equal(stopped.headers.location, `/v2/actions/${stopped.json().action_id}`);
      await waitForResource(t, key, url(id), 'stopped');
      assertError(await put('stop'), 409, 'already_in_state');
      assertError(await put('restart'), 409, 'invalid_state');
      assert.equal((await put('start')).statusCode, 202);
      await running(id);
      const restart = await put('restart');
      assert.equal(restart.json().status, 'restarting');
      await running(id);
      const logs = (await t.request(key, { method: 'GET', url: `${url(id)}/logs?tail=2` })).json() as { stdout: string[]; stderr: string[] };
      assert.deepEqual(logs, { container_id: id, stdout: ['[sim] started', '[sim] started'], stderr: ['[sim] stopped by SIGTERM', '[sim] stopped by SIGTERM'] });
      assertError(await t.request(key, { method: 'GET', url: `${url(id)}/logs?tail=0` }), 400, 'invalid_request');
      const events = (await t.request(key, { method: 'GET', url: `/v2/events?resource_id=${id}&limit=100` })).json().data as { type: string }[];
      assert.ok(['container.stop_requested', 'container.start_requested', 'container.restart_requested'].every((type) => events.some((e) => e.type === type)));
    });

    test('metrics come as for instances; PATCH renames and relabels', async () => {
      const id = (await create({ labels: { tier: 'a' } })).json().id as string;
      await running(id);
      const metrics = await t.request(key, { method: 'GET', url: `${url(id)}/metrics?type=memory` });
      assert.equal(metrics.statusCode, 200, metrics.body);
      assert.equal(metrics.json().container_id, id);
      assert.equal(metrics.json().type, 'memory');
      assertError(await t.request(key, { method: 'GET', url: `${url(id)}/metrics?type=disk` }), 400, 'invalid_request');
      const renamed = `renamed-${++counter}`;
      const patched = await t.request(key, { method: 'PATCH', url: url(id), payload: { name: renamed, labels: { tier: null, team: 'core' } } });
      assert.equal(patched.statusCode, 200, patched.body);
      assert.deepEqual([patched.json().name, patched.json().labels], [renamed, { team: 'core' }]);
    });

    test('containers and instances share the network IPAM; a deleted container gives its address back', async () => {
      const network = (await running((await create({})).json().id as string)).network_id;
      const instance = await waitForStatus(t, key, (await createInstance(t, key, { name: `inst-${++counter}`, network_id: network })).id, 'running');
      const first = await running((await create({ network_id: network })).json().id as string);
      assert.notEqual(first.ipv4, instance.ipv4);
      const deleting = await t.request(key, { method: 'DELETE', url: url(first.id) });
      assert.equal(deleting.statusCode, 202, deleting.body);
      assert.equal(deleting.json().status, 'deleting');
      await waitForGoneContainer(first.id);
      const next = (await create({ network_id: network })).json() as ContainerBody;
      assert.equal(next.ipv4, first.ipv4, 'the freed address is handed out again');
      // The container's address holds its network, as an instance's does.
      const custom = await t.request(key, { method: 'POST', url: '/v2/networks', payload: { name: `held-${++counter}`, vpc_id: (await t.request(key, { method: 'GET', url: `/v2/networks/${network}` })).json().vpc_id, ip_range: `10.1.${100 + counter}.0/24`, environment: 'development' } });
      assert.equal(custom.statusCode, 201, custom.body);
      const held = await running((await create({ network_id: custom.json().id })).json().id as string);
      assertError(await t.request(key, { method: 'DELETE', url: `/v2/networks/${custom.json().id}` }), 409, 'has_dependents');
      await t.request(key, { method: 'DELETE', url: url(held.id) });
      await waitForGoneContainer(held.id);
      assert.equal((await t.request(key, { method: 'DELETE', url: `/v2/networks/${custom.json().id}` })).statusCode, 204);
    });

    async function waitForGoneContainer(id: string) {
      for (let i = 0; i < 200 && (await t.request(key, { method: 'GET', url: url(id) })).statusCode !== 404; i++) await new Promise((r) => setTimeout(r, 25));
      assertError(await t.request(key, { method: 'GET', url: url(id) }), 404, 'not_found');
    }

    test('refused creates: unknown or foreign image, image of another region, no command, bad input, taken name', async () => {
      const other = await t.newCaller();
      const foreign = await uploadImage(other.key, { Cmd: ['/bin/server'] });
      const inEu = await uploadImage(key, { Cmd: ['/bin/server'] }, 'eu-west-1');
      const noCommand = await uploadImage(key, {});
      const fieldOf = async (body: Record<string, unknown>, status = 422) => assertError(await create(body), status).error.details.map((d) => d.field);
      assert.deepEqual(await fieldOf({ image_id: 'cimg_0000000000000000' }), ['image_id']);
      assert.deepEqual(await fieldOf({ image_id: foreign }), ['image_id']);
      assert.deepEqual(await fieldOf({ image_id: inEu }), ['image_id']);
      assert.deepEqual(await fieldOf({ image_id: noCommand }), ['command']);
      assert.deepEqual(await fieldOf({ region: 'mars-1' }), ['region']);
      assertError(await create({ memory_mb: 1 }), 400, 'invalid_request');
      assertError(await create({ ports: [{ container_port: 0, protocol: 'tcp' }] }), 400, 'invalid_request');
      assertError(await create({ replicas: 3 }), 400, 'invalid_request');
      assertError(await create({ environment: { 'BAD-NAME': 'x' } }), 400, 'invalid_request');
      const name = `same-${++counter}`;
      assert.equal((await create({ name })).statusCode, 201);
      assertError(await create({ name }), 409, 'name_taken');
    });

    test('an image a container runs cannot be deleted; another account sees no container', async () => {
      const image = await uploadImage(key, { Cmd: ['/bin/server'] });
      const id = (await create({ image_id: image })).json().id as string;
      await running(id);
      assertError(await t.request(key, { method: 'DELETE', url: `/v2/container_images/${image}` }), 409, 'has_dependents');
      const other = await t.newCaller();
      for (const [method, path] of [['GET', url(id)], ['GET', `${url(id)}/logs`], ['PUT', `${url(id)}/stop`], ['DELETE', url(id)]] as const) {
        assertError(await t.request(other.key, { method, url: path }), 404, 'not_found');
      }
      await t.request(key, { method: 'DELETE', url: url(id) });
      await waitForGoneContainer(id);
      assert.equal((await t.request(key, { method: 'DELETE', url: `/v2/container_images/${image}` })).statusCode, 204);
    });

    test('a create the driver cannot carry out removes the container and frees its address', async () => {
      t.containers.faults.failNext('create', 3);
      const created = (await create({})).json() as ContainerBody;
      await waitForGoneContainer(created.id);
      const actions = (await t.request(key, { method: 'GET', url: `/v2/actions?resource_id=${created.id}` })).json().data as { status: string }[];
      assert.deepEqual(actions.map((a) => a.status), ['errored']);
    });
  });
}
