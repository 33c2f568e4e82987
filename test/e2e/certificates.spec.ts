/**
 * 证明打印 end to end through the browser shell (issue 17 §2, §8, §9): the real launcher, supervisor and host
 * with the default configuration (the GA 467 reader, the fingerprint module, the platform simulator and the
 * IPP printer simulator all in the host), the built renderer in Debian's Chromium. The citizen identifies
 * (card, then finger: the platform itself matches them), chooses 个人参保证明, checks the preview, prints; the
 * PDF the simulated printer received is read back as text: one page, the citizen's name and ID number as the
 * platform holds them, and the verification code the platform issued. Then 好差评: 不满意 with a reason.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixtureCard } from '../../devices-sim/ga467/fixture-citizens';
import type { PrintedDocument } from '../../devices-sim/ipp/printed-document';
import { isTextBlockProblem } from '../../drivers/protocol/ga467/card-text';
import { parseTextBlock } from '../../drivers/protocol/ga467/text-block';
import { hasChromium, kioskPage, launchBrowser, screenshot } from '../support/browser';
import { openCardStep, untilIdentified } from '../support/identity-steps';
import { startKiosk, type RunningKiosk } from '../support/kiosk-process';

interface PlatformCertificate {
  certificateId: string;
  kind: string;
  verificationCode: string;
}

if (!hasChromium) process.stderr.write('SKIPPED certificates e2e: /usr/bin/chromium is missing (npm test installs it when run as root)\n');

describe.skipIf(!hasChromium)('证明打印 (browser shell)', () => {
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
    await kiosk.sim('/sim/clock', { body: { advanceMs: 120_000 } });
    page = await kioskPage(browser, kiosk.kioskUrl);
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await screenshot(page, `FAILED-certificates-${ctx.task.name.replace(/\W+/g, '-')}`);
    await page.context().close();
  });

  const heading = (name: string | RegExp) => page.getByRole('heading', typeof name === 'string' ? { name, exact: true } : { name });
  const finger = {
    press: () => kiosk.sim('/sim/devices/fingerprint/finger', { body: { quality: 'good', matches: true } }),
    lift: () => kiosk.sim('/sim/devices/fingerprint/finger', { method: 'DELETE' }).catch(() => undefined),
  };

  it('identify → 个人参保证明 previewed and printed once: a one-page PDF with the name, the ID number and the platform’s verification code → 不满意 with a reason', async () => {
    const text = parseTextBlock(fixtureCard('adult').text);
    if (isTextBlockProblem(text) || text.kind !== 'resident') throw new Error('the adult fixture is not a resident card');
    await openCardStep(page, 20_000, '证明打印');
    await kiosk.sim('/sim/devices/id-card-reader/card', { body: { fixture: 'adult' } });
    await untilIdentified(page, finger);
    await page.getByRole('button', { name: '继续，选择证明' }).click();
    await heading('请选择要打印的证明').waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: /^个人参保证明/u }).click();
    await heading('请核对证明内容').waitFor({ timeout: 40_000 });
    const preview = page.getByRole('img', { name: '证明预览，第 1 页' });
    await preview.waitFor();
    expect(await preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(300);
    const code = (await page.getByText(/^验证码 /u).innerText()).replace(/^验证码 /u, '');

    await page.getByRole('button', { name: '确认打印' }).click();
    await heading('打印完成，请从下方出纸口取走证明。').waitFor({ timeout: 60_000 });
    const printed = (await kiosk.sim('/sim/devices/document-printer/printed')) as PrintedDocument[];
    expect(printed).toHaveLength(1);
    const [job] = printed;
    expect(job).toMatchObject({ pages: 1, jobState: 'completed' });
    expect(job!.jobName).toMatch(/^CRT-[0-9A-F]{16}$/u);
    expect(Buffer.from(job!.pdfBase64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdfText = job!.text.replace(/\s+/gu, '');
    expect(pdfText).toContain('个人参保证明');
    expect(pdfText).toContain(text.name);
    expect(pdfText).toContain(text.idNumber);
    expect(pdfText).toContain(code.replace(/\s+/gu, ''));
    const issued = (await kiosk.sim('/sim/platform/certificates')) as PlatformCertificate[];
    expect(issued.map((c) => [c.kind, c.verificationCode])).toContainEqual(['socialInsuranceRecord', code]);
    expect(await page.locator('body').innerText(), 'the full number is never on screen').not.toContain(text.idNumber);

    // 好差评: 不满意 needs a reason; the platform gets the rating.
    await page.getByRole('button', { name: /^不满意/u }).click();
    await page.getByRole('button', { name: '办理时间太长' }).click();
    await page.getByRole('button', { name: '提交评价' }).click();
    await page.getByText(/感谢您的评价/u).waitFor({ timeout: 15_000 });
    await expect.poll(async () => ((await kiosk.sim('/sim/platform/evaluations')) as Array<{ transactionId: string; level: number; reasons?: string[] }>).map((e) => [e.transactionId, e.level, e.reasons]), { timeout: 15_000 }).toEqual([[job!.jobName, 4, ['slow']]]);
    await screenshot(page, 'certificate-printed');
  }, 120_000);
});
