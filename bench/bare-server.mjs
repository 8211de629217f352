// The baseline: the least a Fastify HTTPS server can do to answer the same request with the same
// bytes. No auth, no rate limit, no validation, no schema serializer, no logging. Run as a child
// process (forked by run.mjs) so it gets a core of its own, like the real server.
//
// argv[2] is JSON: { certFile, keyFile, bodyFile, route }. Sends { port } over IPC once listening.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { SERVER_DIR } from './lib/config.mjs';

const { certFile, keyFile, bodyFile, route } = JSON.parse(process.argv[2]);

// The Fastify the server itself resolves, so the two differ only in what the server adds on top.
const fastifyPath = createRequire(`${SERVER_DIR}/package.json`).resolve('fastify');
const { default: fastify } = await import(pathToFileURL(fastifyPath).href);

// The exact object the real server returned; serialized per request (JSON.stringify) like any handler result.
const body = JSON.parse(fs.readFileSync(bodyFile, 'utf8'));

const app = fastify({
  https: { cert: fs.readFileSync(certFile), key: fs.readFileSync(keyFile) },
  logger: false,
});
app.get(route, async () => body);

await app.listen({ host: '127.0.0.1', port: 0 });
process.send({ port: app.server.address().port });

// Exit with the parent: if run.mjs dies without cleaning up, this must not linger.
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
