// A browser page that records what must never happen on the dashboard: a script error, a console
// error, or a Content-Security-Policy violation. A 4xx the test provokes on purpose (a form the
// server refuses, a deleted resource's 404) is allowed only for URLs announced with `expectRefusals`.
import type { BrowserContext, Page } from 'playwright-core';

export interface WatchedPage {
  page: Page;
  /** Everything that went wrong, for `assert.deepEqual(problems, [])`. */
  problems: string[];
  /** From now on, a refused request (4xx) to a URL matching `url` is part of the test, not a problem. */
  expectRefusals: (url: RegExp) => void;
}

const REFUSED = /Failed to load resource: the server responded with a status of 4\d\d/;

export async function watchedPage(context: BrowserContext): Promise<WatchedPage> {
  const page = await context.newPage();
  const problems: string[] = [];
  const allowed: RegExp[] = [];
  // Injected by the driver, so the strict CSP does not apply to it; it reports through the console.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on('console', (message) => {
    if (message.type() !== 'error' && !/Content Security Policy|Refused to/i.test(message.text())) return;
    const { url } = message.location();
    if (REFUSED.test(message.text()) && allowed.some((pattern) => pattern.test(url))) return;
    problems.push(`${page.url()}: ${message.text()} (${url})`);
  });
  page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
  return { page, problems, expectRefusals: (url) => void allowed.push(url) };
}
