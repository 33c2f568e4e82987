// The renderer's uvc feed (issue 14 item 5): frames at ≤ 10 fps, one in flight, pixels zeroed, tracks stopped,
// and a camera that cannot be opened reported to the host.
import { describe, expect, it } from 'vitest';
import type { ApiChannel } from '../../../common/kiosk-api';
import { cameraProblemOf, UvcFeed, type FrameGrabber, type UvcFeedState } from './uvc-feed';

class FakeTrack {
  stopped = false;
  private ended: Array<() => void> = [];
  stop(): void {
    this.stopped = true;
  }
  addEventListener(_type: 'ended', fn: () => void): void {
    this.ended.push(fn);
  }
  end(): void {
    for (const fn of this.ended) fn();
  }
}

function rig(options: { fail?: string; devices?: Array<{ kind: string; label: string; deviceId: string }> } = {}) {
  const track = new FakeTrack();
  const stream = { getTracks: () => [track], getVideoTracks: () => [track] } as unknown as MediaStream;
  const calls: Array<{ channel: ApiChannel; request: unknown; resolve: (v: unknown) => void }> = [];
  const constraints: MediaStreamConstraints[] = [];
  const images: ImageData[] = [];
  let tick: (() => void) | null = null;
  let intervalMs = 0;
  const states: UvcFeedState[] = [];
  const grabber: FrameGrabber & { disposed: boolean } = {
    disposed: false,
    grab() {
      const data = new Uint8ClampedArray(320 * 240 * 4).fill(200);
      const image = { width: 320, height: 240, data } as unknown as ImageData;
      images.push(image);
      return image;
    },
    dispose() {
      this.disposed = true;
    },
  };
  const listeners = new Set<() => void>();
  const feed = new UvcFeed({
    api: {
      call: ((channel: ApiChannel, request: unknown) => new Promise((resolve) => calls.push({ channel, request, resolve }))) as never,
    },
    mediaDevices: {
      getUserMedia: async (c?: MediaStreamConstraints) => {
        constraints.push(c ?? {});
        if (options.fail) throw Object.assign(new Error('no'), { name: options.fail });
        return stream;
      },
      enumerateDevices: async () => (options.devices ?? []) as MediaDeviceInfo[],
      addEventListener: ((_: string, fn: () => void) => listeners.add(fn)) as never,
      removeEventListener: ((_: string, fn: () => void) => listeners.delete(fn)) as never,
    },
    makeGrabber: () => grabber,
    every: (ms, fn) => {
      intervalMs = ms;
      tick = fn;
      return () => {
        tick = null;
      };
    },
    onState: (s) => states.push(s),
    toBase64: (bytes) => `b64:${bytes.length}`,
  });
  const flush = () => new Promise((r) => setTimeout(r, 0));
  return { feed, track, calls, constraints, images, grabber, states, listeners, flush, tick: () => tick?.(), intervalMs: () => intervalMs, ticking: () => tick !== null };
}

describe('UvcFeed', () => {
  it('opens the camera at 640×480 (no audio) and sends 320×240 RGBA frames at ≤ 10 fps, one in flight, pixels zeroed', async () => {
    const r = rig();
    r.feed.start();
    await r.flush();
    expect(r.constraints[0]).toEqual({ video: { width: { ideal: 640 }, height: { ideal: 480 } }, audio: false });
    expect(r.intervalMs()).toBeGreaterThanOrEqual(100);
    expect(r.states.at(-1)?.stream).not.toBeNull();
    r.tick();
    expect(r.calls).toHaveLength(1);
    expect(r.calls[0]).toMatchObject({ channel: 'face:frame', request: { width: 320, height: 240, format: 'rgba', dataBase64: `b64:${320 * 240 * 4}` } });
    expect(r.images[0]!.data.every((b) => b === 0), 'pixels zeroed after sending').toBe(true);
    r.tick();
    r.tick();
    expect(r.calls, 'skipped while the last call is unanswered').toHaveLength(1);
    r.calls[0]!.resolve({ accepted: true });
    await r.flush();
    r.tick();
    expect(r.calls).toHaveLength(2);
  });

  it('stops every track and the timer when the host stops streaming', async () => {
    const r = rig();
    r.feed.start();
    await r.flush();
    r.feed.stop();
    expect(r.track.stopped).toBe(true);
    expect(r.ticking()).toBe(false);
    expect(r.grabber.disposed).toBe(true);
    expect(r.states.at(-1)).toEqual({ stream: null, problem: null });
  });

  it('a stop before the camera opened still stops its tracks once it does', async () => {
    const r = rig();
    r.feed.start();
    r.feed.stop();
    await r.flush();
    expect(r.track.stopped).toBe(true);
    expect(r.ticking()).toBe(false);
  });

  it('reports a refused or absent camera to the host and on screen; a camera plugged in later as present', async () => {
    const r = rig({ fail: 'NotFoundError', devices: [] });
    r.feed.start();
    await r.flush();
    expect(r.calls.map((c) => [c.channel, c.request])).toEqual([['face:camera', { state: 'notFound' }]]);
    expect(r.states.at(-1)).toEqual({ stream: null, problem: 'notFound' });
    expect(r.listeners.size, 'watching for a camera').toBe(1);
  });

  it('picks the camera by its configured label', async () => {
    const r = rig({ devices: [{ kind: 'videoinput', label: 'Integrated', deviceId: 'a' }, { kind: 'videoinput', label: 'HD USB Camera (1bcf:2284)', deviceId: 'b' }] });
    r.feed.start('HD USB Camera');
    await r.flush();
    expect(r.constraints[0]?.video).toMatchObject({ deviceId: { exact: 'b' } });
  });

  it('names getUserMedia errors in the host words', () => {
    expect(cameraProblemOf(Object.assign(new Error(''), { name: 'NotAllowedError' }))).toBe('denied');
    expect(cameraProblemOf(Object.assign(new Error(''), { name: 'OverconstrainedError' }))).toBe('notFound');
    expect(cameraProblemOf(Object.assign(new Error(''), { name: 'NotReadableError' }))).toBe('failed');
    expect(cameraProblemOf('weird')).toBe('failed');
  });
});
