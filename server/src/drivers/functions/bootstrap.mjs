// The Node.js bootstrap of a function worker (see worker.ts): loads the handler named by argv[2]
// (`index.handler` → ./index.mjs, ./index.js or ./index.cjs, export `handler`) from the working
// directory, says whether it loaded on fd 3, then answers one JSON line per invocation on fd 3.
// After each invocation it writes END to stdout and stderr, so the parent knows both streams hold
// all of that invocation's output before it answers.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const END = '\u0000cnx-end\u0000';
const channel = new net.Socket({ fd: 3, readable: true, writable: true });
const send = (message) => channel.write(`${JSON.stringify(message)}\n`);
const messageOf = (error) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

async function load(handler) {
  const dot = handler.lastIndexOf('.');
  const [moduleName, exportName] = [handler.slice(0, dot), handler.slice(dot + 1)];
  const file = ['.mjs', '.js', '.cjs'].map((ext) => path.resolve(moduleName + ext)).find((f) => fs.existsSync(f));
  if (!file) throw new Error(`Cannot find module ${moduleName} (looked for ${moduleName}.mjs, .js and .cjs)`);
  const loaded = await import(pathToFileURL(file).href);
  const fn = loaded[exportName] ?? loaded.default?.[exportName];
  if (typeof fn !== 'function') throw new Error(`${path.basename(file)} does not export a function named ${exportName}`);
  return fn;
}

async function answer(fn, line) {
  const { event } = JSON.parse(line);
  let reply;
  try {
    const value = await fn(event);
    try {
      reply = { ok: true, result: JSON.parse(JSON.stringify(value ?? null)) };
    } catch (error) {
      reply = { ok: false, error: { type: 'invalid_result', message: `The result is not JSON: ${messageOf(error)}` } };
    }
  } catch (error) {
    reply = { ok: false, error: { type: 'handler_error', message: messageOf(error) } };
  }
  process.stdout.write(END);
  process.stderr.write(END);
  send(reply);
}

let fn;
try {
  fn = await load(process.argv[2]);
} catch (error) {
  channel.end(`${JSON.stringify({ ready: false, error: messageOf(error) })}\n`, () => process.exit(1));
}
if (fn) {
  send({ ready: true });
  let buffered = '';
  let queue = Promise.resolve();
  channel.on('data', (chunk) => {
    buffered += chunk.toString('utf8');
    let newline;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      queue = queue.then(() => answer(fn, line));
    }
  });
  // The parent closing the channel is the end of this worker.
  channel.on('end', () => process.exit(0));
}
