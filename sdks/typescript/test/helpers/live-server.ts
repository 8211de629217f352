// One real CloudNexus server per test run: scripts/test-server.mjs, with a fresh data dir and an
// enterprise account. The server's self-signed certificate is trusted through the SDK's `ca` option.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { CloudNexus, type ClientOptions } from '../../src/index.js';

const script = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../scripts/test-server.mjs');

export interface ServerInfo {
  base_url: string;
  api_key: string;
  ca_file: string;
  account_id: string;
}

export class LiveServer {
  private child: ChildProcess | undefined;
  private ready: ServerInfo | undefined;
  private ca = '';

  async start(): Promise<void> {
    const child = spawn(process.execPath, [script], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.child = child;
    const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`test server exited (${code})`))));
    const firstLine = new Promise<string>((resolve) => readline.createInterface({ input: child.stdout! }).once('line', resolve));
    this.ready = JSON.parse(await Promise.race([firstLine, exited])) as ServerInfo;
    this.ca = fs.readFileSync(this.ready.ca_file, 'utf8');
  }

  /** Closing stdin tells the script to stop the server and delete its data. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.stdin!.end();
    await exited;
  }

  get info(): ServerInfo {
    if (!this.ready) throw new Error('the live server has not started');
    return this.ready;
  }

  /** A client for the server's account; `options` override any part of it. */
  client(options: ClientOptions = {}): CloudNexus {
    return new CloudNexus({ apiKey: this.info.api_key, baseURL: this.info.base_url, ca: this.ca, ...options });
  }
}
