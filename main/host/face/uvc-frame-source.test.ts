// The uvc face camera's host side (issue 14 item 5): the newest frame kept and handed over, old ones zeroed,
// frames refused while not streaming, the renderer's camera reports, and the device's status over it.
import { Buffer } from 'node:buffer';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../common/manual-clock';
import { SILENT_LOGGER } from '../../../common/logger';
import type { FaceFrameRequest, FaceStreamingView } from '../../../common/face-feed';
import { FrameSourceFaceCamera } from '../../../drivers/devices/face-camera/frame-source-camera';
import { UvcFrameSource } from './uvc-frame-source';

const W = 320;
const H = 240;

function request(fill: number, width = W, height = H): FaceFrameRequest {
  return { width, height, format: 'rgba', dataBase64: Buffer.alloc(width * height * 4, fill).toString('base64') };
}

function rig(deviceLabel?: string) {
  const clock = new ManualClock(Date.parse('2026-12-02T08:00:00+08:00'));
  const source = new UvcFrameSource({ clock, log: SILENT_LOGGER, ...(deviceLabel !== undefined && { deviceLabel }) });
  return { clock, source };
}

describe('UvcFrameSource', () => {
  it('refuses frames until the host streams, then keeps the newest: grab() hands it over once', () => {
    const { source } = rig();
    expect(source.accept(request(7))).toEqual({ accepted: false });
    expect(source.grab()).toBeNull();
    source.setStreaming(true);
    expect(source.accept(request(7))).toEqual({ accepted: true });
    const frame = source.grab();
    expect(frame).toMatchObject({ width: W, height: H, format: 'rgba' });
    expect(frame!.data.length).toBe(W * H * 4);
    expect(frame!.data.every((b) => b === 7)).toBe(true);
    expect(frame!.data.byteOffset === 0 && frame!.data.buffer.byteLength === frame!.data.length, 'owns its whole buffer (transferable)').toBe(true);
    expect(source.grab(), 'handed over, not kept').toBeNull();
  });

  it('zeroes the frame a newer one replaces, and the one waiting when streaming stops', () => {
    const { source } = rig();
    source.setStreaming(true);
    source.accept(request(1));
    const first = (source as unknown as { latest: { data: Uint8Array } }).latest.data;
    source.accept(request(2));
    expect(first.every((b) => b === 0), 'replaced frame zeroed').toBe(true);
    const second = (source as unknown as { latest: { data: Uint8Array } }).latest.data;
    source.setStreaming(false);
    expect(second.every((b) => b === 0), 'waiting frame zeroed at stop').toBe(true);
    expect(source.grab()).toBeNull();
  });

  it('zeroes a stale frame instead of handing it out', () => {
    const { clock, source } = rig();
    source.setStreaming(true);
    source.accept(request(9));
    const data = (source as unknown as { latest: { data: Uint8Array } }).latest.data;
    clock.advance(1_500);
    expect(source.grab()).toBeNull();
    expect(data.every((b) => b === 0)).toBe(true);
  });

  it('tells the renderer (the push) when to stream, with the configured label', () => {
    const { source } = rig('HD USB Camera');
    const seen: FaceStreamingView[] = [];
    source.onChanged((v) => seen.push(v));
    source.setStreaming(true);
    source.setStreaming(true);
    source.setStreaming(false);
    expect(seen).toEqual([
      { on: true, deviceLabel: 'HD USB Camera' },
      { on: false, deviceLabel: 'HD USB Camera' },
    ]);
    expect(rig().source.view()).toEqual({ on: false });
  });

  it('prompt() does nothing for a real camera', () => {
    const { source } = rig();
    expect(() => source.prompt('turnLeft')).not.toThrow();
  });

  it('decodes a 320×240 RGBA frame in well under a frame period (base64 over the socket is cheap enough)', () => {
    const { source } = rig();
    source.setStreaming(true);
    const req = request(128);
    const runs = 50;
    const t0 = performance.now();
    for (let i = 0; i < runs; i++) {
      source.accept(req);
      source.grab()?.data.fill(0);
    }
    const perFrameMs = (performance.now() - t0) / runs;
    process.stdout.write(`uvc: decode + copy of one ${W}×${H} RGBA frame (${req.dataBase64.length} base64 chars): ${perFrameMs.toFixed(2)} ms\n`);
    expect(perFrameMs).toBeLessThan(20);
  });
});

describe('FrameSourceFaceCamera over the uvc feed', () => {
  it('stays online between the renderer\'s frames, and is noDevice while the renderer reports no camera', async () => {
    const { clock, source } = rig();
    const camera = new FrameSourceFaceCamera({ id: 'face-camera', driver: 'facecam', model: 'generic-uvc', source, clock });
    await camera.open();
    expect(camera.status.device).toBe('online');
    const frames: number[] = [];
    const stream = camera.stream((f) => {
      frames.push(f.data[0] as number);
      f.data.fill(0);
    }, { fps: 10 });
    expect(source.streaming).toBe(true);
    clock.advance(100);
    expect(camera.status.device, 'no frame yet is not a missing camera').toBe('online');
    source.accept(request(5));
    clock.advance(100);
    expect(frames).toEqual([5]);

    source.reportCamera('denied');
    expect(camera.status.device).toBe('noDevice');
    source.reportCamera('present');
    expect(camera.status.device).toBe('online');
    source.reportCamera('notFound');
    source.accept(request(6)); // a frame says the camera is there again
    expect(camera.status.device).toBe('online');

    stream.stop();
    expect(source.streaming).toBe(false);
    await camera.close();
  });
});
