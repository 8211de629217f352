// VPCs, networks, firewalls, volumes and snapshots beyond the conformance scenario: filters, pages,
// waiting, and typed errors matched by their stable `reason`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { APIError, ConflictError, type ErrorReason } from '../../src/index.js';
import type { LiveServer } from '../helpers/live-server.js';

/** Runs `call`, which must fail with `ErrorClass`, and gives the error's reason. */
async function reasonOf(call: Promise<unknown>, ErrorClass: typeof APIError): Promise<ErrorReason | undefined> {
  const error = await call.then(
    () => assert.fail('expected an error'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof ErrorClass, `${error}`);
  return error.reason;
}

export function networkingStorageTests(live: LiveServer) {
  test('vpcs: a taken name and a VPC with networks are ConflictErrors with their reasons', async () => {
    const client = live.client();
    const vpc = await client.vpcs.create({ name: 'sdk-vpc', region: 'us-east-1', ip_range: '10.70.0.0/16' });
    assert.equal(await reasonOf(client.vpcs.create({ name: 'sdk-vpc', region: 'us-east-1', ip_range: '10.71.0.0/16' }), ConflictError), 'name_taken');
    const network = await client.networks.create({ name: 'sdk-net', vpc_id: vpc.id, ip_range: '10.70.1.0/24', environment: 'development' });
    assert.equal(await reasonOf(client.vpcs.delete(vpc.id), ConflictError), 'has_dependents');
    const listed = [];
    for await (const item of client.networks.list({ vpc_id: vpc.id, limit: 1 })) listed.push(item.id);
    assert.deepEqual(listed, [network.id]);
    await client.networks.delete(network.id);
    await client.vpcs.delete(vpc.id);
  });

  test('volumes: list filters by attachment, snapshots list by volume, every page walked', async () => {
    const client = live.client();
    const instance = await client.instances.create({ name: 'sdk-vol-host', region: 'us-east-1', plan: 'micro', image: 'debian-12' }, { wait: true });
    const volumes = [];
    for (const name of ['sdk-vol-a', 'sdk-vol-b', 'sdk-vol-c']) volumes.push(await client.volumes.create({ name, region: 'us-east-1', size_gb: 1 }, { wait: true }));
    const [attached, ...detached] = volumes as [(typeof volumes)[number], ...typeof volumes];
    const action = await client.volumes.attach(attached.id, { instance_id: instance.id }, { wait: true });
    assert.equal(action.status, 'completed');
    assert.equal(await reasonOf(client.volumes.attach(attached.id, { instance_id: instance.id }), ConflictError), 'already_in_state');
    const onHost = await client.volumes.list({ instance_id: instance.id });
    assert.deepEqual(onHost.data.map((v) => v.id), [attached.id]);
    const free = [];
    for await (const volume of client.volumes.list({ region: 'us-east-1', attachment_state: 'detached', limit: 1 })) free.push(volume.id);
    for (const volume of detached) assert.ok(free.includes(volume.id), `${volume.id} listed as detached`);
    assert.ok(!free.includes(attached.id));

    const snapshot = await client.volumes.snapshot(detached[0]!.id, { name: 'sdk-snap' }, { wait: true });
    assert.equal(snapshot.status, 'available');
    const page = await client.snapshots.list({ volume_id: detached[0]!.id });
    assert.deepEqual(page.data.map((s) => s.id), [snapshot.id]);
    assert.equal((await client.snapshots.delete(snapshot.id, { wait: true })).type, 'delete');

    await client.volumes.detach(attached.id, { wait: true });
    for (const volume of volumes) await client.volumes.delete(volume.id, { wait: true });
    await client.instances.delete(instance.id, { wait: true });
  });

  test('reserved ips: create, label, assign, move, unassign and delete, with typed errors', async () => {
    const client = live.client();
    const host = { region: 'us-east-1', plan: 'micro', image: 'debian-12' } as const;
    const first = await client.instances.create({ name: 'sdk-rip-a', ...host }, { wait: true });
    const second = await client.instances.create({ name: 'sdk-rip-b', ...host }, { wait: true });
    const rip = await client.reservedIps.create({ region: 'us-east-1', labels: { app: 'sdk' } });
    assert.deepEqual([rip.status, rip.instance_id], ['unassigned', null]);
    assert.deepEqual((await client.reservedIps.update(rip.id, { labels: { app: null, tier: 'edge' } })).labels, { tier: 'edge' });
    assert.equal((await client.reservedIps.assign(rip.id, { instance_id: first.id }, { wait: true })).status, 'completed');
    assert.equal((await client.instances.retrieve(first.id)).public_ipv4, rip.ip);
    assert.equal(await reasonOf(client.reservedIps.delete(rip.id), ConflictError), 'has_dependents');
    await client.reservedIps.assign(rip.id, { instance_id: second.id }, { wait: true });
    assert.equal((await client.reservedIps.retrieve(rip.id)).instance_id, second.id);
    assert.deepEqual((await client.reservedIps.list({ instance_id: second.id })).data.map((r) => r.id), [rip.id]);
    const accepted = await client.reservedIps.unassign(rip.id);
    assert.equal(accepted.id, rip.id);
    assert.equal((await client.actions.waitFor(accepted.action_id)).status, 'completed');
    assert.equal(await reasonOf(client.reservedIps.unassign(rip.id), ConflictError), 'already_in_state');
    await client.reservedIps.delete(rip.id);
    for (const instance of [first, second]) await client.instances.delete(instance.id, { wait: true });
  });
}
