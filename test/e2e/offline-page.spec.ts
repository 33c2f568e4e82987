/**
 * The browser shell's local out-of-service page (issue 13 §4), in Debian's Chromium: opened from the disk
 * before the host is first ready and after every browser restart, it shows 暂停服务 while nothing answers
 * on the kiosk's loopback port and moves to the kiosk once something does.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { offlinePageUrl } from '../../main/web/browser-launcher';
import { axeViolations, smallTargets } from '../support/axe';
import { hasChromium, kioskPage, launchBrowser, screenshot } from '../support/browser';
import { ROOT } from '../support/kiosk-process';

const OFFLINE = join(ROOT, 'dist', 'renderer', 'offline.html');

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe.skipIf(!hasChromium)('local out-of-service page (browser shell)', () => {
  let browser: Browser;
  let page: Page | undefined;
  let server: Server | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => browser?.close());
  afterEach(async () => {
    await page?.context().close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
  });

  it('shows 暂停服务 while nothing answers, then moves to the kiosk url, fragment and all', async () => {
    const port = await freePort();
    const kioskUrl = `http://127.0.0.1:${port}/#token=abc&mode=training`;
    page = await kioskPage(browser, offlinePageUrl(OFFLINE, kioskUrl));
    await page.getByRole('heading', { name: '暂停服务' }).waitFor();
    await screenshot(page, 'offline-page');
    expect(await axeViolations(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
    const menu = await page.evaluate(() => !document.body.dispatchEvent(new Event('contextmenu', { bubbles: true, cancelable: true })));
    expect(menu, 'the long-press menu is stopped here too').toBe(true);
    expect(page.url().startsWith('file://')).toBe(true);
    server = createServer((_req, res) => res.end('<!doctype html><title>kiosk</title><h1>kiosk</h1>'));
    await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
    await page.waitForURL(kioskUrl, { timeout: 10_000 });
    await page.getByRole('heading', { name: 'kiosk' }).waitFor();
  });
});
