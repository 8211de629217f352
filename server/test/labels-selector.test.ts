// The `label_selector` grammar: what parses to which requirements, and what is a 400.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ApiError } from '../src/errors/api-error.js';
import { MAX_REQUIREMENTS, MAX_SELECTOR_LENGTH, MAX_SET_VALUES, parseLabelSelector, type LabelSelector } from '../src/labels/selector.js';

describe('label selector: valid forms', () => {
  const cases: [string, LabelSelector][] = [
    ['', []],
    ['   ', []],
    ['env=prod', [{ operator: '=', key: 'env', value: 'prod' }]],
    ['env==prod', [{ operator: '=', key: 'env', value: 'prod' }]],
    ['env!=prod', [{ operator: '!=', key: 'env', value: 'prod' }]],
    ['env=', [{ operator: '=', key: 'env', value: '' }]],
    ['env!=', [{ operator: '!=', key: 'env', value: '' }]],
    ['env', [{ operator: 'exists', key: 'env' }]],
    ['!env', [{ operator: 'not_exists', key: 'env' }]],
    ['env in (a,b)', [{ operator: 'in', key: 'env', values: ['a', 'b'] }]],
    ['env notin (a)', [{ operator: 'notin', key: 'env', values: ['a'] }]],
    ['env in(a)', [{ operator: 'in', key: 'env', values: ['a'] }]],
    ['env in (a,a,b)', [{ operator: 'in', key: 'env', values: ['a', 'b'] }]],
    ['example.com/team=web-1.x_y', [{ operator: '=', key: 'example.com/team', value: 'web-1.x_y' }]],
    ['in=notin', [{ operator: '=', key: 'in', value: 'notin' }]],
    ['in in (in)', [{ operator: 'in', key: 'in', values: ['in'] }]],
    [
      '  env = prod ,  tier  in  ( web ,  api )  , ! legacy ,  zone != a , gpu , os notin (x , y)  ',
      [
        { operator: '=', key: 'env', value: 'prod' },
        { operator: 'in', key: 'tier', values: ['web', 'api'] },
        { operator: 'not_exists', key: 'legacy' },
        { operator: '!=', key: 'zone', value: 'a' },
        { operator: 'exists', key: 'gpu' },
        { operator: 'notin', key: 'os', values: ['x', 'y'] },
      ],
    ],
    [
      'a in (1,2,3),b notin (4,5),c',
      [
        { operator: 'in', key: 'a', values: ['1', '2', '3'] },
        { operator: 'notin', key: 'b', values: ['4', '5'] },
        { operator: 'exists', key: 'c' },
      ],
    ],
    ['\tenv\n=\nprod\t', [{ operator: '=', key: 'env', value: 'prod' }]],
  ];
  for (const [text, expected] of cases) {
    test(JSON.stringify(text), () => assert.deepEqual(parseLabelSelector(text), expected));
  }

  test(`up to ${MAX_REQUIREMENTS} requirements, ${MAX_SET_VALUES} values in a set, ${MAX_SELECTOR_LENGTH} characters`, () => {
    const many = Array.from({ length: MAX_REQUIREMENTS }, (_, i) => `k${i}`).join(',');
    assert.equal(parseLabelSelector(many).length, MAX_REQUIREMENTS);
    const values = Array.from({ length: MAX_SET_VALUES }, (_, i) => `v${i}`);
    assert.deepEqual(parseLabelSelector(`k in (${values.join(',')})`), [{ operator: 'in', key: 'k', values }]);
    assert.equal(parseLabelSelector(`${' '.repeat(MAX_SELECTOR_LENGTH - 3)}k=v`).length, 1);
  });
});

describe('label selector: invalid forms are 400 on label_selector', () => {
  const cases: [string, string | RegExp][] = [
    ['env in (a,b', "expected ',' or ')' after 'env in (a,b'"],
    ['env in a', "expected '(' after 'env in', found 'a'"],
    ['env in', "expected '(' after 'env in'"],
    ['env in ()', "expected a value after 'env in (', found ')'"],
    ['env in (a,)', "expected a value after 'env in (a,', found ')'"],
    ['env in (a,,b)', "expected a value after 'env in (a,', found ','"],
    ['env in (a b)', "expected ',' or ')' after 'env in (a', found 'b'"],
    ['env notin (a))', "expected ',' or the end after 'env notin (a)', found ')'"],
    ['=prod', "expected a label key at character 1, found '='"],
    ['a,,b', "expected a label key at character 3, found ','"],
    ['a,', 'expected a label key at character 3'],
    [',a', "expected a label key at character 1, found ','"],
    ['env===prod', "expected ',' or the end after 'env==', found '='"],
    ['env=a=b', "expected ',' or the end after 'env=a', found '='"],
    ['env=(a)', "expected ',' or the end after 'env=', found '('"],
    ['env prod', "expected '=', '==', '!=', 'in', 'notin', ',' or the end after 'env', found 'prod'"],
    ['env ! = a', "expected '=', '==', '!=', 'in', 'notin', ',' or the end after 'env', found '!'"],
    ['!env=prod', "expected ',' or the end after '!env', found '='"],
    ['!', "expected a label key after '!'"],
    ['!!env', "expected a label key after '!', found '!'"],
    ['env in (a,(b))', "expected a value after 'env in (a,', found '('"],
    ['a=1, b in (x,y', "expected ',' or ')' after 'b in (x,y'"],
    ['-env=prod', /^invalid key '-env': name must start and end/],
    ['Example.com/env', /^invalid key 'Example.com\/env': prefix must be a DNS subdomain/],
    [`${'k'.repeat(64)}=v`, /^invalid key 'k{64}': name must be at most 63 characters$/],
    ['env=prod!', "expected ',' or the end after 'env=prod', found '!'"],
    ['env=-prod', /^invalid value '-prod' for key 'env': must start and end/],
    ['env in (ok,bad_)', /^invalid value 'bad_' for key 'env': must start and end/],
    [`env=${'v'.repeat(64)}`, /^invalid value 'v{64}' for key 'env': must be at most 63 characters$/],
    ['env=prod;drop', /^invalid value 'prod;drop' for key 'env'/],
    [Array.from({ length: MAX_REQUIREMENTS + 1 }, (_, i) => `k${i}`).join(','), `at most ${MAX_REQUIREMENTS} requirements are allowed`],
    [`k in (${Array.from({ length: MAX_SET_VALUES + 1 }, (_, i) => `v${i}`).join(',')})`, `at most ${MAX_SET_VALUES} values are allowed in a set`],
    [`k=${'v'.repeat(MAX_SELECTOR_LENGTH - 1)}`, `must be at most ${MAX_SELECTOR_LENGTH} characters`],
  ];
  for (const [text, message] of cases) {
    test(JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text), () => {
      assert.throws(
        () => parseLabelSelector(text),
        (error: unknown) => {
          assert.ok(error instanceof ApiError);
          assert.equal(error.status, 400);
          assert.equal(error.message, 'Invalid label selector');
          assert.equal(error.details.length, 1);
          assert.equal(error.details[0]?.field, 'label_selector');
          if (typeof message === 'string') assert.equal(error.details[0]?.message, message);
          else assert.match(error.details[0]?.message ?? '', message);
          return true;
        },
      );
    });
  }
});
