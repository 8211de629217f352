// Label rules (Kubernetes-style) and the wire schemas for `labels` and `label_selector`.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import Type from 'typebox';
import { LabelsSchema, MAX_LABELS, validateLabels } from '../src/labels/labels.js';
import { labelSelectorQueryProperties, parseLabelSelector } from '../src/labels/selector.js';
import { createTestApp, type TestApp } from './helpers/app.js';
import { assertError, fields } from './helpers/assertions.js';

const name63 = 'a'.repeat(63);
const prefix253 = `${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.${'e'.repeat(61)}`;

describe('label validation', () => {
  test('valid keys and values give no problems', () => {
    const labels = {
      env: 'prod',
      'app.kubernetes.io/name': 'web-1',
      'example.com/Team_Name': 'A.b-c_d',
      [name63]: name63,
      [`${prefix253}/${name63}`]: '',
      x: '0',
      '9': 'Z',
    };
    assert.equal(prefix253.length, 253);
    assert.deepEqual(validateLabels(labels), []);
    assert.deepEqual(validateLabels({}), []);
  });

  const invalidKeys: [string, RegExp][] = [
    ['', /must not be empty/],
    ['/name', /prefix before '\/' must not be empty/],
    ['example.com/', /name must not be empty/],
    [`${'a'.repeat(64)}`, /name must be at most 63/],
    ['-env', /name must start and end/],
    ['env_', /name must start and end/],
    ['my env', /name must start and end/],
    ['env!', /name must start and end/],
    ['é', /name must start and end/],
    ['a/b/c', /name must start and end/],
    ['Example.com/x', /prefix must be a DNS subdomain/],
    ['-example.com/x', /prefix must be a DNS subdomain/],
    ['example..com/x', /prefix must be a DNS subdomain/],
    ['example_com/x', /prefix must be a DNS subdomain/],
    [`${prefix253}b/x`, /prefix must be at most 253/],
  ];
  for (const [key, message] of invalidKeys) {
    test(`key ${JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key)} is invalid`, () => {
      const problems = validateLabels({ [key]: 'v' });
      assert.equal(problems.length, 1, JSON.stringify(problems));
      assert.equal(problems[0]?.field, `labels.${key}`);
      assert.match(problems[0]?.message ?? '', /^Invalid key: /);
      assert.match(problems[0]?.message ?? '', message);
    });
  }

  const invalidValues: [string, RegExp][] = [
    ['a'.repeat(64), /at most 63/],
    ['-a', /must start and end/],
    ['a.', /must start and end/],
    ['a b', /must start and end/],
    ['a/b', /must start and end/],
    ['_', /must start and end/],
  ];
  for (const [value, message] of invalidValues) {
    test(`value ${JSON.stringify(value)} is invalid`, () => {
      assert.deepEqual(
        validateLabels({ env: value }).map((p) => p.field),
        ['labels.env'],
      );
      assert.match(validateLabels({ env: value })[0]?.message ?? '', new RegExp(`^Invalid value: .*${message.source}`));
    });
  }

  test('a bad key and a bad value on one label give two details; every bad label is reported', () => {
    const problems = validateLabels({ '-k': '-v', ok: 'fine', 'x y': 'v' });
    assert.deepEqual(
      problems.map((p) => p.field),
      ['labels.-k', 'labels.-k', 'labels.x y'],
    );
  });

  test(`at most ${MAX_LABELS} labels`, () => {
    const labels = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 'v']));
    assert.deepEqual(validateLabels(labels(MAX_LABELS)), []);
    assert.deepEqual(validateLabels(labels(MAX_LABELS + 1)), [{ field: 'labels', message: `At most ${MAX_LABELS} labels per resource` }]);
  });
});

describe('label wire schemas', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp('sqlite', {
      extend: (app) => {
        // Stand-ins for a resource's create and list routes.
        app.post(
          '/v2/labels-probe',
          { schema: { hide: true, body: Type.Object({ labels: LabelsSchema }, { additionalProperties: false }) } },
          async (request) => ({ problems: validateLabels((request.body as { labels: Record<string, string> }).labels) }),
        );
        app.get(
          '/v2/labels-probe',
          { schema: { hide: true, querystring: Type.Object(labelSelectorQueryProperties, { additionalProperties: false }) } },
          async (request) => ({ selector: parseLabelSelector((request.query as { label_selector?: string }).label_selector ?? '') }),
        );
      },
    });
  });
  after(() => t.close());

  const post = (labels: unknown) => t.request(null, { method: 'POST', url: '/v2/labels-probe', payload: { labels } });

  test('a label map passes the schema; keys and values that break the label rules are 400 naming the label', async () => {
    const ok = await post({ env: 'prod', 'example.com/team': '' });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.deepEqual(ok.json(), { problems: [] });
    const badKey = assertError(await post({ '-bad': 'v', 'Example.com/x': 'v', [`${'n'.repeat(64)}`]: 'v' }), 400);
    assert.deepEqual(fields(badKey), ['labels.-bad', 'labels.Example.com/x', `labels.${'n'.repeat(64)}`]);
    assert.ok(badKey.error.details.every((d) => d.message.startsWith('Invalid key: ')), JSON.stringify(badKey));
    const badValue = assertError(await post({ env: '-v-', team: 'v'.repeat(64) }), 400);
    assert.deepEqual(fields(badValue), ['labels.env', 'labels.team']);
  });

  test('a prefix over 253 characters passes the schema and is caught by the rules', async () => {
    const key = `${'a'.repeat(254)}/x`;
    const checked = await post({ [key]: 'v' });
    assert.equal(checked.statusCode, 200, checked.body);
    assert.deepEqual((checked.json() as { problems: { field: string }[] }).problems.map((p) => p.field), [`labels.${key}`]);
  });

  test('non-string values are 400, whatever the key (even one with a newline)', async () => {
    for (const labels of [{ env: 5 }, { env: null }, { env: { a: 'b' } }, { 'a\nb': 5 }, ['a']]) {
      const body = assertError(await post(labels), 400);
      assert.ok(fields(body).every((f) => f.startsWith('labels')), JSON.stringify(body));
    }
  });

  test('more than 64 labels or a key over 317 characters is 400 from the schema alone', async () => {
    const many = Object.fromEntries(Array.from({ length: MAX_LABELS + 1 }, (_, i) => [`k${i}`, 'v']));
    assert.deepEqual(fields(assertError(await post(many), 400)), ['labels']);
    assert.equal((await post({ [`${prefix253}/${name63}`]: 'v' })).statusCode, 200);
    assert.deepEqual(fields(assertError(await post({ [`${prefix253}/${name63}x`]: 'v' }), 400)), [`labels.${prefix253}/${name63}x`]);
  });

  test('a selector in the query string is parsed; a bad one is a 400 envelope naming label_selector', async () => {
    const ok = await t.request(null, { method: 'GET', url: `/v2/labels-probe?label_selector=${encodeURIComponent('env=prod,tier in (a,b)')}` });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.deepEqual(ok.json(), {
      selector: [
        { operator: '=', key: 'env', value: 'prod' },
        { operator: 'in', key: 'tier', values: ['a', 'b'] },
      ],
    });
    const bad = assertError(await t.request(null, { method: 'GET', url: `/v2/labels-probe?label_selector=${encodeURIComponent('env in (a')}` }), 400);
    assert.equal(bad.error.message, 'Invalid label selector');
    assert.deepEqual(bad.error.details, [{ field: 'label_selector', message: "expected ',' or ')' after 'env in (a'" }]);
    const long = assertError(await t.request(null, { method: 'GET', url: `/v2/labels-probe?label_selector=${'a'.repeat(1025)}` }), 400);
    assert.deepEqual(fields(long), ['label_selector']);
  });
});
