// `<resource> update|patch ID --name … --label k=v --remove-label k`: the merge-patch commands of the
// resources beyond instances and volumes (`patch` where `update` already is the PUT that replaces).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ExitCode } from '../src/exit-codes.js';
import { apiEnv, cli, cliJson } from './helpers/cli.js';
import { newPublicKey } from './helpers/ssh-key.js';

interface Named {
  id: string;
  name: string;
  labels?: Record<string, string>;
}

describe('merge-patch commands', () => {
  test('vpcs patch, networks update, firewalls update and load-balancers patch rename and merge labels', async () => {
    const vpc = await cliJson<Named>(['vpcs', 'create', '--name', 'cli-patch-vpc', '--region', 'us-east-1', '--ip-range', '10.84.0.0/16', '--label', 'env=dev', '--label', 'owner=ann']);
    const vpcPatched = await cliJson<Named>(['vpcs', 'patch', vpc.id, '--name', 'cli-patched-vpc', '--label', 'env=prod', '--remove-label', 'owner']);
    assert.deepEqual([vpcPatched.name, vpcPatched.labels], ['cli-patched-vpc', { env: 'prod' }]);

    const network = await cliJson<Named>(['networks', 'create', '--name', 'cli-patch-net', '--vpc-id', vpc.id, '--ip-range', '10.84.1.0/24', '--environment', 'staging', '--label', 'tier=db']);
    const netPatched = await cliJson<Named>(['networks', 'update', network.id, '--remove-label', 'tier', '--label', 'team=core']);
    assert.deepEqual([netPatched.name, netPatched.labels], ['cli-patch-net', { team: 'core' }]);

    const firewall = await cliJson<Named>(['firewalls', 'create', '--name', 'cli-patch-fw', '--inbound-rules', '[]', '--apply-to', '{"label_selector":"role=none"}']);
    const fwPatched = await cliJson<Named>(['firewalls', 'update', firewall.id, '--name', 'cli-patched-fw', '--label', 'a=1']);
    assert.deepEqual([fwPatched.name, fwPatched.labels], ['cli-patched-fw', { a: '1' }]);

    const rules = '[{"entry_protocol":"http","entry_port":80,"target_protocol":"http","target_port":8080}]';
    const balancer = await cliJson<Named>(['load-balancers', 'create', '--name', 'cli-patch-lb', '--vpc-id', vpc.id, '--forwarding-rules', rules, '--targets', '{"label_selector":"role=none"}', '--wait']);
    const lbPatched = await cliJson<Named>(['load-balancers', 'patch', balancer.id, '--name', 'cli-patched-lb', '--label', 'edge=yes']);
    assert.deepEqual([lbPatched.name, lbPatched.labels], ['cli-patched-lb', { edge: 'yes' }]);
    // An empty patch is the server's 400, the validation exit code.
    assert.equal((await cli(['load-balancers', 'patch', balancer.id], { env: apiEnv() })).code, ExitCode.validation);

    await cliJson(['load-balancers', 'delete', balancer.id, '--wait']);
    await cli(['firewalls', 'delete', firewall.id], { env: apiEnv() });
    await cli(['networks', 'delete', network.id], { env: apiEnv() });
    await cli(['vpcs', 'delete', vpc.id], { env: apiEnv() });
  });

  test('snapshots update, ssh-keys update, backup-policies patch and api-keys update rename', async () => {
    const volume = await cliJson<Named>(['volumes', 'create', '--name', 'cli-patch-src', '--region', 'us-east-1', '--size-gb', '1', '--wait']);
    const snapshot = await cliJson<Named>(['volumes', 'snapshot', volume.id, '--name', 'cli-snap', '--wait']);
    assert.equal((await cliJson<Named>(['snapshots', 'update', snapshot.id, '--name', 'cli-snap-renamed'])).name, 'cli-snap-renamed');

    const key = await cliJson<Named>(['ssh-keys', 'create', '--name', 'cli-patch-key', '--public-key', newPublicKey('cli-patch')]);
    assert.equal((await cliJson<Named>(['ssh-keys', 'update', key.id, '--name', 'cli-renamed-key'])).name, 'cli-renamed-key');

    const policy = await cliJson<Named>(['backup-policies', 'create', '--name', 'cli-patch-policy', '--schedule', '0 3 * * *', '--retention-count', '2', '--selector', 'backup=none']);
    assert.equal((await cliJson<Named>(['backup-policies', 'patch', policy.id, '--name', 'cli-renamed-policy'])).name, 'cli-renamed-policy');

    const apiKey = (await cliJson<{ key: Named }>(['api-keys', 'create', '--name', 'cli-patch-api-key', '--scope', 'instances:read'])).key;
    assert.equal((await cliJson<Named>(['api-keys', 'update', apiKey.id, '--name', 'cli-renamed-api-key'])).name, 'cli-renamed-api-key');

    await cli(['api-keys', 'revoke', apiKey.id], { env: apiEnv() });
    await cli(['backup-policies', 'delete', policy.id], { env: apiEnv() });
    await cli(['ssh-keys', 'delete', key.id], { env: apiEnv() });
    await cliJson(['snapshots', 'delete', snapshot.id, '--wait']);
    await cliJson(['volumes', 'delete', volume.id, '--wait']);
  });
});
