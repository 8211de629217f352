// A database backend may run only part of the catalog (the linux driver runs PostgreSQL, and only
// the versions installed on its host): what it refuses is a 422 on the field, before anything is
// written, instead of an accepted create that fails later.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DatabaseDriver } from '../src/drivers/database-driver.js';
import { DATABASE_KINDS } from './helpers/databases.js';
import { createTestAppWithCaller, type TestApp } from './helpers/app.js';
import { assertError, fields } from './helpers/assertions.js';
import { databaseInput, waitForDatabase } from './helpers/databases-api.js';

for (const kind of DATABASE_KINDS) {
  describe(`managed databases: engines the driver refuses (${kind})`, () => {
    let t: TestApp;
    let key: string;
    before(async () => {
      ({ t, key } = await createTestAppWithCaller(kind));
      // The sim backend runs everything; this one, like the linux driver, runs postgres 15 only.
      (t.databases as DatabaseDriver).refuses = (engine, version) => {
        if (engine !== 'postgres') return { field: 'engine', message: `Engine ${engine} is not available on this driver` };
        return version === '15' ? null : { field: 'version', message: `PostgreSQL ${version} is not installed on this host` };
      };
    });
    after(() => t.close());

    const post = (overrides: Record<string, unknown>) => t.request(key, { method: 'POST', url: '/v2/databases', payload: databaseInput(overrides) });

    test('a refused engine or version is a 422 naming the field, and nothing is created', async () => {
      const engine = assertError(await post({ name: 'my1', engine: 'mysql', version: '8.4' }), 422);
      assert.deepEqual(fields(engine), ['engine']);
      assert.match(engine.error.message + JSON.stringify(engine.error.details), /mysql is not available/);
      assert.deepEqual(fields(assertError(await post({ name: 'pg17', engine: 'postgres', version: '17' }), 422)), ['version']);
      assert.deepEqual(fields(assertError(await post({ name: 'pgdefault', engine: 'postgres' }), 422)), ['version'], 'the default version is checked too');
      assert.equal((await t.request(key, { method: 'GET', url: '/v2/databases' })).json().data.length, 0);
    });

    test('what it runs is accepted as before', async () => {
      const created = await post({ name: 'pg15', engine: 'postgres', version: '15' });
      assert.equal(created.statusCode, 201, created.body);
      await waitForDatabase(t, key, created.json().id);
    });
  });
}
