/**
 * The example dashboard (examples/dashboard) in Debian's Chromium, started the way a user starts it
 * (`npm run dashboard`), with the gateway locked down to persisted operations: every request the
 * page makes is a manifest hash, and an ad-hoc document is refused.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, launchChromium, type NetworkLog, watchNetwork } from '../helpers/browser.js';
import { type RunningProcess, startScript } from '../helpers/processes.js';

let dashboard: RunningProcess;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let network: NetworkLog;
let dashboardUrl: string;
let gatewayUrl: string;

async function post(body: unknown) {
  const response = await fetch(`${gatewayUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  const payload = (await response.json()) as {
    errors?: Array<{ message: string; extensions?: { code?: string } }>;
  };
  return { status: response.status, errors: payload.errors ?? [] };
}

beforeAll(async () => {
  [dashboard, browser] = await Promise.all([
    startScript(
      'examples/dashboard/serve.ts',
      ['--port', '0', '--gateway-port', '0', '--persisted', 'require'],
      {
        // Demo mode's simulated activity starts and stops recordings in the live room on its own;
        // this test wants to be the only one doing that.
        env: { DEMO_SIMULATION: 'false' },
        ready: /dashboard ready: (\S+)\s+gateway: (\S+)\/graphql/,
      },
    ),
    launchChromium(),
  ]);
  [, dashboardUrl = '', gatewayUrl = ''] = dashboard.match;
  context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  network = watchNetwork(context);
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await dashboard?.stop();
});

describe('dashboard against GATEWAY_PERSISTED_OPERATIONS=require', () => {
  it('the gateway refuses an ad-hoc document and an unknown hash, with codes that say why', async () => {
    const adHoc = await post({ query: '{ rooms { nodes { id } } }' });
    expect(adHoc.status).toBe(400);
    expect(adHoc.errors[0]?.extensions?.code).toBe('PERSISTED_QUERY_REQUIRED');
    const unknown = await post({
      extensions: { persistedQuery: { version: 1, sha256Hash: 'ab'.repeat(32) } },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.errors[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(unknown.errors[0]?.message).toContain('ab'.repeat(32));
  });

  it('lists the demo rooms with their enabled state', async () => {
    await page.goto(dashboardUrl);
    await page.getByRole('heading', { name: 'Rooms' }).waitFor();
    await expect.poll(() => page.locator('tr[data-room]').count()).toBeGreaterThanOrEqual(7);
    await expect
      .poll(() => page.locator('tr[data-room="product-standup"]').textContent())
      .toContain('enabled');
    expect(await page.locator('tr[data-room="archived-2023"]').textContent()).toContain('disabled');
    await page.screenshot({ path: `${ARTIFACTS}dashboard-rooms.png` });
  });

  it('opens a room: sessions with peers, recordings, assets with sizes and a download link on click', async () => {
    await page.getByRole('link', { name: 'product-standup' }).click();
    await page.getByRole('heading', { name: 'Recent sessions' }).waitFor();
    await expect.poll(() => page.locator('article[data-session]').count()).toBeGreaterThanOrEqual(2);
    const live = page.locator('article[data-session]', { has: page.locator('.badge.live') });
    await expect.poll(() => live.locator('.peers tbody tr').count()).toBeGreaterThan(0);

    const asset = page.locator('tr[data-asset]').first();
    await asset.waitFor();
    expect(await asset.textContent()).toMatch(/\d+(\.\d)? (KB|MB|GB)/);
    expect(await asset.locator('a.download').count()).toBe(0);
    await asset.getByRole('button', { name: 'Get download link' }).click();
    const link = asset.locator('a.download');
    await link.waitFor();
    // Demo mode's presigned URLs point at the emulator on 127.0.0.1, which serves the file.
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/__downloads\/.+X-Amz-Signature=/);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(new URL(download.url()).hostname).toBe('127.0.0.1');
    const file = await readFile(await download.path());
    expect(file.length).toBeGreaterThan(0);
    expect(download.suggestedFilename()).toMatch(/\.(mp4|mp3|csv|txt|srt|json|zip)$/);
  });

  it('starts a recording and sees its status change, then stops it and sees its files', async () => {
    await page.getByRole('button', { name: 'Start recording' }).click();
    const started = page.getByTestId('started-recording');
    await started.waitFor();
    expect(await started.textContent()).toContain('STARTING');
    const id = await started.getAttribute('data-recording');
    expect(id).toMatch(/^\w{24}$/);

    const row = page.locator(`li[data-recording="${id}"]`);
    // The emulator's job state machine moves STARTING → RUNNING after jobStepMs; the page polls.
    await expect.poll(() => row.locator('.badge').first().textContent(), { timeout: 30_000 }).toBe('RUNNING');
    await row.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}dashboard-recording-running.png` });

    await row.getByRole('button', { name: 'Stop recording' }).click();
    await expect
      .poll(() => row.locator('.badge').first().textContent(), { timeout: 30_000 })
      .toBe('COMPLETED');
    // The notice follows the recording, not the mutation's first answer.
    await expect.poll(() => started.locator('.badge').textContent()).toBe('COMPLETED');
    await expect.poll(() => row.locator('tr[data-asset]').count()).toBeGreaterThan(0);
    expect(await row.locator('tr[data-asset]').first().textContent()).toMatch(/\d+(\.\d)? (B|KB|MB|GB)/);

    await page.evaluate(() => window.scrollTo(0, 0));
    // README's docs/dashboard.png is refreshed from this file on purpose: npm run docs:screenshot.
    await page.screenshot({ path: `${ARTIFACTS}dashboard-room.png` });
  });

  it('disables and re-enables a room code', async () => {
    const row = page.locator('tr[data-code]', { has: page.getByRole('button', { name: 'Disable' }) }).first();
    const code = await row.getAttribute('data-code');
    const target = page.locator(`tr[data-code="${code}"]`);
    await target.getByRole('button', { name: 'Disable' }).click();
    await expect.poll(() => target.locator('.badge').textContent()).toBe('disabled');
    await target.getByRole('button', { name: 'Enable' }).click();
    await expect.poll(() => target.locator('.badge').textContent()).toBe('enabled');
  });

  it('shows an ended session’s peer quality in bits per second', async () => {
    const ended = page.locator('article[data-session]', { hasNot: page.locator('.badge.live') }).first();
    await ended.locator('details.peer-quality summary').click();
    const table = ended.getByTestId('peer-quality');
    await table.waitFor();
    await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThan(0);
    // Bitrates as 100ms reports them (bits per second), shown as Mbps/kbps.
    expect(await table.locator('tbody').textContent()).toMatch(/\d+\.\d\d Mbps/);
    await ended.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}dashboard-peer-quality.png` });
  });

  it('lists the room’s webhook deliveries and replays one', async () => {
    const rows = page.locator('tr[data-delivery]');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    const failed = page.locator('tr[data-delivery][data-status="FAILED"]');
    const row = (await failed.count()) > 0 ? failed.first() : rows.first();
    const type = (await row.locator('code').textContent()) ?? '';
    await row.getByRole('button', { name: 'Replay' }).click();
    const notice = page.getByTestId('webhook-replay');
    await notice.waitFor();
    expect(await notice.getAttribute('data-workflow')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await notice.textContent()).toContain(type);
    await notice.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}dashboard-webhook-replay.png` });
  });

  it('shows a typed mutation error to the user', async () => {
    await page.getByRole('link', { name: 'All rooms' }).click();
    await page.getByRole('link', { name: 'archived-2023' }).click();
    await page.getByRole('heading', { name: /archived-2023/ }).waitFor();
    await page.getByRole('button', { name: 'Start recording' }).click();
    const alert = page.locator('[role="alert"][data-error-type]');
    await alert.waitFor();
    expect(await alert.getAttribute('data-error-type')).toBe('ForbiddenError');
    expect(await alert.textContent()).toContain('FORBIDDEN');
    await page.screenshot({ path: `${ARTIFACTS}dashboard-typed-error.png` });
  });

  it('sent no request beyond 127.0.0.1, and none failed', () => {
    expect(network.external).toEqual([]);
    expect(network.failed).toEqual([]);
    expect(network.httpErrors).toEqual([]);
  });
});
