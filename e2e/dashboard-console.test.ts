// "A user's day" in the dashboard, in a real browser against a real server: create a VPC (after
// the server refuses a bad range, shown under its field), a network, a firewall, a load balancer
// and a backup policy; an instance in the network, seen going from provisioning to running; a
// volume attached to it and snapshotted; a reserved IP assigned to it and released; the instance's charts with data points; a restart by
// keyboard; a database with its charts and a user; then delete everything after confirmations.
// Screenshots of each page at 1280 px and 390 px go to e2e/artifacts/; any console error, script
// error or CSP violation fails the suite.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { buildDashboard } from '../dashboard/build.mjs';
import { ARTIFACTS, launchBrowser, skipWithoutChromium } from './helpers/browser.js';
import { watchedPage, type WatchedPage } from './helpers/console-page.js';
import { requestOk, startServer, stop, type RunningServer } from './helpers/server.js';

const WIDE = { width: 1280, height: 900 };
const NARROW = { width: 390, height: 844 };
/** Simulated async work takes this long, so transitional statuses are on screen long enough to see. */
const SIM_DELAY_MS = 1500;
const STEP_TIMEOUT = 20_000;

describe("a user's day in the dashboard console (Chromium)", { skip: skipWithoutChromium(), timeout: 180_000 }, () => {
  let server: RunningServer;
  let dataDir: string;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let watched: WatchedPage;
  let page: Page;
  const ids: Record<string, string> = {};

  before(async () => {
    await buildDashboard();
    await fs.mkdir(ARTIFACTS, { recursive: true });
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cnx-e2e-console-'));
    server = await startServer(dataDir, ['--sim-delay-ms', String(SIM_DELAY_MS)]);
    browser = await launchBrowser();
    watched = await watchedPage(browser.context);
    page = watched.page;
    page.setDefaultTimeout(STEP_TIMEOUT);
    await page.setViewportSize(WIDE);
  });

  after(async () => {
    await browser?.close();
    if (server) await stop(server);
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  const shot = async (name: string) => {
    await page.screenshot({ path: path.join(ARTIFACTS, `console-${name}-1280.png`), fullPage: true });
  };
  const dialog = () => page.locator('dialog[open]');
  const statusIs = (status: string) => page.locator('[data-test=status]', { hasText: new RegExp(`^${status}$`) }).waitFor();
  const saysDone = (label: string) => page.locator('[data-test=action-status]', { hasText: `${label}: completed` }).waitFor();
  /** Creates from a list page's form; resolves with the new resource's id (the detail page's URL). */
  const create = async (route: string, singular: string, fill: () => Promise<void>) => {
    await page.goto(`${server.origin}/dashboard#/${route}`);
    await page.locator(`[data-test=${route}-table]`).waitFor();
    await page.getByRole('button', { name: `Create ${singular}` }).click();
    await fill();
    await dialog().getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(new RegExp(`#/${route}/[a-z]+_[0-9a-f]+$`));
    return decodeURIComponent(page.url().split('/').pop() as string);
  };
  /** The key the server printed on its first start. */
  const apiKey = () => (/^\s+(cnx_live_\S+)$/m.exec(server.output()) as RegExpExecArray)[1] as string;
  const act = async (label: string) => page.locator(`[data-action-button="${label}"]`).click();
  const confirm = async () => dialog().locator('[data-test=confirm]').click();
  /** Deletes the resource on screen after the confirmation; its page then finds it gone (a 404). */
  const deleteShown = async (id: string) => {
    watched.expectRefusals(new RegExp(`/v2/[a-z_]+/${id}$`));
    await act('Delete');
    await confirm();
    await statusIs('deleted');
  };

  test('sign in', async () => {
    const output = server.output();
    const email = (/email:\s+(\S+)/.exec(output) as RegExpExecArray)[1] as string;
    const password = (/password:\s+(\S+)/.exec(output) as RegExpExecArray)[1] as string;
    // Signed out, the page asks who is signed in: a 401 that shows the sign-in form.
    watched.expectRefusals(/\/dashboard\/api\/session$/);
    await page.goto(`${server.origin}/dashboard`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('[data-test=user-email]', { hasText: email }).waitFor();
  });

  test("a VPC: the server's refusal shows under the field it names, then it is created", async () => {
    ids.vpc = await create('vpcs', 'VPC', async () => {
      await dialog().getByLabel('Name').fill('day-vpc');
      await dialog().getByLabel('Region').selectOption('us-east-1');
      await dialog().getByLabel('IP range').fill('8.8.0.0/16');
      watched.expectRefusals(/\/v2\/vpcs$/);
      await dialog().getByRole('button', { name: 'Create' }).click();
      const message = dialog().locator('[data-field=ip_range] .field-error');
      await message.filter({ hasText: /./ }).waitFor();
      assert.equal(await dialog().getByLabel('IP range').getAttribute('aria-invalid'), 'true');
      await shot('vpc-refused');
      await dialog().getByLabel('IP range').fill('10.20.0.0/16');
    });
    await page.locator('[data-prop=ip_range]', { hasText: '10.20.0.0/16' }).waitFor();
    await shot('vpc-detail');
  });

  test('a network in it', async () => {
    ids.network = await create('networks', 'Network', async () => {
      await dialog().getByLabel('Name').fill('day-net');
      await dialog().getByLabel('VPC').selectOption(ids.vpc as string);
      await dialog().getByLabel('IP range').fill('10.20.1.0/24');
      await dialog().getByLabel('Environment').selectOption('staging');
    });
    await page.locator('[data-prop=vpc_id]', { hasText: ids.vpc as string }).waitFor();
    await shot('network-detail');
  });

  test('a firewall: a refused rule is named under the rules field, then it is created', async () => {
    ids.firewall = await create('firewalls', 'Firewall', async () => {
      await dialog().getByLabel('Name').fill('day-fw');
      await dialog().getByLabel('Inbound rules (JSON)').fill('[{"protocol": "tcp", "sources": {"addresses": ["0.0.0.0/0"]}}]');
      watched.expectRefusals(/\/v2\/firewalls$/);
      await dialog().getByRole('button', { name: 'Create' }).click();
      await dialog().locator('[data-field=inbound_rules] .field-error', { hasText: 'inbound_rules[0].ports' }).waitFor();
      await shot('firewall-refused');
      await dialog().getByLabel('Inbound rules (JSON)').fill('[{"protocol": "tcp", "ports": "8080", "sources": {"addresses": ["0.0.0.0/0"]}}]');
    });
    await page.locator('[data-prop=inbound_rules]', { hasText: '8080' }).waitFor();
  });

  test('a load balancer in the VPC goes active on its own; a backup policy is set up', async () => {
    ids.balancer = await create('load-balancers', 'Load balancer', async () => {
      await dialog().getByLabel('Name').fill('day-lb');
      await dialog().getByLabel('VPC').selectOption(ids.vpc as string);
    });
    await statusIs('provisioning');
    await statusIs('active');
    ids.policy = await create('backup-policies', 'Backup policy', async () => {
      await dialog().getByLabel('Name').fill('day-nightly');
      await dialog().getByLabel('Schedule (cron, UTC)').fill('0 3 * * *');
      await dialog().getByLabel('Snapshots kept').fill('7');
      await dialog().getByLabel('Volume label selector').fill('tier=data');
    });
    await page.locator('[data-prop=schedule]', { hasText: '0 3 * * *' }).waitFor();
  });

  test('an instance in the network: its status goes from provisioning to running without a reload', async () => {
    ids.instance = await create('instances', 'Instance', async () => {
      await dialog().getByLabel('Name').fill('day-web');
      await dialog().getByLabel('Region').selectOption('us-east-1');
      await dialog().getByLabel('Plan').selectOption('micro');
      await dialog().getByLabel('Image').selectOption('ubuntu-24-04');
      await dialog().getByLabel('Network').selectOption(ids.network as string);
    });
    const loaded = page.url();
    await statusIs('provisioning');
    await shot('instance-provisioning');
    await statusIs('running');
    assert.equal(page.url(), loaded, 'the same page, not reloaded');
    await page.locator('[data-test=actions-table] tr', { hasText: 'completed' }).first().waitFor();
    await page.locator('[data-test=events] li').first().waitFor();
  });

  test("the instance's charts render with data points, for each range", async () => {
    for (const type of ['cpu', 'memory', 'network']) {
      const chart = page.locator(`[data-chart=${type}][data-points]`);
      await chart.waitFor();
      assert.ok(Number(await chart.getAttribute('data-points')) > 0, `${type} has points`);
      assert.equal(await chart.locator('canvas').count(), 1, `${type} is drawn`);
    }
    await page.getByLabel('Range').selectOption({ label: 'Last 24 hours' });
    await page.locator('[data-chart=cpu][data-points]').waitFor();
    await page.locator('[data-test=summary-cpu]', { hasText: 'points' }).waitFor();
    await shot('instance-running-charts');
  });

  test('a new volume, attached to the instance, and snapshotted', async () => {
    ids.volume = await create('volumes', 'Volume', async () => {
      await dialog().getByLabel('Name').fill('day-data');
      await dialog().getByLabel('Region').selectOption('us-east-1');
      await dialog().getByLabel('Size (GB)').fill('10');
    });
    await statusIs('available');
    await act('Attach');
    await dialog().getByLabel('Instance').selectOption(ids.instance as string);
    await dialog().getByRole('button', { name: 'Attach' }).click();
    await saysDone('Attach');
    await statusIs('attached');
    await page.locator('[data-prop=instance_id]', { hasText: ids.instance as string }).waitFor();
    await act('Snapshot');
    await dialog().getByLabel('Snapshot name').fill('day-snap');
    await dialog().getByRole('button', { name: 'Snapshot' }).click();
    const link = page.locator('[data-test=action-status] a');
    await link.waitFor();
    await shot('volume-attached-snapshotted');
    await link.click();
    await page.waitForURL(/#\/snapshots\/snap_/);
    ids.snapshot = decodeURIComponent(page.url().split('/').pop() as string);
    await statusIs('available');
    await shot('snapshot-detail');
  });

  test('a reserved IP: created in the region, assigned to the instance, unassigned and deleted', async () => {
    const id = await create('reserved-ips', 'Reserved IP', async () => {
      await dialog().getByLabel('Region').selectOption('us-east-1');
    });
    await statusIs('unassigned');
    const ip = await page.locator('[data-prop=ip]').textContent();
    assert.match(ip ?? '', /\d+\.\d+\.\d+\.\d+/);
    await act('Assign');
    await dialog().getByLabel('Instance').selectOption(ids.instance as string);
    await dialog().getByRole('button', { name: 'Assign' }).click();
    await saysDone('Assign');
    await statusIs('assigned');
    await page.locator('[data-prop=instance_id]', { hasText: ids.instance as string }).waitFor();
    await shot('reserved-ip-assigned');
    await act('Unassign');
    await confirm();
    await saysDone('Unassign');
    await statusIs('unassigned');
    await deleteShown(id);
  });

  test('restart the instance from the keyboard; the action completes', async () => {
    await page.goto(`${server.origin}/dashboard#/instances/${ids.instance}`);
    await statusIs('running');
    await page.locator('[data-action-button=Restart]').focus();
    await page.keyboard.press('Enter');
    await statusIs('rebooting');
    await saysDone('Restart');
    await statusIs('running');
    await page.locator('[data-test=actions-table] tr[data-action=restart]', { hasText: 'completed' }).waitFor();
  });

  test('a confirmation opens on Cancel and closes with Escape, deleting nothing', async () => {
    await page.locator('[data-action-button=Delete]').focus();
    await page.keyboard.press('Enter');
    await dialog().waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Cancel', 'a destructive default is never focused');
    await shot('instance-delete-confirm');
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-action-button')), 'Delete', 'focus returns to the button');
    await statusIs('running');
  });

  test('edit the instance: a rename, labels set then one removed, and delete protection that refuses the delete until lifted', async () => {
    const saysEdited = () => page.locator('[data-test=action-status]', { hasText: 'Edit: done' }).waitFor();
    const edit = async (fill: () => Promise<void>) => {
      await act('Edit');
      await fill();
      await dialog().getByRole('button', { name: 'Edit' }).click();
      await saysEdited();
    };
    await edit(async () => {
      await dialog().getByLabel('Name').fill('day-app');
      await dialog().getByLabel('Labels (JSON object)').fill('{"tier": "web", "env": "dev"}');
      await dialog().getByLabel('Delete protection (refuse deletion)').check();
    });
    await page.locator('[data-prop=name]', { hasText: /^day-app$/ }).waitFor();
    // The form starts from the labels as they are; a key taken out of the JSON is removed.
    await edit(async () => {
      assert.deepEqual(JSON.parse(await dialog().getByLabel('Labels (JSON object)').inputValue()), { tier: 'web', env: 'dev' });
      await dialog().getByLabel('Labels (JSON object)').fill('{"tier": "web"}');
    });
    const shown = await requestOk(server, apiKey(), 'GET', `/v2/instances/${ids.instance}`);
    assert.deepEqual([shown.name, shown.labels, shown.protection], ['day-app', { tier: 'web' }, { delete: true, rebuild: false }]);

    watched.expectRefusals(new RegExp(`/v2/instances/${ids.instance}$`));
    await act('Delete');
    await confirm();
    await page.locator('[data-test=action-status].failed', { hasText: 'Delete refused' }).waitFor();
    await shot('instance-delete-protected');
    await edit(() => dialog().getByLabel('Delete protection (refuse deletion)').uncheck());
    await statusIs('running');
  });

  test('snapshot the running instance into a custom image, found on the Images page, and rebuild the instance from it', async () => {
    await act('Snapshot');
    await dialog().getByLabel('Image name').fill('day-image');
    await dialog().getByLabel('Crash-consistent (needed while running)').check();
    await dialog().getByRole('button', { name: 'Snapshot' }).click();
    const link = page.locator('[data-test=action-status] a');
    await link.waitFor();
    await link.click();
    await page.waitForURL(/#\/images\/img_/);
    ids.image = decodeURIComponent(page.url().split('/').pop() as string);
    await statusIs('available');
    await page.locator('[data-prop=source_instance_id]', { hasText: ids.instance as string }).waitFor();

    await page.goto(`${server.origin}/dashboard#/images`);
    await page.getByLabel('Type').selectOption('custom');
    await page.getByRole('button', { name: 'Apply' }).click();
    const rows = page.locator('[data-test=images-table] tbody tr');
    await rows.filter({ hasText: 'debian-12' }).waitFor({ state: 'detached' });
    assert.deepEqual(await rows.locator('td:nth-child(2)').allTextContents(), ['day-image']);
    await shot('images-custom');

    await page.goto(`${server.origin}/dashboard#/instances/${ids.instance}`);
    await statusIs('running');
    await act('Rebuild');
    await confirm();
    await dialog().getByLabel('Image').selectOption(ids.image as string);
    await dialog().getByRole('button', { name: 'Rebuild' }).click();
    await saysDone('Rebuild');
    await statusIs('running');
    await page.locator('[data-prop=image]', { hasText: ids.image as string }).waitFor();
  });

  test('a database: online without a reload, with CPU, connections and storage charts, and a new user', async () => {
    ids.database = await create('databases', 'Database', async () => {
      await dialog().getByLabel('Name').fill('day-db');
      await dialog().getByLabel('Engine').selectOption('postgres');
      await dialog().getByLabel('Plan').selectOption('db-s-1vcpu-1gb');
      await dialog().getByLabel('Region').selectOption('us-east-1');
    });
    await statusIs('online');
    for (const type of ['cpu', 'connections', 'storage']) {
      const chart = page.locator(`[data-chart=${type}][data-points]`);
      await chart.waitFor();
      assert.ok(Number(await chart.getAttribute('data-points')) > 0, `${type} has points`);
    }
    await page.getByRole('button', { name: 'Add user' }).click();
    await dialog().getByLabel('User name').fill('app');
    await dialog().getByRole('button', { name: 'Add user' }).click();
    await page.locator('[data-test=sub-users] tbody tr', { hasText: 'app' }).waitFor();
    await page.locator('[data-test=sub-backups]').waitFor();
    await shot('database-online-charts');
  });

  test('at 390 px every page fits the width and is screenshotted', async () => {
    await page.setViewportSize(NARROW);
    const pages = ['instances', `instances/${ids.instance}`, 'volumes', `volumes/${ids.volume}`, 'snapshots', 'images', `images/${ids.image}`, 'vpcs', 'networks', 'reserved-ips', 'firewalls', 'load-balancers', 'backup-policies', 'databases', `databases/${ids.database}`, 'webhooks', 'containers', 'container-images'];
    for (const route of pages) {
      await page.goto(`${server.origin}/dashboard#/${route}`);
      await page.locator('main h1').waitFor();
      await page.locator('.card').first().waitFor();
      const overflow = await page.evaluate(() => ({
        by: document.documentElement.scrollWidth - window.innerWidth,
        // The elements sticking out of the page (not merely out of a scrolling card), to say what to fix.
        culprits: [...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
          .filter((e) => {
            for (let up = e.parentElement; up && up !== document.body; up = up.parentElement) if (getComputedStyle(up).overflowX !== 'visible') return false;
            return true;
          })
          .map((e) => `${e.tagName.toLowerCase()}.${e.className}`)
          .slice(0, 5),
      }));
      assert.ok(overflow.by <= 0, `#/${route} is ${overflow.by}px wider than the screen: ${overflow.culprits.join(', ')}`);
      const name = route.replace(/\/[a-z]+_[0-9a-f]+$/, '-detail');
      await page.screenshot({ path: path.join(ARTIFACTS, `console-${name}-390.png`), fullPage: true });
    }
    await page.setViewportSize(WIDE);
    for (const route of ['firewalls', 'load-balancers', 'backup-policies', 'databases', 'webhooks']) {
      await page.goto(`${server.origin}/dashboard#/${route}`);
      await page.locator(`[data-test=${route}-table] tbody tr`).first().waitFor();
      await shot(route);
    }
  });

  test('delete everything, each after a confirmation', async () => {
    await page.goto(`${server.origin}/dashboard#/snapshots/${ids.snapshot}`);
    await statusIs('available');
    await deleteShown(ids.snapshot as string);

    await page.goto(`${server.origin}/dashboard#/volumes/${ids.volume}`);
    await statusIs('attached');
    await act('Detach');
    await confirm();
    await statusIs('available');
    await deleteShown(ids.volume as string);

    await page.goto(`${server.origin}/dashboard#/databases/${ids.database}`);
    await statusIs('online');
    await deleteShown(ids.database as string);

    await page.goto(`${server.origin}/dashboard#/instances/${ids.instance}`);
    await statusIs('running');
    await deleteShown(ids.instance as string);
    await shot('instance-deleted');

    await page.goto(`${server.origin}/dashboard#/images/${ids.image}`);
    await statusIs('available');
    await deleteShown(ids.image as string);

    // The server's refusal is the page's to say: a VPC with a network in it stays.
    await page.goto(`${server.origin}/dashboard#/vpcs/${ids.vpc}`);
    await page.locator('[data-prop=id]').waitFor();
    watched.expectRefusals(new RegExp(`/v2/vpcs/${ids.vpc}$`));
    await act('Delete');
    await confirm();
    await page.locator('[data-test=action-status].failed', { hasText: 'Delete refused: VPC still has networks' }).waitFor();
    await shot('vpc-delete-refused');

    const routes: Record<string, string> = { bkp: 'backup-policies', lb: 'load-balancers', fw: 'firewalls', net: 'networks', vpc: 'vpcs' };
    for (const id of [ids.policy, ids.balancer, ids.firewall, ids.network, ids.vpc] as string[]) {
      await page.goto(`${server.origin}/dashboard#/${routes[id.split('_')[0] as string]}/${id}`);
      await page.locator('[data-prop=id]').waitFor();
      await deleteShown(id);
    }
    await page.goto(`${server.origin}/dashboard#/instances`);
    await page.locator('[data-test=instances-table] td.empty').waitFor();
    await shot('instances-empty');
  });

  test('a list pages with "Load more" and narrows with its filters', async () => {
    const key = apiKey();
    for (let i = 0; i < 21; i++) await requestOk(server, key, 'POST', '/v2/volumes', { name: `bulk-${i}`, region: 'us-east-1', size_gb: 1 });
    await requestOk(server, key, 'POST', '/v2/volumes', { name: 'far-away', region: 'eu-west-1', size_gb: 1 });
    await page.goto(`${server.origin}/dashboard#/volumes`);
    const rows = page.locator('[data-test=volumes-table] tbody tr');
    await rows.nth(19).waitFor();
    assert.equal(await rows.count(), 20, 'a page of 20');
    await page.getByRole('button', { name: 'Load more' }).click();
    await rows.nth(21).waitFor();
    assert.equal(await rows.count(), 22, 'then the rest');
    assert.equal(await page.getByRole('button', { name: 'Load more' }).count(), 0, 'and no more to load');
    await page.getByLabel('Region').selectOption('eu-west-1');
    await page.getByRole('button', { name: 'Apply' }).click();
    await rows.filter({ hasText: 'bulk-0' }).waitFor({ state: 'detached' });
    assert.deepEqual(await rows.locator('td:nth-child(2)').allTextContents(), ['far-away']);
    await shot('volumes-filtered');
  });

  test('no console error, script error or CSP violation on any page', () => {
    assert.deepEqual(watched.problems, []);
  });
});
