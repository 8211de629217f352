// Process entry for `cloudnexus-server start`: certificate, database, migrations, listen, clean shutdown.
import type { Config } from './config.js';
import { buildApp } from './app.js';
import { bootstrapDefaultAccount } from './bootstrap.js';
import { systemClock } from './clock.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { loadCertificate } from './http/tls.js';

export async function startServer(config: Config): Promise<void> {
  const tls = await loadCertificate(config);
  const database = openDatabase(config.database, config.postgres);
  await migrateToLatest(database);
  const bootstrapped = await bootstrapDefaultAccount(database.db, systemClock);
  const app = await buildApp(config, { database, tls });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    // Stops accepting, drains in-flight requests, then stops the worker (onClose) and hands back leases.
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ host: config.host, port: config.port });
  app.worker.start();
  app.periodic.start();
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const origin = `https://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  const base = `${origin}/v2`;
  if (bootstrapped) {
    // Printed to stdout, not the log, so the key never lands in log storage.
    process.stdout.write(
      [
        '',
        `Created account "${bootstrapped.account.name}" (${bootstrapped.account.id}).`,
        `Its API key is shown this once; keep it safe:`,
        '',
        `  ${bootstrapped.apiKey}`,
        '',
        `Try: curl -k -H "Authorization: Bearer ${bootstrapped.apiKey}" ${base}/regions`,
        '',
        `Dashboard: ${origin}/dashboard (playground: ${origin}/playground)`,
        `  email:    ${bootstrapped.dashboard.email}`,
        `  password: ${bootstrapped.dashboard.password}`,
        '',
      ].join('\n'),
    );
  }
  process.stdout.write(`CloudNexus API listening on ${base}\n`);
}
