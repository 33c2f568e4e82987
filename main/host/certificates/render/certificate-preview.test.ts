import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../../common/manual-clock';
import { renderPreviewPng } from './certificate-preview';
import { createInlineCertificateRenderer } from './inline-certificate-renderer';
import { socialInsurancePayments } from './test-support/sample-certificates';

let pdf: Uint8Array;
let dir: string;
beforeAll(async () => {
  const result = await createInlineCertificateRenderer().render(socialInsurancePayments());
  if (!result.ok) throw new Error(result.message);
  pdf = result.pdf;
  dir = mkdtempSync(join(tmpdir(), 'cert-preview-'));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A4 (595.28 × 841.89 pt) at `dpi`, give or take poppler's rounding up. */
function expectA4(image: { width: number; height: number }, dpi: number): void {
  expect(Math.abs(image.width - (595.28 / 72) * dpi)).toBeLessThanOrEqual(1);
  expect(Math.abs(image.height - (841.89 / 72) * dpi)).toBeLessThanOrEqual(1);
}

describe('renderPreviewPng (pdftoppm)', () => {
  it('rasterises page 1 at 60 dpi, and any other page asked for', async () => {
    const first = await renderPreviewPng(pdf, { clock: new ManualClock() });
    if (!first.ok) throw new Error(first.message);
    expectA4(first, 60);
    expect([...first.png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const third = await renderPreviewPng(pdf, { clock: new ManualClock(), page: 3, dpi: 30 });
    if (!third.ok) throw new Error(third.message);
    expectA4(third, 30);
    expect(Buffer.from(third.png).equals(Buffer.from(first.png))).toBe(false);
  });

  it('fails with a message for a page the PDF does not have', async () => {
    expect(await renderPreviewPng(pdf, { clock: new ManualClock(), page: 4 })).toMatchObject({ ok: false, message: expect.stringMatching(/^证明预览失败：第 4 页无法生成图像 \/ the certificate preview failed: page 4 could not be rasterised/) });
  });

  it('says poppler-utils is needed when pdftoppm is not there', async () => {
    expect(await renderPreviewPng(pdf, { clock: new ManualClock(), pdftoppm: join(dir, 'no-pdftoppm') })).toMatchObject({ ok: false, message: expect.stringContaining('poppler-utils') });
  });

  it('kills a rasteriser that hangs once timeoutMs passes on the clock', async () => {
    const hang = join(dir, 'hang.sh');
    const pidFile = join(dir, 'hang.pid');
    writeFileSync(hang, `#!/bin/sh\necho $$ > ${pidFile}\nexec sleep 600\n`);
    chmodSync(hang, 0o755);
    const clock = new ManualClock();
    const pending = renderPreviewPng(pdf, { clock, pdftoppm: hang, timeoutMs: 3000 });
    while (!existsSync(pidFile) || readFileSync(pidFile, 'utf8').trim() === '') await new Promise((r) => setTimeout(r, 5));
    const pid = Number(readFileSync(pidFile, 'utf8'));
    clock.advance(3000);
    expect(await pending).toMatchObject({ ok: false, message: expect.stringContaining('no image within 3000 ms') });
    const alive = (): boolean => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    while (alive()) await new Promise((r) => setTimeout(r, 5));
  });
});
