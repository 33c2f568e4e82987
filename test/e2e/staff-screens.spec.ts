/**
 * Every staff screen through the browser shell (issue 15 §5 "Tests"): the real launcher, supervisor and host
 * in training mode, the built renderer in Debian's Chromium, the simulated ticket printer behind the real
 * driver. Staff get in the way they do at the hall — the hidden corner held for 3 s, the demo account's tile,
 * the PIN on the on-screen keypad — and every screen they reach is screenshot at 1080×1920 and passes the
 * checks of the citizen screens (axe serious/critical, accessible name contains the visible label, targets
 * ≥ 60 px, `lang`, title and no text in another language); the overview, taller than the screen, also in a
 * full-page screenshot, and in 繁體中文 and English.
 *
 * What the host holds is read over a second WebSocket client (test/support/ws-client.ts), as the page calls
 * it: staff channels refused without a session, citizen channels refused with one, 取号 withdrawn with the
 * reason `restocking` while staff hold the printer. Faults and the clock come from the simulator's control
 * API; the automatic sign-out is reached by moving the host clock on (POST /sim/clock fires the timers due on
 * the way), not by waiting two minutes.
 *
 * Each test signs in by itself; beforeEach puts the host back (signed out, every service in service, no
 * exchange left running) so a failed test does not take the next ones down with it.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Language } from '../../common/kiosk-api';
import { translate } from '../../renderer/src/i18n/translate';
import { translateStaff, type StaffMessageId } from '../../renderer/src/staff/i18n/staff-text';
import { checkScreen } from '../support/axe';
import { hasChromium, kioskPage, launchBrowser, screenshot, SCREENS_DIR } from '../support/browser';
import { startKiosk, type RunningKiosk } from '../support/kiosk-process';
import { connectWs, type WsKioskClient } from '../support/ws-client';

/** The training configuration's demo account (main/host/config/default-config.ts). */
const DEMO_ACCOUNT = 'demo-staff';
const DEMO_PIN = '246810';
const PRINTER = 'ticket-printer';
/** HiddenEntry's STAFF_ENTRY_HOLD_MS. */
const HOLD_MS = 3_000;
/** staff.signOutAfterMs's default; the header warns in the last 20 s (StaffHeader's SIGN_OUT_WARNING_S). */
const SIGN_OUT_AFTER_MS = 120_000;
const SIGN_OUT_WARNING_MS = 20_000;
/** staff.lockoutAfterFailures's default. */
const LOCKOUT_AFTER_FAILURES = 5;

interface Printed {
  seq: number;
  lines: string[];
  cut: boolean;
}

const s = (id: StaffMessageId, params?: Record<string, string | number>, language: Language = 'zh-CN'): string => translateStaff(language, id, params);
const t = (id: Parameters<typeof translate>[1], params?: Record<string, string | number>, language: Language = 'zh-CN'): string => translate(language, id, params);

if (!hasChromium) process.stderr.write('SKIPPED staff screens e2e: /usr/bin/chromium is missing (npm test installs it when run as root)\n');

describe.skipIf(!hasChromium)('staff screens (browser shell)', () => {
  let kiosk: RunningKiosk;
  let browser: Browser;
  let client: WsKioskClient;
  let page: Page;

  beforeAll(async () => {
    [kiosk, browser] = await Promise.all([startKiosk({ env: { KIOSK_SIM_LINE_MS: '5' } }), launchBrowser()]);
    client = await connectWs(kiosk.kioskUrl);
  }, 60_000);
  afterAll(async () => {
    client?.close();
    await browser?.close();
    await kiosk?.stop();
  });

  /**
   * The host as a fresh test wants it: no staff session, no pad open, nothing paused, no exchange running,
   * healthy devices, a new minute for the per-kiosk ticket limit. Done over the API as the demo account
   * (which also starts the count of wrong PINs again).
   */
  async function resetHost(): Promise<void> {
    const { staff } = await client.call('kiosk:get-snapshot', {});
    if (staff.session === null) {
      if (staff.pad.lockedUntil !== null) await kiosk.sim('/sim/clock', { body: { set: new Date(staff.pad.lockedUntil + 1_000).toISOString() } });
      await client.call('staff:open-pad', {});
      const signedIn = await client.call('staff:sign-in', { accountId: DEMO_ACCOUNT, pin: DEMO_PIN });
      expect(signedIn, 'the demo account signs in over the API').toMatchObject({ ok: true });
    }
    const overview = await client.call('staff:overview', {});
    for (const supply of overview.supplies) if (supply.restock !== null) await client.call('staff:restock', { deviceId: supply.deviceId, step: 'cancel' });
    if (overview.outOfService.kiosk) await client.call('staff:set-service', { target: 'kiosk', inService: true });
    for (const paused of overview.outOfService.services) await client.call('staff:set-service', { target: paused.service, inService: true });
    await client.call('staff:sign-out', {});
    await kiosk.sim('/sim/reset', { body: {} });
    await kiosk.sim('/sim/clock', { body: { advanceMs: 61_000 } });
  }

  beforeEach(async () => {
    await resetHost();
    page = await kioskPage(browser, kiosk.kioskUrl);
  }, 30_000);
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await screenshot(page, `FAILED-staff-${ctx.task.name.replace(/\W+/g, '-')}`);
    await page?.context().close();
  });

  // ——— helpers ———

  const check = (name: string, language: Language = 'zh-CN'): Promise<void> => checkScreen(page, name, language);
  /** The whole page, below the fold too (the overview and the figures are taller than 1920 px). */
  const fullPage = (name: string): Promise<Buffer> => page.screenshot({ path: join(SCREENS_DIR, `${name}-full.png`), fullPage: true });
  const heading = (text: string) => page.getByRole('heading', { name: text, exact: true, level: 1 });
  const button = (name: string, scope: Page | ReturnType<Page['locator']> = page) => scope.getByRole('button', { name, exact: true });
  const padHeading = () => heading(s('pad.title'));
  const overviewHeading = () => heading(s('overview.title'));
  const supplyCard = () => page.locator(`[data-testid=supply-card][data-device-id=${PRINTER}]`);
  const printed = async (): Promise<Printed[]> => (await kiosk.sim(`/sim/devices/${PRINTER}/printed`)) as Printed[];
  const printerFaults = (body: unknown): Promise<unknown> => kiosk.sim(`/sim/devices/${PRINTER}/faults`, { body });
  const clearPrinterFaults = (): Promise<unknown> => kiosk.sim(`/sim/devices/${PRINTER}/faults`, { method: 'DELETE' });
  const availabilityOf = async (service: 'takeTicket' | 'identityTicket' | 'appointmentCheckIn') =>
    (await client.call('kiosk:get-snapshot', {})).availability.find((a) => a.service === service);
  /** A citizen screen: attract (点击开始) or home (取号). */
  const citizenScreen = () => button(t('attract.start')).or(button(t('home.takeTicket'))).first();
  /** Pad openings the host pushed so far (staff:changed with the pad open after it was closed). */
  const padOpenings = (): number => {
    let open = false;
    let count = 0;
    for (const event of client.events) {
      if (event.type !== 'staff:changed') continue;
      if (event.staff.pad.open && !open) count++;
      open = event.staff.pad.open;
    }
    return count;
  };

  /** Presses the hidden corner for `ms` and lets go. */
  async function pressCorner(ms: number): Promise<void> {
    await page.getByTestId('staff-entry').waitFor({ state: 'attached' });
    await page.mouse.move(20, 20);
    await page.mouse.down();
    // The length of the press is the thing tested here, not a wait for something to happen.
    await page.waitForTimeout(ms);
    await page.mouse.up();
  }

  /** Holds the hidden corner until the PIN pad is up (it takes 3 s), then lets go; returns how long it took. */
  async function holdCornerForPad(): Promise<number> {
    await page.getByTestId('staff-entry').waitFor({ state: 'attached' });
    await page.mouse.move(20, 20);
    const start = Date.now();
    await page.mouse.down();
    try {
      await padHeading().waitFor({ timeout: HOLD_MS + 5_000 });
    } finally {
      await page.mouse.up();
    }
    return Date.now() - start;
  }

  async function typePin(pin: string): Promise<void> {
    for (const digit of pin) await button(digit).click();
    await expect.poll(() => page.getByTestId('pin-dots').innerText()).toContain(s('pad.typed', { count: pin.length }));
  }

  /** From any citizen screen: the hidden corner, the demo account, its PIN, the overview loaded. */
  async function signIn(): Promise<void> {
    await holdCornerForPad();
    await page.locator(`button[data-account-id="${DEMO_ACCOUNT}"]`).click();
    await typePin(DEMO_PIN);
    await button(t('keypad.confirm')).click();
    await overviewHeading().waitFor({ timeout: 10_000 });
    await supplyCard().waitFor();
  }

  async function signOut(): Promise<void> {
    await button(s('header.signOut')).click();
    await citizenScreen().waitFor({ timeout: 10_000 });
    expect((await client.call('kiosk:get-snapshot', {})).staff.session, 'the host ended the staff session').toBeNull();
  }

  /** From attract or home to the home screen. */
  async function toHome(): Promise<void> {
    await citizenScreen().waitFor();
    const start = button(t('attract.start'));
    if (await start.isVisible()) await start.click();
    await button(t('home.takeTicket')).waitFor();
  }

  /** The dialog titled `title`, checked, then answered with `answer`; returns once it has gone. */
  async function answerDialog(title: string, screenName: string, answer: string): Promise<void> {
    const dialog = page.getByRole('dialog', { name: title });
    await dialog.waitFor();
    await check(screenName);
    await button(answer, dialog).click();
    await dialog.waitFor({ state: 'detached' });
  }

  const backToOverview = async (): Promise<void> => {
    await button(s('common.backToOverview')).click();
    await overviewHeading().waitFor();
  };

  // ——— the tests ———

  it('the hidden entry does nothing without a PIN: a short press opens nothing, 3 s opens the pad, a wrong PIN and the API are both refused, 取消 goes back', async () => {
    await citizenScreen().waitFor();
    const openingsBefore = padOpenings();

    // 1 s on the corner: nothing opens.
    await pressCorner(1_000);
    await expect(padHeading().count()).resolves.toBe(0);

    // Held: the pad comes up after the 3 s, not before (a press that still counted would have opened it 2 s in).
    const took = await holdCornerForPad();
    expect(took, 'the pad waits for the whole 3 s hold').toBeGreaterThanOrEqual(HOLD_MS - 100);
    await expect.poll(padOpenings, { message: 'the host opened the pad once: the short press asked for nothing' }).toBe(openingsBefore + 1);
    expect(padOpenings()).toBe(openingsBefore + 1);
    await page.getByTestId('pad-closes-in').waitFor();
    await check('staff-pad');

    // The pad grants nothing: every staff channel is refused while nobody is signed in.
    await expect(client.call('staff:overview', {})).rejects.toMatchObject({ info: { code: 'forbidden' } });
    await expect(client.call('staff:set-service', { target: 'kiosk', inService: false })).rejects.toMatchObject({ info: { code: 'forbidden' } });

    // The account, then a wrong PIN.
    await page.locator(`button[data-account-id="${DEMO_ACCOUNT}"]`).click();
    await page.getByText(s('pad.enterPin', { name: '演示管理员' })).waitFor();
    await check('staff-pad-pin');
    await typePin('1357');
    await button(t('keypad.confirm')).click();
    const wrong = page.getByTestId('pad-wrong-pin');
    await wrong.waitFor();
    expect(await wrong.innerText()).toContain(s('pad.wrongPin', { count: LOCKOUT_AFTER_FAILURES - 1 }));
    await expect.poll(() => page.getByTestId('pin-dots').innerText(), { message: 'the typed PIN is gone' }).toContain(s('pad.nothingTyped'));
    await check('staff-pad-wrong-pin');
    await expect(client.call('staff:overview', {})).rejects.toMatchObject({ info: { code: 'forbidden' } });
    expect((await client.call('kiosk:get-snapshot', {})).staff).toMatchObject({ session: null, pad: { open: true, failuresLeft: LOCKOUT_AFTER_FAILURES - 1 } });

    // 换一个名字 goes back to the names; 取消 closes the pad and the citizen screen is back.
    await button(s('pad.otherName')).click();
    await page.getByText(s('pad.chooseName')).waitFor();
    await button(s('pad.cancel')).click();
    await citizenScreen().waitFor();
    await expect(padHeading().count()).resolves.toBe(0);
    expect((await client.call('kiosk:get-snapshot', {})).staff).toMatchObject({ session: null, pad: { open: false } });
    await expect(client.call('staff:overview', {})).rejects.toMatchObject({ info: { code: 'forbidden' } });
  }, 60_000);

  it('five wrong PINs lock the pad (the right PIN too) until the lock runs out, with an alert for staff', async () => {
    await holdCornerForPad();
    await page.locator(`button[data-account-id="${DEMO_ACCOUNT}"]`).click();
    for (let left = LOCKOUT_AFTER_FAILURES - 1; left >= 1; left--) {
      await typePin('9999');
      await button(t('keypad.confirm')).click();
      await expect.poll(() => page.getByTestId('pad-wrong-pin').innerText().catch(() => '')).toContain(s('pad.wrongPin', { count: left }));
    }
    await typePin('9999');
    await button(t('keypad.confirm')).click();
    const locked = page.getByTestId('pad-locked');
    await locked.waitFor();
    await expect.poll(() => locked.innerText()).toMatch(/已锁定至 \d{2}:\d{2}/);
    await expect(page.locator('button[data-account-id]').count(), 'no names while locked').resolves.toBe(0);
    await expect(button(t('keypad.confirm')).count(), 'no keypad while locked').resolves.toBe(0);
    await check('staff-pad-locked');
    const { staff } = await client.call('kiosk:get-snapshot', {});
    expect(staff.pad.lockedUntil).not.toBeNull();
    // The host refuses even the right PIN while locked.
    await expect(client.call('staff:sign-in', { accountId: DEMO_ACCOUNT, pin: DEMO_PIN })).resolves.toMatchObject({ ok: false, reason: 'locked' });

    // Closed and opened again: still locked.
    await button(s('pad.cancel')).click();
    await citizenScreen().waitFor();
    await holdCornerForPad();
    await locked.waitFor();

    // The lock runs out (the host clock moved past it; the pad left open closes meanwhile): the names again.
    await kiosk.sim('/sim/clock', { body: { set: new Date(staff.pad.lockedUntil! + 1_000).toISOString() } });
    await citizenScreen().waitFor({ timeout: 10_000 });
    await signIn();
    const alert = page.locator('[data-testid=staff-alert][data-device-id=staff-pad][data-code=pinLocked]');
    await alert.waitFor();
    await expect.poll(() => alert.innerText()).toContain('登录已锁定');
    await check('staff-overview-pin-locked-alert');
  }, 60_000);

  it('signing in ends the citizen session first; the overview; citizen channels are refused while staff are in', async () => {
    // A citizen has started: 点击开始, 取号, the business list.
    await toHome();
    await button(t('home.takeTicket')).click();
    await page.locator('button[data-business-open]').first().waitFor();
    const before = await client.call('kiosk:get-snapshot', {});
    expect(before.session.sessionId, 'a citizen session in progress').not.toBeNull();

    await signIn();
    const during = await client.call('kiosk:get-snapshot', {});
    expect(during.session.sessionId, 'the citizen session was ended before the staff screen').toBeNull();
    expect(during.staff.session).toMatchObject({ accountId: DEMO_ACCOUNT, role: 'technician' });
    await expect.poll(() => page.getByTestId('staff-person').innerText()).toBe(s('header.person', { name: '演示管理员', role: s('role.technician') }));
    await expect.poll(() => page.getByTestId('staff-sign-out-in').innerText()).toMatch(/分 \d+ 秒后自动退出/);
    for (const section of ['overview-supplies', 'overview-alerts', 'overview-uncertain', 'overview-found', 'overview-service']) await page.getByTestId(section).waitFor();
    await expect.poll(() => supplyCard().getByTestId('supply-paper').innerText()).toContain(s('paper.full'));
    await expect.poll(() => page.getByTestId('overview-service-state').innerText()).toBe(s('overview.allInService'));
    await check('staff-overview');
    await fullPage('staff-overview');

    // Citizen channels wait until the staff member signs out.
    const [business] = await client.call('kiosk:get-snapshot', {}).then((snap) => snap.businesses.filter((b) => b.open));
    expect(business, 'an open business (D is 24-hour)').toBeDefined();
    await expect(client.call('queue:take-ticket', { businessId: business!.id, requestId: 'staff-in' })).rejects.toMatchObject({ info: { code: 'staffSignedIn' } });

    // Signed out: a citizen screen, nothing of the business list left.
    await signOut();
    await expect(page.locator('button[data-business-open]').count()).resolves.toBe(0);
    expect((await client.call('kiosk:get-snapshot', {})).session.sessionId).toBeNull();
  }, 60_000);

  it('the PIN pad and the overview in 繁體中文 and English: the same checks, in the language on screen', async () => {
    // Every finding is collected, so one run reports every screen and language; the test fails on any.
    const problems: string[] = [];
    const checkIn = async (name: string, language: Language): Promise<void> => {
      await check(name, language).catch((err: unknown) => problems.push((err as Error).message.split('\n')[0] ?? name));
    };
    const chooseLanguage = async (language: Language): Promise<void> => {
      await button(translate(language, `language.${language}`)).click();
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
    };

    // The pad opens in the language the citizen chose on the screen it was opened from.
    await toHome();
    for (const language of ['zh-TW', 'en'] as const) {
      await chooseLanguage(language);
      await button(t('home.takeTicket', undefined, language)).waitFor();
      await page.mouse.move(20, 20);
      await page.mouse.down();
      try {
        await heading(s('pad.title', undefined, language)).waitFor({ timeout: HOLD_MS + 5_000 });
      } finally {
        await page.mouse.up();
      }
      await checkIn(`staff-pad-${language}`, language);
      await page.locator(`button[data-account-id="${DEMO_ACCOUNT}"]`).click();
      await page.getByTestId('pin-dots').waitFor();
      await checkIn(`staff-pad-pin-${language}`, language);
      await button(s('pad.cancel', undefined, language)).click();
      await button(t('home.takeTicket', undefined, language)).waitFor();
    }
    await chooseLanguage('zh-CN');

    // The overview, through its own language switch.
    await signIn();
    for (const language of ['zh-TW', 'en'] as const) {
      await chooseLanguage(language);
      await heading(s('overview.title', undefined, language)).waitFor();
      await expect.poll(() => supplyCard().getByTestId('supply-paper').innerText()).toContain(s('paper.full', undefined, language));
      await expect.poll(() => page.getByTestId('staff-sign-out-in').innerText()).not.toBe('');
      await checkIn(`staff-overview-${language}`, language);
      await fullPage(`staff-overview-${language}`);
    }
    await chooseLanguage('zh-CN');
    await overviewHeading().waitFor();
    await signOut();
    expect(problems, 'the staff screens in 繁體中文 and English').toEqual([]);
  }, 90_000);

  it('paper exchange: paper out → 更换纸卷 takes the printer from citizens (restocking), three steps with pictures, 完成更换 gives 取号 back, a test ticket prints', async () => {
    await signIn();
    await printerFaults({ paper: 'out' });
    await expect.poll(() => supplyCard().getByTestId('supply-paper').innerText(), { timeout: 10_000, message: 'the overview follows the printer' }).toContain(s('paper.out'));
    await check('staff-overview-paper-out');

    await button(s('supply.restock'), supplyCard()).click();
    await heading(s('restock.title')).waitFor();
    await check('staff-restock-intro');
    await button(s('restock.begin')).click();
    await heading(s('restock.step1')).waitFor();

    // New paper in (the simulator's roll is full again), but the exchange still holds the printer.
    await clearPrinterFaults();
    await expect.poll(() => availabilityOf('takeTicket'), { timeout: 10_000 }).toMatchObject({ available: false, reason: 'restocking' });
    expect((await availabilityOf('takeTicket'))?.alternative?.['zh-CN'], 'where to go instead').toBe('请到一楼咨询台人工取号');

    const steps = [
      { title: 'restock.step1', picture: 'picture-cover-open' },
      { title: 'restock.step2', picture: 'picture-roll' },
      { title: 'restock.step3', picture: 'picture-cover-close' },
    ] as const;
    for (const [index, step] of steps.entries()) {
      await heading(s(step.title)).waitFor();
      await expect.poll(() => page.getByTestId('wizard-step').innerText()).toBe(s('restock.step', { step: index + 1, total: 3 }));
      await page.getByTestId(step.picture).waitFor();
      await check(`staff-restock-${index + 1}`);
      if (index < 2) await button(s('restock.next')).click();
    }
    // 上一步 and back again.
    await button(s('restock.previous')).click();
    await heading(s('restock.step2')).waitFor();
    await button(s('restock.next')).click();
    await heading(s('restock.step3')).waitFor();
    expect(await availabilityOf('takeTicket'), 'still held through the steps').toMatchObject({ available: false, reason: 'restocking' });

    const printedBefore = (await printed()).length;
    await button(s('restock.finish')).click();
    await heading(s('restock.endedTitle')).waitFor({ timeout: 10_000 });
    await page.getByTestId('restock-given-back').waitFor();
    await expect.poll(() => page.getByTestId('printer-state-paper').innerText()).toBe(s('paper.full'));
    await expect(page.getByTestId('printer-problem').count()).resolves.toBe(0);
    await expect.poll(() => availabilityOf('takeTicket'), { timeout: 10_000, message: '取号 given back' }).toMatchObject({ available: true });
    await check('staff-restock-ended');

    await button(s('test.print')).click();
    await page.getByTestId('test-ticket-ok').waitFor({ timeout: 15_000 });
    await expect(page.getByTestId('test-ticket-failed').count()).resolves.toBe(0);
    const after = await printed();
    expect(after.length, 'one test ticket came out').toBe(printedBefore + 1);
    expect(after.at(-1)!.cut).toBe(true);
    await check('staff-restock-test-ticket');

    // The counters started again with the new roll.
    await button(s('common.done')).click();
    await overviewHeading().waitFor();
    await expect.poll(() => supplyCard().innerText()).toContain(s('supply.sinceExchange', { count: 1 }));
    await expect.poll(() => supplyCard().innerText()).not.toContain(s('supply.neverExchanged'));
  }, 60_000);

  it('jam recovery: still jammed after the steps → what to do; cleared → 再试一次 → back to normal', async () => {
    await signIn();
    await printerFaults({ paper: 'jammed' });
    await expect.poll(() => supplyCard().getByTestId('supply-paper').innerText(), { timeout: 10_000 }).toContain(s('paper.jammed'));
    await check('staff-overview-jammed');

    await button(s('supply.recover'), supplyCard()).click();
    const steps = [
      { title: 'recover.step1', picture: 'picture-cover-open' },
      { title: 'recover.step2', picture: 'picture-jam' },
      { title: 'recover.step3', picture: 'picture-cover-close' },
    ] as const;
    const walk = async (screens: boolean): Promise<void> => {
      for (const [index, step] of steps.entries()) {
        await heading(s(step.title)).waitFor();
        await expect.poll(() => page.getByTestId('wizard-step').innerText()).toBe(s('restock.step', { step: index + 1, total: 3 }));
        await page.getByTestId(step.picture).waitFor();
        if (screens) await check(`staff-recover-${index + 1}`);
        await button(s(index < 2 ? 'restock.next' : 'recover.check')).click();
      }
    };
    await walk(true);
    await heading(s('recover.checkedTitle')).waitFor({ timeout: 10_000 });
    await expect.poll(() => page.getByTestId('printer-problem').innerText()).toContain(s('recover.stillJammed'));
    await expect(page.getByTestId('recover-ok').count()).resolves.toBe(0);
    await expect(button(s('test.print')).count(), 'no test ticket while jammed').resolves.toBe(0);
    await check('staff-recover-still-jammed');

    await clearPrinterFaults();
    await button(s('common.retry')).click();
    await walk(false);
    await heading(s('recover.checkedTitle')).waitFor({ timeout: 10_000 });
    await page.getByTestId('recover-ok').waitFor();
    await expect(page.getByTestId('printer-problem').count()).resolves.toBe(0);
    await expect.poll(() => page.getByTestId('printer-state-paper').innerText()).toBe(s('paper.full'));
    await check('staff-recover-ok');
    await button(s('common.done')).click();
    await overviewHeading().waitFor();
    await expect.poll(() => supplyCard().getByTestId('supply-paper').innerText()).toContain(s('paper.full'));
  }, 60_000);

  it('uncertain tickets: the printer vanishes mid-ticket → the ticket waits on 待确认的号票; 作废 asked and taken back, 已取走（有效） settles it', async () => {
    // A citizen's ticket whose printer was unplugged three lines in (the host cannot know whether it came out).
    const [business] = (await client.call('queue:list-businesses', {})).filter((b) => b.open);
    expect(business, 'an open business (D is 24-hour)').toBeDefined();
    await printerFaults({ unplugged: true, afterLines: 3 });
    const result = await client.call('queue:take-ticket', { businessId: business!.id, requestId: `uncertain-${Date.now()}` });
    expect(result.outcome).toBe('uncertain');
    const number = (result as { number: string }).number;
    await client.call('session:end', { reason: 'done' });
    await clearPrinterFaults(); // plugged back in
    await expect.poll(() => availabilityOf('takeTicket'), { timeout: 20_000 }).toMatchObject({ available: true });

    await signIn();
    const uncertainCount = (await client.call('staff:overview', {})).uncertainTickets.length;
    expect(uncertainCount).toBeGreaterThanOrEqual(1);
    await expect.poll(() => page.getByTestId('overview-uncertain').innerText()).toContain(s('overview.uncertain', { count: uncertainCount }));
    await button(s('overview.openUncertain')).click();
    await heading(s('uncertain.title')).waitFor();
    const row = page.locator(`[data-testid=uncertain-ticket][data-number="${number}"]`);
    await row.waitFor();
    await expect.poll(() => row.innerText()).toContain(number);
    await check('staff-uncertain');

    // 作废 is asked again; 返回 leaves the ticket as it was.
    await button(s('uncertain.voided'), row).click();
    await answerDialog(s('uncertain.confirmVoidedTitle', { number }), 'staff-uncertain-confirm-voided', s('common.back'));
    await row.waitFor();
    expect((await client.call('staff:overview', {})).uncertainTickets.some((u) => u.number === number)).toBe(true);

    // 已取走（有效）, confirmed: settled as issued.
    await button(s('uncertain.issued'), row).click();
    await answerDialog(s('uncertain.confirmIssuedTitle', { number }), 'staff-uncertain-confirm-issued', s('uncertain.confirmIssued'));
    await page.getByText(s('uncertain.settled', { number })).waitFor();
    await row.waitFor({ state: 'detached' });
    expect((await client.call('staff:overview', {})).uncertainTickets.some((u) => u.number === number)).toBe(false);
    if (uncertainCount === 1) await page.getByTestId('uncertain-none').waitFor();
    await check('staff-uncertain-settled');
    await backToOverview();
    await expect.poll(() => page.getByTestId('overview-uncertain').innerText()).toContain(s('overview.uncertain', { count: uncertainCount - 1 }));
  }, 60_000);

  it('found items: an ID card from a preset and a ticket by its number are logged; one is handed to its owner', async () => {
    await signIn();
    await button(s('overview.openFound')).click();
    await heading(s('found.title')).waitFor();
    const items = page.getByTestId('found-item');
    const waitingBefore = (await client.call('staff:found-items', {})).filter((i) => i.handedTo === null).length;
    await check('staff-found');

    // An ID card left on the reader.
    await button(s('found.log')).click();
    await heading(s('found.log')).waitFor();
    await page.getByText(s('found.chooseKind')).waitFor();
    await check('staff-found-kind');
    await button(s('found.kind.idCard')).click();
    await page.getByText(s('found.chooseWhat')).waitFor();
    await check('staff-found-id-card');
    // The other kinds' descriptions, looked at and left (返回 goes back a step at a time).
    await button(s('common.back')).click();
    await button(s('found.kind.other')).click();
    await button(s('found.preset.umbrella')).waitFor();
    await check('staff-found-other');
    await button(s('common.back')).click();
    await button(s('found.kind.idCard')).click();
    const idCard = s('found.preset.idCardOnReader');
    await button(idCard).click();
    await heading(s('found.title')).waitFor();
    await expect.poll(() => page.getByTestId('found-news').innerText()).toContain(s('found.logged', { what: idCard }));

    // A ticket: its letter, its digits on the keypad (B and 12 make B012).
    await button(s('found.log')).click();
    await button(s('found.kind.ticket')).click();
    await page.getByText(s('found.ticketNumber')).waitFor();
    const letter = button('B');
    await letter.click();
    await expect.poll(() => letter.getAttribute('aria-pressed')).toBe('true');
    await button('1').click();
    await button('2').click();
    await expect.poll(() => page.getByTestId('found-ticket-number').innerText()).toBe(s('found.ticketPreview', { number: 'B012' }));
    await check('staff-found-ticket-number');
    await button(t('keypad.confirm')).click();
    await heading(s('found.title')).waitFor();
    const ticketWhat = s('found.ticketWhat', { number: 'B012' });
    await expect.poll(() => page.getByTestId('found-news').innerText()).toContain(s('found.logged', { what: ticketWhat }));

    const list = await client.call('staff:found-items', {});
    const card = list.find((i) => i.what === idCard && i.handedTo === null);
    const ticket = list.find((i) => i.what === ticketWhat && i.handedTo === null);
    expect(card && ticket, 'both logged, waiting').toBeTruthy();
    expect(list.filter((i) => i.handedTo === null)).toHaveLength(waitingBefore + 2);
    const cardRow = page.locator(`[data-testid=found-item][data-id="${card!.id}"]`);
    const ticketRow = page.locator(`[data-testid=found-item][data-id="${ticket!.id}"]`);
    await expect.poll(() => cardRow.getAttribute('data-handed')).toBe('false');
    await expect.poll(() => ticketRow.innerText()).toContain(ticketWhat);
    expect(await items.count()).toBeGreaterThanOrEqual(2);
    await check('staff-found-logged');

    // The card goes back to its owner.
    await button(s('found.handOver'), cardRow).click();
    await answerDialog(s('found.handOverTitle', { what: idCard }), 'staff-found-hand-over', s('found.to.owner'));
    await expect.poll(() => cardRow.getAttribute('data-handed')).toBe('true');
    await expect.poll(() => cardRow.getByTestId('found-item-state').innerText()).toContain(s('found.to.owner'));
    await expect(button(s('found.handOver'), cardRow).count()).resolves.toBe(0);
    await expect.poll(() => ticketRow.getAttribute('data-handed')).toBe('false');
    expect((await client.call('staff:found-items', {})).find((i) => i.id === card!.id)).toMatchObject({ handedTo: s('found.to.owner'), handedBy: DEMO_ACCOUNT });
    await check('staff-found-handed');
    await backToOverview();
    await expect.poll(() => page.getByTestId('overview-found').innerText()).toContain(s('overview.found', { count: waitingBefore + 1 }));
  }, 60_000);

  it('out of service: the whole kiosk (asked again) and 取号 alone; the citizen sees 暂停使用 with where to go; back in service', async () => {
    const row = (target: string) => page.locator(`[data-testid=service-row][data-target=${target}]`);
    const openService = async (): Promise<void> => {
      await button(s('overview.openService')).click();
      await heading(s('service.title')).waitFor();
      await row('kiosk').waitFor();
    };
    const takeTicketTile = () => button(t('home.takeTicket'));
    const takeTicketLabel = t('home.takeTicket');

    await signIn();
    await openService();
    for (const target of ['kiosk', 'takeTicket', 'identityTicket', 'appointmentCheckIn']) await expect.poll(() => row(target).getAttribute('data-paused')).toBe('false');
    await check('staff-service');

    // The whole kiosk: asked first; 返回 changes nothing, 确认暂停 pauses.
    const kioskName = s('service.kiosk');
    await button(s('service.pause', { target: kioskName })).click();
    await answerDialog(s('service.pauseKioskTitle'), 'staff-service-confirm-kiosk', s('common.back'));
    await expect.poll(() => row('kiosk').getAttribute('data-paused')).toBe('false');
    await button(s('service.pause', { target: kioskName })).click();
    await answerDialog(s('service.pauseKioskTitle'), 'staff-service-confirm-kiosk', s('service.pauseKioskConfirm'));
    await expect.poll(() => row('kiosk').getAttribute('data-paused')).toBe('true');
    await button(s('service.resume', { target: kioskName })).waitFor();
    await check('staff-service-kiosk-paused');
    await expect.poll(() => availabilityOf('identityTicket')).toMatchObject({ available: false, reason: 'outOfService' });

    // What the citizen sees with the whole kiosk out: every service withdrawn, each saying why.
    await signOut();
    await toHome();
    for (const service of ['takeTicket', 'identityTicket', 'appointmentCheckIn']) {
      await page.locator(`#${service}-unavailable`).getByText(t('error.outOfService')).waitFor();
    }
    await expect.poll(() => takeTicketTile().getAttribute('aria-disabled')).toBe('true');
    await check('home-kiosk-out-of-service');

    // Back in: the kiosk resumed, 取号 alone paused (no question asked for one service).
    await signIn();
    await expect.poll(() => page.getByTestId('overview-service-state').innerText()).toMatch(/^整机已暂停服务（.+，\d{2}:\d{2} 起）$/);
    await openService();
    await button(s('service.resume', { target: kioskName })).click();
    await expect.poll(() => row('kiosk').getAttribute('data-paused')).toBe('false');
    await button(s('service.pause', { target: takeTicketLabel })).click();
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);
    await expect.poll(() => row('takeTicket').getAttribute('data-paused')).toBe('true');
    await expect.poll(() => row('identityTicket').getAttribute('data-paused')).toBe('false');
    await expect.poll(() => row('takeTicket').getByTestId('service-state').innerText()).toMatch(/已暂停（.+，\d{2}:\d{2} 起）/);
    await check('staff-service-take-ticket-paused');
    await backToOverview();
    await expect.poll(() => page.getByTestId('overview-service-state').innerText()).toBe(s('overview.servicesOut', { services: takeTicketLabel }));

    // The citizen: 取号 withdrawn with the reason and where to go; 刷身份证取号 still open.
    await signOut();
    await toHome();
    await expect.poll(() => takeTicketTile().getAttribute('aria-disabled')).toBe('true');
    const notice = page.locator('#takeTicket-unavailable');
    await notice.getByText(t('service.unavailable')).waitFor();
    await notice.getByText(t('error.outOfService')).waitFor();
    await notice.getByText(t('service.alternative', { alternative: '请到一楼咨询台人工取号' })).waitFor();
    await expect(page.locator('#identityTicket-unavailable').count()).resolves.toBe(0);
    await check('home-take-ticket-paused');

    // Back in service.
    await signIn();
    await openService();
    await button(s('service.resume', { target: takeTicketLabel })).click();
    await expect.poll(() => row('takeTicket').getAttribute('data-paused')).toBe('false');
    await expect.poll(() => availabilityOf('takeTicket')).toMatchObject({ available: true });
    await signOut();
    await toHome();
    await expect.poll(() => takeTicketTile().getAttribute('aria-disabled')).not.toBe('true');
    await expect(page.locator('#takeTicket-unavailable').count()).resolves.toBe(0);
  }, 90_000);

  it("today's figures with their charts; the restart dialog, answered 不重启", async () => {
    await signIn();
    await button(s('overview.openFigures')).click();
    await heading(s('figures.title')).waitFor();
    await page.getByTestId('figures-day').waitFor();
    for (const chart of ['chart-prints', 'chart-sessions']) {
      // An image named by its caption and the numbers in words (both on screen too).
      const image = page.getByTestId(chart).getByRole('img');
      await image.waitFor();
      const caption = (await page.getByTestId(chart).locator('figcaption').innerText()).trim();
      await expect.poll(async () => (await image.ariaSnapshot()).replace(/\s+/g, ''), { message: `${chart} named by its caption` }).toContain(caption.replace(/\s+/g, ''));
    }
    await expect.poll(() => page.getByTestId('figures-prints').innerText()).toMatch(/号票 \d+ 张，测试票 \d+ 张/);
    await check('staff-figures');
    await fullPage('staff-figures');
    await button(s('overview.refresh')).click();
    await page.getByTestId('chart-prints').waitFor();
    await backToOverview();

    await button(s('overview.restart')).click();
    await answerDialog(s('restart.title'), 'staff-restart-confirm', s('restart.cancel'));
    await overviewHeading().waitFor();
    expect(kiosk.readyLines, 'no restart').toHaveLength(1);
    expect((await client.call('kiosk:get-snapshot', {})).staff.session).not.toBeNull();
  }, 60_000);

  it('automatic sign-out: warned 20 s before, a touch goes on, then signed out to the citizen screen (the host clock moved on)', async () => {
    await signIn();
    const { staff, nowMs } = await client.call('kiosk:get-snapshot', {});
    const left = staff.session!.signOutAt - nowMs;
    expect(left, 'the default: two minutes after the last touch').toBeLessThanOrEqual(SIGN_OUT_AFTER_MS);
    expect(left).toBeGreaterThan(SIGN_OUT_AFTER_MS - 10_000);
    const warning = page.getByTestId('staff-sign-out-warning');
    await expect(warning.count()).resolves.toBe(0);

    // Within the last 20 s: the header warns.
    await kiosk.sim('/sim/clock', { body: { advanceMs: left - SIGN_OUT_WARNING_MS + 2_000 } });
    await warning.waitFor({ timeout: 10_000 });
    await expect.poll(() => warning.innerText()).toContain(s('header.signOutWarning'));
    await expect.poll(() => page.getByTestId('staff-sign-out-in').innerText()).toMatch(/^\d+ 秒后自动退出$/);
    expect((await client.call('kiosk:get-snapshot', {})).staff.session, 'still signed in').not.toBeNull();
    await check('staff-sign-out-warning');

    // A touch: the host starts the time again and the warning goes.
    await page.getByTestId('overview-supplies').click({ position: { x: 5, y: 5 } });
    await warning.waitFor({ state: 'detached', timeout: 10_000 });
    const touched = (await client.call('kiosk:get-snapshot', {})).staff.session!;
    expect(touched.signOutAt - (await client.call('kiosk:get-snapshot', {})).nowMs).toBeGreaterThan(SIGN_OUT_WARNING_MS);

    // Walked away: the whole time passes without a touch.
    await kiosk.sim('/sim/clock', { body: { advanceMs: SIGN_OUT_AFTER_MS + 1_000 } });
    await citizenScreen().waitFor({ timeout: 10_000 });
    await expect(overviewHeading().count()).resolves.toBe(0);
    expect((await client.call('kiosk:get-snapshot', {})).staff.session).toBeNull();
    await expect(client.call('staff:overview', {})).rejects.toMatchObject({ info: { code: 'forbidden' } });
  }, 60_000);

  // Last: it restarts the host (the database and the port stay; the clock offset and this client do not).
  it('重启本机程序, confirmed: 正在重启 until the host is gone, the host comes back, the page reconnects to the citizen screen signed out', async () => {
    await signIn();
    // What the page shows from the confirmation on, each change recorded (the restart takes about two seconds).
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __screens: string[] }).__screens = seen;
      const note = (): void => {
        const text = (document.querySelector('main')?.textContent ?? '').replace(/\s+/g, '').slice(0, 40);
        if (seen.at(-1) !== text) seen.push(text);
      };
      new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await button(s('overview.restart')).click();
    const dialog = page.getByRole('dialog', { name: s('restart.title') });
    await dialog.waitFor();
    await button(s('restart.confirm'), dialog).click();
    const restarting = await page
      .getByText(s('restart.started'))
      .waitFor({ timeout: 3_000 })
      .then(() => true, () => false);
    if (restarting) await check('staff-restarting');

    await kiosk.waitForReady(2, 40_000);
    await citizenScreen().waitFor({ timeout: 30_000 });
    const after = await connectWs(kiosk.kioskUrl);
    try {
      expect((await after.call('kiosk:get-snapshot', {})).staff.session, 'a restart signs the staff member out').toBeNull();
      await expect(after.call('staff:overview', {})).rejects.toMatchObject({ info: { code: 'forbidden' } });
    } finally {
      after.close();
    }
    const screens = await page.evaluate(() => (window as unknown as { __screens: string[] }).__screens);
    const takeTicket = t('home.takeTicket');
    // Up to the first screen of the host going or gone (暂停服务, connecting) or back (attract, a new process).
    const gone = screens.findIndex((text) => [t('app.paused.title'), t('app.connecting'), t('attract.start')].some((words) => text.includes(words)));
    const beforeGone = gone < 0 ? screens : screens.slice(0, gone);
    expect(restarting, `the staff member sees ${s('restart.started')} (screens after 确认重启: ${JSON.stringify(screens)})`).toBe(true);
    expect(beforeGone.filter((text) => text.includes(takeTicket)), 'no citizen screen while the host is going down').toEqual([]);
  }, 90_000);
});
