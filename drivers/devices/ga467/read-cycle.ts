/**
 * One poll of a GA 467 reader, run as one command of the device's queue so nothing comes between its steps:
 * find `20 01` → select `20 02` → read `30 01` / `30 10`, "the order required by every client" (protocols.md
 * §1.9), or, after a read on a model whose removal probe is select, one select (card-presence.ts).
 * A SW3 other than the expected one ends the poll with its common error code (status.ts, §1.3).
 */
import type { Clock } from '../../../common/clock';
import type { Logger } from '../../../common/logger';
import type { Ga467Command } from '../../protocol/ga467/commands';
import { READ_TEXT_PHOTO_FINGERPRINT_FRAME_LENGTH, READ_TEXT_PHOTO_FRAME_LENGTH, SW3 } from '../../protocol/ga467/constants';
import type { Ga467ResponseFrame } from '../../protocol/ga467/frame';
import type { Ga467ReaderModel } from '../../protocol/ga467/reader-models';
import { parseFixedData, type FixedDataKind, type ReadKind } from '../../protocol/ga467/response-layout';
import { interpretStatus, type Ga467Status } from '../../protocol/ga467/status';
import { DeviceError } from '../device-error';
import { cardReadFromFrame } from './card-read';
import type { CardPresence } from './card-presence';
import type { SamExchange } from './sam-link';

export interface CycleContext {
  exchange(request: SamExchange): Promise<Ga467ResponseFrame>;
  presence: CardPresence;
  model: Ga467ReaderModel;
  clock: Clock;
  log: Logger;
  /** Serial 8N1: baud / 10; undefined for a link fast enough not to count. */
  bytesPerSecond: number | undefined;
  /** The read the next card gets: with fingerprint only when a caller asked for it. */
  readKind(): ReadKind;
  /** A SAM-side refusal (§1.3 `23`, `24`, `60`, `66`, an unlisted SW3): the SAM needs a technician. */
  samFailed(status: Ga467Status): void;
}

const hex2 = (b: number): string => b.toString(16).toUpperCase().padStart(2, '0');

/** Milliseconds `bytes` take on the wire, rounded up. */
export function wireMs(bytes: number, bytesPerSecond: number | undefined): number {
  return bytesPerSecond === undefined ? 0 : Math.ceil((bytes * 1000) / bytesPerSecond);
}

/** The response's SW3 was not the one the step needs: its common code, or samError after telling the device. */
function statusError(ctx: CycleContext, frame: Ga467ResponseFrame, what: string): DeviceError {
  frame.raw.fill(0);
  const status = interpretStatus(frame.sw3);
  const code = status.code ?? 'garbledReply'; // an `ok` SW3 in the wrong place (90 to find, 9F to select)
  if (code === 'samError') ctx.samFailed(status);
  return new DeviceError(code, `${what}: SW3 ${hex2(frame.sw3)}, ${status.meaning} (§1.3)`);
}

/** §1.3 gives find 4 data bytes and select 8; another count is logged, not refused (a reader we did not write). */
function checkFixed(ctx: CycleContext, frame: Ga467ResponseFrame, kind: FixedDataKind): void {
  const shape = parseFixedData(frame.data, kind);
  if (!shape.ok) ctx.log.warn('GA 467 response of an unexpected size', { reason: shape.reason });
}

function step(ctx: CycleContext, command: Ga467Command, what: string, timeoutMs: number, signal: AbortSignal): Promise<Ga467ResponseFrame> {
  return ctx.exchange({ command, what, timeoutMs, signal });
}

async function probeRemoval(ctx: CycleContext, signal: AbortSignal): Promise<void> {
  const frame = await step(ctx, { type: 'selectCard' }, 'select card (removal probe)', ctx.model.commandTimeoutMs, signal);
  const { sw3 } = frame;
  if (sw3 !== SW3.SUCCESS && sw3 !== SW3.SELECT_FAILED && sw3 !== SW3.FIND_FAILED) throw statusError(ctx, frame, 'select card (removal probe)');
  frame.raw.fill(0); // the card serial (§1.3) is personal data
  ctx.presence.probed(sw3 === SW3.SUCCESS);
}

async function selectAndRead(ctx: CycleContext, signal: AbortSignal): Promise<void> {
  const { model } = ctx;
  const select = await step(ctx, { type: 'selectCard' }, 'select card', model.commandTimeoutMs, signal);
  if (select.sw3 !== SW3.SUCCESS) throw statusError(ctx, select, 'select card');
  checkFixed(ctx, select, 'selectCard');
  select.raw.fill(0);
  const kind = ctx.readKind();
  const withFingerprint = kind === 'textPhotoFingerprint';
  const timeoutMs =
    (withFingerprint ? (model.fingerprintReadTimeoutMs ?? model.readTimeoutMs) : model.readTimeoutMs) +
    wireMs(withFingerprint ? READ_TEXT_PHOTO_FINGERPRINT_FRAME_LENGTH : READ_TEXT_PHOTO_FRAME_LENGTH, ctx.bytesPerSecond);
  const command: Ga467Command = { type: withFingerprint ? 'readTextPhotoFingerprint' : 'readTextPhoto' };
  const read = await step(ctx, command, withFingerprint ? 'read text, photo and fingerprint' : 'read text and photo', timeoutMs, signal);
  if (read.sw3 !== SW3.SUCCESS) throw statusError(ctx, read, 'read card');
  ctx.presence.readDone(cardReadFromFrame(read, kind, ctx.clock.now()));
}

export async function pollOnce(ctx: CycleContext, signal: AbortSignal): Promise<void> {
  if (ctx.presence.next === 'selectProbe') return probeRemoval(ctx, signal);
  const find = await step(ctx, { type: 'findCard' }, 'find card', ctx.model.commandTimeoutMs, signal);
  if (find.sw3 === SW3.FIND_FAILED) return ctx.presence.noCard();
  if (find.sw3 !== SW3.CARD_FOUND) throw statusError(ctx, find, 'find card');
  checkFixed(ctx, find, 'findCard');
  ctx.presence.found();
  try {
    await selectAndRead(ctx, signal);
  } catch (err) {
    const e = DeviceError.from(err);
    // A poll we called off, or a link that went away, says nothing about the card (the device tells waiters).
    if (e.code !== 'canceled' && e.code !== 'noDevice') ctx.presence.readFailed(e.info());
    throw e;
  }
}

/** The longest a poll may take: each step's attempts, each followed by a late-reply window (sam-link.ts). */
export function pollBudgetMs(model: Ga467ReaderModel, retries: number, lateReplyMs: number, bytesPerSecond: number | undefined): number {
  const attempts = retries + 1;
  const stepMs = (ms: number): number => attempts * (ms + lateReplyMs);
  const readMs = Math.max(model.readTimeoutMs, model.fingerprintReadTimeoutMs ?? 0) + wireMs(READ_TEXT_PHOTO_FINGERPRINT_FRAME_LENGTH, bytesPerSecond);
  return 2 * stepMs(model.commandTimeoutMs) + stepMs(readMs) + 1000;
}
