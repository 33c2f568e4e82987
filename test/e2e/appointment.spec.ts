/**
 * 预约签到 end to end through the browser shell (issue 14 §6, §7, §11): the simulated platform's appointment
 * for a fixture citizen, its QR code read by the simulated HID POS scanner, checked in, and a ticket printed
 * that says 预约签到 · 优先办理; the same code again is refused as already used, and an altered code as not
 * the platform's. The hall clock is set to a weekday morning so the appointment's business is open.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkScreen } from '../support/axe';
import { hasChromium, kioskPage, launchBrowser, screenshot } from '../support/browser';
import { startKiosk, type RunningKiosk } from '../support/kiosk-process';

interface Listing {
  code: string;
  fixture?: string;
  businessId: string;
  status: string;
}

if (!hasChromium) process.stderr.write('SKIPPED appointment e2e: /usr/bin/chromium is missing (npm test installs it when run as root)\n');

describe.skipIf(!hasChromium)('预约签到 by QR code (browser shell)', () => {
  let kiosk: RunningKiosk;
  let browser: Browser;
  let page: Page;
  let code: string;

  beforeAll(async () => {
    kiosk = await startKiosk({ env: { KIOSK_SIM_LINE_MS: '5' } });
    browser = await launchBrowser();
    await kiosk.sim('/sim/clock', { body: { set: '2026-12-02T10:00:00+08:00' } }); // a Wednesday morning
    await kiosk.sim('/sim/platform/reset', { body: {} }); // appointments seeded around the new time
    const listed = (await kiosk.sim('/sim/platform/appointments')) as Listing[];
    const adult = listed.find((a) => a.fixture === 'adult');
    if (!adult) throw new Error(`no seeded appointment for the adult fixture: ${JSON.stringify(listed.map((a) => a.fixture))}`);
    code = adult.code;
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await kiosk?.stop();
  });
  beforeEach(async () => {
    page = await kioskPage(browser, kiosk.kioskUrl);
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await screenshot(page, `FAILED-${ctx.task.name.replace(/\W+/g, '-')}`);
    await page.context().close();
  });

  async function toScanScreen(): Promise<void> {
    const start = page.getByRole('button', { name: '点击开始' });
    const tile = page.getByRole('button', { name: '预约签到', exact: true });
    await start.or(tile).first().waitFor();
    if (await start.isVisible()) await start.click();
    await tile.click();
    await page.getByRole('heading', { name: '请将预约二维码对准扫码口' }).waitFor();
  }

  const scan = (data: string): Promise<unknown> => kiosk.sim('/sim/devices/scanner/scan', { body: { data, symbology: 'qr' } });

  it('checks in the appointment read from its QR code and prints a ticket ahead of the queue', async () => {
    await toScanScreen();
    await checkScreen(page, 'appointment-scan');
    await scan(code);
    await page.getByRole('heading', { name: '找到您的预约' }).waitFor({ timeout: 15_000 });
    await expect.poll(() => page.locator('main').innerText()).toContain('张*');
    await checkScreen(page, 'appointment-found');
    await page.getByRole('button', { name: '确认签到' }).click();
    await page.getByText('预约签到 · 优先办理').waitFor({ timeout: 20_000 });
    const printed = (await kiosk.sim('/sim/devices/ticket-printer/printed')) as Array<{ lines: string[] }>;
    expect(printed.at(-1)?.lines.join('\n')).toContain('预约签到');
    const listed = (await kiosk.sim('/sim/platform/appointments')) as Listing[];
    expect(listed.find((a) => a.code === code)?.status).toBe('checkedIn');
    await page.getByRole('button', { name: '完成' }).click();
  }, 90_000);

  it('refuses the same code a second time, and an altered one, each with a clear answer', async () => {
    await toScanScreen();
    await scan(code);
    await page.getByRole('heading', { name: '无法按预约签到' }).or(page.getByText('已经签到过')).first().waitFor({ timeout: 15_000 });
    await expect.poll(() => page.locator('main').innerText()).toMatch(/已经签到过|不能再次使用/);
    await checkScreen(page, 'appointment-used');

    await page.getByRole('button', { name: '重新扫码' }).or(page.getByRole('button', { name: '返回' })).first().click();
    await page.getByRole('heading', { name: '请将预约二维码对准扫码口' }).or(page.getByRole('button', { name: '预约签到', exact: true })).first().waitFor();
    if (await page.getByRole('button', { name: '预约签到', exact: true }).isVisible()) await toScanScreen();
    const altered = code.slice(0, -2) + (code.endsWith('AA') ? 'BB' : 'AA');
    await scan(altered);
    await page.getByText('这个预约码无法确认是有效预约', { exact: false }).waitFor({ timeout: 15_000 });
  }, 90_000);
});
