/**
 * End to end through the Electron shell (ARCHITECTURE.md §5): the built electron-main.cjs starts the supervisor
 * and the host, the kiosk window loads app://kiosk/ with the preload bridge, and a citizen takes a ticket on
 * the simulated printer. Runs only where the Electron binary exists; otherwise it is skipped, loudly.
 *
 * The binary is found from node_modules/electron/path.txt and dist/ — not by require('electron'), which
 * tries to download the binary when it is missing.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser';
import { ROOT } from '../support/kiosk-process';
import { electronBinary } from '../../main/electron-binary';

const binary = electronBinary();
const hasElectron = binary !== null;
const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
if (!hasElectron) process.stderr.write('SKIPPED electron e2e: no Electron binary on this machine (npm install electron downloaded types only)\n');
else if (!hasDisplay) process.stderr.write('SKIPPED electron e2e: no display (run under xvfb-run)\n');

const MAIN_BUNDLE = join(ROOT, 'dist', 'main', 'electron-main.cjs');

interface Printed {
  lines: string[];
  cut: boolean;
}

describe('citizen takes a queue ticket (Electron shell)', () => {
  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;
  let simBase: string;
  let stderr = '';

  beforeAll(async () => {
    if (!hasElectron || !hasDisplay) return;
    if (!existsSync(MAIN_BUNDLE)) throw new Error(`${MAIN_BUNDLE} is missing: run npm run build first`);
    dataDir = mkdtempSync(join(tmpdir(), 'hallkiosk-electron-'));
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
    Object.assign(env, { KIOSK_PORT: '0', KIOSK_SIM_PORT: '0', KIOSK_DATA_DIR: dataDir, KIOSK_SIM_LINE_MS: '5' });
    // Chromium refuses its own sandbox as root (CI containers); the page stays context-isolated without Node.
    const args = process.getuid?.() === 0 ? ['--no-sandbox', MAIN_BUNDLE] : [MAIN_BUNDLE];
    app = await _electron.launch({ executablePath: binary as string, args, env, timeout: 60_000 });
    const ready = new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "host ready" within 30 s; stderr:\n${stderr}`)), 30_000);
      app.process().stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const simUrl = /"msg":"host ready"/.test(stderr) ? /"simUrl":"([^"]+)"/.exec(stderr)?.[1] : undefined;
        if (simUrl) {
          clearTimeout(timer);
          resolve(simUrl);
        }
      });
    });
    simBase = new URL(await ready).origin;
    page = await app.firstWindow();
  }, 90_000);

  afterAll(async () => {
    await app?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  afterEach(async (ctx) => {
    if (page && ctx.task.result?.state === 'fail') await screenshot(page, `FAILED-electron-${ctx.task.name.replace(/\W+/g, '-')}`);
  });

  it.skipIf(!hasElectron || !hasDisplay)('shows the app from app:// with only window.kiosk exposed, and no Node', async () => {
    expect(page.url()).toBe('app://kiosk/index.html');
    const probe = await page.evaluate(() => ({
      kiosk: Object.keys((window as unknown as { kiosk: object }).kiosk).sort(),
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }));
    expect(probe).toEqual({ kiosk: ['call', 'onEvent'], require: 'undefined', process: 'undefined' });
  });

  it.skipIf(!hasElectron || !hasDisplay)('prints a ticket through the UI and the printer output carries its number', async () => {
    await page.getByRole('button', { name: '点击开始' }).click();
    await page.getByRole('button', { name: '取号', exact: true }).click();
    const open = page.locator('button[data-business-open="true"]').first();
    await open.waitFor();
    const prefix = (await open.getAttribute('data-business-prefix')) as string;
    await open.click();
    await page.getByText('请取走您的号票').waitFor({ timeout: 15_000 });
    const number = (await page.getByTestId('ticket-number').innerText()).trim();
    expect(number).toMatch(new RegExp(`^${prefix}\\d{3}$`));
    const printed = (await (await fetch(`${simBase}/sim/devices/ticket-printer/printed`)).json()) as Printed[];
    expect(printed).toHaveLength(1);
    expect(printed[0]!.cut).toBe(true);
    expect(printed[0]!.lines.join('\n')).toContain(number);
  });
});
