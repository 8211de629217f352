#!/usr/bin/env node
import { createRequire } from 'node:module';
import { buildProgram } from './program.js';
import { describeError } from './report-error.js';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

try {
  await buildProgram(version).parseAsync(process.argv);
} catch (error) {
  const { line, exitCode } = describeError(error);
  if (line) process.stderr.write(`${line}\n`);
  process.exitCode = exitCode;
}
