import { describe, expect, it } from 'vitest';
import { ManualClock } from '../test-support/manual-clock';
import { SimActionError, SimFaultError } from '../sim-device';
import { SimFaceCamera } from './sim-face-camera';

const camera = (clock = new ManualClock()): SimFaceCamera => new SimFaceCamera({ id: 'face-camera', model: 'sim-uvc', clock, seed: 5 });

/** Mean absolute difference of two frames' bytes. */
const diff = (a: Uint8Array, b: Uint8Array): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs((a[i] as number) - (b[i] as number));
  return s / a.length;
};

describe('SimFaceCamera', () => {
  it('takes a scene from the scene action and refuses a bad body naming the field', () => {
    const cam = camera();
    const scene = cam.actions().scene!;
    expect(scene.start!({ scene: 'photo' })).toEqual({ device: 'online', camera: { streaming: false } });
    expect(cam.currentScene).toBe('photo');
    for (const body of [{ scene: 'mask' }, {}, { scene: 'live', extra: 1 }, null, 'live', ['live']]) {
      let caught: unknown;
      try {
        scene.start!(body);
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(SimActionError);
      expect((caught as SimActionError).badRequest).toBe(true);
    }
    expect(() => scene.start!({ scene: 'mask' })).toThrow(/"scene"/);
    expect(() => scene.start!({ scene: 'live', extra: 1 })).toThrow(/"extra"/);
    expect(cam.currentScene).toBe('photo');
  });

  it('reports camera.streaming, and unplugged as noDevice without frames; faults are validated', () => {
    const cam = camera();
    const seen: unknown[] = [];
    cam.onStatusChanged((s) => seen.push(s));
    cam.setStreaming(true);
    expect(cam.status()).toEqual({ device: 'online', camera: { streaming: true } });
    expect(cam.setFaults({ unplugged: true })).toEqual({ device: 'noDevice', camera: { streaming: false } });
    expect(cam.grab()).toBeNull();
    expect(() => cam.setFaults({ smoke: true })).toThrow(SimFaultError);
    expect(() => cam.setFaults({ unplugged: 'yes' })).toThrow(SimFaultError);
    cam.reset();
    expect(cam.status()).toEqual({ device: 'online', camera: { streaming: false } });
    expect(seen).toHaveLength(3);
  });

  it('renders 320×240 RGB frames stamped with the clock; a photo changes only by sensor noise, a live face follows the prompt', () => {
    const clock = new ManualClock();
    const cam = camera(clock);
    cam.setScene('photo');
    clock.advance(40);
    const a = cam.grab()!;
    expect(a).toMatchObject({ width: 320, height: 240, format: 'rgb', capturedAt: clock.elapsedMs() });
    expect(a.data.length).toBe(320 * 240 * 3);
    cam.prompt('turnLeft');
    clock.advance(1000);
    const b = cam.grab()!;
    expect(diff(a.data, b.data)).toBeLessThan(2.5); // ±2 noise: mean |difference| ≈ 1.6
    cam.setScene('live');
    cam.prompt('neutral');
    const neutral = cam.grab()!;
    cam.prompt('turnLeft');
    clock.advance(1000);
    expect(diff(neutral.data, cam.grab()!.data)).toBeGreaterThan(5);
  });

  it('holds the moved photo still at first, then moves it; none shows no face-sized detail', () => {
    const clock = new ManualClock();
    const cam = camera(clock);
    cam.setScene('movedPhoto');
    const first = cam.grab()!;
    clock.advance(1000);
    expect(diff(first.data, cam.grab()!.data)).toBeLessThan(2.5);
    clock.advance(1500);
    expect(diff(first.data, cam.grab()!.data)).toBeGreaterThan(5);
    cam.setScene('none');
    const empty = cam.grab()!;
    const reds = Array.from(empty.data.subarray(120 * 960, 121 * 960)).filter((_, i) => i % 3 === 0);
    expect(Math.max(...reds) - Math.min(...reds)).toBeLessThanOrEqual(4); // one row of a wall: noise only
  });

  it('repeats the last frame while frozen, a fresh copy each time', () => {
    const clock = new ManualClock();
    const cam = camera(clock);
    cam.setFaults({ frozen: true });
    const a = cam.grab()!;
    cam.prompt('turnLeft');
    clock.advance(1000);
    const b = cam.grab()!;
    expect(diff(a.data, b.data)).toBe(0);
    expect(b.data === a.data).toBe(false);
    a.data.fill(0);
    expect(diff(cam.grab()!.data, b.data)).toBe(0);
    expect(b.data.some((v) => v !== 0)).toBe(true);
  });
});
