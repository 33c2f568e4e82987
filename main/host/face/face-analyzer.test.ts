import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../common/manual-clock';
import type { FaceFrame } from '../../../drivers/devices/face-camera-types';
import { FaceAnalyzer, FaceAnalyzerError } from './face-analyzer';
import { tsWorkerSpec } from './worker-spec';

const fake = tsWorkerSpec(new URL('./test-support/fake-face-worker.ts', import.meta.url));

function frame(width: number, first = 128): FaceFrame {
  const data = new Uint8Array(width * 2 * 3).fill(7);
  data[0] = first;
  return { width, height: 2, format: 'rgb', data, capturedAt: 5 };
}

const until = async (cond: () => boolean): Promise<void> => {
  while (!cond()) await new Promise((r) => setTimeout(r, 5));
};

let analyzer: FaceAnalyzer | null = null;
afterEach(async () => {
  await analyzer?.dispose();
  analyzer = null;
});

function make(clock = new ManualClock(), maxRestarts = 3): FaceAnalyzer {
  analyzer = new FaceAnalyzer({ clock, worker: fake, timeoutMs: 1000, maxRestarts });
  return analyzer;
}

describe('FaceAnalyzer', () => {
  it('drops (and wipes) a frame offered while one is in flight, never queues it, and moves the sent one', async () => {
    const a = make();
    const early = frame(4);
    expect(await a.analyse(early, 0)).toBeNull(); // not ready yet: dropped
    expect(early.data.every((b) => b === 0)).toBe(true);
    await a.start();
    const first = frame(4, 255);
    const second = frame(4);
    const p1 = a.analyse(first, 1);
    const p2 = a.analyse(second, 2);
    expect(first.data.byteLength).toBe(0); // transferred to the worker
    expect(second.data.every((b) => b === 0)).toBe(true);
    expect(await p2).toBeNull();
    const r1 = await p1;
    expect(r1).toMatchObject({ frameId: 1, atMs: 5, width: 4, height: 2, faces: [{ score: 1 }] });
    expect(await a.analyse(frame(4), 3)).toMatchObject({ frameId: 3 });
    expect(a.stats()).toMatchObject({ analysed: 2, dropped: 2, restarts: 0, backend: 'fake' });
  });

  it('rejects a frame the worker never answers after timeoutMs on the clock, then restarts the worker', async () => {
    const clock = new ManualClock();
    const a = make(clock);
    await a.start();
    const hung = a.analyse(frame(1), 1);
    clock.advance(999);
    expect(a.busy).toBe(true);
    clock.advance(1);
    await expect(hung).rejects.toMatchObject({ code: 'timeout' });
    await until(() => !a.busy);
    expect(await a.analyse(frame(4), 2)).toMatchObject({ frameId: 2 });
    expect(a.stats().restarts).toBe(1);
  });

  it('rejects the frame in flight when the worker dies, restarts it, and gives up after maxRestarts in a row', async () => {
    const a = make(new ManualClock(), 1);
    await a.start();
    await expect(a.analyse(frame(2), 1)).rejects.toMatchObject({ code: 'crashed' });
    await until(() => !a.busy);
    await expect(a.analyse(frame(2), 2)).rejects.toBeInstanceOf(FaceAnalyzerError);
    await expect(a.analyse(frame(4), 3)).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('a good answer after a crash resets the count of failures in a row', async () => {
    const a = make(new ManualClock(), 1);
    await a.start();
    await expect(a.analyse(frame(2), 1)).rejects.toMatchObject({ code: 'crashed' });
    await until(() => !a.busy);
    expect(await a.analyse(frame(4), 2)).not.toBeNull();
    await expect(a.analyse(frame(2), 3)).rejects.toMatchObject({ code: 'crashed' });
    await until(() => !a.busy);
    expect(await a.analyse(frame(4), 4)).not.toBeNull();
  });

  it('encodes a JPEG after the frame in flight, and refuses everything once disposed', async () => {
    const a = make();
    await a.start();
    const pending = a.analyse(frame(4), 1);
    const jpeg = await a.encodeJpeg(frame(4));
    expect(await pending).not.toBeNull();
    expect([...jpeg]).toEqual([0xff, 0xd8, 0xff, 0xd9]);
    await a.dispose();
    const late = frame(4);
    await expect(a.analyse(late, 2)).rejects.toMatchObject({ code: 'disposed' });
    expect(late.data.every((b) => b === 0)).toBe(true);
  });
});
