import assert from 'node:assert/strict';
import { test } from 'node:test';
import { retryDelayMs } from '../src/core/retry.js';

const noJitter = () => 0;
const fullJitter = () => 1;

test('backoff doubles from 0.5 s and stops growing at 8 s', () => {
  assert.deepEqual([0, 1, 2, 3, 4, 5, 9].map((retry) => retryDelayMs(retry, undefined, noJitter)), [500, 1000, 2000, 4000, 8000, 8000, 8000]);
});

test('jitter takes off at most a quarter', () => {
  assert.equal(retryDelayMs(1, undefined, fullJitter), 750);
});

test('Retry-After wins over backoff, in seconds or as an HTTP date', () => {
  assert.equal(retryDelayMs(0, new Headers({ 'retry-after': '42' }), noJitter), 42_000);
  const inFiveSeconds = new Date(Date.now() + 5_000).toUTCString();
  const fromDate = retryDelayMs(0, new Headers({ 'retry-after': inFiveSeconds }), noJitter);
  assert.ok(fromDate > 3_000 && fromDate <= 5_000, String(fromDate));
  assert.equal(retryDelayMs(2, new Headers({ 'retry-after': 'soon' }), noJitter), 2000, 'unreadable → backoff');
});
