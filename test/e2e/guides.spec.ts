/**
 * 办事指南 end to end through the browser shell (issue 16 §10): a citizen who knows only the initials finds 开办企业
 * by typing kbqy on the on-screen keyboard, opens the bundle, prints its checklist (the simulator's paper
 * checked); the same screens in 繁體 and in 长辈模式 (text size, line spacing, contrast 7:1 measured from the
 * computed styles); every screen through axe, our own name-vs-label check and the 60 px targets.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkScreen } from '../support/axe';
import { hasChromium, kioskPage, launchBrowser, screenshot } from '../support/browser';
import { startKiosk, type RunningKiosk } from '../support/kiosk-process';

if (!hasChromium) process.stderr.write('SKIPPED guides e2e: /usr/bin/chromium is missing (npm test installs it when run as root)\n');

interface Printed {
  lines: string[];
  cut: boolean;
}

describe.skipIf(!hasChromium)('办事指南 (browser shell)', () => {
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
    page = await kioskPage(browser, kiosk.kioskUrl);
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await screenshot(page, `FAILED-guides-${ctx.task.name.replace(/\W+/g, '-')}`);
    await page.context().close();
  });

  const button = (name: string | RegExp) => page.getByRole('button', typeof name === 'string' ? { name, exact: true } : { name });
  const heading = (name: string) => page.getByRole('heading', { name, exact: true });

  async function openGuides(tile = /^办事指南/): Promise<void> {
    const start = button('点击开始');
    const guides = button(tile);
    await start.or(guides).first().waitFor();
    if (await start.isVisible()) await start.click();
    await guides.click();
  }

  /** Types on the on-screen keyboard, key by key, as a citizen does. */
  async function type(keys: string): Promise<void> {
    for (const key of keys) await page.locator('.keyboard__keys').first().getByRole('button', { name: key, exact: true }).click();
  }

  it('finds 开办企业 by typing kbqy, opens the bundle and prints its checklist on the simulated printer', async () => {
    await openGuides();
    await heading('办事指南').waitFor();
    await checkScreen(page, 'guides-home', 'zh-CN');
    await button('点这里搜索：输入拼音或首字母').click();
    await type('kbqy');
    const candidate = page.getByRole('group', { name: '候选' }).getByRole('button', { name: /开办企业/ }).first();
    await candidate.waitFor({ timeout: 20_000 });
    expect(await candidate.locator('mark').count()).toBeGreaterThan(0);
    await checkScreen(page, 'guides-keyboard', 'zh-CN');
    await candidate.click();
    await page.getByRole('heading', { name: /开办企业/ }).first().waitFor();
    await checkScreen(page, 'guides-bundle', 'zh-CN');
    await button('打印清单').click();
    await page.getByText('已打印，请取走清单').waitFor({ timeout: 30_000 });
    const printed = (await kiosk.sim('/sim/devices/ticket-printer/printed')) as Printed[];
    const lines = printed.at(-1)?.lines ?? [];
    expect(printed.at(-1)?.cut).toBe(true);
    expect(lines.join('\n')).toContain('办事材料清单');
    expect(lines.join('\n')).toContain('开办企业');
    expect(lines.filter((l) => l.includes('居民身份证'))).toHaveLength(1);
  }, 120_000);

  it('in 繁體 and 长辈模式: every text in 繁體 (catalogue fallbacks marked), main text ≥ 30 px, line spacing ≥ 1.3, contrast ≥ 7:1', async () => {
    const start = button('点击开始');
    await start.or(button(/^办事指南/)).first().waitFor();
    if (await start.isVisible()) await start.click();
    await button('繁體中文').click();
    await button('長輩模式').click();
    await page.locator('[data-elder="true"], .elder, [class*="elder"]').first().waitFor({ timeout: 10_000 }).catch(() => undefined);
    await button(/^辦事指南/).click();
    await heading('辦事指南').waitFor();
    await checkScreen(page, 'guides-home-zh-TW-elder', 'zh-TW');
    await elderStyles('guides-home-zh-TW-elder');
    // Fewer tiles per page in 长辈模式: the life events go on over two pages.
    if (!(await button(/^我退休了/).isVisible())) await button(/下一頁/).first().click();
    await button(/^我退休了/).click();
    await page.getByRole('heading', { name: /我退休了/ }).first().waitFor();
    await checkScreen(page, 'guides-life-event-zh-TW-elder', 'zh-TW');
    await elderStyles('guides-life-event-zh-TW-elder');
    const first = page.locator('main').getByRole('button').filter({ hasNotText: /返回|上一頁|下一頁/ }).first();
    await first.click();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await checkScreen(page, 'guides-page-zh-TW-elder', 'zh-TW');
    await elderStyles('guides-page-zh-TW-elder');
  }, 120_000);

  it('a policy page (政策直通车), an item page with the online entry’s QR code, and 在手机上办理 pass the checks', async () => {
    await openGuides();
    await heading('办事指南').waitFor();
    await button(/^政策直通车/).click();
    await page.getByRole('heading', { name: /政策直通车/ }).first().waitFor();
    await checkScreen(page, 'guides-policies', 'zh-CN');
    await page.locator('main').getByRole('button').filter({ hasNotText: /返回|上一页|下一页/ }).first().click();
    await page.getByText('发布单位').waitFor();
    await checkScreen(page, 'guides-policy', 'zh-CN');
    await button('返回').click();
    await button('返回').click();
    await button('点这里搜索：输入拼音或首字母').click();
    for (const key of 'sbk') await page.locator('.keyboard__keys').first().getByRole('button', { name: key, exact: true }).click();
    // sbk → 社会保障卡申领, done online or at a window: its page offers 在手机上办理.
    const candidate = page.getByRole('group', { name: '候选' }).getByRole('button', { name: /社会保障卡申领/ }).first();
    await candidate.waitFor({ timeout: 20_000 });
    await candidate.click();
    await page.getByRole('heading', { name: /社会保障卡申领/ }).first().waitFor();
    await checkScreen(page, 'guides-item', 'zh-CN');
    await button('在手机上办理').click();
    await page.getByRole('img', { name: '网上办理二维码' }).waitFor();
    await checkScreen(page, 'guides-online', 'zh-CN');
  }, 120_000);

  /** Computed styles of the main text and the AAA contrast rule (axe's color-contrast-enhanced, 7:1). */
  async function elderStyles(name: string): Promise<void> {
    const styles = await page.evaluate(() =>
      [...document.querySelectorAll('main p, main li')]
        .filter((el) => (el as HTMLElement).checkVisibility() && (el.textContent ?? '').trim() !== '')
        .map((el) => {
          const s = getComputedStyle(el);
          const size = parseFloat(s.fontSize);
          const line = s.lineHeight === 'normal' ? size * 1.2 : parseFloat(s.lineHeight);
          return { text: (el.textContent ?? '').slice(0, 20), size, ratio: line / size };
        }),
    );
    expect(styles.length, `${name}: main text found`).toBeGreaterThan(0);
    expect(styles.filter((s) => s.size < 30), `${name}: main text under 30 px`).toEqual([]);
    expect(styles.filter((s) => s.ratio < 1.3 - 1e-6), `${name}: line spacing under 1.3`).toEqual([]);
    const result = await new AxeBuilder({ page } as unknown as ConstructorParameters<typeof AxeBuilder>[0]).withRules(['color-contrast-enhanced']).analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), `${name}: contrast 7:1`).toEqual([]);
  }
});
