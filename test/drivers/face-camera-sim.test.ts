import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../common/manual-clock';
import { SimFaceCamera } from '../../devices-sim/face-camera/sim-face-camera';
import type { FaceFrame } from '../../drivers/devices/face-camera-types';
import { FrameSourceFaceCamera } from '../../drivers/devices/face-camera/frame-source-camera';

function rig() {
  const clock = new ManualClock();
  const sim = new SimFaceCamera({ id: 'face-camera', model: 'sim', clock, width: 32, height: 24 });
  const camera = new FrameSourceFaceCamera({ id: 'face-camera', driver: 'faceCamera', model: 'sim', source: sim, clock });
  return { clock, sim, camera };
}

describe('FrameSourceFaceCamera over the simulator', () => {
  it('refuses frames before open, then grabs one; unplugged is noDevice', async () => {
    const { sim, camera } = rig();
    await expect(camera.grab()).rejects.toMatchObject({ code: 'deviceNotReady' });
    await camera.open();
    expect((await camera.grab()).data.length).toBe(32 * 24 * 3);
    sim.setFaults({ unplugged: true });
    await expect(camera.grab()).rejects.toMatchObject({ code: 'noDevice' });
    expect(camera.status.device).toBe('noDevice');
    expect(camera.statistics()).toEqual({ frames: 1, missedFrames: 1 });
  });

  it('streams at the fps on the clock, sets camera.streaming on both sides while it runs, and passes prompts', async () => {
    const { clock, sim, camera } = rig();
    await camera.open();
    const frames: FaceFrame[] = [];
    const deltas: unknown[] = [];
    camera.onStatusChanged((d) => deltas.push(d));
    const stream = camera.stream((f) => frames.push(f), { fps: 5 });
    expect(camera.status.camera).toEqual({ streaming: true });
    expect(sim.status().camera).toEqual({ streaming: true });
    for (let i = 0; i < 5; i++) clock.advance(200); // ManualClock runs a periodic task once per advance (common/periodic.ts)
    expect(frames).toHaveLength(5);
    const t0 = frames[0]!.capturedAt;
    expect(frames.map((f) => f.capturedAt - t0)).toEqual([0, 200, 400, 600, 800]);
    const prompts: string[] = [];
    const follow = sim.prompt.bind(sim);
    sim.prompt = (p) => {
      prompts.push(p);
      follow(p);
    };
    camera.prompt('blink');
    expect(prompts).toEqual(['blink']);
    stream.stop();
    for (let i = 0; i < 5; i++) clock.advance(200);
    expect(frames).toHaveLength(5);
    expect(camera.status.camera).toEqual({ streaming: false });
    expect(deltas).toEqual([{ camera: { streaming: true } }, { camera: { streaming: false } }]);
  });

  it('reports health from one frame, wiped at once', async () => {
    const { camera } = rig();
    expect((await camera.healthCheck('external')).ok).toBe(false);
    await camera.open();
    expect(await camera.healthCheck('external')).toEqual({ level: 'external', ok: true, findings: ['a 32×24 rgb frame arrived'] });
  });
});
