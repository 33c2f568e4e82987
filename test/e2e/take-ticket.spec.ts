/**
 * End to end through the browser shell (issue 9 §12): the real launcher, supervisor and host, the built
 * renderer in Debian's Chromium, the simulated ESC/POS printer behind the real driver. The simulator's
 * control API triggers faults; assertions read both the screen and what the simulator printed.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkScreen } from '../support/axe';
import { hasChromium, kioskPage, launchBrowser, screenshot } from '../support/browser';
import { startKiosk, type RunningKiosk } from '../support/kiosk-process';

interface Printed {
  seq: number;
  lines: string[];
  qr: string[];
  cut: boolean;
}

if (!hasChromium) process.stderr.write('SKIPPED browser e2e: /usr/bin/chromium is missing (npm test installs it when run as root)\n');

describe.skipIf(!hasChromium)('citizen takes a queue ticket (browser shell)', () => {
  let kiosk: RunningKiosk;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    kiosk = await startKiosk({ env: { KIOSK_SIM_LINE_MS: '5' } });
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await kiosk?.stop();
  });
  beforeEach(async () => {
    await kiosk.sim('/sim/reset', { body: {} });
    // Each test a minute later: the per-kiosk limit (6 tickets a minute) counts tickets, not tests.
    await kiosk.sim('/sim/clock', { body: { advanceMs: 61_000 } });
    page = await kioskPage(browser, kiosk.kioskUrl);
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await screenshot(page, `FAILED-${ctx.task.name.replace(/\W+/g, '-')}`);
    await page.context().close();
  });

  /** Screenshot at 1080×1920, axe (no serious/critical), accessible names contain labels, targets ≥ 60 px. */
  const check = (name: string): Promise<void> => checkScreen(page, name);

  const printed = async (): Promise<Printed[]> => (await kiosk.sim('/sim/devices/ticket-printer/printed')) as Printed[];

  /** From attract (a fresh kiosk) or from home (after a session ended) to the home screen. */
  async function toHome(): Promise<void> {
    const start = page.getByRole('button', { name: '点击开始' });
    const takeTicket = page.getByRole('button', { name: '取号', exact: true });
    await start.or(takeTicket).first().waitFor();
    if (await start.isVisible()) await start.click();
    await takeTicket.waitFor();
  }

  async function chooseFirstOpenBusiness(): Promise<string> {
    await page.getByRole('button', { name: '取号', exact: true }).click();
    const open = page.locator('button[data-business-open="true"]').first();
    await open.waitFor();
    const prefix = (await open.getAttribute('data-business-prefix')) as string;
    await open.click();
    return prefix;
  }

  it('prints a real ticket, shows the number, and the printer output carries it', async () => {
    await toHome();
    const prefix = await chooseFirstOpenBusiness();
    await page.getByText('请取走您的号票').waitFor({ timeout: 15_000 });
    const number = (await page.getByTestId('ticket-number').innerText()).trim();
    expect(number).toMatch(new RegExp(`^${prefix}\\d{3}$`));
    const tickets = await printed();
    expect(tickets).toHaveLength(1);
    expect(tickets[0]!.cut).toBe(true);
    expect(tickets[0]!.lines.join('\n')).toContain(number);
    expect(tickets[0]!.lines.join('\n')).toMatch(/前面还有/);
    expect(tickets[0]!.qr[0]).toContain(number);
    await page.getByRole('button', { name: '完成' }).click();
    await toHome();
  });

  it('two tickets in a row get consecutive numbers', async () => {
    await toHome();
    const numbers: number[] = [];
    for (let i = 0; i < 2; i++) {
      await chooseFirstOpenBusiness();
      await page.getByText('请取走您的号票').waitFor({ timeout: 15_000 });
      numbers.push(Number((await page.getByTestId('ticket-number').innerText()).trim().slice(1)));
      await page.getByRole('button', { name: '完成' }).click();
      await toHome();
    }
    expect(numbers[1]).toBe((numbers[0] as number) + 1);
  });

  it('paper out → 取号 unavailable with the reason; paper back → available again by itself', async () => {
    await toHome();
    await kiosk.sim('/sim/devices/ticket-printer/faults', { body: { paper: 'out' } });
    const takeTicket = page.getByRole('button', { name: '取号', exact: true });
    await expect.poll(() => takeTicket.getAttribute('aria-disabled'), { timeout: 10_000 }).toBe('true');
    await expect.poll(() => page.getByText('缺纸').first().isVisible()).toBe(true);
    await page.getByText('请到一楼咨询台人工取号').waitFor();
    await check('home-unavailable-paper-out');
    await kiosk.sim('/sim/devices/ticket-printer/faults', { body: { paper: 'full' } });
    await expect.poll(() => takeTicket.getAttribute('aria-disabled'), { timeout: 10_000 }).not.toBe('true');
  });

  /** Takes one ticket through the screens; returns its number and the people ahead printed on it. */
  async function takeOneTicket(): Promise<{ number: string; ahead: number }> {
    await chooseFirstOpenBusiness();
    await page.getByText('请取走您的号票').waitFor({ timeout: 15_000 });
    const number = (await page.getByTestId('ticket-number').innerText()).trim();
    const ticket = (await printed()).find((t) => t.cut && t.lines.some((l) => l.includes(number)));
    const ahead = /前面还有\s*(\d+)\s*人/.exec(ticket?.lines.join('\n') ?? '');
    expect(ahead, `ticket ${number} printed with people ahead`).not.toBeNull();
    await page.getByRole('button', { name: '完成' }).click();
    await toHome();
    return { number, ahead: Number(ahead![1]) };
  }

  it('paper runs out a few lines into the ticket → uncertain, the number named and never handed out again; after the refill its rest prints before the next ticket', async () => {
    await toHome();
    const before = await takeOneTicket();
    await kiosk.sim('/sim/devices/ticket-printer/faults', { body: { paper: 'out', afterLines: 3 } });
    await chooseFirstOpenBusiness();
    await page.getByText('打印状态不确定').waitFor({ timeout: 15_000 });
    const cutShort = /号票\s*([A-Z]\d{3})/.exec(await page.locator('main').innerText())?.[1];
    expect(cutShort, 'the cut-short number is named on screen').toBeDefined();
    expect(cutShort).not.toBe(before.number);
    await check('outcome-uncertain-paper-out');
    const torn = (await printed()).filter((t) => !t.cut);
    expect(torn, 'the start of the ticket left with the old roll, uncut').toHaveLength(1);
    await kiosk.sim('/sim/devices/ticket-printer/faults', { method: 'DELETE' }); // a new roll
    await page.getByRole('button', { name: '返回首页' }).click();
    await toHome();
    const after = await takeOneTicket();
    expect(after.number).not.toBe(cutShort);
    expect(after.number).not.toBe(before.number);
    // The cut-short ticket is not counted ahead (staff settle it), and its rest came out before this one.
    expect(after.ahead).toBe(before.ahead + 1);
    const cut = (await printed()).filter((t) => t.cut).map((t) => t.lines.join('\n'));
    const rest = cut.findIndex((t) => t.includes(cutShort!));
    expect(rest, 'the rest of the cut-short ticket printed after the refill').toBeGreaterThan(-1);
    expect(cut.findIndex((t) => t.includes(after.number))).toBeGreaterThan(rest);
  });

  it('the printer vanishes mid-ticket → the citizen is told to check the tray, and the number is never reused', async () => {
    await toHome();
    await kiosk.sim('/sim/devices/ticket-printer/faults', { body: { unplugged: true, afterLines: 3 } });
    await chooseFirstOpenBusiness();
    await page.getByText('打印状态不确定').waitFor({ timeout: 15_000 });
    const lost = /号票\s*([A-Z]\d{3})/.exec(await page.locator('main').innerText())?.[1];
    expect(lost, 'the uncertain number is named on screen').toBeDefined();
    await check('outcome-uncertain');
    await kiosk.sim('/sim/devices/ticket-printer/faults', { method: 'DELETE' }); // plugged back in
    await page.getByRole('button', { name: '返回首页' }).click();
    await toHome();
    const takeTicket = page.getByRole('button', { name: '取号', exact: true });
    await expect.poll(() => takeTicket.getAttribute('aria-disabled'), { timeout: 15_000 }).not.toBe('true');
    const next = await takeOneTicket();
    expect(next.number).not.toBe(lost);
  });

  it('at night the closed businesses say why and show their hours; the 24-hour service stays open', async () => {
    const now = Date.now();
    // 22:00 in the hall's time zone (Asia/Shanghai, UTC+8) today, whatever the machine's zone.
    const night = new Date(Math.floor((now + 8 * 3_600_000) / 86_400_000) * 86_400_000 + 14 * 3_600_000);
    await kiosk.sim('/sim/clock', { body: { set: night.toISOString() } });
    try {
      await toHome();
      await page.getByRole('button', { name: '取号', exact: true }).click();
      const closed = page.locator('button[data-business-open="false"]');
      await closed.first().waitFor();
      expect(await page.locator('button[data-business-open="true"]').count()).toBeGreaterThan(0);
      await expect.poll(() => closed.first().innerText()).toMatch(/\d{2}:\d{2}/);
      await check('choose-business-night');
    } finally {
      await kiosk.sim('/sim/clock', { body: { set: new Date(now).toISOString() } });
    }
  });

  it('each screen passes axe (no serious/critical), names contain labels, targets ≥ 60 px; screenshots at 1080×1920', async () => {
    await kiosk.sim('/sim/clock', { body: { advanceMs: 120_000 } });
    await page.getByRole('button', { name: '点击开始' }).waitFor();
    await check('attract');
    await toHome();
    await check('home');
    await page.getByRole('button', { name: '取号', exact: true }).click();
    await page.locator('button[data-business-open]').first().waitFor();
    await check('choose-business');
    await kiosk.sim('/sim/devices/ticket-printer/faults', { body: { slowMs: 500 } });
    await page.locator('button[data-business-open="true"]').first().click();
    await page.getByText('正在打印号票').waitFor();
    await check('printing');
    await page.getByText('请取走您的号票').waitFor({ timeout: 20_000 });
    await check('ticket');
    await kiosk.sim('/sim/devices/ticket-printer/faults', { method: 'DELETE' });
    await page.getByRole('button', { name: '完成' }).click();
    await page.getByRole('button', { name: '取号', exact: true }).click();
    await page.locator('button[data-business-open]').first().waitFor();
    await kiosk.sim('/sim/clock', { body: { advanceMs: 61_000 } });
    await page.getByRole('dialog').waitFor({ timeout: 10_000 });
    await check('countdown');
  }, 120_000);

  it('elder mode (长辈模式): the home and business screens still pass, with no target under 80 px', async () => {
    await toHome();
    const toggle = page.getByRole('button', { name: '长辈模式' });
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    await check('home-elder');
    const elderTargets = () => page.evaluate(() => [...document.querySelectorAll('button')].filter((b) => b.getBoundingClientRect().height < 80).map((b) => b.textContent));
    expect(await elderTargets()).toEqual([]);
    await page.getByRole('button', { name: '取号', exact: true }).click();
    await page.locator('button[data-business-open]').first().waitFor();
    await check('choose-business-elder');
    expect(await elderTargets()).toEqual([]);
  });
});
