import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { withProgress } from '../src/output/progress.js';

function recorder(isTTY: boolean) {
  const writes: string[] = [];
  return { stream: { isTTY, write: (text: string) => writes.push(text) }, writes };
}

describe('wait progress', () => {
  test('a terminal gets a spinner redrawn in place, then a check mark', async () => {
    const { stream, writes } = recorder(true);
    const result = await withProgress('restarting', () => new Promise((resolve) => setTimeout(() => resolve(42), 250)), stream);
    assert.equal(result, 42);
    assert.ok(writes.length >= 3, 'redrawn while waiting');
    assert.ok(writes.slice(0, -1).every((text) => text.startsWith('\r\x1b[2K') && text.includes('restarting (')));
    assert.match(writes.at(-1)!, /^\r\x1b\[2K✓ restarting \(0\.\ds\)\n$/);
  });

  test('a failed wait clears the spinner line and rethrows', async () => {
    const { stream, writes } = recorder(true);
    await assert.rejects(withProgress('stopping', () => Promise.reject(new Error('boom')), stream), /boom/);
    assert.equal(writes.at(-1), '\r\x1b[2K');
  });

  test('a pipe gets one line before and one after', async () => {
    const { stream, writes } = recorder(false);
    await withProgress('starting', async () => 'ok', stream);
    assert.equal(writes.length, 2);
    assert.equal(writes[0], 'Waiting: starting\n');
    assert.match(writes[1]!, /^Done: starting \(0\.\ds\)\n$/);
  });
});
