/**
 * Before a job, the last one may still sit part-printed in the printer's buffer: it stopped at a paper end
 * or an open cover, which DLE ENQ 2 cannot clear on most models, or it went silent (protocols.md §2.7).
 * The printer prints that rest once it can, so a new job waits until it has drained (its completion reply
 * came), or until the printer is found in a state in which the model's row says the buffer does clear.
 */
import type { ErrorCode } from '../../../common/errors';
import { DeviceError } from '../device-error';
import { pause } from '../pause';
import type { EscPosPrinter } from './escpos-printer';
import { bufferClearWorks, printBlocker } from './printer-status';
import type { ReplyRouter } from './reply-router';

/** The reason the printer cannot take a job now (the last one still waits in it), or null once it can. */
export async function drainLastJob(printer: EscPosPrinter, router: ReplyRouter, signal: AbortSignal): Promise<ErrorCode | null> {
  if (router.unfinishedBudgetMs === 0) return null;
  const bits = await printer.queryStatus(signal);
  const blocker = printBlocker(bits);
  if (blocker) {
    if (bufferClearWorks(bits, printer.modelInfo)) {
      await printer.clearPrinterBuffer();
      router.forgetUnfinished();
    }
    return blocker;
  }
  // Healthy now: a fresh sync request (process-ID models) marks the end of whatever the buffer still holds,
  // so a printer that lost its buffer (power-cycled to clear a jam) answers at once instead of the drain
  // waiting out its whole budget. A GS r reply names no request: those models wait for the old one.
  if (printer.modelInfo.completion === 'processId') await printer.sendSyncRequest(router.unfinishedBudgetMs, signal);
  const waiting = new AbortController();
  const stop = (): void => waiting.abort();
  signal.addEventListener('abort', stop, { once: true });
  let drained: boolean | null = null;
  const wait = router.drained(waiting.signal).then(
    (came) => void (drained = came),
    () => undefined,
  );
  try {
    for (;;) {
      await pause(printer.clock, printer.jobPollMs, signal, wait);
      if (drained !== null) {
        printer.noteDrained(drained);
        return null;
      }
      if (signal.aborted) throw new DeviceError('canceled', 'canceled while the last job drained');
      // Stopped again (the new roll ran out too): the wait goes on with the next job.
      const again = printBlocker(await printer.queryStatus(signal));
      if (again) return again;
    }
  } finally {
    signal.removeEventListener('abort', stop);
    waiting.abort();
  }
}
