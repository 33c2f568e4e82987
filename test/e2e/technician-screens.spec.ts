/**
 * The technician screens end to end (issue 15 §3, §5): the real launcher, supervisor and host in training mode
 * on a configuration file (the default one, every device simulated), the built renderer in Debian's Chromium.
 * A citizen's card is read first (刷身份证取号 up to 身份已确认); then the demo technician signs in through the
 * hidden corner and the PIN pad, and goes through every technician screen — each passing the screen checks
 * (axe, names containing labels, 60 px targets, text in zh-CN only, a screenshot in test-results/screens/).
 * The ticket printer passes its link test; its live frame log shows the DLE EOT status polls with their
 * meanings; maintenance mode takes 取号 from citizens (the host's snapshot says `maintenance`) and gives it
 * back; the raw console sends DLE EOT 4 and shows the answer's meaning, and is refused by the host outside
 * maintenance mode whatever the screen shows; the editor gives the host's reason for a simulated device; the
 * diagnostic bundle lands in the data folder's exports and holds neither the citizen's name nor number in any
 * encoding; the audit chain is intact.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { KioskSnapshot } from '../../common/kiosk-api';
import { ADULT } from '../../devices-sim/ga467/fixture-citizens';
import { DEFAULT_CONFIG_JSON } from '../../main/host/config/default-config';
import { checkScreen } from '../support/axe';
import { hasChromium, kioskPage, launchBrowser, screenshot } from '../support/browser';
import { IDENTIFIED, openCardStep, untilIdentified } from '../support/identity-steps';
import { startKiosk, type RunningKiosk } from '../support/kiosk-process';
import { describeFindings, PersonalDataSearch } from '../support/personal-data-search';
import { connectWs } from '../support/ws-client';

/** The fixture card laid on the reader (devices-sim/ga467/fixture-citizens.ts): whose data the bundle must not hold. */
function adultHolder(): { name: string; idNumber: string; address: string } {
  const { name, idNumber, address } = ADULT;
  if (name === undefined || idNumber === undefined || address === undefined) throw new Error('the adult fixture lacks a name, number or address');
  return { name, idNumber, address };
}
const HOLDER = adultHolder();

/** The training configuration's demo technician (main/host/staff/demo-account.ts). */
const DEMO_ACCOUNT = 'demo-staff';
const DEMO_PIN = '246810';

if (!hasChromium) process.stderr.write('SKIPPED technician screens e2e: /usr/bin/chromium is missing (npm test installs it when run as root)\n');

describe.skipIf(!hasChromium)('technician screens (browser shell)', () => {
  let kiosk: RunningKiosk;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    // A configuration file, so the device editor has one to change (and says why not, for a simulated device).
    kiosk = await startKiosk({ config: JSON.parse(DEFAULT_CONFIG_JSON) as unknown, env: { KIOSK_SIM_LINE_MS: '5' } });
    browser = await launchBrowser();
    page = await kioskPage(browser, kiosk.kioskUrl);
  }, 60_000);
  afterAll(async () => {
    await page?.context().close();
    await browser?.close();
    await kiosk?.stop();
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await screenshot(page, `FAILED-technician-${ctx.task.name.replace(/\W+/g, '-')}`);
  });

  /** Every technician screen: the checks of the citizen screens, in 简体中文. */
  const check = (name: string): Promise<void> => checkScreen(page, `technician-${name}`, 'zh-CN');
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  const heading = (name: string) => page.getByRole('heading', { name, exact: true, level: 1 });

  /** What the host holds right now, and a technician call, over a second client (the host's staff session covers it). */
  async function overWs<T>(run: (client: Awaited<ReturnType<typeof connectWs>>) => Promise<T>): Promise<T> {
    const client = await connectWs(kiosk.kioskUrl);
    try {
      return await run(client);
    } finally {
      client.close();
    }
  }
  const takeTicket = async (): Promise<KioskSnapshot['availability'][number] | undefined> =>
    (await overWs((c) => c.call('kiosk:get-snapshot', {}))).availability.find((a) => a.service === 'takeTicket');

  async function openDevice(id: string): Promise<void> {
    await page.locator(`[data-testid="tech-device"][data-device-id="${id}"]`).getByRole('button', { name: `检测与维护 ${id}` }).click();
    await page.getByTestId('tech-panels').waitFor();
  }
  async function backToDevices(): Promise<void> {
    await button('返回设备列表').click();
    await heading('设备诊断').waitFor();
  }

  it('a citizen’s card is read; the demo technician signs in through the hidden corner (the citizen session ends), and the overview offers 设备诊断', async () => {
    await openCardStep(page);
    await kiosk.sim('/sim/devices/id-card-reader/card', { body: { fixture: 'adult' } });
    await untilIdentified(page, {
      press: () => kiosk.sim('/sim/devices/fingerprint/finger', { body: { quality: 'good', matches: true } }),
      lift: () => kiosk.sim('/sim/devices/fingerprint/finger', { method: 'DELETE' }).catch(() => undefined),
    });
    await page.getByRole('heading', { name: IDENTIFIED, exact: true }).waitFor();
    expect(await page.getByTestId('identified-id').innerText(), 'the card was read').toContain(HOLDER.idNumber.slice(-4));
    await kiosk.sim('/sim/devices/id-card-reader/card', { method: 'DELETE' });

    // Hold the corner for 3 s: the pad opens while it is held.
    const corner = await page.getByTestId('staff-entry').boundingBox();
    expect(corner, 'the hidden entry is there').not.toBeNull();
    await page.mouse.move(corner!.x + corner!.width / 2, corner!.y + corner!.height / 2);
    await page.mouse.down();
    await page.getByRole('heading', { name: '工作人员登录' }).waitFor({ timeout: 8_000 });
    await page.mouse.up();
    await page.locator(`button[data-account-id="${DEMO_ACCOUNT}"]`).click();
    for (const digit of DEMO_PIN) await button(digit).click();
    await button('确定').click();
    await heading('本机状况').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('staff-person').innerText()).toBe('演示管理员（技术人员）');
    await page.getByTestId('overview-technician').waitFor();
    await check('overview');
  }, 90_000);

  it('the device list shows every device with its link, status and statistics', async () => {
    await button('设备诊断').click();
    await heading('设备诊断').waitFor();
    const cards = page.getByTestId('tech-device');
    await expect.poll(() => cards.count()).toBe(9);
    expect(await cards.evaluateAll((all) => all.map((c) => c.getAttribute('data-device-id')))).toEqual(['ticket-printer', 'id-card-reader', 'fingerprint', 'face-camera', 'scanner', 'robot-base', 'document-printer', 'document-camera', 'locker']);
    const printer = page.locator('[data-testid="tech-device"][data-device-id="ticket-printer"]');
    expect(await printer.getByTestId('tech-device-link').innerText()).toBe('连接：模拟设备（培训模式）');
    expect(await printer.getByTestId('tech-device-status').innerText()).toContain('工作正常');
    await check('devices');
  });

  it('the ticket printer: the link test passes; the frame log shows the DLE EOT status polls with their meanings', async () => {
    await openDevice('ticket-printer');
    await check('device-health');
    await button('开始通信检测').click();
    const result = page.getByTestId('health-result-external');
    await result.waitFor({ timeout: 20_000 });
    expect(await result.getAttribute('data-ok')).toBe('true');
    expect(await result.innerText()).toContain('通信检测通过');
    await check('device-health-result');

    await button('通信记录').click();
    // The link test itself asked DLE EOT; the printer's own status polls follow.
    const polls = page.locator('[data-testid="frame"][data-direction="tx"]', { hasText: 'DLE EOT' });
    await expect.poll(() => polls.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const answers = page.locator('[data-testid="frame"][data-direction="rx"]', { hasText: 'DLE EOT' });
    await expect.poll(() => answers.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const poll = await polls.first().innerText();
    expect(poll).toContain('发送');
    expect(poll).toMatch(/10 04 0[1-4]/);
    expect(poll).toContain('实时状态查询');
    expect(await answers.first().innerText()).toMatch(/接收[\s\S]*ESC\/POS DLE EOT \d → /);
    // The log grows by itself, newest at the bottom.
    const seqs = async () => page.getByTestId('frame').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-seq'))));
    const before = await seqs();
    await kiosk.sim('/sim/devices/ticket-printer/faults', { body: { paper: 'low' } });
    await button('通信记录').click(); // a touch: the technician is still here
    await expect.poll(async () => Math.max(...(await seqs())), { timeout: 15_000 }).toBeGreaterThan(Math.max(...before));
    const after = await seqs();
    expect(after, 'in order, newest last').toEqual([...after].sort((a, b) => a - b));
    await kiosk.sim('/sim/devices/ticket-printer/faults', { method: 'DELETE' });
    await check('device-frames');
  }, 60_000);

  it('the raw console is refused by the host outside maintenance mode, whatever the screen shows', async () => {
    await button('维护模式与命令').click();
    await page.getByTestId('raw-console-hidden').waitFor();
    expect(await page.getByTestId('raw-console').count()).toBe(0);
    const refusal = await overWs((c) => c.call('tech:raw-command', { deviceId: 'ticket-printer', hex: '10 04 04' })).then(
      () => null,
      (err: unknown) => (err as { info?: { code: string; detail?: string } }).info ?? { code: String(err) },
    );
    expect(refusal, 'refused').not.toBeNull();
    expect(refusal!.code).toBe('badRequest');
    expect(refusal!.detail).toContain('不在维护模式');
    await check('device-maintenance');
  });

  it('maintenance mode takes 取号 from citizens (reason maintenance); the raw console sends 10 04 04 and shows the meaning; leaving gives 取号 back', async () => {
    expect(await takeTicket()).toMatchObject({ available: true });
    await button('进入维护模式').click();
    await page.getByRole('dialog').waitFor();
    await check('device-maintenance-confirm');
    await button('确认进入').click();
    await page.getByTestId('raw-console').waitFor();
    expect(await page.getByTestId('maint-state').innerText()).toContain(`您（${DEMO_ACCOUNT}）从`);
    await expect.poll(takeTicket, { timeout: 10_000 }).toMatchObject({ available: false, reason: 'maintenance' });
    await check('device-maintenance-held');

    const console = page.getByTestId('raw-console');
    await console.getByRole('button', { name: '纸状态 10 04 04', exact: true }).click();
    expect(await console.getByTestId('raw-hex').innerText()).toBe('10 04 04');
    await console.getByRole('button', { name: '发送', exact: true }).click();
    const result = console.getByTestId('raw-result');
    await result.waitFor({ timeout: 15_000 });
    expect(await result.getAttribute('data-outcome')).toBe('replied');
    expect(await console.getByTestId('raw-sent').innerText()).toContain('10 04 04');
    expect(await console.getByTestId('raw-replies').innerText()).toContain('ESC/POS DLE EOT 4 → 纸正常 / paper OK');
    expect(await console.getByTestId('raw-message').innerText()).toContain('收到应答');
    await check('device-raw-result');

    // Typed on the keys as well: the real-time status.
    await console.getByRole('button', { name: '清空', exact: true }).click();
    for (const key of '100401') await console.getByRole('button', { name: key, exact: true }).click();
    expect(await console.getByTestId('raw-hex').innerText()).toBe('10 04 01');

    await button('退出维护模式').click();
    await page.getByTestId('raw-console-hidden').waitFor();
    await expect.poll(takeTicket, { timeout: 10_000 }).toMatchObject({ available: true });
  }, 60_000);

  it('the device editor gives the host’s reason for a simulated device', async () => {
    await button('修改配置').click();
    const reason = page.getByTestId('edit-reason');
    await reason.waitFor();
    expect(await reason.innerText()).toContain('模拟设备没有端口可改');
    expect(await button('测试并保存').count()).toBe(0);
    await check('device-editor');
    await backToDevices();
  });

  it('导出诊断包: the file is in the data folder’s exports, and holds neither the citizen’s name nor number in any encoding', async () => {
    await button('导出诊断包').click();
    await heading('诊断包').waitFor();
    await check('bundle');
    await button('导出诊断包').click();
    await page.getByTestId('bundle-result').waitFor({ timeout: 30_000 });
    const path = await page.getByTestId('bundle-path').innerText();
    expect(path.startsWith(join(kiosk.dataDir, 'exports'))).toBe(true);
    expect(existsSync(path), path).toBe(true);
    expect(await page.getByTestId('bundle-bytes').innerText()).toContain(statSync(path).size.toLocaleString('en-US'));
    await check('bundle-result');

    const search = new PersonalDataSearch([
      { label: 'name', text: HOLDER.name },
      { label: 'ID number', text: HOLDER.idNumber },
      { label: 'address', text: HOLDER.address },
    ]);
    const inFile = search.bytes(path, readFileSync(path));
    expect(inFile, describeFindings(inFile)).toEqual([]);
    const inExports = search.folder('exports', join(kiosk.dataDir, 'exports'));
    expect(inExports.files.length).toBeGreaterThan(0);
    expect(inExports.findings, describeFindings(inExports.findings)).toEqual([]);
    await backToDevices();
  }, 60_000);

  it('the audit chain is intact, its head shown with the head written out', async () => {
    await button('审计记录').click();
    await heading('审计记录').waitFor();
    const status = page.getByTestId('audit-status');
    await status.waitFor();
    expect(await status.getAttribute('data-ok')).toBe('true');
    expect(await page.getByTestId('audit-verdict').innerText()).toContain('审计记录完整');
    expect(await page.getByTestId('audit-head-hash').innerText()).toMatch(/^[0-9a-f]{16}…$/);
    expect(await page.getByTestId('audit-written-out-hash').innerText()).toMatch(/^[0-9a-f]{16}…$/);
    await check('audit');
  });
});
