/**
 * Face detection + liveness frames analysed per second in the worker (issue 14 item 12, row 2): the real
 * FaceAnalyzer starting the built worker (`dist/main/face-worker.mjs`, what the host runs; `npm run bench`
 * builds it first), fed frames of the simulated face camera's `live` scene one at a time, each analysis pushed
 * into the liveness engine (liveness.ts) whose prompt the simulated citizen follows; a finished check (passed or
 * failed) starts a new one. Frames are taken as soon as the worker is free (the kiosk offers 10 a second,
 * face-liveness-run.ts; here the worker's own pace decides), on the host's real-time clock, so the scene moves
 * as it would. The first WARMUP_FRAMES are not counted (the wasm kernels compile on first use).
 *
 * Baseline in the same run: the worker's own time per analysis (FaceAnalyzer.stats().meanWorkerMs, measured in
 * the worker around detection + landmarks + eye contrast), as the rate it alone would allow; the difference is
 * the frame's rendering in the simulator, the transfer to the worker and back, and the engine.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { SeededRandom } from '../devices-sim/seeded-random';
import { SimFaceCamera } from '../devices-sim/face-camera/sim-face-camera';
import type { FaceFrame, FacePrompt } from '../drivers/devices/face-camera-types';
import { AdjustableClock } from '../main/host/clock/adjustable-clock';
import { challengeOrder } from '../main/host/face/challenge-order';
import { FaceAnalyzer } from '../main/host/face/face-analyzer';
import type { LivenessPrompt } from '../main/host/face/face-types';
import { LivenessCheck } from '../main/host/face/liveness';
import { DEFAULT_LIVENESS_CONFIG } from '../main/host/face/liveness-config';
import { faceWorkerSpec } from '../main/host/face/worker-spec';

const WARMUP_FRAMES = 5;
const HOST_MODULE = new URL('../dist/main/host.mjs', import.meta.url);

export interface FaceThroughput {
  frames: number;
  seconds: number;
  /** Frames analysed per wall-clock second, rendering and engine included. */
  perSecond: number;
  /** The worker's own mean time per analysis over the counted frames. */
  workerMs: number;
  /** Mean time the simulator took to render a frame, on this thread. */
  renderMs: number;
  backend: string | null;
  passed: number;
  failed: number;
  /** Frames with no face found (the live scene always shows one). */
  noFace: number;
}

const CAMERA_PROMPT: Partial<Record<LivenessPrompt, FacePrompt>> = { turnLeft: 'turnLeft', turnRight: 'turnRight', blink: 'blink' };

export async function faceThroughput(seconds: number, maxFrames = Infinity): Promise<FaceThroughput> {
  if (!existsSync(new URL('./face-worker.mjs', HOST_MODULE))) throw new Error(`${fileURLToPath(HOST_MODULE)}: no built face worker next to it; run npm run bench (it builds first)`);
  const clock = new AdjustableClock();
  const analyzer = new FaceAnalyzer({ clock, worker: faceWorkerSpec(HOST_MODULE.href) });
  const camera = new SimFaceCamera({ id: 'face-camera', model: 'sim', clock, scene: 'live', seed: 7 });
  const rng = new SeededRandom(7);
  const newCheck = (): LivenessCheck => new LivenessCheck(challengeOrder(() => rng.nextUint32() / 2 ** 32), DEFAULT_LIVENESS_CONFIG);
  try {
    await analyzer.start();
    await camera.start();
    let check = newCheck();
    let prompt: LivenessPrompt | null = null;
    const counted = { frames: 0, renderMs: 0, passed: 0, failed: 0, noFace: 0 };
    let start = { at: 0, workerMs: 0, analysed: 0 };
    for (let i = 0; ; i++) {
      if (i === WARMUP_FRAMES) {
        const s = analyzer.stats();
        start = { at: performance.now(), workerMs: s.meanWorkerMs * s.analysed, analysed: s.analysed };
      }
      const counting = i >= WARMUP_FRAMES;
      if (counting && (counted.frames >= maxFrames || performance.now() - start.at >= seconds * 1000)) break;
      let state = check.tick(clock.elapsedMs());
      if (!state.done) {
        const r0 = performance.now();
        const frame = camera.grab() as FaceFrame;
        const renderMs = performance.now() - r0;
        const analysis = await analyzer.analyse(frame, i);
        if (analysis === null) throw new Error('the worker dropped a frame offered while idle');
        state = check.push(analysis);
        if (counting) {
          counted.frames++;
          counted.renderMs += renderMs;
          if (analysis.faces.length === 0) counted.noFace++;
        }
      }
      if (state.prompt !== prompt) {
        prompt = state.prompt;
        camera.prompt(CAMERA_PROMPT[state.prompt] ?? 'neutral');
      }
      if (state.done) {
        if (counting) counted[state.prompt === 'passed' ? 'passed' : 'failed']++;
        check = newCheck();
      }
    }
    const elapsed = (performance.now() - start.at) / 1000;
    const s = analyzer.stats();
    const analysed = s.analysed - start.analysed;
    return {
      frames: counted.frames,
      seconds: elapsed,
      perSecond: counted.frames / elapsed,
      workerMs: (s.meanWorkerMs * s.analysed - start.workerMs) / analysed,
      renderMs: counted.renderMs / counted.frames,
      backend: s.backend,
      passed: counted.passed,
      failed: counted.failed,
      noFace: counted.noFace,
    };
  } finally {
    await camera.stop();
    await analyzer.dispose();
  }
}
