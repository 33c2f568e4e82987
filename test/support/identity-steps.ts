/**
 * The citizen's way through 刷身份证取号 to 身份已确认 in the browser e2e tests (issue 14 §5, §9–10), by the
 * screens' headings and button texts only. The flow grows in front of and behind the card step (the 刷脸
 * consent, its alternatives, the face or finger step, the platform's comparison): these helpers take each
 * screen as it comes, so a spec says what the citizen does, not the order of screens around the card.
 * Where a verification step follows the card, the finger is used (the fingerprint simulator's `finger`
 * action), declining 刷脸 — the face step would need the camera simulator's scenes and the face worker.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export const CARD_STEP = '请将身份证放在读卡区';
export const IDENTIFIED = '身份已确认';
const CONSENT = '刷脸核验前，请您确认';
const ALTERNATIVES = '请选择其他核验方式';
const FINGER = '请按压指纹';

const heading = (page: Page, name: string) => page.getByRole('heading', { name, exact: true });

/**
 * From attract, home or the end of a session to the card step of 刷身份证取号, or of the service whose home tile
 * is `tileName` (证明打印), declining 刷脸 for a finger if asked.
 */
export async function openCardStep(page: Page, timeout = 20_000, tileName = '刷身份证取号'): Promise<void> {
  const start = page.getByRole('button', { name: '点击开始' });
  const tile = page.getByRole('button', { name: tileName });
  await start.or(tile).first().waitFor({ timeout });
  if (await start.isVisible()) await start.click();
  await expect.poll(() => tile.getAttribute('aria-disabled'), { timeout }).not.toBe('true');
  await tile.click();
  const card = heading(page, CARD_STEP);
  const consent = heading(page, CONSENT);
  const alternatives = heading(page, ALTERNATIVES);
  await card.or(consent).or(alternatives).first().waitFor({ timeout });
  if (await consent.isVisible()) {
    await page.getByRole('button', { name: '不同意，改用其他方式' }).click();
    await alternatives.waitFor({ timeout });
  }
  if (await alternatives.isVisible()) await page.getByRole('button', { name: '同意，使用指纹核验' }).click();
  await card.waitFor({ timeout });
}

/**
 * After the card was laid: through the finger step if there is one (`pressFinger` lays the matching finger,
 * `liftFinger` raises it once identified), to 身份已确认.
 */
export async function untilIdentified(page: Page, finger: { press(): Promise<unknown>; lift(): Promise<unknown> }, timeout = 30_000): Promise<void> {
  const identified = heading(page, IDENTIFIED);
  const fingerStep = heading(page, FINGER);
  await identified.or(fingerStep).first().waitFor({ timeout });
  if (await fingerStep.isVisible()) {
    await finger.press();
    await identified.waitFor({ timeout });
    await finger.lift();
  }
}
