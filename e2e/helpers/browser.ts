// Headless Chromium from Debian's package, driven by playwright-core (never a downloaded browser).
// Required in CI (CLOUDNEXUS_TEST_REQUIRE=chromium); elsewhere a missing browser skips loudly.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { isRequired } from '../../server/test/helpers/required.js';

export const CHROMIUM = '/usr/bin/chromium';
if (isRequired('chromium') && !fs.existsSync(CHROMIUM)) throw new Error(`CLOUDNEXUS_TEST_REQUIRE names chromium but ${CHROMIUM} is missing (apt-get install chromium)`);

/** `skip` option for browser suites. */
export function skipWithoutChromium(): string | false {
  if (fs.existsSync(CHROMIUM)) return false;
  process.stderr.write(`\n*** ${CHROMIUM} not found: browser suites are SKIPPED (apt-get install chromium) ***\n\n`);
  return `${CHROMIUM} not found`;
}

/** A browser with a fresh profile that trusts nothing but what it is told: the test server's self-signed certificate is accepted. */
export async function launchBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cnx-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    ignoreHTTPSErrors: true,
    viewport: { width: 1440, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync'],
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Screenshots land here (gitignored). */
export const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
