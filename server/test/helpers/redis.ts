// The Redis the scale-out suites run against: TEST_REDIS_URL, required in CI.
import net from 'node:net';
import { Redis } from 'ioredis';
import { isRequired } from './required.js';

export const redisUrl = process.env.TEST_REDIS_URL;
if (isRequired('redis') && !redisUrl) {
  throw new Error('CLOUDNEXUS_TEST_REQUIRE names redis but TEST_REDIS_URL is not set');
}

/** `skip` option for suites that need Redis, announcing the skip loudly once. */
export function skipWithoutRedis(): string | false {
  if (redisUrl) return false;
  process.stderr.write('\n*** TEST_REDIS_URL is not set: Redis suites are SKIPPED ***\n\n');
  return 'TEST_REDIS_URL is not set';
}

/** A Redis URL on a loopback port that was just free and is closed again: Redis "down". */
export async function closedPortRedisUrl(): Promise<string> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `redis://127.0.0.1:${port}`;
}

export function redisClient(): Redis {
  return new Redis(redisUrl as string, { lazyConnect: false });
}
