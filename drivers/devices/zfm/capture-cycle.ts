/**
 * One capture on a fingerprint module, run as one command of the device's queue so nothing comes between
 * its steps (protocols.md §3.2, after F2's search and enroll examples): GenImg until a finger (`02` no
 * finger: keep polling, bounded by the deadline and the signal) → Img2Tz into buffer 1 → with two presses,
 * lift, GenImg, Img2Tz into buffer 2, Match, RegModel → UpChar of buffer 1 (a data stream, data-stream.ts).
 * GenImg and Img2Tz are idempotent, so a lost reply is simply retried (zfm-link.ts).
 */
import type { Clock } from '../../../common/clock';
import type { ErrorCode } from '../../../common/errors';
import type { Logger } from '../../../common/logger';
import type { CharBuffer, ZfmCommand } from '../../protocol/zfm/commands';
import { CC_OK } from '../../protocol/zfm/confirmation-codes';
import * as C from '../../protocol/zfm/constants';
import type { ZfmModuleModel } from '../../protocol/zfm/module-models';
import { DeviceError } from '../device-error';
import type { CaptureEvents, CaptureQuality, FingerprintCapture, FingerprintComparison } from '../fingerprint-types';
import { pause } from '../pause';
import { fingerprintCapture } from './fingerprint-capture';
import type { FingerPresence } from './finger-presence';
import type { ZfmAnswer, ZfmExchange, ZfmLink } from './zfm-link';

export interface CycleContext {
  link: Pick<ZfmLink, 'exchange' | 'exchangeUpload' | 'download'>;
  presence: FingerPresence;
  model: ZfmModuleModel;
  clock: Clock;
  log: Logger;
  /** Serial 8N1: baud / 10; undefined for a link fast enough not to count. */
  bytesPerSecond: number | undefined;
  /** The module's data-packet size (ReadSysPara, §3.1). */
  packetBytes: number;
  /** GenImg `03` this many times in a row: the sensor is failing; the device reports hardwareError. */
  sensorFailed(detail: string): void;
}

export interface CaptureRequest {
  presses: 1 | 2;
  /** `clock.elapsedMs()` by which a finger must be on the sensor (and lifted, between presses). */
  deadlineMs: number;
  events: CaptureEvents | undefined;
}

/** GenImg `03` in a row before the sensor, not the finger, is taken to be at fault [decision]. */
export const IMAGING_FAILURES_BEFORE_FAULT = 3;
const CC_NO_FINGER = 0x02;
const CC_IMAGE_FAIL = 0x03;
const CC_NO_MATCH = 0x08;
const CC_NOT_FOUND = 0x09;
/** Img2Tz's poor-image answers (§3.3 06, 07; 15 "no valid primary image" after a good GenImg): press again. */
const POOR_IMAGE_CODES: readonly number[] = [0x06, 0x07, 0x15];
/** Header, address, PID, length and checksum around each packet's payload (§3.1). */
const PACKET_OVERHEAD = C.PREFIX_BYTES + C.CHECKSUM_BYTES;
const ACK_BYTES = PACKET_OVERHEAD + 1;

const hex2 = (b: number): string => b.toString(16).toUpperCase().padStart(2, '0');

/** Milliseconds `bytes` take on the wire, rounded up. */
export function wireMs(bytes: number, bytesPerSecond: number | undefined): number {
  return bytesPerSecond === undefined ? 0 : Math.ceil((bytes * 1000) / bytesPerSecond);
}

/** A confirmation code other than the one the step needs, as its common error (confirmation-codes.ts). */
export function codeError(answer: ZfmAnswer, what: string, code: ErrorCode = answer.error ?? 'garbledReply'): DeviceError {
  return new DeviceError(code, `${what}: ${answer.meaning} (confirmation ${hex2(answer.code)}, §3.3)`);
}

/** An exchange bounded by the step's time-out plus the wire time of the command and its ack (16 data bytes at most). */
function step(ctx: CycleContext, command: ZfmCommand, what: string, timeoutMs: number, signal: AbortSignal): ZfmExchange {
  return { command, what, timeoutMs: timeoutMs + wireMs(2 * ACK_BYTES + 16, ctx.bytesPerSecond), signal };
}

async function genImg(ctx: CycleContext, signal: AbortSignal): Promise<'finger' | 'noFinger' | 'imageFailed'> {
  const answer = await ctx.link.exchange(step(ctx, { op: 'genImg' }, 'capture image', ctx.model.imageTimeoutMs, signal));
  if (answer.code === CC_OK || answer.code === CC_NO_FINGER) ctx.presence.seen(answer.code === CC_OK);
  if (answer.code === CC_OK) return 'finger';
  if (answer.code === CC_NO_FINGER) return 'noFinger';
  if (answer.code === CC_IMAGE_FAIL) return 'imageFailed';
  throw codeError(answer, 'capture image');
}

async function pollUntil(ctx: CycleContext, want: 'finger' | 'noFinger', request: CaptureRequest, quality: CaptureQuality, signal: AbortSignal): Promise<void> {
  let failuresInARow = 0;
  for (;;) {
    if (signal.aborted) throw new DeviceError('canceled', 'capture canceled');
    const seen = await genImg(ctx, signal);
    if (seen === want) return;
    if (seen === 'imageFailed') {
      quality.imagingRetries++;
      if (++failuresInARow >= IMAGING_FAILURES_BEFORE_FAULT) {
        const detail = `the sensor failed to take an image ${failuresInARow} times in a row (confirmation 03, §3.3)`;
        ctx.sensorFailed(detail);
        throw new DeviceError('hardwareError', detail);
      }
    } else failuresInARow = 0;
    if (ctx.clock.elapsedMs() >= request.deadlineMs) {
      if (want === 'finger') throw new DeviceError('fingerNotPresented', 'no finger was placed on the sensor in time');
      throw new DeviceError('timeout', 'the finger was not lifted from the sensor in time');
    }
    await pause(ctx.clock, ctx.model.fingerPollMs, signal);
  }
}

/** Waits for a new press and turns its image into features in `buffer` (Img2Tz, §3.2). */
async function press(ctx: CycleContext, buffer: CharBuffer, request: CaptureRequest, quality: CaptureQuality, signal: AbortSignal): Promise<void> {
  if (ctx.presence.mustLiftFirst) {
    request.events?.onLiftFinger?.();
    await pollUntil(ctx, 'noFinger', request, quality, signal);
  }
  request.events?.onPlaceFinger?.();
  await pollUntil(ctx, 'finger', request, quality, signal);
  ctx.presence.captured();
  request.events?.onFingerDetected?.();
  const answer = await ctx.link.exchange(step(ctx, { op: 'img2Tz', buffer }, 'extract features', ctx.model.imageTimeoutMs, signal));
  if (answer.code === CC_OK) return;
  throw codeError(answer, 'extract features', POOR_IMAGE_CODES.includes(answer.code) ? 'fingerPoorQuality' : undefined);
}

async function match(ctx: CycleContext, signal: AbortSignal): Promise<FingerprintComparison> {
  const answer = await ctx.link.exchange(step(ctx, { op: 'match' }, 'match buffers', ctx.model.commandTimeoutMs, signal));
  if (answer.code === CC_OK) return { matched: true, score: answer.extra.score ?? 0 };
  if (answer.code === CC_NO_MATCH) return { matched: false, score: 0 };
  throw codeError(answer, 'match buffers');
}

async function upload(ctx: CycleContext, signal: AbortSignal): Promise<Uint8Array> {
  const { templateBytes } = ctx.model;
  const streamBytes = templateBytes + Math.ceil(templateBytes / ctx.packetBytes) * PACKET_OVERHEAD;
  const streamTimeoutMs = ctx.model.commandTimeoutMs + wireMs(streamBytes, ctx.bytesPerSecond);
  const request = step(ctx, { op: 'upChar', buffer: C.CHAR_BUFFER_1 }, 'upload template', ctx.model.commandTimeoutMs, signal);
  const { answer, data } = await ctx.link.exchangeUpload(request, { kind: 'template', expectedBytes: templateBytes, packetBytes: ctx.packetBytes }, streamTimeoutMs);
  if (answer.code !== CC_OK) throw codeError(answer, 'upload template');
  if (data === undefined) throw new DeviceError('garbledReply', 'upload template: OK but no data stream (§3.2)');
  return data;
}

export async function captureOnce(ctx: CycleContext, request: CaptureRequest, signal: AbortSignal): Promise<FingerprintCapture> {
  const quality: CaptureQuality = { presses: request.presses, imagingRetries: 0 };
  await press(ctx, C.CHAR_BUFFER_1, request, quality, signal);
  if (request.presses === 2) {
    await press(ctx, C.CHAR_BUFFER_2, request, quality, signal);
    const compared = await match(ctx, signal);
    if (!compared.matched) throw new DeviceError('fingerPoorQuality', 'the two presses do not match (confirmation 08, §3.3): press the same finger again');
    quality.matchScore = compared.score;
    const merged = await ctx.link.exchange(step(ctx, { op: 'regModel' }, 'merge presses', ctx.model.commandTimeoutMs, signal));
    if (merged.code !== CC_OK) throw codeError(merged, 'merge presses');
  }
  const template = await upload(ctx, signal);
  request.events?.onLiftFinger?.();
  return fingerprintCapture(template, quality, ctx.clock.now());
}

/** A press into buffer 1, `reference` into buffer 2 (DownChar, §3.2), then Match. */
export async function compareOnce(ctx: CycleContext, reference: Uint8Array, request: CaptureRequest, signal: AbortSignal): Promise<FingerprintComparison> {
  await press(ctx, C.CHAR_BUFFER_1, { ...request, presses: 1 }, { presses: 1, imagingRetries: 0 }, signal);
  const down = step(ctx, { op: 'downChar', buffer: C.CHAR_BUFFER_2 }, 'download template', ctx.model.commandTimeoutMs, signal);
  const answer = await ctx.link.download(down, reference, ctx.packetBytes);
  if (answer.code !== CC_OK) throw codeError(answer, 'download template');
  const result = await match(ctx, signal);
  request.events?.onLiftFinger?.();
  return result;
}

/** The longest the steps after the wait may take: each exchange's attempts, each with a late-reply window. */
export function captureBudgetMs(model: ZfmModuleModel, retries: number, lateReplyMs: number, bytesPerSecond: number | undefined): number {
  const attempts = retries + 1;
  const stepMs = (ms: number): number => attempts * (ms + lateReplyMs);
  const streamMs = model.commandTimeoutMs + wireMs(2 * model.templateBytes, bytesPerSecond);
  return 4 * stepMs(model.imageTimeoutMs) + 3 * stepMs(model.commandTimeoutMs) + stepMs(streamMs) + 1000;
}

/** One GenImg outside a capture (idle polling): keeps `fingerPresent` and shows the module answers. */
export function probeFinger(ctx: CycleContext, signal: AbortSignal): Promise<'finger' | 'noFinger' | 'imageFailed'> {
  return genImg(ctx, signal);
}

/** Search of the module's own library with the features in buffer 1 (§3.2 Search; `09` not found). */
export async function searchLibrary(ctx: CycleContext, count: number, signal: AbortSignal): Promise<{ found: false } | { found: true; pageId: number; score: number }> {
  const command: ZfmCommand = { op: 'search', buffer: C.CHAR_BUFFER_1, start: 0, count };
  const answer = await ctx.link.exchange(step(ctx, command, 'search library', ctx.model.searchTimeoutMs, signal));
  if (answer.code === CC_OK) return { found: true, pageId: answer.extra.pageId ?? 0, score: answer.extra.score ?? 0 };
  if (answer.code === CC_NOT_FOUND) return { found: false };
  throw codeError(answer, 'search library');
}
