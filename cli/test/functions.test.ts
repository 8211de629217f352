import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { apiEnv, cli, cliJson } from './helpers/cli.js';

/** A function's directory: `files` written under a fresh temp dir named `name`. */
function functionDir(name: string, files: Record<string, string>): string {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cnx-cli-fn-')), name);
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

describe('functions', () => {
  test('runtimes, deploy a directory (create, then a new version), invoke by name, invocations, update by name, delete', async () => {
    const runtimes = await cliJson<{ id: string; language: string }[]>(['functions', 'runtimes', '--all']);
    const node = runtimes.find((r) => r.language === 'nodejs')?.id ?? assert.fail('no node runtime');
    const dir = functionDir('cli-fn', { 'index.js': "exports.handler = async (e) => { console.log('from cli'); return { hi: e.who + process.env.SUFFIX }; };", 'lib/util.js': '', '.env': 'SECRET=1' });
    const created = await cliJson(['functions', 'deploy', dir, '--runtime', node, '--handler', 'index.handler', '--region', 'us-east-1', '--env', 'SUFFIX=!', '--label', 'suite=cli-fn', '--wait']);
    assert.deepEqual([created.name, created.status, created.version, created.environment], ['cli-fn', 'active', 1, ['SUFFIX']]);

    const answer = await cliJson(['functions', 'invoke', 'cli-fn', '--data', '{"who":"ann"}']);
    assert.deepEqual([answer.status, answer.result, answer.logs], ['success', { hi: 'ann!' }, 'from cli\n']);
    const started = await cliJson(['functions', 'invoke', created.id, '--async']);
    assert.match(started.invocation, /^inv_/);

    fs.writeFileSync(path.join(dir, 'index.js'), 'exports.handler = async () => "second";');
    const redeployed = await cliJson(['functions', 'deploy', dir, '--runtime', node, '--handler', 'index.handler', '--region', 'us-east-1', '--wait']);
    assert.deepEqual([redeployed.id, redeployed.version, redeployed.status], [created.id, 2, 'active']);
    assert.equal((await cliJson(['functions', 'invoke', created.id])).result, 'second');

    const invocations = await cliJson<{ id: string }[]>(['functions', 'invocations', created.id, '--all']);
    assert.equal(invocations.length, 3);
    assert.equal(invocations[2]?.id, answer.id);
    const one = await cliJson(['functions', 'invocation', created.id, answer.id]);
    assert.equal(one.logs, 'from cli\n');
    const listed = await cliJson<{ id: string }[]>(['functions', 'list', '--all', '--selector', 'suite=cli-fn']);
    assert.deepEqual(listed.map((f) => f.id), [created.id]);
    assert.equal((await cliJson(['functions', 'get', 'cli-fn'])).id, created.id);
    const table = await cli(['functions', 'list', '--selector', 'suite=cli-fn', '-o', 'table'], { env: apiEnv() });
    assert.match(table.stdout, /^ID +NAME +REGION +RUNTIME +VERSION +STATUS +MEMORY MB +CREATED AT\n/);

    // By name: a PATCH, so the version stays 2.
    const patched = await cliJson(['functions', 'update', 'cli-fn', '--name', 'cli-fn-renamed', '--label', 'team=core', '--remove-label', 'suite']);
    assert.deepEqual([patched.id, patched.name, patched.labels, patched.version], [created.id, 'cli-fn-renamed', { team: 'core' }, 2]);

    const deleted = await cliJson(['functions', 'delete', created.id, '--wait']);
    assert.deepEqual([deleted.type, deleted.status], ['delete', 'completed']);
    const missing = await cli(['functions', 'invoke', 'cli-fn-renamed'], { env: apiEnv() });
    assert.notEqual(missing.code, 0);
    assert.match(missing.stderr, /No function named cli-fn-renamed/);
  });

  test('bad input is refused before any request: a missing directory, --data that is not JSON', async () => {
    const noDir = await cli(['functions', 'deploy', '/nonexistent/dir', '--runtime', 'nodejs20', '--handler', 'index.handler', '--region', 'us-east-1'], { env: apiEnv() });
    assert.equal(noDir.code, 2, noDir.stderr);
    assert.match(noDir.stderr, /is not a directory/);
    const badData = await cli(['functions', 'invoke', 'fn_x', '--data', '{nope'], { env: apiEnv() });
    assert.equal(badData.code, 2, badData.stderr);
    assert.match(badData.stderr, /--data must be JSON/);
  });
});
