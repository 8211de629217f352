import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DATABASE_KINDS } from './helpers/databases.js';
import { createTestAppWithCaller, type TestApp } from './helpers/app.js';
import { assertError } from './helpers/assertions.js';
import { createInstance, waitForStatus } from './helpers/instances.js';

for (const kind of DATABASE_KINDS) {
  describe(`instance console (${kind})`, () => {
    let t: TestApp;
    let key: string;
    before(async () => ({ t, key } = await createTestAppWithCaller(kind, { systemClock: true })));
    after(() => t.close());

    const console = (id: string) => t.request(key, { method: 'GET', url: `/v2/instances/${id}/console` });

    test('a running instance has a boot log naming it; a stopped one shows its shutdown', async () => {
      const { id } = await createInstance(t, key);
      await waitForStatus(t, key, id, 'running');
      const response = await console(id);
      assert.equal(response.statusCode, 200);
      const body = response.json();
      assert.deepEqual(Object.keys(body).sort(), ['instance_id', 'output']);
      assert.equal(body.instance_id, id);
      assert.match(body.output, new RegExp(`booted ${id}`));
      assert.doesNotMatch(body.output, /shutting down/);

      await t.request(key, { method: 'PUT', url: `/v2/instances/${id}/stop` });
      await waitForStatus(t, key, id, 'stopped');
      assert.match((await console(id)).json().output, /shutting down/);
    });

    test('an unknown instance is a 404', async () => {
      assertError(await console('inst_0000000000000000'), 404);
    });
  });
}
