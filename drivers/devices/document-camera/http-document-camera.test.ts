// The document camera driver against its simulated vendor service over loopback (issue 17 §3;
// docs/document-camera.md): auto-capture waits out a moving hand, crops and deskews; unplugged, hung and slow
// services end in the closed set of errors; the vendor quirks are read. Real time (the HTTP is real).
import { decode } from 'jpeg-js';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceStatusDelta } from '../../../common/device';
import { SimDocumentCamera, type SimDocumentCameraOptions } from '../../../devices-sim/document-camera/sim-document-camera';
import { AdjustableClock } from '../../../main/host/clock/adjustable-clock';
import { DeviceError } from '../device-error';
import type { CaptureProgress } from './document-camera-types';
import { HttpDocumentCamera } from './http-document-camera';
import { renderTestPage } from './test-support/render-test-page';

const PAGE = renderTestPage(800, 'png');
const PAGE_BASE64 = Buffer.from(PAGE.bytes).toString('base64');
const SCALE = 0.9;

const running: Array<{ cam: HttpDocumentCamera; sim: SimDocumentCamera }> = [];

async function rig(simOptions: Partial<SimDocumentCameraOptions> = {}, requestTimeoutMs = 3000) {
  const clock = new AdjustableClock();
  const sim = new SimDocumentCamera({ id: 'document-camera', model: 'generic-http', clock, ...simOptions });
  await sim.start();
  const cam = new HttpDocumentCamera({ id: 'document-camera', model: 'generic-http', endpoint: () => sim.url, clock, requestTimeoutMs });
  running.push({ cam, sim });
  const deltas: DeviceStatusDelta[] = [];
  cam.onStatusChanged((d) => deltas.push(d));
  return { clock, sim, cam, deltas };
}

function layPage(sim: SimDocumentCamera, body: Record<string, unknown> = {}) {
  return sim.actions().page!.start!({ image: PAGE_BASE64, scale: SCALE, ...body });
}

afterEach(async () => {
  for (const { cam, sim } of running.splice(0)) {
    await cam.close().catch(() => undefined);
    await sim.stop();
  }
});

describe('HttpDocumentCamera ↔ SimDocumentCamera', () => {
  it('waits while a hand moves over a page laid at 6°, then returns it cropped, upright and deskewed by −6°', async () => {
    const { sim, cam, deltas } = await rig({ handFrames: 6 });
    await cam.open();
    expect(cam.status.device).toBe('online');
    expect(layPage(sim, { rotateDeg: 6, offsetX: 40, offsetY: -20 }).camera?.documentPresent).toBe(true);
    const progress: CaptureProgress[] = [];
    const capture = await cam.capture({ timeoutMs: 50_000, onProgress: (p) => progress.push(p) });

    expect(progress.filter((p) => p.stage === 'warmingUp').length).toBeGreaterThanOrEqual(3); // the sim's −2 polls
    expect(progress.some((p) => p.stage === 'waitingForStillness' && (p.motion ?? 0) > 0.05)).toBe(true); // the hand
    expect(sim.framesServed).toBeGreaterThan(6 + 1); // it waited for the hand's frames, then one full-size frame
    expect(capture.stillForMs).toBeGreaterThanOrEqual(800);
    expect(capture.cropped).toBe(true);
    expect(Math.abs(capture.deskewDeg - -6)).toBeLessThan(1);
    expect(Math.abs(capture.width / (PAGE.width * SCALE) - 1)).toBeLessThan(0.03);
    expect(Math.abs(capture.height / (PAGE.height * SCALE) - 1)).toBeLessThan(0.03);

    const img = decode(capture.jpeg, { useTArray: true, formatAsRGBA: true });
    expect([img.width, img.height]).toEqual([capture.width, capture.height]);
    const grey = (fx: number, fy: number) => img.data[(Math.round(fy * img.height) * img.width + Math.round(fx * img.width)) * 4]!;
    expect(grey(0.08, 0.08 / Math.SQRT2)).toBeLessThan(80); // the black corner mark, top-left: upright
    expect(grey(0.92, 0.97)).toBeGreaterThan(170); // paper, not plate, at the far corner
    expect(grey(0.5, 0.99)).toBeGreaterThan(170);

    expect(deltas).toContainEqual({ camera: { streaming: true } });
    expect(deltas).toContainEqual({ camera: { documentPresent: true } });
    expect(cam.status.camera?.streaming).toBe(false);
    await expect.poll(() => sim.status().camera?.streaming).toBe(false); // the camera is closed again
  }, 60_000);

  it('reports an unplugged camera as noDevice and refuses a capture with a clear error', async () => {
    const { sim, cam } = await rig();
    sim.setFaults({ unplugged: true });
    await cam.open();
    expect(cam.status.device).toBe('noDevice');
    const err = await cam.capture({ timeoutMs: 5000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeviceError);
    expect((err as DeviceError).code).toBe('noDevice');
    expect((err as DeviceError).actor).toBe('technician');
    expect((err as DeviceError).message).toMatch(/高拍仪.*unplugged/u);
  });

  it('reports a service that is not running as noDevice', async () => {
    const { clock, sim } = await rig();
    const url = sim.url;
    await sim.stop();
    const cam = new HttpDocumentCamera({ id: 'document-camera', model: 'generic-http', endpoint: () => url, clock });
    running.push({ cam, sim });
    await cam.open();
    expect(cam.status.device).toBe('noDevice');
    await expect(cam.capture({ timeoutMs: 2000 })).rejects.toMatchObject({ code: 'noDevice', message: expect.stringMatching(/does not answer/u) });
  });

  it('bounds a capture from a slow service by its timeoutMs, and a hung one by the request bound', async () => {
    const { clock, sim, cam } = await rig({}, 3000);
    await cam.open();
    layPage(sim);
    sim.setFaults({ slowMs: 5000 });
    const t0 = clock.elapsedMs();
    await expect(cam.capture({ timeoutMs: 1500 })).rejects.toMatchObject({ code: 'timeout' });
    const took = clock.elapsedMs() - t0;
    expect(took).toBeGreaterThanOrEqual(1400);
    expect(took).toBeLessThan(2500);

    sim.setFaults({ slowMs: 0, noReply: true });
    await expect(cam.open({ timeoutMs: 500 })).rejects.toMatchObject({ code: 'timeout' });
    expect(cam.silent).toBe(true);
    expect(cam.status.device).toBe('offline');
  });

  it('reads state codes sent as strings and images sent as data URLs, and gives preview frames', async () => {
    const { sim, cam } = await rig({ codesAsStrings: true, dataUrlImages: true, handFrames: 0, warmUpPolls: 1, sensorWidth: 960, sensorHeight: 720 });
    await cam.open();
    layPage(sim, { rotateDeg: -4, scale: 0.55 });
    const frames: Array<{ width: number; documentPresent: boolean }> = [];
    await new Promise<void>((resolve) => {
      const stream = cam.preview((f) => {
        frames.push({ width: f.width, documentPresent: f.documentPresent });
        if (frames.length === 2) {
          stream.stop();
          resolve();
        }
      });
    });
    expect(frames).toEqual([
      { width: 640, documentPresent: true },
      { width: 640, documentPresent: true },
    ]);
    const capture = await cam.capture({ timeoutMs: 40_000 });
    expect(Math.abs(capture.deskewDeg - 4)).toBeLessThan(1);
  }, 60_000);

  it('switches the lamp through the service', async () => {
    const { sim, cam } = await rig();
    await cam.open();
    await cam.setLight(false);
    expect(sim.lightOn).toBe(false);
    await cam.setLight(true);
    expect(sim.lightOn).toBe(true);
  });
});
