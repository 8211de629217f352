import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, test } from 'node:test';
import type { FastifyBaseLogger } from 'fastify';
import type { Redis } from 'ioredis';
import { Metrics } from '../src/http/metrics.js';
import { RedisRateLimitStore } from '../src/http/redis-rate-limit-store.js';
import { WINDOW_MS } from '../src/http/rate-limit.js';
import { closedPortRedisUrl, redisClient, redisUrl, skipWithoutRedis } from './helpers/redis.js';
import { connectRedis } from '../src/redis/client.js';

/** A logger that keeps what it is told. */
function recordingLog(): { log: FastifyBaseLogger; lines: { level: string; message: string }[] } {
  const lines: { level: string; message: string }[] = [];
  const record = (level: string) => (_details: unknown, message: string) => void lines.push({ level, message });
  return { log: { warn: record('warn'), info: record('info') } as unknown as FastifyBaseLogger, lines };
}

async function redisErrors(metrics: Metrics, operation: string): Promise<number> {
  const metric = await metrics.redisErrors.get();
  return metric.values.find((v) => v.labels.operation === operation)?.value ?? 0;
}

describe('Redis rate-limit store', { skip: skipWithoutRedis() }, () => {
  const clients: Redis[] = [];
  after(() => clients.forEach((c) => c.disconnect()));
  const node = async () => {
    const client = await connectRedis(redisUrl as string, () => undefined);
    clients.push(client);
    return new RedisRateLimitStore(client, new Metrics(), recordingLog().log);
  };

  test('hits from several nodes at once are counted exactly once each', async () => {
    const [a, b, c] = await Promise.all([node(), node(), node()]);
    const key = `acc_${randomBytes(6).toString('hex')}:all`;
    const windowStart = Math.floor(Date.now() / WINDOW_MS) * WINDOW_MS;
    const counts = await Promise.all(Array.from({ length: 150 }, (_, i) => [a, b, c][i % 3]!.hit(key, windowStart, WINDOW_MS)));
    assert.deepEqual([...counts].sort((x, y) => x - y), Array.from({ length: 150 }, (_, i) => i + 1));
    // Another window starts from one again.
    assert.equal(await a.hit(key, windowStart + WINDOW_MS, WINDOW_MS), 1);
  });

  test('every counter expires on its own (Redis clock), within two windows', async () => {
    const store = await node();
    const key = `acc_${randomBytes(6).toString('hex')}:all`;
    const windowStart = Math.floor(Date.now() / WINDOW_MS) * WINDOW_MS;
    await store.hit(key, windowStart, WINDOW_MS);
    await store.hit(key, windowStart, WINDOW_MS);
    const reader = redisClient();
    clients.push(reader);
    const ttl = await reader.pttl(`cnx:rl:${key}:${windowStart}`);
    assert.ok(ttl > WINDOW_MS && ttl <= 2 * WINDOW_MS, `ttl ${ttl}`);
  });
});

describe('Redis rate-limit store while Redis is down', () => {
  test('fails open to per-node counting, with one warning and a metric per failure', async () => {
    const client = await connectRedis(await closedPortRedisUrl(), () => undefined);
    try {
      const metrics = new Metrics();
      const { log, lines } = recordingLog();
      const store = new RedisRateLimitStore(client, metrics, log);
      const started = Date.now();
      const counts = [];
      for (let i = 0; i < 3; i++) counts.push(await store.hit('acc_down:all', 0, WINDOW_MS));
      assert.deepEqual(counts, [1, 2, 3], 'still counted, locally');
      assert.ok(Date.now() - started < 1_000, 'failing fast, not waiting on reconnects');
      assert.equal(await redisErrors(metrics, 'rate_limit'), 3);
      assert.deepEqual(lines.map((l) => l.level), ['warn']);
      assert.match(lines[0]!.message, /per-node/);
    } finally {
      client.disconnect();
    }
  });
});
