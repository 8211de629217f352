// The generated types are checked against spec/openapi.json at compile time (test/models.test.ts
// guards the generation); this checks that what the server really sends matches those same schemas.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { NotFoundError } from '../../src/index.js';
import type { LiveServer } from '../helpers/live-server.js';

const specPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../spec/openapi.json');
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function schemaValidator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(JSON.parse(fs.readFileSync(specPath, 'utf8')), 'openapi');
  return (name: string, value: unknown) => {
    const validate = ajv.getSchema(`openapi#/components/schemas/${name}`);
    assert.ok(validate, `spec/openapi.json has a ${name} schema`);
    assert.ok(validate(value), `${name}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(value)}`);
  };
}

export function schemaTests(live: LiveServer) {
  test('Instance, Action, InstanceActionAccepted, lists and the error envelope', async () => {
    const matches = schemaValidator();
    const client = live.client();
    const instance = await client.instances.create({ name: 'sdk-schema', region: 'us-east-1', plan: 'micro', image: 'debian-12' });
    matches('Instance', instance);
    const list = await client.instances.list({ limit: 2 });
    matches('InstanceList', { data: list.data, pagination: list.pagination });
    const [create] = (await client.instances.actions(instance.id)).data;
    matches('Action', create);
    matches('Action', await client.actions.waitFor(create!.id));
    const accepted = await client.instances.delete(instance.id);
    matches('InstanceActionAccepted', accepted);
    const actions = await client.actions.list({ resource_id: instance.id });
    matches('ActionList', { data: actions.data, pagination: actions.pagination });
    await client.actions.waitFor(accepted.action_id);

    const error = await client.instances.retrieve(instance.id).catch((e: unknown) => e);
    assert.ok(error instanceof NotFoundError);
    matches('Error', { error: error.error });
  });

  test('account and catalog entries', async () => {
    const matches = schemaValidator();
    const client = live.client();
    matches('Account', await client.account.retrieve());
    matches('Region', await client.regions.retrieve('us-east-1'));
    matches('Plan', await client.plans.retrieve('micro'));
    matches('Image', await client.images.retrieve('debian-12'));
  });
}
