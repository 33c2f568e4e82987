/**
 * Debian's Chromium driven by playwright-core (no browser download possible here). Kiosk screen size
 * 1080×1920 portrait; screenshots land in test-results/screens/.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from './kiosk-process';

export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const SCREENS_DIR = join(ROOT, 'test-results', 'screens');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** `prepare` runs before the page loads: init scripts, WebSocket routes. */
export async function kioskPage(browser: Browser, url: string, prepare?: (page: Page) => Promise<void>): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, locale: 'zh-CN', hasTouch: true });
  const page = await context.newPage();
  await prepare?.(page);
  await page.goto(url);
  return page;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENS_DIR, `${name}.png`), fullPage: false });
}
