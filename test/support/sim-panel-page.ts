/**
 * The simulator control panel (devices-sim/panel/, issue 15 item 4) in the e2e tests: opened at the sim URL
 * of the kiosk's ready line in its own browser context (a tester's desktop window beside the kiosk screen),
 * and found by what a tester sees: a device's section by its id, a control by its visible label.
 */
import type { Browser, Locator, Page } from 'playwright-core';

/** A tester's window: desktop size, mouse, zh-CN. */
export const PANEL_VIEWPORT = { width: 1600, height: 1200 } as const;

/** Opens the panel and waits until its first poll of the control API has rendered the devices. */
export async function openSimPanel(browser: Browser, simUrl: string): Promise<Page> {
  const context = await browser.newContext({ viewport: PANEL_VIEWPORT, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(simUrl);
  await page.getByText('已连接 connected').waitFor();
  await page.locator('section.device').first().waitFor();
  return page;
}

/** A device's section on the panel. */
export function panelDevice(page: Page, id: string): Locator {
  return page.locator(`section.device[data-device-id="${id}"]`);
}

/** A control by its full visible label, "中文 English" (its accessible name is that text). */
export function panelButton(scope: Page | Locator, label: string): Locator {
  return scope.getByRole('button', { name: label, exact: true });
}

/** The status line of a device's section, as text. */
export function panelStatus(page: Page, id: string): Promise<string> {
  return panelDevice(page, id).locator('.status-text').innerText();
}

/** The drawn paper's <text> elements on a printer's section that read exactly `text`. */
export function drawnText(page: Page, printerId: string, text: string): Locator {
  return panelDevice(page, printerId).locator('svg.paper text').filter({ hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) });
}
