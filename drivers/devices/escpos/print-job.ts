/**
 * One print job on an ESC/POS printer, inside the device's command queue (protocols.md §2.7):
 * 1. a fresh DLE EOT round: not ready → notPrinted (no byte sent, no paper moved);
 * 2. the job's bytes, ending with the completion request (process ID or GS r);
 * 3. until the completion reply arrives, status is polled: a fault (paper end, cover, cutter) → the rest of
 *    the buffer is cleared (DLE ENQ 2) and the job is incomplete; silence or a vanished printer → unknown.
 */
import type { Clock } from '../../../common/clock';
import type { ErrorCode } from '../../../common/errors';
import type { PrintDocument } from '../../../common/print-document';
import { DeviceError } from '../device-error';
import type { PrintEvents, PrintResult } from '../printer-types';
import { TransportError } from '../../transport/transport';
import type { EscPosPrinter } from './escpos-printer';
import { printBlocker } from './printer-status';
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

function pause(clock: Clock, ms: number): Promise<void> {
  return new Promise((resolve) => clock.setTimer(ms, resolve));
}

export async function waitForJob(printer: EscPosPrinter, router: ReplyRouter, ctx: JobContext): Promise<PrintResult> {
  const { job, signal, state } = ctx;
  const clock = printer.clock;
  try {
    const blocker = printBlocker(await printer.queryStatus(signal));
    if (blocker) return fail('notPrinted', blocker, 'the printer was not ready; nothing was sent');
  } catch (err) {
    const e = DeviceError.from(err);
    return fail('notPrinted', e.code === 'timeout' ? 'offline' : e.code, e.message);
  }

  let outcome: { done: true } | { error: DeviceError } | null = null;
  const completion = router.completionOf(ctx.completion === 'processId' ? ctx.tag : null, ctx.jobTimeoutMs, signal).then(
    () => (outcome = { done: true }),
    (err: unknown) => (outcome = { error: DeviceError.from(err) }),
  );

  ctx.events?.onSending?.();
  state.sent = true;
  try {
    await printer.send(job.bytes, job.personalRanges);
  } catch (err) {
    router.reset(new DeviceError('canceled', 'write failed'));
    if (isTransportClosed(err)) {
      state.sent = false;
      return fail('notPrinted', 'noDevice', 'the printer went away before the job was sent');
    }
    return fail('unknown', 'noDevice', 'the connection failed while the job was being sent');
  }

  let silentPolls = 0;
  for (;;) {
    await Promise.race([completion, pause(clock, printer.jobPollMs)]);
    const settled = outcome as { done: true } | { error: DeviceError } | null;
    if (settled && 'done' in settled) {
      printer.countJob('confirmed', job.lines);
      return { outcome: 'confirmed' };
    }
    if (settled) {
      printer.countJob('failed', job.lines);
      const code = settled.error.code === 'timeout' ? 'printUncertain' : settled.error.code;
      return fail('unknown', code, `no confirmation from the printer: ${settled.error.message}`);
    }
    try {
      const blocker = printBlocker(await printer.queryStatus(signal));
      silentPolls = 0;
      if (blocker && blocker !== 'offline') {
        await printer.clearPrinterBuffer();
        router.reset(new DeviceError('canceled', 'job abandoned'));
        printer.countJob('failed', job.lines);
        return fail('incomplete', blocker, 'the printer stopped before finishing the job; its buffer was cleared');
      }
    } catch (err) {
      if (outcome) continue;
      const e = DeviceError.from(err);
      if (e.code === 'noDevice' || e.code === 'canceled' || ++silentPolls >= SILENT_POLLS_BEFORE_UNKNOWN) {
        router.reset(new DeviceError('canceled', 'job abandoned'));
        printer.countJob('failed', job.lines);
        return fail('unknown', e.code === 'canceled' ? 'canceled' : e.code === 'noDevice' ? 'noDevice' : 'offline', `the printer stopped answering mid-job: ${e.message}`);
      }
    }
  }
}

/** The interactive health check's test page (ARCHITECTURE.md §3): what a technician watches come out. */
export function printTestPage(printer: EscPosPrinter, nowMs: number): PrintDocument {
  const info = printer.modelInfo;
  return {
    jobId: `selftest-${nowMs}`,
    cut: 'full',
    blocks: [
      { kind: 'text', text: '打印机自检页', align: 'center', scale: 2, bold: true },
      { kind: 'text', text: `${info.displayName} · ${printer.id}` },
      { kind: 'text', text: `纸宽 ${info.paperWidthDots} 点 · 每行 ${info.charsPerLine} 字符` },
      { kind: 'text', text: new Date(nowMs).toISOString() },
      { kind: 'rule' },
      { kind: 'text', text: '中文 GB18030：政务服务 一网通办 𠀀' },
      { kind: 'qr', data: `SELFTEST:${printer.id}`, align: 'center' },
      { kind: 'barcode', symbology: 'code128', data: 'SELFTEST-0123', align: 'center' },
    ],
  };
}
