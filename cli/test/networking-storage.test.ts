import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import YAML from 'yaml';
import { ExitCode } from '../src/exit-codes.js';
import { apiEnv, cli, cliJson } from './helpers/cli.js';

describe('networking and storage commands', () => {
  test('volumes create --wait shows progress on stderr and the available volume in yaml', async () => {
    const result = await cli(['volumes', 'create', '--name', 'cli-vol', '--region', 'us-east-1', '--size-gb', '2', '--label', 'team=cli', '--wait', '-o', 'yaml'], { env: apiEnv() });
    assert.equal(result.code, 0, result.stderr);
    const volume = YAML.parse(result.stdout);
    assert.equal(volume.status, 'available');
    assert.deepEqual(volume.labels, { team: 'cli' });
    assert.match(result.stderr, /^Waiting: creating volume cli-vol\n/);
    assert.match(result.stderr, /Done: creating volume cli-vol \(\d+\.\ds\)\n$/);

    const resized = await cliJson(['volumes', 'resize', volume.id, '--size-gb', '3', '--wait']);
    assert.deepEqual([resized.type, resized.status], ['resize', 'completed']);
    const table = await cli(['volumes', 'list', '--selector', 'team=cli', '-o', 'table'], { env: apiEnv() });
    assert.match(table.stdout, /^ID +NAME +REGION +SIZE GB/);
    assert.match(table.stdout, new RegExp(`${volume.id} +cli-vol +us-east-1 +3 `));
    await cliJson(['volumes', 'delete', volume.id, '--wait']);
  });

  test('vpcs and networks: create, update, list by VPC, and a refused delete exits with the conflict code', async () => {
    const vpc = await cliJson(['vpcs', 'create', '--name', 'cli-vpc', '--region', 'us-east-1', '--ip-range', '10.80.0.0/16']);
    const network = await cliJson(['networks', 'create', '--name', 'cli-net', '--vpc-id', vpc.id, '--ip-range', '10.80.4.0/24', '--environment', 'staging']);
    assert.equal((await cliJson(['vpcs', 'update', vpc.id, '--description', 'from the CLI'])).description, 'from the CLI');
    assert.deepEqual((await cliJson<{ id: string }[]>(['networks', 'list', '--vpc-id', vpc.id])).map((n) => n.id), [network.id]);
    const refused = await cli(['vpcs', 'delete', vpc.id], { env: apiEnv() });
    assert.equal(refused.code, ExitCode.conflict, refused.stderr);
    const deleted = await cli(['networks', 'delete', network.id], { env: apiEnv() });
    assert.equal(deleted.code, 0, deleted.stderr);
    assert.equal(deleted.stdout, '');
    assert.equal(deleted.stderr, `Deleted network ${network.id}.\n`);
    await cli(['vpcs', 'delete', vpc.id], { env: apiEnv() });
  });

  test('reserved-ips: create, label, assign with --wait, list by instance, a refused delete, unassign and delete', async () => {
    const instance = await cliJson(['instances', 'create', '--name', 'cli-rip-host', '--region', 'us-east-1', '--plan', 'micro', '--image', 'debian-12', '--wait']);
    const rip = await cliJson(['reserved-ips', 'create', '--region', 'us-east-1', '--label', 'team=cli']);
    assert.deepEqual([rip.status, rip.instance_id, rip.labels], ['unassigned', null, { team: 'cli' }]);
    assert.deepEqual((await cliJson(['reserved-ips', 'update', rip.id, '--remove-label', 'team'])).labels, {});
    const assigned = await cliJson(['reserved-ips', 'assign', rip.id, '--instance-id', instance.id, '--wait']);
    assert.deepEqual([assigned.type, assigned.status], ['assign', 'completed']);
    assert.equal((await cliJson(['reserved-ips', 'get', rip.id])).instance_id, instance.id);
    assert.equal((await cliJson(['instances', 'get', instance.id])).public_ipv4, rip.ip);
    assert.deepEqual((await cliJson<{ id: string }[]>(['reserved-ips', 'list', '--instance-id', instance.id])).map((r) => r.id), [rip.id]);
    const refused = await cli(['reserved-ips', 'delete', rip.id], { env: apiEnv() });
    assert.equal(refused.code, ExitCode.conflict, refused.stderr);
    assert.equal((await cliJson(['reserved-ips', 'unassign', rip.id, '--wait'])).status, 'completed');
    const deleted = await cli(['reserved-ips', 'delete', rip.id], { env: apiEnv() });
    assert.equal(deleted.stderr, `Deleted reserved IP ${rip.id}.\n`);
    await cliJson(['instances', 'delete', instance.id, '--wait']);

    const withIp = await cliJson(['instances', 'create', '--name', 'cli-rip-own', '--region', 'us-east-1', '--plan', 'micro', '--image', 'debian-12', '--public-ip', '--wait']);
    assert.match(withIp.public_ipv4, /^\d+\.\d+\.\d+\.\d+$/);
    assert.equal((await cliJson<{ ip: string }[]>(['reserved-ips', 'list', '--instance-id', withIp.id]))[0]?.ip, withIp.public_ipv4);
    await cliJson(['instances', 'delete', withIp.id, '--wait']);
  });

  test('JSON and boolean flags are checked before any request', async () => {
    const badJson = await cli(['firewalls', 'create', '--name', 'fw', '--inbound-rules', '[{', '--apply-to', '{}'], { env: apiEnv() });
    assert.equal(badJson.code, ExitCode.usage);
    assert.match(badJson.stderr, /--inbound-rules.*expected JSON/);
    const badBool = await cli(['backup-policies', 'update', 'bp_1', '--enabled', 'maybe'], { env: apiEnv() });
    assert.equal(badBool.code, ExitCode.usage);
    assert.match(badBool.stderr, /expected true or false/);
    const missing = await cli(['load-balancers', 'create', '--name', 'lb'], { env: apiEnv() });
    assert.equal(missing.code, ExitCode.usage);
    assert.match(missing.stderr, /required option '--vpc-id <id>' not specified/);
  });
});
