#!/usr/bin/env node
// `cloudnexus-server`: start the API, or run an operator command against its database.
import { ConfigError } from './config.js';
import { ApiError } from './errors/api-error.js';
import { parseArgs, UsageError } from './cli/args.js';
import { runCommand } from './cli/commands.js';

const USAGE = `Usage: cloudnexus-server <command> [flags]

Commands:
  start                                   run the HTTPS API (the default)
  migrate                                 apply database migrations
  accounts create --name N --tier free|pro|enterprise [--rate-limit N]
  keys create --account ID [--name N] [--scopes s1,s2] [--regions r1,r2] [--expires-at ISO]
  keys list --account ID
  keys revoke --account ID --key KEY_ID
  users create --account ID --email E --password-stdin
                                          add a dashboard sign-in; the password is read from stdin
  openapi [--out FILE]                    print or write the OpenAPI document

Every command takes --json for machine-readable output, and the configuration flags
--host --port --data-dir --database-url --tls-cert --tls-key --log-level --cursor-secret
(which override CLOUDNEXUS_HOST, CLOUDNEXUS_PORT, CLOUDNEXUS_DATA_DIR, DATABASE_URL, ...).
`;

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['json', 'help', 'password-stdin']);
  if (args.switches.has('help') || args.command[0] === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  const json = args.switches.has('json');
  await runCommand(args, {
    json,
    print: (human, machine) => process.stdout.write(`${json ? JSON.stringify(machine) : human}\n`),
    readStdin: async () => {
      let text = '';
      for await (const chunk of process.stdin) text += chunk;
      return text;
    },
  });
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exit(code);
  },
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof ConfigError) {
      process.stderr.write(`cloudnexus-server: ${error.message}\n\n${USAGE}`);
      process.exit(2);
    }
    if (error instanceof ApiError) {
      const details = error.details.map((d) => `\n  ${d.field}: ${d.message}`).join('');
      process.stderr.write(`cloudnexus-server: ${error.message}${details}\n`);
      process.exit(1);
    }
    process.stderr.write(`cloudnexus-server: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
