/**
 * The `uvc` face camera end to end (issue 14 item 5): the real launcher, supervisor and host in training mode
 * with `face-camera` on `{ kind: "uvc" }` (every other device simulated), the built renderer in Debian's
 * Chromium with a fake camera playing a `.y4m` made here from face-api's sample face (the simulator's own base
 * image, still, with sensor noise). The browser's profile is prepared the way the browser shell prepares each
 * fresh one (main/web/camera-grant.ts: the camera granted to the kiosk's origin only) and runs without
 * `--use-fake-ui-for-media-stream`, so the test also shows that grant opens the camera with no prompt.
 *
 * What is asserted is what is honest for a still picture: the renderer's frames reach the host and the worker
 * finds a face in them (the prompts move past 请面对摄像头 to a challenge), the preview shows in the face guide,
 * and the attempt ends refused as `livenessFailed`, since a still image cannot turn its head. A recorded video
 * that passes would have to know the challenge order, which is drawn unpredictably per attempt (by design).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KioskSnapshot } from '../../common/kiosk-api';
import { loadSampleFace, BASE_HEIGHT, BASE_WIDTH } from '../../devices-sim/face-camera/sample-face';
import { renderFace } from '../../devices-sim/face-camera/scene-render';
import { SeededRandom } from '../../devices-sim/seeded-random';
import { DEFAULT_CONFIG_JSON } from '../../main/host/config/default-config';
import { writeCameraGrant } from '../../main/web/camera-grant';
import { CHROMIUM, hasChromium, screenshot } from '../support/browser';
import { startKiosk, type RunningKiosk } from '../support/kiosk-process';
import { connectWs } from '../support/ws-client';
import { writeY4m, type RgbFrame } from '../support/y4m';

if (!hasChromium) process.stderr.write('SKIPPED face-uvc e2e: /usr/bin/chromium is missing (npm test installs it when run as root)\n');

/** A still face, 640×480 (what the renderer asks the camera for), a few frames of fresh sensor noise looped. */
function stillFaceFrames(count: number): RgbFrame[] {
  const base = loadSampleFace();
  return Array.from({ length: count }, (_, i) => {
    const data = new Uint8Array(BASE_WIDTH * BASE_HEIGHT * 3);
    renderFace(base, data, BASE_WIDTH, BASE_HEIGHT, { turn: 0, closure: 0 }, new SeededRandom(i + 1), 2);
    return { width: BASE_WIDTH, height: BASE_HEIGHT, data, channels: 3 };
  });
}

describe.skipIf(!hasChromium)('the uvc face camera (browser shell, Chromium fake camera)', () => {
  let kiosk: RunningKiosk;
  let context: BrowserContext;
  let page: Page;
  let work: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'hallkiosk-uvc-'));
    const y4m = join(work, 'still-face.y4m');
    writeY4m(y4m, stillFaceFrames(6), 10);
    const config = JSON.parse(DEFAULT_CONFIG_JSON) as { devices: Record<string, { transport: unknown }> };
    config.devices['face-camera']!.transport = { kind: 'uvc' };
    kiosk = await startKiosk({ config, env: { KIOSK_SIM_LINE_MS: '5' } });
    const profile = join(work, 'profile');
    writeCameraGrant(profile, new URL(kiosk.kioskUrl).origin);
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      viewport: { width: 1080, height: 1920 },
      locale: 'zh-CN',
      hasTouch: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${y4m}`],
    });
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(kiosk.kioskUrl);
  }, 90_000);
  afterAll(async () => {
    await context?.close();
    await kiosk?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  async function hostSnapshot(): Promise<KioskSnapshot> {
    const client = await connectWs(kiosk.kioskUrl);
    try {
      return await client.call('kiosk:get-snapshot', {});
    } finally {
      client.close();
    }
  }

  it('frames reach the face worker, which finds the face and asks for a challenge; a still picture is refused as livenessFailed', async () => {
    expect((await hostSnapshot()).faceStreaming, 'the host says it has a uvc camera and is not streaming yet').toEqual({ on: false });
    expect(await page.evaluate(async () => (await navigator.permissions.query({ name: 'camera' as PermissionName })).state), 'camera granted to the kiosk origin').toBe('granted');

    const start = page.getByRole('button', { name: '点击开始' });
    const tile = page.getByRole('button', { name: '刷身份证取号' });
    await start.or(tile).first().waitFor({ timeout: 20_000 });
    if (await start.isVisible()) await start.click();
    await expect.poll(() => tile.getAttribute('aria-disabled'), { timeout: 20_000 }).not.toBe('true');
    await tile.click();
    await page.getByRole('button', { name: '同意，开始刷脸' }).click();
    await page.getByRole('heading', { name: '请将身份证放在读卡区', exact: true }).waitFor({ timeout: 20_000 });
    await kiosk.sim('/sim/devices/id-card-reader/card', { body: { fixture: 'adult' } });

    await page.getByRole('heading', { name: '请看向屏幕上方的摄像头', exact: true }).waitFor({ timeout: 20_000 });
    await page.locator('.face-guide [data-testid="face-preview"]').waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-testid="face-preview"]').getAttribute('aria-hidden')).toBe('true');

    // The worker found the face in the renderer's frames: past 请面对摄像头 to a challenge (first frames take the worker's start, ~2 s).
    await expect
      .poll(async () => (await hostSnapshot()).identity.face?.challenge !== undefined, { timeout: 40_000, interval: 250 })
      .toBe(true);
    expect((await hostSnapshot()).faceStreaming?.on, 'the host streams during the challenge').toBe(true);
    await screenshot(page, 'face-uvc-challenge');

    // A still picture never turns or blinks: the challenge times out and the attempt is refused.
    await expect.poll(async () => (await hostSnapshot()).identity.step, { timeout: 40_000, interval: 250 }).toBe('refused');
    const after = await hostSnapshot();
    expect(after.identity.error?.code).toBe('livenessFailed');
    expect(after.faceStreaming, 'streaming stopped with the attempt').toEqual({ on: false });
    await page.locator('[data-testid="face-preview"]').waitFor({ state: 'detached', timeout: 10_000 });
    expect(kiosk.output(), 'no pixels in the logs').not.toMatch(/dataBase64|[A-Za-z0-9+/]{400,}/);
  }, 150_000);
});
