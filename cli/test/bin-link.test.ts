// The CLI's bin is there on a fresh clone, so `npm ci` links `cloudnexus` (see the helper).
import { test } from 'node:test';
// @ts-expect-error: a plain .mjs helper shared by the workspaces' bin tests, without type declarations.
import { assertBinsCommitted, assertLockfileBins } from '../../scripts/lib/committed-bins.mjs';

test('every bin is a committed source file, there before any build', () => assertBinsCommitted('cli'));

test('the lockfile names the same bins: npm ci links what it records, not what package.json says', () => assertLockfileBins('cli'));
