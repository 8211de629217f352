// The peer: moto's EC2 server (moto[server] from PyPI) in bench/.venv, over plain HTTP on 127.0.0.1.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { BENCH_DIR } from './config.mjs';
import { spawnTracked } from './children.mjs';
import { MOTO_HEADERS, motoForm } from './workloads.mjs';

const VENV = path.join(BENCH_DIR, '.venv');
const MOTO_SERVER = path.join(VENV, 'bin', 'moto_server');

/** Creates bench/.venv with moto[server] on first use (gitignored by the root `.venv/` rule). */
export function ensureMoto() {
  if (fs.existsSync(MOTO_SERVER)) return;
  console.log('Installing moto[server] into bench/.venv...');
  execFileSync('python3', ['-m', 'venv', VENV], { stdio: 'inherit' });
  execFileSync(path.join(VENV, 'bin', 'pip'), ['install', '-q', 'moto[server]'], { stdio: 'inherit' });
}

/** A port the OS picks; moto cannot report the one it bound to port 0, so we ask first. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

export function motoCall(port, action, params) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/', headers: MOTO_HEADERS, agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => (res.statusCode === 200 ? resolve(body) : reject(new Error(`moto ${action}: ${res.statusCode} ${body.slice(0, 300)}`))));
    });
    req.on('error', reject);
    req.end(motoForm(action, params));
  });
}

/** Starts moto and gives it `instances` instances so DescribeInstances MaxResults=20 returns a full page. */
export async function startMoto(instances) {
  const port = await freePort();
  const child = spawnTracked('moto_server', MOTO_SERVER, ['-H', '127.0.0.1', '-p', String(port)]);
  // moto (werkzeug) announces itself on stderr; its stdout stays quiet.
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`moto_server did not start:\n${child.outputTail}`)), 30_000);
    const onData = () => child.outputTail.includes('Running on') && (clearTimeout(timer), resolve());
    child.stderr.on('data', onData);
    child.stdout.on('data', onData);
    child.once('exit', () => reject(new Error(`moto_server exited:\n${child.outputTail}`)));
  });
  await motoCall(port, 'RunInstances', { ImageId: 'ami-12c6146b', MinCount: String(instances), MaxCount: String(instances), InstanceType: 't2.micro' });
  return { child, port };
}
