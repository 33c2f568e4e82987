/**
 * Every screen of the citizen UI in every language (issue 13 §6), through the browser shell: the real
 * launcher, supervisor and host, the built renderer in Debian's Chromium, the simulated printer behind the real
 * driver. Each screen is screenshot at 1080×1920 and passes axe (no serious/critical), names that contain
 * their labels, targets ≥ 60 px, the document's `lang` and title, and no text in another language.
 *
 * Faults come from outside the renderer only: the simulator control API (paper, cutter, unplugged, clock),
 * the WebSocket between page and host (held unanswered: connecting; server → page silenced: 暂停服务), and an
 * init script that makes `Intl.DateTimeFormat.prototype.formatToParts` throw while a window flag is set — the
 * host clock renders through it every second (HostClock → date-format.ts → common/local-time.ts), so the
 * error boundary's interruption screen shows.
 *
 * The attract and connecting screens come before any citizen chose a language (the language is the
 * citizen's, reset with the session, ARCHITECTURE.md §8.7): they are checked in 简体中文, attract with its
 * `lang`-tagged hints in the other two.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../common/kiosk-api';
import { DEFAULT_CONFIG_JSON } from '../../main/host/config/default-config';
import { translate, type MessageId, type MessageParams } from '../../renderer/src/i18n/translate';
import { checkScreen } from '../support/axe';
import { hasChromium, kioskPage, launchBrowser, screenshot } from '../support/browser';
import { startKiosk, type RunningKiosk } from '../support/kiosk-process';
import { connectWs, type WsKioskClient } from '../support/ws-client';

const LANGUAGES: readonly Language[] = ['zh-CN', 'zh-TW', 'en'];
/** queue.ticketsPerMinute's default. */
const TICKETS_PER_MINUTE = 6;
/** The window flag the init script's formatToParts looks at. */
const FAULT_FLAG = '__e2eRenderFault';
const HALL_OFFSET_MS = 8 * 3_600_000; // Asia/Shanghai, no daylight saving

if (!hasChromium) process.stderr.write('SKIPPED browser e2e: /usr/bin/chromium is missing (npm test installs it when run as root)\n');

/**
 * The last 22:00 hall time at or before `hostNowMs`: A, B and C closed for the day with their hours, D (24 h)
 * open. Set once, before any ticket, so it is never more than a day back (training mode only warns of a clock
 * set back) and no timer fires on the way.
 */
function lastNight(hostNowMs: number): number {
  const day = Math.floor((hostNowMs + HALL_OFFSET_MS) / 86_400_000) * 86_400_000 - HALL_OFFSET_MS;
  const tonight = day + 22 * 3_600_000;
  return tonight <= hostNowMs ? tonight : tonight - 86_400_000;
}

/** Makes the host clock's rendering throw while `window[FAULT_FLAG]` is set: a real render fault. */
async function injectRenderFault(page: Page): Promise<void> {
  await page.addInitScript((flag: string) => {
    const original = Intl.DateTimeFormat.prototype.formatToParts;
    Intl.DateTimeFormat.prototype.formatToParts = function formatToParts(this: Intl.DateTimeFormat, date?: Date | number) {
      if ((window as unknown as Record<string, unknown>)[flag] === true) throw new Error('e2e: render fault injected by the test');
      return original.call(this, date);
    };
  }, FAULT_FLAG);
}

const isApiSocket = (url: URL): boolean => url.pathname === '/api';

describe.skipIf(!hasChromium)('every screen in every language passes the accessibility checks (browser shell)', () => {
  let kiosk: RunningKiosk;
  /** A second kiosk whose host counts as lost after 3 s of silence (server.hostHangAfterMs). */
  let quickLoss: RunningKiosk;
  let browser: Browser;
  let client: WsKioskClient;
  let page: Page | undefined;

  beforeAll(async () => {
    const config = JSON.parse(DEFAULT_CONFIG_JSON) as { server: Record<string, unknown> };
    config.server.hostHangAfterMs = 3_000;
    // The countdown dialog stays up for 30 s, not the default 10: its checks (axe, names, targets) take a few
    // seconds themselves, more on a loaded two-core CI machine, and must end before the session does.
    const slowCountdown = JSON.parse(DEFAULT_CONFIG_JSON) as { session: Record<string, unknown> };
    slowCountdown.session.countdownMs = 30_000;
    [kiosk, quickLoss, browser] = await Promise.all([
      startKiosk({ config: slowCountdown, env: { KIOSK_SIM_LINE_MS: '5' } }),
      startKiosk({ config, env: { KIOSK_SIM_LINE_MS: '5' } }),
      launchBrowser(),
    ]);
    client = await connectWs(kiosk.kioskUrl);
    // The whole run at night, before any ticket: every business list shows closed and open businesses.
    const { nowMs } = await client.call('kiosk:get-snapshot', {});
    await kiosk.sim('/sim/clock', { body: { set: new Date(lastNight(nowMs)).toISOString() } });
  }, 60_000);
  afterAll(async () => {
    client?.close();
    await browser?.close();
    await Promise.all([kiosk?.stop(), quickLoss?.stop()]);
  });
  afterEach(async (ctx) => {
    if (page && ctx.task.result?.state === 'fail') await screenshot(page, `FAILED-a11y-${ctx.task.name.replace(/\W+/g, '-')}`);
    await page?.context().close();
    page = undefined;
  });

  const open = (p: Page) => p.locator('button[data-business-open="true"]').first();

  /** From attract or home (always 简体中文: nobody chose yet) to the home screen in `language`. */
  async function homeIn(p: Page, language: Language): Promise<void> {
    const start = p.getByRole('button', { name: translate('zh-CN', 'attract.start') });
    const takeTicket = p.getByRole('button', { name: translate('zh-CN', 'home.takeTicket'), exact: true });
    await start.or(takeTicket).first().waitFor();
    if (await start.isVisible()) await start.click();
    await takeTicket.waitFor();
    // Each language's button is named in that language.
    await p.getByRole('button', { name: translate(language, `language.${language}`), exact: true }).click();
    await expect.poll(() => p.evaluate(() => document.documentElement.lang)).toBe(language);
    await p.getByRole('button', { name: translate(language, 'home.takeTicket'), exact: true }).waitFor();
  }

  it('connecting: before the first snapshot (the WebSocket held unanswered), and the page with no way to the host', async () => {
    page = await kioskPage(browser, kiosk.kioskUrl, (p) => p.routeWebSocket(isApiSocket, () => {})); // never connected to the host
    await page.getByText(translate('zh-CN', 'app.connecting')).waitFor();
    await expect.poll(() => page!.getByText(translate('zh-CN', 'demo.banner')).isVisible(), { message: 'the mode hint shows the banner' }).toBe(true);
    await checkScreen(page, 'connecting', 'zh-CN');
    // No token in the fragment: nothing to connect with, 本机暂时无法使用.
    await page.goto(new URL('/', kiosk.kioskUrl).href);
    await page.getByRole('heading', { name: translate('zh-CN', 'app.unavailable.title') }).waitFor();
    await checkScreen(page, 'out-of-service-no-host', 'zh-CN');
  });

  for (const [index, language] of LANGUAGES.entries()) {
    it(`${language}: home, business list (closed and open), refused, countdown, voided, uncertain, unavailable, printing, ticket, interrupted`, async () => {
      const t = (id: MessageId, params?: MessageParams): string => translate(language, id, params);
      const check = (name: string): Promise<void> => checkScreen(p, `${language}-${name}`, language);
      const printer = (body: unknown): Promise<unknown> => kiosk.sim('/sim/devices/ticket-printer/faults', { body });
      const clearFaults = (): Promise<unknown> => kiosk.sim('/sim/devices/ticket-printer/faults', { method: 'DELETE' });

      await kiosk.sim('/sim/reset', { body: {} });
      // Two minutes on: a fresh minute for the per-kiosk limit, the last session over, the attract screen.
      await kiosk.sim('/sim/clock', { body: { advanceMs: 120_000 } });
      page = await kioskPage(browser, kiosk.kioskUrl, injectRenderFault);
      const p = page;
      const takeTicket = p.getByRole('button', { name: t('home.takeTicket'), exact: true });
      const heading = (id: MessageId) => p.getByRole('heading', { name: t(id) });
      const available = () => takeTicket.getAttribute('aria-disabled');

      if (index === 0) {
        await p.getByRole('button', { name: translate('zh-CN', 'attract.start') }).waitFor();
        for (const other of LANGUAGES.slice(1)) await p.getByText(translate(other, 'attract.touchAnywhere')).waitFor();
        await check('attract');
      }

      // This minute's tickets from this kiosk, taken over the API; then that session ends (home, 简体中文).
      const businesses = await client.call('queue:list-businesses', {});
      const d = businesses.find((b) => b.open);
      expect(d, 'a business open at night (D is 24-hour)').toBeDefined();
      for (let i = 0; i < TICKETS_PER_MINUTE; i++) {
        expect(await client.call('queue:take-ticket', { businessId: d!.id, requestId: `limit-${language}-${i}` })).toMatchObject({ outcome: 'issued' });
      }
      await client.call('session:end', { reason: 'done' });

      await homeIn(p, language);
      await check('home');

      // The business list at night: closed ones say why and show their hours.
      await takeTicket.click();
      const closed = p.locator('button[data-business-open="false"]');
      await closed.first().waitFor();
      await open(p).waitFor();
      await expect.poll(() => closed.first().innerText()).toMatch(/\d{2}:\d{2}/);
      await check('choose-business-night');

      // One more this minute: refused by the per-kiosk limit, with the minute to come back.
      await open(p).click();
      await heading('outcome.refused.title').waitFor();
      await p.getByText(t('closed.rateLimited')).waitFor();
      await check('refused-rate-limited');
      await p.getByRole('button', { name: t('action.retakeTicket'), exact: true }).click();
      await open(p).waitFor();

      // A minute idle: the countdown dialog (and a new minute for the limit).
      await kiosk.sim('/sim/clock', { body: { advanceMs: 61_000 } });
      const dialog = p.getByRole('dialog');
      await dialog.waitFor({ timeout: 10_000 });
      await check('countdown');
      await p.getByRole('button', { name: t('countdown.continue'), exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => p.evaluate(() => document.documentElement.lang), { message: 'the session and its language go on' }).toBe(language);

      // The cutter fails a few lines in: the ticket is voided, the torn start not to be used.
      await printer({ cutterError: true, afterLines: 4 });
      await open(p).click();
      await heading('outcome.voided.title').waitFor({ timeout: 15_000 });
      await check('outcome-voided');
      await clearFaults();
      await p.getByRole('button', { name: t('action.home'), exact: true }).click();
      await expect.poll(available, { timeout: 15_000 }).not.toBe('true');

      // Paper out before printing: 取号 (and 刷身份证取号, which prints too) withdrawn on the home screen, with the
      // reason and where to go instead.
      await printer({ paper: 'out' });
      await expect.poll(available, { timeout: 10_000 }).toBe('true');
      await p.locator('#takeTicket-unavailable').getByText(t('error.paperOut')).waitFor();
      await p.locator('#identityTicket-unavailable').getByText(t('error.paperOut')).waitFor();
      await check('home-unavailable-paper-out');
      await printer({ paper: 'full' });
      await expect.poll(available, { timeout: 10_000 }).not.toBe('true');

      // The printer unplugged mid-ticket: uncertain, the citizen told to look in the tray.
      await printer({ unplugged: true, afterLines: 3 });
      await takeTicket.click();
      await open(p).click();
      await heading('outcome.uncertain.title').waitFor({ timeout: 15_000 });
      await check('outcome-uncertain');
      await clearFaults(); // plugged back in
      await p.getByRole('button', { name: t('action.home'), exact: true }).click();
      await expect.poll(available, { timeout: 20_000 }).not.toBe('true');

      // A slow printer: the printing screen, then the ticket.
      await printer({ slowMs: 250 });
      await takeTicket.click();
      await open(p).click();
      await p.getByText(t('printing.title')).waitFor();
      await check('printing');
      await heading('ticket.title').waitFor({ timeout: 20_000 });
      await check('ticket');
      await clearFaults();

      // A render fault: the interruption screen in the citizen's language, then a fresh UI by itself.
      await p.evaluate((flag) => ((window as unknown as Record<string, unknown>)[flag] = true), FAULT_FLAG);
      await heading('app.interrupted.title').waitFor({ timeout: 5_000 });
      await check('interrupted');
      await p.evaluate((flag) => ((window as unknown as Record<string, unknown>)[flag] = false), FAULT_FLAG);
      const homeAgain = p.getByRole('button', { name: translate('zh-CN', 'home.takeTicket'), exact: true });
      const attractAgain = p.getByRole('button', { name: translate('zh-CN', 'attract.start') });
      await homeAgain.or(attractAgain).first().waitFor({ timeout: 15_000 });
      expect(await p.evaluate(() => document.documentElement.lang), 'a fresh UI: nothing of the interrupted flow').toBe('zh-CN');
    }, 90_000);
  }

  it('暂停服务 in each language when the host says nothing for hostLostAfterMs (server → page silenced), and back when it speaks', async () => {
    let forward = true;
    page = await kioskPage(browser, quickLoss.kioskUrl, (p) =>
      p.routeWebSocket(isApiSocket, (ws) => {
        const server = ws.connectToServer();
        ws.onMessage((message) => server.send(message));
        server.onMessage((message) => {
          if (forward) ws.send(message);
        });
      }),
    );
    const p = page;
    for (const language of LANGUAGES) {
      const t = (id: MessageId): string => translate(language, id);
      const takeTicket = p.getByRole('button', { name: t('home.takeTicket'), exact: true });
      if (language === LANGUAGES[0]) await homeIn(p, language);
      else {
        // Home in the previous language: its switch names this one in itself.
        await p.getByRole('button', { name: t(`language.${language}`), exact: true }).click();
        await expect.poll(() => p.evaluate(() => document.documentElement.lang)).toBe(language);
      }
      await takeTicket.click();
      await open(p).waitFor();
      forward = false;
      await p.getByRole('heading', { name: t('app.paused.title') }).waitFor({ timeout: 10_000 });
      await expect.poll(() => p.getByRole('heading', { name: t('business.title') }).count(), { message: 'the citizen\'s screen is cleared' }).toBe(0);
      await checkScreen(p, `${language}-out-of-service-host-lost`, language);
      forward = true;
      // The next word from the host brings a fresh snapshot: the home screen, the session's language kept.
      await takeTicket.waitFor({ timeout: 10_000 });
    }
  }, 60_000);
});
