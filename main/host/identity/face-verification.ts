/**
 * The live-face step (issue 14 §5): after the citizen's consent, the camera's frames go through the face
 * worker's active liveness check (face-liveness-run.ts: centred, near enough, still; turn left / right / blink
 * in a random order); the best frontal frame then goes, with the card, to the platform, which decides whether
 * the face is the card holder's (人证比对). The kiosk's liveness is a first gate only. Frames are zeroed as soon
 * as they are used; the JPEG once sent.
 */
import type { Clock } from '../../../common/clock';
import { errorInfo } from '../../../common/errors';
import type { FaceStepView } from '../../../common/identity';
import { isoWithOffset } from '../../../common/local-time';
import type { Logger } from '../../../common/logger';
import type { PlatformCardFields } from '../../../common/platform-api';
import type { FaceCamera } from '../../../drivers/devices/face-camera-types';
import type { FaceAnalyzer } from '../face/face-analyzer';
import { FaceLivenessRun, type LivenessOutcome } from '../face/face-liveness-run';
import type { LivenessConfig } from '../face/liveness-config';
import type { PlatformClient } from '../platform/platform-client';
import { identityRefusalError } from '../platform/platform-refusals';
import { CameraFeed } from './camera-feed';
import type { VerificationOutcome } from './verification-outcome';

/** Frames offered to the worker per second; it analyses as many as it can (face-analyzer.ts back-pressure). */
const FEED_FPS = 10;

export interface FaceVerifierDeps {
  clock: Clock;
  log: Logger;
  timeZone: string;
  camera: () => FaceCamera | undefined;
  /** The face worker, started on first use. */
  analyzer: () => Promise<FaceAnalyzer>;
  platform: () => PlatformClient | null;
  /** Numbers in [0, 1) for the challenge order: unpredictable in production (a recorded video cannot know it). */
  random: () => number;
  liveness?: Partial<LivenessConfig>;
}

export async function verifyFace(deps: FaceVerifierDeps, card: PlatformCardFields, onStep: (view: FaceStepView | 'verifying') => void, signal: AbortSignal): Promise<VerificationOutcome> {
  const camera = deps.camera();
  const platform = deps.platform();
  if (!camera) return { ok: false, error: errorInfo('noDevice', 'no faceCamera in the device registry') };
  if (!platform) return { ok: false, error: errorInfo('platformUnavailable', 'no platform configured to compare faces') };
  let analyzer: FaceAnalyzer;
  try {
    analyzer = await deps.analyzer();
  } catch (err) {
    deps.log.error('face worker did not start', { error: err });
    return { ok: false, error: errorInfo('deviceNotReady', 'the face worker did not start') };
  }
  if (signal.aborted) return { ok: false, error: errorInfo('canceled') };
  const feed = new CameraFeed(camera, FEED_FPS);
  let lastSaid = '';
  const run = new FaceLivenessRun({
    camera: feed,
    analyzer,
    clock: deps.clock,
    random: deps.random,
    ...(deps.liveness && { config: deps.liveness }),
    // The engine reports every analysed frame; the citizen's screen changes only when the prompt does.
    onState: (s) => {
      const said = `${s.prompt}:${s.step?.index ?? ''}`;
      if (said === lastSaid) return;
      lastSaid = said;
      onStep(s.step ? { prompt: s.prompt, challenge: { index: s.step.index, total: s.step.total } } : { prompt: s.prompt });
    },
  });
  const cancel = (): void => run.cancel();
  signal.addEventListener('abort', cancel, { once: true });
  // A camera denied, unplugged or gone (a uvc camera the renderer lost) ends the attempt at once, with why.
  let lost = camera.status.device === 'noDevice';
  const unwatch = camera.onStatusChanged((_delta, status) => {
    if (status.device !== 'noDevice') return;
    lost = true;
    run.cancel();
  });
  let outcome: LivenessOutcome;
  try {
    outcome = lost ? { outcome: 'canceled' } : await run.run();
  } finally {
    unwatch();
    signal.removeEventListener('abort', cancel);
    feed.stop();
    run.wipe();
  }
  if (lost) return { ok: false, error: errorInfo('noDevice', 'the face camera is not available') };
  if (outcome.outcome !== 'passed') return { ok: false, error: livenessError(outcome) };
  onStep('verifying');
  const jpegBase64 = Buffer.from(outcome.jpeg).toString('base64');
  outcome.jpeg.fill(0);
  // The kiosk's check is pass / fail: a passed check is sent as live with full confidence; the platform decides.
  const reply = await platform.verifyIdentity({ card, face: { jpegBase64, capturedAt: isoWithOffset(deps.clock.now(), deps.timeZone), liveness: { live: true, score: 1 } } }, { signal });
  if (!reply.ok) return { ok: false, error: reply.error };
  const refusal = identityRefusalError(reply.value);
  return refusal ? { ok: false, error: refusal } : { ok: true, transactionId: reply.value.transactionId };
}

function livenessError(outcome: Exclude<LivenessOutcome, { outcome: 'passed' }>): ReturnType<typeof errorInfo> {
  switch (outcome.outcome) {
    case 'canceled':
      return errorInfo('canceled');
    case 'error':
      return errorInfo('deviceNotReady', `face worker: ${outcome.message}`);
    case 'failed':
      return outcome.failure === 'faceLost' ? errorInfo('faceNotDetected', 'no usable face for too long') : errorInfo('livenessFailed', `liveness: ${outcome.failure}`);
  }
}
