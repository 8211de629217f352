// Functions through the SDK against a live sim server, which runs the real code: the runtimes,
// a deploy waited on, sync and async invocations, the invocation list, a rename (PATCH), a redeploy
// and a delete.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FunctionInvocation } from '../../src/index.js';
import type { LiveServer } from '../helpers/live-server.js';

const SOURCE = 'exports.handler = async (event) => { console.log("got", event.n); if (event.fail) throw new Error("nope"); return { doubled: event.n * 2 }; };';

export function functionTests(live: LiveServer) {
  test('functions: deploy, invoke (sync, failing, async), list invocations, patch, redeploy and delete', async () => {
    const client = live.client();
    const runtimes = await client.functions.runtimes();
    const node = runtimes.data.find((r) => r.language === 'nodejs');
    assert.ok(node, 'a node runtime is installed');
    const fn = await client.functions.create(
      { name: 'sdk-fn', region: 'us-east-1', runtime: node.id, handler: 'index.handler', files: { 'index.js': SOURCE }, environment: { SECRET: 's3' } },
      { wait: true },
    );
    assert.deepEqual([fn.status, fn.version, fn.environment], ['active', 1, ['SECRET']]);

    const answer = await client.functions.invoke(fn.id, { n: 21 });
    assert.deepEqual([answer.status, answer.result, answer.logs], ['success', { doubled: 42 }, 'got 21\n']);
    const failed = await client.functions.invoke(fn.id, { n: 1, fail: true });
    assert.deepEqual([failed.status, failed.error], ['error', { type: 'handler_error', message: 'Error: nope' }]);

    const started = await client.functions.invoke(fn.id, { n: 5 }, { async: true });
    let finished: FunctionInvocation = await client.functions.retrieveInvocation(fn.id, started.invocation);
    for (let i = 0; i < 100 && finished.status === 'running'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      finished = await client.functions.retrieveInvocation(fn.id, started.invocation);
    }
    assert.deepEqual(finished.result, { doubled: 10 });
    const ids: string[] = [];
    for await (const invocation of client.functions.listInvocations(fn.id, { limit: 2 })) ids.push(invocation.id);
    assert.deepEqual(ids, [started.invocation, failed.id, answer.id]);

    const patched = await client.functions.patch(fn.id, { name: 'sdk-fn-renamed', labels: { team: 'core' } });
    assert.deepEqual([patched.name, patched.labels, patched.version, patched.status], ['sdk-fn-renamed', { team: 'core' }, 1, 'active']);

    const deployed = await client.functions.update(fn.id, { runtime: node.id, handler: 'index.handler', files: { 'index.js': 'exports.handler = async () => "v2";' } }, { wait: true });
    assert.equal(deployed.status, 'completed');
    assert.equal((await client.functions.retrieve(fn.id)).version, 2);
    assert.equal((await client.functions.invoke(fn.id, {})).result, 'v2');
    const listed = await client.functions.list({ region: 'us-east-1' });
    assert.ok(listed.data.some((f) => f.id === fn.id));
    assert.equal((await client.functions.delete(fn.id, { wait: true })).type, 'delete');
  });
}
