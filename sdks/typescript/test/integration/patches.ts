// PATCH (a JSON merge-patch) on every named or labelled resource beyond instances and volumes: a
// rename, and a label set and a label removed where the resource has labels. The server's suite
// covers the edge cases; this pins down that each method reaches its operation.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LiveServer } from '../helpers/live-server.js';
import { ED25519_KEY } from './ssh-keys.js';

export function patchTests(live: LiveServer) {
  test('vpcs.patch, networks.update, firewalls.update and loadBalancers.patch merge labels and rename', async () => {
    const client = live.client();
    const vpc = await client.vpcs.create({ name: 'sdk-patch-vpc', region: 'us-east-1', ip_range: '10.74.0.0/16', labels: { env: 'dev', owner: 'ann' } });
    const vpcPatched = await client.vpcs.patch(vpc.id, { name: 'sdk-patched-vpc', labels: { env: 'prod', owner: null } });
    assert.deepEqual([vpcPatched.name, vpcPatched.labels], ['sdk-patched-vpc', { env: 'prod' }]);

    const network = await client.networks.create({ name: 'sdk-patch-net', vpc_id: vpc.id, ip_range: '10.74.1.0/24', environment: 'staging', labels: { tier: 'db' } });
    const netPatched = await client.networks.update(network.id, { name: 'sdk-patched-net', labels: { tier: null, team: 'core' } });
    assert.deepEqual([netPatched.name, netPatched.labels], ['sdk-patched-net', { team: 'core' }]);

    const firewall = await client.firewalls.create({ name: 'sdk-patch-fw', inbound_rules: [], apply_to: { label_selector: 'role=none' }, labels: { a: '1' } });
    const fwPatched = await client.firewalls.update(firewall.id, { name: 'sdk-patched-fw', labels: null });
    assert.deepEqual([fwPatched.name, fwPatched.labels, fwPatched.apply_to], ['sdk-patched-fw', {}, { label_selector: 'role=none' }]);

    const balancer = await client.loadBalancers.create(
      { name: 'sdk-patch-lb', vpc_id: vpc.id, forwarding_rules: [{ entry_protocol: 'http', entry_port: 80, target_protocol: 'http', target_port: 8080 }], targets: { label_selector: 'role=none' } },
      { wait: true },
    );
    const lbPatched = await client.loadBalancers.patch(balancer.id, { name: 'sdk-patched-lb', labels: { edge: 'yes' } });
    assert.deepEqual([lbPatched.name, lbPatched.labels, lbPatched.status], ['sdk-patched-lb', { edge: 'yes' }, 'active']);

    await client.loadBalancers.delete(balancer.id, { wait: true });
    await client.firewalls.delete(firewall.id);
    await client.networks.delete(network.id);
    await client.vpcs.delete(vpc.id);
  });

  test('snapshots.update, sshKeys.update, backupPolicies.patch and apiKeys.update rename', async () => {
    const client = live.client();
    const volume = await client.volumes.create({ name: 'sdk-patch-src', region: 'us-east-1', size_gb: 1 }, { wait: true });
    const snapshot = await client.volumes.snapshot(volume.id, { name: 'sdk-snap' }, { wait: true });
    assert.equal((await client.snapshots.update(snapshot.id, { name: 'sdk-snap-renamed' })).name, 'sdk-snap-renamed');
    assert.equal((await client.snapshots.retrieve(snapshot.id)).name, 'sdk-snap-renamed');

    const key = await client.sshKeys.create({ name: 'sdk-patch-key', public_key: ED25519_KEY });
    const renamedKey = await client.sshKeys.update(key.id, { name: 'sdk-renamed-key' });
    assert.deepEqual([renamedKey.name, renamedKey.fingerprint], ['sdk-renamed-key', key.fingerprint]);

    const policy = await client.backupPolicies.create({ name: 'sdk-patch-policy', schedule: '0 3 * * *', retention_count: 2, label_selector: 'backup=none' });
    const renamedPolicy = await client.backupPolicies.patch(policy.id, { name: 'sdk-renamed-policy' });
    assert.deepEqual([renamedPolicy.name, renamedPolicy.schedule], ['sdk-renamed-policy', '0 3 * * *']);

    const { key: apiKey } = await client.apiKeys.create({ name: 'sdk-patch-api-key', scopes: ['instances:read'] });
    const renamedApiKey = await client.apiKeys.update(apiKey.id, { name: 'sdk-renamed-api-key' });
    assert.deepEqual([renamedApiKey.name, renamedApiKey.scopes], ['sdk-renamed-api-key', ['instances:read']]);

    await client.apiKeys.revoke(apiKey.id);
    await client.backupPolicies.delete(policy.id);
    await client.sshKeys.delete(key.id);
    await client.snapshots.delete(snapshot.id, { wait: true });
    await client.volumes.delete(volume.id, { wait: true });
  });
}
