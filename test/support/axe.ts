/**
 * Accessibility checks for each screen: axe-core (no serious or critical violations), plus our own rule
 * that axe misses for Chinese labels: every control's accessible name contains its visible label.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Language } from '../../common/kiosk-api';
import { translate } from '../../renderer/src/i18n/translate';
import { screenshot } from './browser';
import { foreignText } from './language-text';

export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page } as unknown as ConstructorParameters<typeof AxeBuilder>[0]).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes)`);
}

/** Buttons whose accessible name does not contain their visible text (whitespace-insensitive). */
export async function labelMismatches(page: Page): Promise<string[]> {
  // Each button is tagged first, so its label and its name are read off the same element even while the
  // screen changes under the check (`nth(i)` would name another button once one before it went).
  const count = await page.getByRole('button').evaluateAll((els) => {
    for (const old of document.querySelectorAll('[data-label-probe]')) old.removeAttribute('data-label-probe');
    els.forEach((el, i) => el.setAttribute('data-label-probe', String(i)));
    return els.length;
  });
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const b = page.locator(`[data-label-probe="${i}"]`);
    if ((await b.count()) !== 1 || !(await b.isVisible())) continue;
    // The visible label, without glyphs hidden from screen readers (the keypad's ⌫ beside 删除).
    const visible = (await b.evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
      return copy.textContent ?? '';
    })).replace(/\s+/g, '');
    // The snapshot is YAML: a line with an apostrophe in it comes single-quoted, each ' doubled.
    const line = ((await b.ariaSnapshot()).split('\n')[0] ?? '').trim();
    const quoted = /^- '(.*)'(:?)$/.exec(line);
    const snapshot = quoted ? `- ${(quoted[1] as string).replace(/''/g, "'")}${quoted[2]}` : line;
    const name = (/button "([^"]*)"/.exec(snapshot)?.[1] ?? '').replace(/\s+/g, '');
    if (!name.includes(visible)) out.push(`visible "${visible}" vs name "${name}"`);
  }
  return out;
}

/** Visible buttons smaller than the 60 px touch target. */
export async function smallTargets(page: Page): Promise<string[]> {
  const buttons = page.getByRole('button');
  const out: string[] = [];
  for (let i = 0; i < (await buttons.count()); i++) {
    const b = buttons.nth(i);
    if (!(await b.isVisible())) continue;
    const box = await b.boundingBox();
    if (box && (box.width < 60 || box.height < 60)) out.push(`${(await b.innerText()).slice(0, 20)} ${Math.round(box.width)}×${Math.round(box.height)}`);
  }
  return out;
}

/**
 * The checks every screen passes (issue 13 §6), after a screenshot at 1080×1920: axe (no serious/critical),
 * accessible names contain visible labels, targets ≥ 60 px; with `language`, also the document's `lang` and
 * title, and no visible text in another language (language-text.ts).
 */
export async function checkScreen(page: Page, name: string, language?: Language): Promise<void> {
  await screenshot(page, name);
  if (language) {
    expect(await page.evaluate(() => document.documentElement.lang), `${name}: <html lang>`).toBe(language);
    expect(await page.title(), `${name}: title`).toBe(translate(language, 'app.title'));
  }
  expect(await axeViolations(page), `${name}: axe`).toEqual([]);
  expect(await labelMismatches(page), `${name}: names`).toEqual([]);
  expect(await smallTargets(page), `${name}: targets`).toEqual([]);
  if (language) expect(await foreignText(page), `${name}: text in another language`).toEqual([]);
}
