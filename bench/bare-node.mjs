// The floor: a node:https hello-world (node:http's request handling under the same TLS stack), with
// the real server's certificate and key so both baselines and the server pay the same TLS cost;
// without a certificate the same server over plain node:http, to show what TLS itself costs.
// Run as a child process (forked by run.mjs) so it gets a core of its own.
//
// argv[2] is JSON: { certFile, keyFile } for HTTPS, {} for HTTP. Sends { port } over IPC once listening.
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';

const { certFile, keyFile } = JSON.parse(process.argv[2]);
const body = Buffer.from('hello world\n');

function hello(req, res) {
  res.writeHead(200, { 'content-type': 'text/plain', 'content-length': body.length });
  res.end(body);
}
const server = certFile
  ? https.createServer({ cert: fs.readFileSync(certFile), key: fs.readFileSync(keyFile) }, hello)
  : http.createServer(hello);
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));

// Exit with the parent: if run.mjs dies without cleaning up, this must not linger.
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
