// The built package as users load it (`npm test` builds first): both module systems, same API.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const expected = 'APIConnectionError,APIError,APITimeoutError,ActionFailedError,AuthenticationError,BadRequestError,CloudNexus,ConflictError,InternalServerError,NotFoundError,PermissionDeniedError,RateLimitError,UnprocessableEntityError,WebhookVerificationError';

const loaders = {
  import: `import('@cloudnexus/sdk').then((m) => console.log(m.default === m.CloudNexus, Object.keys(m).filter((k) => /Error$|^CloudNexus$/.test(k) && k !== 'CloudNexusError').sort().join()))`,
  require: `const m = require('@cloudnexus/sdk'); console.log(m.default === m.CloudNexus, Object.keys(m).filter((k) => /Error$|^CloudNexus$/.test(k) && k !== 'CloudNexusError').sort().join())`,
};

for (const [condition, script] of Object.entries(loaders)) {
  test(`${condition}('@cloudnexus/sdk') gives the client as default and named export, and every error class`, () => {
    const output = execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' }).trim();
    assert.equal(output, `true ${expected}`);
    const entry = manifest.exports['.'][condition];
    for (const file of [entry.types, entry.default]) assert.ok(fs.existsSync(path.join(root, file)), `${file} is built`);
  });
}
