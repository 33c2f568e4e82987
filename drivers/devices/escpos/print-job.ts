/**
 * One print job on an ESC/POS printer, inside the device's command queue (protocols.md §2.7):
 * 1. the rest of an earlier job still in the printer's buffer drains first (buffer-drain.ts); GS r replies
 *    still owed to an earlier job are waited out (GS r models); then a fresh DLE EOT round: not ready →
 *    notPrinted (no byte sent, no paper moved);
 * 2. the job's bytes, ending with the completion request (process ID or GS r);
 * 3. until the completion reply arrives, status is polled. A fault (paper end, cover, cutter, jam) in a
 *    state where the model's row says DLE ENQ 2 clears the buffer (models.ts `bufferClearIn`) → the buffer
 *    is cleared and the job is incomplete: part of it may be on paper, the rest never prints. In any other
 *    stopped state the printer ignores DLE ENQ 2 and prints the rest once a roll is loaded or the cover
 *    closed, so the job is unknown, and it is held as unfinished: the next job waits for it to drain.
 *    Silence, a vanished printer, a time-out or an abort → unknown as well (DLE ENQ 2 is sent, and may be
 *    ignored). Either way the reply router is resynchronised, so a late reply of this job can never
 *    confirm the next one.
 */
import type { ErrorCode } from '../../../common/errors';
import type { PrintDocument } from '../../../common/print-document';
import { formatLocalDateTime } from '../../../common/local-time';
import { DeviceError } from '../device-error';
import type { PrintEvents, PrintResult } from '../printer-types';
import { TransportError } from '../../transport/transport';
import type { EscPosPrinter } from './escpos-printer';
import { bufferClearWorks, printBlocker } from './printer-status';
import { countStatusRequests } from '../../protocol/escpos/realtime-sequences';
import type { EscPosStatusBits } from '../../protocol/escpos/status-bits';
import { pause } from '../pause';
import { drainLastJob } from './buffer-drain';
import type { RenderedJob } from './render-document';
import type { ReplyRouter } from './reply-router';

export interface JobContext {
  job: RenderedJob;
  tag: string;
  jobTimeoutMs: number;
  signal: AbortSignal;
  state: { sent: boolean };
  events?: PrintEvents;
  completion: 'processId' | 'paperStatus';
}

/** Status polls in a row that may fail while a job prints before its outcome is called unknown. */
const SILENT_POLLS_BEFORE_UNKNOWN = 3;

const fail = (outcome: 'notPrinted' | 'incomplete' | 'unknown', code: ErrorCode, detail: string): PrintResult => ({
  outcome,
  error: new DeviceError(code, detail).info(),
});

function isTransportClosed(err: unknown): boolean {
  return err instanceof TransportError && (err.kind === 'closed' || err.kind === 'notFound');
}

type JobOutcome = { done: true } | { error: DeviceError } | null;
const isDone = (o: JobOutcome): o is { done: true } => o !== null && 'done' in o;

/** How long the wire takes for `bytes` at the link's rate (0 for a link fast enough not to count). */
export function wireTimeMs(bytes: number, bytesPerSecond: number | undefined): number {
  return bytesPerSecond === undefined || bytesPerSecond <= 0 ? 0 : Math.ceil((bytes * 1000) / bytesPerSecond);
}

/**
 * How long a job may take from its last byte written to its confirmation (issue 13 §1): the bytes a
 * USB-serial adapter or the printer's receive path may still hold, at the link's rate, plus the lines at
 * the model's speed, three times over, plus 5 s for the cut and the reply.
 */
export function jobDeadlineMs(job: RenderedJob, lineTimeMs: number, bytesPerSecond: number | undefined): number {
  return wireTimeMs(job.bytes.length, bytesPerSecond) + job.lines * lineTimeMs * 3 + 5000;
}

export async function waitForJob(printer: EscPosPrinter, router: ReplyRouter, ctx: JobContext): Promise<PrintResult> {
  const { job, signal, state } = ctx;
  const clock = printer.clock;
  try {
    const held = await drainLastJob(printer, router, signal);
    if (held) return fail('notPrinted', held, 'the printer is stopped with the rest of the last job in its buffer; nothing was sent');
    if (ctx.completion === 'paperStatus') await router.settleCompletions(signal);
    const blocker = printBlocker(await printer.queryStatus(signal));
    if (blocker) return fail('notPrinted', blocker, 'the printer was not ready; nothing was sent');
  } catch (err) {
    const e = DeviceError.from(err);
    return fail('notPrinted', e.code === 'timeout' ? 'offline' : e.code, e.message);
  }
  if (signal.aborted) return fail('notPrinted', 'canceled', 'canceled before the job was sent');

  const completionTag = ctx.completion === 'processId' ? ctx.tag : null;
  /**
   * Ends every wait on the job. With the printer's state known (`bits`) and cleared in by its model, DLE
   * ENQ 2 drops the rest and true is returned; otherwise the rest may still print, and the job is held as
   * unfinished so the next one waits for it (protocols.md §2.7).
   */
  const abandon = async (bits?: EscPosStatusBits): Promise<boolean> => {
    router.resync(new DeviceError('canceled', 'job abandoned'));
    const clears = bits !== undefined && bufferClearWorks(bits, printer.modelInfo);
    // Held before any await: its completion reply may come while DLE ENQ 2 is still being written.
    if (!clears) router.holdUnfinished(completionTag, ctx.jobTimeoutMs);
    if (bits === undefined || clears) await printer.clearPrinterBuffer();
    return clears;
  };

  let outcome: JobOutcome = null;
  const pending = router.pendingCompletion(completionTag, signal);
  const completion = pending.done.then(
    () => (outcome = { done: true }),
    (err: unknown) => (outcome = { error: DeviceError.from(err) }),
  );

  ctx.events?.onSending?.();
  state.sent = true;
  // A DLE EOT inside the job's data (raw bytes from elsewhere; our encoder keeps them out, §2.7) is answered
  // at once: its reply is owed to nobody, so it can never settle this driver's own status request.
  router.expectUnaskedStatusReplies(countStatusRequests(job.bytes));
  try {
    await printer.send(job.bytes, job.personalRanges, signal);
    // The deadline starts with the last byte written: a long image at 9600 baud spends seconds on the wire.
    pending.arm(ctx.jobTimeoutMs);
  } catch (err) {
    await abandon();
    if (isTransportClosed(err)) {
      state.sent = false;
      return fail('notPrinted', 'noDevice', 'the printer went away before the job was sent');
    }
    // Called off while flow control held the rest back: part of the job may be in the printer.
    if (signal.aborted) return fail('unknown', 'canceled', 'the job was called off while the printer held its data back');
    return fail('unknown', 'noDevice', 'the connection failed while the job was being sent');
  }

  let silentPolls = 0;
  for (;;) {
    await pause(clock, printer.jobPollMs, signal, completion);
    const settled = outcome as JobOutcome;
    if (isDone(settled)) return { outcome: 'confirmed' };
    if (settled || signal.aborted) {
      await abandon();
      const code = !settled || settled.error.code === 'canceled' ? 'canceled' : settled.error.code === 'timeout' ? 'printUncertain' : settled.error.code;
      return fail('unknown', code, `no confirmation from the printer: ${settled ? settled.error.message : 'canceled'}`);
    }
    try {
      const bits = await printer.queryStatus(signal);
      const blocker = printBlocker(bits);
      silentPolls = 0;
      if (blocker && blocker !== 'offline' && blocker !== 'deviceNotReady') {
        // The job may have finished just before the fault (the roll's end passing the sensor after the cut,
        // the cover opened to take the ticket): its confirmation, already sent or on its way, wins (§2.7).
        if (!outcome) await pause(clock, printer.statusTimeoutMs, signal, completion);
        if (isDone(outcome)) return { outcome: 'confirmed' };
        if (await abandon(bits)) return fail('incomplete', blocker, 'the printer stopped before finishing the job; its buffer was cleared');
        return fail('unknown', blocker, 'the printer stopped before finishing the job and keeps the rest in its buffer: it prints once the printer can again');
      }
    } catch (err) {
      if (outcome) continue;
      const e = DeviceError.from(err);
      if (e.code === 'noDevice' || e.code === 'canceled' || ++silentPolls >= SILENT_POLLS_BEFORE_UNKNOWN) {
        await abandon();
        return fail('unknown', e.code === 'canceled' ? 'canceled' : e.code === 'noDevice' ? 'noDevice' : 'offline', `the printer stopped answering mid-job: ${e.message}`);
      }
    }
  }
}

/** The interactive health check's test page (ARCHITECTURE.md §3): what a technician watches come out. */
export function printTestPage(printer: EscPosPrinter, nowMs: number, timeZone: string): PrintDocument {
  const info = printer.modelInfo;
  return {
    jobId: `selftest-${nowMs}`,
    cut: 'full',
    blocks: [
      { kind: 'text', text: '打印机自检页', align: 'center', scale: 2, bold: true },
      { kind: 'text', text: `${info.displayName} · ${printer.id}` },
      { kind: 'text', text: `纸宽 ${info.paperWidthDots} 点 · 每行 ${info.charsPerLine} 字符` },
      // Hall-local time, whatever the machine's zone (ARCHITECTURE.md §8.4).
      { kind: 'text', text: `自检时间 ${formatLocalDateTime(nowMs, timeZone)}` },
      { kind: 'rule' },
      { kind: 'text', text: '中文 GB18030：政务服务 一网通办 𠀀' },
      { kind: 'qr', data: `SELFTEST:${printer.id}`, align: 'center' },
      { kind: 'barcode', symbology: 'code128', data: 'SELFTEST-0123', align: 'center' },
    ],
  };
}
