// PostgreSQL and Redis for the multi-node suite: required in CI, otherwise skipped loudly.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { isRequired } from '../../server/test/helpers/required.js';

export const databaseUrl = process.env.TEST_DATABASE_URL;
export const redisUrl = process.env.TEST_REDIS_URL;
if (isRequired('postgres') && !databaseUrl) throw new Error('CLOUDNEXUS_TEST_REQUIRE names postgres but TEST_DATABASE_URL is not set');
if (isRequired('redis') && !redisUrl) throw new Error('CLOUDNEXUS_TEST_REQUIRE names redis but TEST_REDIS_URL is not set');

/** `skip` option for suites needing both; says so loudly when they are missing. */
export function skipWithoutServices(): string | false {
  const missing = [!databaseUrl && 'TEST_DATABASE_URL', !redisUrl && 'TEST_REDIS_URL'].filter(Boolean);
  if (missing.length === 0) return false;
  process.stderr.write(`\n*** ${missing.join(' and ')} not set: multi-node suites are SKIPPED ***\n\n`);
  return `${missing.join(' and ')} not set`;
}

export interface Schema {
  /** DATABASE_URL for server processes, pinned to the schema. */
  url: string;
  query<T extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

/** A fresh schema in the test database, as server/test/helpers/databases.ts makes them. */
export async function createSchema(): Promise<Schema> {
  const name = `e2e_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`CREATE SCHEMA ${name}`);
  const url = new URL(databaseUrl as string);
  url.searchParams.set('options', `-c search_path=${name}`);
  return {
    url: url.toString(),
    query: async (text, values) => (await client.query(text.replaceAll('$schema', name), values)).rows,
    drop: async () => {
      await client.query(`DROP SCHEMA ${name} CASCADE`);
      await client.end();
    },
  };
}
