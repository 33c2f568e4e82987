/**
 * The hall robot (issue 16 §9, §10) from the shipped robot example (examples/robot.json) through the browser
 * shell: 带我去 on the 开办企业 guide walks the simulated base (our line protocol over the simulator) to the
 * window and the screen says it arrived; a path blocked by the simulator is reported, with the route to go
 * alone. The base walks at 3 m/s and a stop counts as blocked after 3 s, so the test is short.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, it } from 'vitest';
import { checkScreen } from '../support/axe';
import { hasChromium, kioskPage, launchBrowser, screenshot } from '../support/browser';
import { startKiosk, type RunningKiosk } from '../support/kiosk-process';

if (!hasChromium) process.stderr.write('SKIPPED robot e2e: /usr/bin/chromium is missing (npm test installs it when run as root)\n');

function robotConfig(): unknown {
  const config = JSON.parse(readFileSync(new URL('../../examples/robot.json', import.meta.url), 'utf8')) as Record<string, any>;
  config.devices['robot-base'].options = { ...config.devices['robot-base'].options, simSpeedMps: 3 };
  config.robot.blockedAfterMs = 3000;
  config.server = { ...config.server, port: 0, simPort: 0 };
  return config;
}

describe.skipIf(!hasChromium)('带我去 with the simulated robot base (browser shell, robot profile)', () => {
  let kiosk: RunningKiosk;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    kiosk = await startKiosk({ config: robotConfig(), env: { KIOSK_SIM_LINE_MS: '5' } });
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await kiosk?.stop();
  });
  beforeEach(async () => {
    await kiosk.sim('/sim/reset', { body: {} });
    page = await kioskPage(browser, kiosk.kioskUrl);
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await screenshot(page, `FAILED-robot-${ctx.task.name.replace(/\W+/g, '-')}`);
    await page.context().close();
  });

  const button = (name: string | RegExp) => page.getByRole('button', typeof name === 'string' ? { name, exact: true } : { name });

  async function openStartBusiness(): Promise<void> {
    const start = button('点击开始');
    const guides = button(/^办事指南/);
    await start.or(guides).first().waitFor();
    if (await start.isVisible()) await start.click();
    await guides.click();
    await button('点这里搜索：输入拼音或首字母').click();
    for (const key of 'kbqy') await page.locator('.keyboard__keys').first().getByRole('button', { name: key, exact: true }).click();
    const candidate = page.getByRole('group', { name: '候选' }).getByRole('button', { name: /开办企业/ }).first();
    await candidate.waitFor({ timeout: 20_000 });
    await candidate.click();
    await page.getByRole('heading', { name: /开办企业/ }).first().waitFor();
  }

  it('walks the citizen to the window: progress on screen, then 已到达', async () => {
    await openStartBusiness();
    await button('带我去').click();
    await page.getByText(/请跟着机器人走|正在呼叫机器人/).first().waitFor({ timeout: 10_000 });
    await checkScreen(page, 'robot-trip-walking', 'zh-CN');
    await page.getByText(/已到达/).first().waitFor({ timeout: 40_000 });
    await checkScreen(page, 'robot-trip-arrived', 'zh-CN');
  }, 120_000);

  it('reports a blocked path in words, with the route to go alone', async () => {
    await kiosk.sim('/sim/devices/robot-base/faults', { body: { obstacle: true, afterM: 2 } });
    await openStartBusiness();
    await button('带我去').click();
    await page.getByText(/道路受阻/).first().waitFor({ timeout: 40_000 });
    await checkScreen(page, 'robot-trip-blocked', 'zh-CN');
  }, 120_000);
});
