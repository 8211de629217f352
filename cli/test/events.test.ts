import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { describe, test } from 'node:test';
import { apiEnv, cli, cliDir, cliJson, tempConfigHome } from './helpers/cli.js';
import { newPublicKey } from './helpers/ssh-key.js';

interface EventLine {
  id: string;
  type: string;
  resource_id: string;
  actor: { type: string };
}

describe('events', () => {
  test('list filters by type and resource, newest first', async () => {
    const key = await cliJson<{ id: string }>(['ssh-keys', 'create', '--name', 'events-list', '--public-key', newPublicKey('events-list')]);
    await cli(['ssh-keys', 'delete', key.id], { env: apiEnv() });
    const events = await cliJson<EventLine[]>(['events', 'list', '--type', 'ssh_key.*', '--resource-id', key.id]);
    assert.deepEqual(events.map((e) => e.type), ['ssh_key.deleted', 'ssh_key.created']);
    const bad = await cli(['events', 'list', '--since', 'yesterday'], { env: apiEnv() });
    assert.equal(bad.code, 2, bad.stderr);
    assert.match(bad.stderr, /RFC 3339/);
  });

  test('tail prints recent events, then each new one as it happens, once', async () => {
    const child = spawn(process.execPath, [path.join(cliDir, 'dist', 'bin.js'), 'events', 'tail', '--type', 'ssh_key.*', '--interval', '0.2', '-o', 'json'], {
      env: { PATH: process.env.PATH ?? '', HOME: os.homedir(), XDG_CONFIG_HOME: tempConfigHome(), ...apiEnv() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: EventLine[] = [];
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    readline.createInterface({ input: child.stdout }).on('line', (line) => lines.push(JSON.parse(line) as EventLine));
    const seen = async (what: (e: EventLine) => boolean, label: string) => {
      const deadline = Date.now() + 15_000;
      while (!lines.some(what)) {
        if (Date.now() > deadline || child.exitCode !== null) assert.fail(`tail never printed ${label}; printed ${JSON.stringify(lines)}; stderr ${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    try {
      // Give it time to print what already happened and start following.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const before = lines.length;
      const key = await cliJson<{ id: string }>(['ssh-keys', 'create', '--name', 'events-tail', '--public-key', newPublicKey('events-tail')]);
      await seen((e) => e.resource_id === key.id && e.type === 'ssh_key.created', 'the creation');
      await cli(['ssh-keys', 'delete', key.id], { env: apiEnv() });
      await seen((e) => e.resource_id === key.id && e.type === 'ssh_key.deleted', 'the deletion');
      await new Promise((resolve) => setTimeout(resolve, 600));
      const mine = lines.slice(before).filter((e) => e.resource_id === key.id);
      assert.deepEqual(mine.map((e) => [e.type, e.actor.type]), [
        ['ssh_key.created', 'api_key'],
        ['ssh_key.deleted', 'api_key'],
      ]);
      assert.equal(new Set(lines.map((e) => e.id)).size, lines.length, 'no event printed twice');
    } finally {
      child.kill('SIGINT');
      await new Promise((resolve) => child.once('close', resolve));
    }
  });
});
