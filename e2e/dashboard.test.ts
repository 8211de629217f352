// The dashboard and the playground in a real browser against a real server: sign in, create a key
// and read its secret once, call the API with it from the playground, rotate it with no grace (the
// old secret gets 401), revoke the new one. Every page is screenshotted into e2e/artifacts/, and no
// page may log a Content-Security-Policy violation or a script error.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { buildDashboard } from '../dashboard/build.mjs';
import { ARTIFACTS, launchBrowser, skipWithoutChromium } from './helpers/browser.js';
import { request, startServer, stop, type RunningServer } from './helpers/server.js';

describe('dashboard and playground in Chromium', { skip: skipWithoutChromium() }, () => {
  let server: RunningServer;
  let dataDir: string;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let bootstrapKey: string;
  let email: string;
  let password: string;
  const problems: string[] = [];

  before(async () => {
    await buildDashboard();
    await fs.mkdir(ARTIFACTS, { recursive: true });
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cnx-e2e-dashboard-'));
    server = await startServer(dataDir, ['--sim-delay-ms', '50']);
    const output = server.output();
    bootstrapKey = (/^\s+(cnx_live_\S+)$/m.exec(output) as RegExpExecArray)[1] as string;
    email = (/email:\s+(\S+)/.exec(output) as RegExpExecArray)[1] as string;
    password = (/password:\s+(\S+)/.exec(output) as RegExpExecArray)[1] as string;
    // Something to show on the overview pages.
    const created = await request(server, bootstrapKey, 'POST', '/v2/instances', { name: 'web-1', region: 'us-east-1', plan: 'micro', image: 'ubuntu-24-04' });
    assert.equal(created.status, 201);
    assert.equal((await request(server, bootstrapKey, 'POST', '/v2/volumes', { name: 'data-1', region: 'us-east-1', size_gb: 10 })).status, 201);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    if (server) await stop(server);
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  const open = async (url: string): Promise<Page> => {
    const page = await browser.context.newPage();
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(`${url}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`${url}: ${error.message}`));
    await page.goto(`${server.origin}${url}`);
    return page;
  };
  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
  const status = async (key: string) => (await request(server, key, 'GET', '/v2/regions?limit=1')).status;

  let dashboard: Page;
  let secret: string;

  test('sign in', async () => {
    dashboard = await open('/dashboard');
    await dashboard.getByLabel('Email').fill(email);
    await dashboard.getByLabel('Password').fill('wrong password!');
    await dashboard.getByRole('button', { name: 'Sign in' }).click();
    await dashboard.getByRole('alert').filter({ hasText: 'Invalid email or password' }).waitFor();
    await shot(dashboard, '01-sign-in');
    await dashboard.getByLabel('Password').fill(password);
    await dashboard.getByRole('button', { name: 'Sign in' }).click();
    await dashboard.locator('[data-test=user-email]', { hasText: email }).waitFor();
    const cookie = (await browser.context.cookies()).find((c) => c.name === '__Host-cnx_session');
    assert.ok(cookie, 'the session cookie is set');
    assert.deepEqual([cookie.secure, cookie.httpOnly, cookie.sameSite, cookie.path], [true, true, 'Strict', '/']);
  });

  test('overview pages list instances, networks and volumes with their status', async () => {
    for (const [route, expected] of [['instances', 'web-1'], ['networks', 'default'], ['volumes', 'data-1']] as const) {
      await dashboard.goto(`${server.origin}/dashboard#/${route}`);
      await dashboard.locator(`[data-test=${route}-table] tbody tr`, { hasText: expected }).first().waitFor();
      await shot(dashboard, `02-${route}`);
    }
  });

  test('create a key: the secret is shown once, with a copy button', async () => {
    await dashboard.getByRole('link', { name: 'API Keys' }).click();
    await dashboard.locator('[data-test=api-keys-table] tbody tr', { hasText: 'bootstrap' }).waitFor();
    await shot(dashboard, '03-api-keys');
    await dashboard.getByRole('button', { name: 'Create key' }).click();
    await dashboard.getByLabel('Name').fill('playground');
    await shot(dashboard, '04-create-key');
    await dashboard.getByRole('button', { name: 'Create key' }).last().click();
    const shown = dashboard.locator('[data-test=secret]');
    secret = (await shown.textContent()) ?? '';
    assert.match(secret, /^cnx_live_[0-9A-Za-z]{22}_[0-9A-Za-z]{6}$/);
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    await dashboard.getByRole('button', { name: 'Copy' }).click();
    await dashboard.getByRole('status').filter({ hasText: 'Copied' }).waitFor();
    assert.equal(await dashboard.evaluate(() => navigator.clipboard.readText()), secret, 'the copy button copies the secret');
    await shot(dashboard, '05-key-created');
    await dashboard.getByRole('button', { name: 'Done' }).click();
    assert.doesNotMatch(await dashboard.content(), new RegExp(secret), 'once dismissed, the secret is gone from the page');
    await dashboard.reload();
    await dashboard.locator('[data-test=api-keys-table] tbody tr', { hasText: 'playground' }).waitFor();
    assert.doesNotMatch(await dashboard.content(), new RegExp(secret), 'and never shown again');
    assert.equal(await status(secret), 200);
  });

  test('the playground lists regions with the key (200), and gets 401 without it', async () => {
    const playground = await open('/playground');
    const operation = playground.locator('#operations-Catalog-listRegions');
    await operation.waitFor();
    await shot(playground, '06-playground');
    await operation.locator('.opblock-summary').click();
    const execute = async () => {
      const response = playground.waitForResponse((r) => new URL(r.url()).pathname === '/v2/regions');
      await operation.getByRole('button', { name: 'Execute' }).click();
      return response;
    };
    assert.equal((await execute()).status(), 401, 'no key, no answer');

    await playground.getByRole('button', { name: 'Authorize' }).first().click();
    await playground.locator('.modal-ux input[type=text], .modal-ux input[type=password]').first().fill(secret);
    await playground.locator('.modal-ux').getByRole('button', { name: 'Apply credentials' }).click();
    await playground.locator('.modal-ux button.btn-done').click();
    const answered = await execute();
    assert.equal(answered.status(), 200);
    assert.equal(answered.request().headers().authorization, `Bearer ${secret}`);
    assert.equal(new URL(answered.url()).origin, server.origin, 'requests go to this server');
    await operation.locator('.live-responses-table .response-col_status', { hasText: '200' }).waitFor();
    await shot(playground, '07-playground-200');
    await playground.close();
  });

  test('rotate with grace "none": the old secret gets 401, the new one works', async () => {
    const row = dashboard.locator('[data-test=api-keys-table] tbody tr', { hasText: 'playground' });
    await row.getByRole('button', { name: 'Rotate' }).click();
    await dashboard.getByLabel('None: the old key stops working now').check();
    await shot(dashboard, '08-rotate');
    await dashboard.getByRole('button', { name: 'Rotate key' }).click();
    const rotated = (await dashboard.locator('[data-test=secret]').textContent()) ?? '';
    assert.match(rotated, /^cnx_live_/);
    assert.notEqual(rotated, secret);
    await shot(dashboard, '09-rotated');
    await dashboard.getByRole('button', { name: 'Done' }).click();
    assert.equal(await status(secret), 401);
    assert.equal(await status(rotated), 200);
    secret = rotated;
  });

  test('revoke the new key after a confirmation', async () => {
    const row = dashboard.locator('[data-test=api-keys-table] tbody tr', { hasText: 'playground' }).filter({ has: dashboard.getByRole('button', { name: 'Revoke' }) });
    await row.getByRole('button', { name: 'Revoke' }).click();
    await shot(dashboard, '10-revoke-confirm');
    await dashboard.locator('dialog').getByRole('button', { name: 'Revoke key' }).click();
    await dashboard.locator('[data-test=api-keys-table] tbody tr', { hasText: 'playground' }).filter({ hasText: 'active' }).waitFor({ state: 'detached' });
    await shot(dashboard, '11-revoked');
    assert.equal(await status(secret), 401);
  });

  test('sign out ends the session', async () => {
    await dashboard.getByRole('button', { name: 'Sign out' }).click();
    await dashboard.getByRole('button', { name: 'Sign in' }).waitFor();
    const me = await dashboard.evaluate(async () => (await fetch('/dashboard/api/session')).status);
    assert.equal(me, 401);
  });

  test('no page logged a CSP violation or a script error', () => {
    assert.deepEqual(problems, []);
  });
});
