// The load balancer process: a small TCP proxy run inside its VPC's network namespace. It listens
// on each rule's entry port, checks its targets' health, and forwards each connection to a healthy
// target (round robin or least connections). SIGHUP re-reads the configuration file.
// Run as: node lb-proxy.js <config.json>
import fs from 'node:fs';
import net from 'node:net';

export interface ProxyConfig {
  algorithm: string;
  rules: { entryPort: number; targetPort: number }[];
  targets: string[];
  health: { protocol: 'http' | 'tcp'; port: number; path: string; intervalSeconds: number; timeoutSeconds: number; healthyThreshold: number; unhealthyThreshold: number };
}

interface TargetState {
  healthy: boolean;
  /** Consecutive results that disagree with `healthy`. */
  streak: number;
  active: number;
}

const configFile = process.argv[2] as string;
let config = JSON.parse(fs.readFileSync(configFile, 'utf8')) as ProxyConfig;
const targets = new Map<string, TargetState>();
const servers = new Map<number, net.Server>();
let next = 0;
let checker: NodeJS.Timeout | null = null;

function log(message: string): void {
  process.stdout.write(`${new Date().toISOString()} ${message}\n`);
}

function pick(): string | null {
  const healthy = config.targets.filter((t) => targets.get(t)?.healthy);
  if (healthy.length === 0) return null;
  if (config.algorithm === 'least_connections') return healthy.reduce((a, b) => ((targets.get(a)?.active ?? 0) <= (targets.get(b)?.active ?? 0) ? a : b));
  next = (next + 1) % healthy.length;
  return healthy[next] as string;
}

function forward(client: net.Socket, targetPort: number): void {
  const target = pick();
  if (!target) {
    client.destroy();
    return;
  }
  const state = targets.get(target) as TargetState;
  state.active++;
  // Half-open both ways: a client that finishes sending still gets the whole answer.
  const upstream = net.connect({ host: target, port: targetPort, allowHalfOpen: true });
  // A target that went away between checks must not hold the client forever: give up after the
  // health check's timeout, as a failed check would.
  upstream.setTimeout(config.health.timeoutSeconds * 1000, () => upstream.destroy());
  upstream.on('connect', () => upstream.setTimeout(0));
  let closed = 0;
  const onClose = () => {
    if (++closed === 2) state.active--;
  };
  client.pipe(upstream).pipe(client);
  client.on('error', () => upstream.destroy()).on('close', onClose);
  upstream.on('error', () => client.destroy()).on('close', onClose);
}

/** One check: a TCP connect, or for http a GET that must answer 2xx or 3xx. */
function probe(target: string): Promise<boolean> {
  const { protocol, port, path, timeoutSeconds } = config.health;
  return new Promise((resolve) => {
    const socket = net.connect({ host: target, port });
    const settle = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutSeconds * 1000, () => settle(false));
    socket.on('error', () => settle(false));
    socket.on('connect', () => {
      if (protocol === 'tcp') return settle(true);
      socket.write(`GET ${path} HTTP/1.0\r\nHost: ${target}\r\n\r\n`);
      let head = '';
      socket.on('data', (chunk) => {
        head += chunk.toString('latin1');
        if (head.includes('\r\n')) settle(/^HTTP\/1\.[01] [23]\d\d/.test(head));
      });
      socket.on('end', () => settle(false));
    });
  });
}

async function checkAll(): Promise<void> {
  await Promise.all(
    config.targets.map(async (target) => {
      const state = targets.get(target);
      if (!state) return;
      const ok = await probe(target);
      if (ok === state.healthy) {
        state.streak = 0;
        return;
      }
      state.streak++;
      if (state.streak >= (ok ? config.health.healthyThreshold : config.health.unhealthyThreshold)) {
        state.healthy = ok;
        state.streak = 0;
        log(`target ${target} is ${ok ? 'healthy' : 'unhealthy'}`);
      }
    }),
  );
}

function apply(): void {
  for (const target of [...targets.keys()]) if (!config.targets.includes(target)) targets.delete(target);
  // New targets start unhealthy until checks pass; the first round runs at once.
  for (const target of config.targets) if (!targets.has(target)) targets.set(target, { healthy: false, streak: 0, active: 0 });
  const ports = new Set(config.rules.map((r) => r.entryPort));
  for (const [port, server] of servers) {
    if (!ports.has(port)) {
      server.close();
      servers.delete(port);
    }
  }
  for (const rule of config.rules) {
    const existing = servers.get(rule.entryPort);
    if (existing) existing.removeAllListeners('connection');
    const server = existing ?? net.createServer({ allowHalfOpen: true });
    server.on('connection', (client) => forward(client, rule.targetPort));
    if (!existing) {
      server.listen(rule.entryPort, '0.0.0.0');
      servers.set(rule.entryPort, server);
    }
  }
  if (checker) clearInterval(checker);
  checker = setInterval(() => void checkAll(), config.health.intervalSeconds * 1000);
  void checkAll().then(() => {
    // The first round decides at once, so a fresh balancer serves without waiting for thresholds.
    for (const target of config.targets) {
      const state = targets.get(target);
      if (state && state.streak > 0) {
        state.healthy = !state.healthy;
        state.streak = 0;
      }
    }
  });
  log(`serving ports ${[...ports].join(', ')} for ${config.targets.join(', ') || 'no targets'}`);
}

process.on('SIGHUP', () => {
  config = JSON.parse(fs.readFileSync(configFile, 'utf8')) as ProxyConfig;
  apply();
});
process.on('SIGTERM', () => process.exit(0));
apply();
