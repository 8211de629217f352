import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import YAML from 'yaml';
import { apiEnv, cli, cliJson, testServer } from './helpers/cli.js';
import { newPublicKey } from './helpers/ssh-key.js';


describe('catalogs and account', () => {
  test('regions list prints one page and, on stderr, how to get the rest', async () => {
    const result = await cli(['regions', 'list', '--limit', '5', '-o', 'json'], { env: apiEnv() });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(JSON.parse(result.stdout).length, 5);
    const cursor = /--cursor (\S+) for the next page, or --all/.exec(result.stderr)?.[1];
    assert.ok(cursor, result.stderr);

    const next = await cliJson<{ id: string }[]>(['regions', 'list', '--limit', '5', '--cursor', cursor]);
    const first = JSON.parse(result.stdout) as { id: string }[];
    assert.equal(next.length, 5);
    assert.ok(next.every((region) => !first.some((seen) => seen.id === region.id)), 'the next page repeats nothing');
  });

  test('--all walks every page', async () => {
    const result = await cli(['regions', 'list', '--all', '--limit', '10', '-o', 'json'], { env: apiEnv() });
    assert.equal(result.code, 0, result.stderr);
    const regions = JSON.parse(result.stdout) as { id: string }[];
    assert.equal(regions.length, 59);
    assert.equal(new Set(regions.map((region) => region.id)).size, 59);
    assert.ok(regions.some((region) => region.id === 'us-east-1'));
    assert.equal(result.stderr, '', 'no "more results" hint after --all');
  });

  test('plans, images and the account come back as the API returns them', async () => {
    const plan = await cliJson(['plans', 'get', 'standard-4']);
    assert.deepEqual([plan.id, plan.cpu, plan.memory_gb], ['standard-4', 4, 16]);
    assert.equal((await cliJson(['images', 'get', 'debian-12'])).distribution, 'debian');
    assert.ok((await cliJson<object[]>(['images', 'list'])).length > 0);
    assert.ok((await cliJson<object[]>(['plans', 'list', '--all'])).some((plan: any) => plan.id === 'micro'));
    const account = await cliJson(['account', 'get']);
    assert.equal(account.id, testServer().account_id);
    assert.equal(account.tier, 'enterprise');
  });

  test('-o yaml prints YAML and -o table aligned columns under headers', async () => {
    const yaml = await cli(['regions', 'get', 'us-east-1', '-o', 'yaml'], { env: apiEnv() });
    assert.equal(YAML.parse(yaml.stdout).id, 'us-east-1');

    const table = await cli(['regions', 'list', '--limit', '3', '-o', 'table'], { env: apiEnv() });
    const lines = table.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 4);
    assert.match(lines[0]!, /^ID +NAME +COUNTRY +AVAILABLE$/);
    const nameColumn = lines[0]!.indexOf('NAME');
    for (const line of lines.slice(1)) assert.match(line.slice(nameColumn - 2, nameColumn), /^ {2}$/, `aligned: ${line}`);
  });

  test('without -o and not on a terminal, the output is JSON', async () => {
    const result = await cli(['regions', 'get', 'eu-central-1'], { env: apiEnv() });
    assert.equal(JSON.parse(result.stdout).id, 'eu-central-1');
  });
});

describe('ssh-keys', () => {
  test('create, list, get and delete', async () => {
    const PUBLIC_KEY = newPublicKey('cli-tests');
    const created = await cliJson(['ssh-keys', 'create', '--name', 'cli-key', '--public-key', PUBLIC_KEY]);
    assert.match(created.id, /^ssh_/);
    assert.equal(created.type, 'ssh-ed25519');
    assert.ok((await cliJson<{ id: string }[]>(['ssh-keys', 'list', '--all'])).some((key) => key.id === created.id));
    assert.equal((await cliJson(['ssh-keys', 'get', created.id])).fingerprint, created.fingerprint);

    const again = await cli(['ssh-keys', 'create', '--name', 'cli-key-2', '--public-key', PUBLIC_KEY], { env: apiEnv() });
    assert.equal(again.code, 5, 'the same public key twice is a conflict');

    const deleted = await cli(['ssh-keys', 'delete', created.id], { env: apiEnv() });
    assert.equal(deleted.code, 0, deleted.stderr);
    assert.match(deleted.stderr, new RegExp(`Deleted SSH key ${created.id}`));
    assert.equal((await cli(['ssh-keys', 'get', created.id], { env: apiEnv() })).code, 4);
  });

  test('create without a key is a usage error', async () => {
    const result = await cli(['ssh-keys', 'create', '--name', 'nokey'], { env: apiEnv() });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--public-key or --public-key-file/);
  });
});
