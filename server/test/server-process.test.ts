import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { after, before, describe, test } from 'node:test';
import { spawnCli, waitForOutput } from './helpers/cli.js';

const LISTENING = /listening on (https:\/\/127\.0\.0\.1:(\d+)\/v2)/;

function get(url: string, key: string, ca: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { headers: { authorization: `Bearer ${key}` }, ca }, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

describe('cloudnexus-server start', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cnx-start-'));
  });
  after(() => fs.rm(dataDir, { recursive: true, force: true }));

  async function start(): Promise<{ output: string; base: string; stop: () => Promise<number | null> }> {
    const child = spawnCli(['start', '--data-dir', dataDir, '--port', '0', '--log-level', 'warn']);
    const output = await waitForOutput(child, LISTENING);
    const base = (LISTENING.exec(output) as RegExpExecArray)[1] as string;
    return {
      output,
      base,
      stop: async () => {
        child.kill('SIGTERM');
        const [code] = await once(child, 'exit');
        return code as number | null;
      },
    };
  }

  test('first start on an empty data dir creates the default account and prints its key once', async () => {
    const first = await start();
    const key = /(cnx_live_[0-9A-Za-z]{22}_[0-9A-Za-z]{6})/.exec(first.output)?.[1];
    assert.ok(key, `a key is printed: ${first.output}`);
    assert.match(first.output, /Created account "default"/);
    const ca = await fs.readFile(path.join(dataDir, 'tls', 'cert.pem'), 'utf8');
    const regions = await get(`${first.base}/regions?limit=20`, key, ca);
    assert.equal(regions.status, 200);
    assert.equal(JSON.parse(regions.body).data.length, 20);
    assert.equal(await first.stop(), 0, 'SIGTERM shuts down cleanly');

    const second = await start();
    assert.doesNotMatch(second.output, /cnx_live_/, 'the key is not printed again');
    assert.equal((await get(`${second.base}/regions`, key, ca)).status, 200, 'the same key and certificate still work');
    assert.equal(await second.stop(), 0);
  });
});
