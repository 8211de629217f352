// Callers share stamp reads, but never one that started before they asked.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { freshSharedRead } from '../src/db/fresh-shared-read.js';

/** A read whose answers the test releases by hand, numbered in the order the reads started. */
function manualReads() {
  const pending: ((value: number) => void)[] = [];
  const read = () => new Promise<number>((resolve) => pending.push(resolve));
  return { read, pending, release: (index: number) => pending[index]?.(index) };
}

test('a caller arriving while a read is in flight gets the next read, shared with the others who arrived meanwhile', async () => {
  const reads = manualReads();
  const shared = freshSharedRead(reads.read);
  const first = shared();
  const second = shared();
  const third = shared();
  assert.equal(reads.pending.length, 1);
  reads.release(0);
  assert.equal(await first, 0);
  // The second read starts only once the first is done, and serves both latecomers.
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(reads.pending.length, 2);
  const fourth = shared();
  reads.release(1);
  assert.equal(await second, 1);
  assert.equal(await third, 1);
  await new Promise((resolve) => setImmediate(resolve));
  reads.release(2);
  assert.equal(await fourth, 2);
  assert.equal(reads.pending.length, 3);
});

test('a failed read fails its callers only; the next caller reads again', async () => {
  let calls = 0;
  const shared = freshSharedRead(async () => {
    calls++;
    if (calls === 1) throw new Error('connection lost');
    return calls;
  });
  await assert.rejects(shared(), /connection lost/);
  assert.equal(await shared(), 2);
});
