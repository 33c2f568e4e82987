/**
 * Accessibility checks for each screen: axe-core (no serious or critical violations), plus our own rule
 * that axe misses for Chinese labels: every control's accessible name contains its visible label.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page } as unknown as ConstructorParameters<typeof AxeBuilder>[0]).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes)`);
}

/** Buttons whose accessible name does not contain their visible text (whitespace-insensitive). */
export async function labelMismatches(page: Page): Promise<string[]> {
  const buttons = page.getByRole('button');
  const out: string[] = [];
  for (let i = 0; i < (await buttons.count()); i++) {
    const b = buttons.nth(i);
    if (!(await b.isVisible())) continue;
    const visible = (await b.innerText()).replace(/\s+/g, '');
    const snapshot = await b.ariaSnapshot();
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
