/**
 * Auto-capture (issue 17 §3): poll preview frames at the model's pace (protocols.md §6: about every 200 ms),
 * wait while the camera warms up (−2), wait for a page to be found and to lie still (common/document-image/
 * stillness.ts on a 200-pixel-wide grey copy, so a hand moving over it holds the capture back), then take one
 * full-resolution frame and crop and deskew it (page-processing.ts). Bounded as a whole by `timeoutMs` and the
 * caller's signal; the time-out says what it was still waiting for.
 */
import type { Clock } from '../../../common/clock';
import { detectPage } from '../../../common/document-image/page-detect';
import { downscaleToGrey } from '../../../common/document-image/pixel-image';
import { StillnessTracker } from '../../../common/document-image/stillness';
import { boundedWait } from '../bounded-wait';
import { DeviceError } from '../device-error';
import { pause } from '../pause';
import type { CaptureOptions, CaptureStage, DocumentCapture } from './document-camera-types';
import { decodeCameraJpeg, processStillFrame } from './page-processing';
import { bilingual } from './vendor-client';

export interface CaptureSource {
  readonly clock: Clock;
  readonly pollMs: number;
  ensureOpen(signal: AbortSignal): Promise<void>;
  /** A frame (`preview`: small, for detection; `full`: the capture size), or null while none is ready (−2). */
  grab(kind: 'preview' | 'full', signal: AbortSignal): Promise<Uint8Array | null>;
  /** What the last preview frame showed (status `camera.documentPresent`). */
  sawDocument(present: boolean): void;
}

/** Width of the grey copy stillness and presence are judged on. */
export const PREVIEW_GREY_WIDTH = 200;

const WAITING_FOR: Record<CaptureStage, string> = {
  opening: '打开摄像头 / the camera to open',
  warmingUp: '摄像头出图 / the camera to give a first image',
  waitingForDocument: '放置材料 / a document on the plate',
  waitingForStillness: '材料放稳 / the document to lie still',
  capturing: '拍摄 / the full-size image',
  processing: '裁切纠偏 / crop and deskew',
};

export function captureStillPage(source: CaptureSource, options: CaptureOptions): Promise<DocumentCapture> {
  const inner = new AbortController();
  let stage: CaptureStage = 'opening';
  const wait = boundedWait<DocumentCapture>({
    clock: source.clock,
    what: 'document capture',
    signal: options.signal,
    timeoutMs: options.timeoutMs,
    atDeadline: (ms) => new DeviceError('timeout', bilingual(`${ms} 毫秒内未完成拍摄，仍在等待${WAITING_FOR[stage].split(' / ')[0]}`, `no capture within ${ms} ms: still waiting for ${WAITING_FOR[stage].split(' / ')[1]}`)),
    cleanup: () => inner.abort(),
  });
  const report = (next: CaptureStage, extra: { stillForMs?: number; motion?: number } = {}): void => {
    stage = next;
    options.onProgress?.({ stage: next, ...extra });
  };
  const run = async (): Promise<DocumentCapture> => {
    const signal = inner.signal;
    report('opening');
    await source.ensureOpen(signal);
    const tracker = new StillnessTracker(options.stillness);
    for (;;) {
      if (signal.aborted) throw new DeviceError('canceled', 'document capture: canceled');
      const jpeg = await source.grab('preview', signal);
      if (jpeg === null) {
        report('warmingUp');
        await pause(source.clock, source.pollMs, signal);
        continue;
      }
      const frame = decodeCameraJpeg(jpeg);
      const grey = downscaleToGrey(frame, PREVIEW_GREY_WIDTH);
      frame.data.fill(0);
      const present = detectPage(grey) !== null;
      source.sawDocument(present);
      const reading = tracker.push(grey, source.clock.elapsedMs());
      if (!present && !options.acceptNoPage) report('waitingForDocument', { motion: reading.motion });
      else if (!reading.still) report('waitingForStillness', { stillForMs: reading.stillForMs, motion: reading.motion });
      else {
        report('capturing', { stillForMs: reading.stillForMs });
        const full = await grabFull(source, signal);
        report('processing');
        try {
          const page = await processStillFrame(full, { signal });
          return { ...page, stillForMs: reading.stillForMs };
        } finally {
          full.fill(0);
        }
      }
      await pause(source.clock, source.pollMs, signal);
    }
  };
  run().then(
    (capture) => {
      if (!wait.resolve(capture)) capture.jpeg.fill(0); // too late: nobody will wipe it
    },
    (err: unknown) => void wait.reject(DeviceError.from(err)),
  );
  return wait.promise;
}

/** The full-size frame; a −2 right after a preview (a service switching resolution) is waited out. */
async function grabFull(source: CaptureSource, signal: AbortSignal): Promise<Uint8Array> {
  for (;;) {
    const jpeg = await source.grab('full', signal);
    if (jpeg !== null) return jpeg;
    await pause(source.clock, source.pollMs, signal);
    if (signal.aborted) throw new DeviceError('canceled', 'document capture: canceled');
  }
}
