// The UVC document camera path in Debian's Chromium (issue 17 §3): a fake camera of this test's own launch
// (--use-fake-device-for-media-stream --use-file-for-fake-video-capture) plays a .y4m made here — a page laid at
// 6° on a dark plate, a hand moving over it for the first frames, then still with sensor noise — to a plain page
// that runs uvc-capture.ts bundled with esbuild. The capture must wait for the still frames and return the page
// cropped and deskewed by −6°.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { decode } from 'jpeg-js';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePicture } from '../../../../devices-sim/document-camera/page-image';
import { renderFrame, renderStill } from '../../../../devices-sim/document-camera/plate-scene';
import { SeededRandom } from '../../../../devices-sim/seeded-random';
import { renderTestPage } from '../../../../drivers/devices/document-camera/test-support/render-test-page';
import { writeY4m, type RgbFrame } from '../../../../test/support/y4m';

const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) process.stderr.write('SKIPPED uvc document camera browser test: /usr/bin/chromium is missing\n');

const W = 640;
const H = 480;
const PAGE_WIDTH = 280;
const HAND_FRAMES = 6;

function cameraFrames(): RgbFrame[] {
  const page = renderTestPage(PAGE_WIDTH, 'png');
  const picture = decodePicture(page.bytes);
  const still = renderStill(W, H, W, { picture, cx: W / 2 + 10, cy: H / 2, scale: 1, rotateDeg: 6 }, true);
  const rng = new SeededRandom(3);
  // 10 fps: 0.6 s of hand, then 5.4 s still; the file loops, so the still run is long enough for stillMs 800.
  return Array.from({ length: 60 }, (_, i) => ({ width: W, height: H, data: renderFrame(still, W, H, rng, 3, i < HAND_FRAMES ? i : null), channels: 4 as const }));
}

describe.skipIf(!hasChromium)('captureFromUvc in Chromium with a fake camera', () => {
  let work: string;
  let server: Server;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'hallkiosk-doccam-uvc-'));
    const y4m = join(work, 'page.y4m');
    writeY4m(y4m, cameraFrames(), 10);
    const entry = join(work, 'entry.ts');
    writeFileSync(
      entry,
      `import { browserUvcDeps, captureFromUvc } from ${JSON.stringify(join(import.meta.dirname, 'uvc-capture.ts'))};
      (window as any).runCapture = async () => {
        const stages: string[] = [];
        const r = await captureFromUvc(browserUvcDeps(), { width: ${W}, height: ${H}, timeoutMs: 30000, onProgress: (p) => stages.push(p.stage + ':' + (p.motion ?? 0).toFixed(3)) });
        const bytes = new Uint8Array(await r.jpeg.arrayBuffer());
        let bin = ''; for (const b of bytes) bin += String.fromCharCode(b);
        return { width: r.width, height: r.height, cropped: r.cropped, deskewDeg: r.deskewDeg, stillForMs: r.stillForMs, stages, jpegBase64: btoa(bin), type: r.jpeg.type };
      };`,
    );
    await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'browser', outfile: join(work, 'bundle.js'), logLevel: 'silent' });
    const html = '<!doctype html><meta charset="utf-8"><title>uvc capture</title><script type="module" src="/bundle.js"></script>';
    server = createServer((req, res) => {
      if (req.url === '/bundle.js') {
        res.writeHead(200, { 'Content-Type': 'text/javascript' });
        res.end(readFileSync(join(work, 'bundle.js')));
      } else {
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.end(html);
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${y4m}`],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('waits for the hand to leave, then returns the page cropped and deskewed', async () => {
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForFunction(() => 'runCapture' in window);
    const result = await page.evaluate(() => (window as unknown as { runCapture(): Promise<Record<string, unknown>> }).runCapture());
    const r = result as { width: number; height: number; cropped: boolean; deskewDeg: number; stillForMs: number; stages: string[]; jpegBase64: string; type: string };
    expect(r.type).toBe('image/jpeg');
    expect(r.cropped).toBe(true);
    expect(Math.abs(r.deskewDeg - -6)).toBeLessThan(1);
    expect(r.stillForMs).toBeGreaterThanOrEqual(800);
    expect(Math.abs(r.width / PAGE_WIDTH - 1)).toBeLessThan(0.04);
    expect(Math.abs(r.height / Math.round(PAGE_WIDTH * Math.SQRT2) - 1)).toBeLessThan(0.04);
    const img = decode(Buffer.from(r.jpegBase64, 'base64'), { useTArray: true });
    expect([img.width, img.height]).toEqual([r.width, r.height]);
    const grey = (fx: number, fy: number) => img.data[(Math.round(fy * img.height) * img.width + Math.round(fx * img.width)) * 4]!;
    expect(grey(0.08, 0.08 / Math.SQRT2)).toBeLessThan(90); // the corner mark, top-left
    expect(grey(0.9, 0.95)).toBeGreaterThan(160);
    await page.close();
  }, 90_000);
});

