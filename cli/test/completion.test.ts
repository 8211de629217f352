import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { cli } from './helpers/cli.js';

function has(shell: string): boolean {
  return spawnSync(shell, ['-c', 'true']).status === 0;
}

/** Asks bash itself what it would complete after the given words, with the generated script loaded. */
function bashComplete(script: string, words: string[]): string[] {
  const line = ['cloudnexus', ...words];
  const program = `${script}
COMP_WORDS=(${line.map((word) => `'${word}'`).join(' ')}); COMP_CWORD=${line.length - 1}
_cloudnexus; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const run = spawnSync('bash', ['-c', program], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout.split('\n').filter(Boolean);
}

describe('completion', () => {
  test('bash: commands, subcommands, flags and flag values complete', async () => {
    const result = await cli(['completion', 'bash']);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /complete -F _cloudnexus cloudnexus/);
    assert.deepEqual(bashComplete(result.stdout, ['in']).sort(), ['instances']);
    assert.deepEqual(bashComplete(result.stdout, ['instances', 're']).sort(), ['rebuild', 'resize', 'restart']);
    assert.deepEqual(bashComplete(result.stdout, ['volumes', 'a']), ['attach']);
    assert.deepEqual(bashComplete(result.stdout, ['webhooks', 'd']).sort(), ['delete', 'deliveries']);
    assert.deepEqual(bashComplete(result.stdout, ['networks', 'create', '--environment', '']).sort(), ['development', 'production', 'staging']);
    assert.ok(bashComplete(result.stdout, ['--profile', 'prod', 'instances', 'create', '--']).includes('--idempotency-key'));
    assert.deepEqual(bashComplete(result.stdout, ['regions', 'list', '-o', '']), ['table', 'json', 'yaml']);
  });

  test('zsh and fish scripts name every command group', async () => {
    for (const shell of ['zsh', 'fish']) {
      const result = await cli(['completion', shell]);
      assert.equal(result.code, 0);
      for (const group of ['auth', 'instances', 'ssh-keys', 'regions', 'plans', 'images', 'actions', 'account', 'vpcs', 'networks', 'firewalls', 'load-balancers', 'volumes', 'snapshots', 'backup-policies', 'webhooks']) {
        assert.match(result.stdout, new RegExp(`\\b${group}\\b`), `${shell}: ${group}`);
      }
    }
    const fish = (await cli(['completion', 'fish'])).stdout;
    assert.match(fish, /complete -c cloudnexus -f -n '__fish_seen_subcommand_from instances; and not __fish_seen_subcommand_from .*' -a resize/);
  });

  test('the scripts parse in their shells (each shell that is installed)', async (t) => {
    for (const shell of ['bash', 'zsh', 'fish']) {
      if (!has(shell)) {
        t.diagnostic(`${shell} is not installed: its script was not syntax-checked`);
        continue;
      }
      // Each shell's -n (parse only) reads the script from a file: fish will not take it on stdin.
      const file = path.join(os.tmpdir(), `cloudnexus-completion-${process.pid}.${shell}`);
      fs.writeFileSync(file, (await cli(['completion', shell])).stdout);
      const check = spawnSync(shell, ['-n', file], { encoding: 'utf8' });
      fs.rmSync(file, { force: true });
      assert.equal(check.status, 0, `${shell}: ${check.stderr}`);
    }
  });

  test('an unknown shell is a usage error', async () => {
    const result = await cli(['completion', 'powershell']);
    assert.equal(result.code, 2);
  });
});
