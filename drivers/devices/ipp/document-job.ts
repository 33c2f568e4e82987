/**
 * One certificate job on an IPP printer (issue 17 §1; protocols.md §4.2; ARCHITECTURE.md §8.3):
 * 1. Get-Printer-Attributes: not accepting jobs, out of paper, jammed, cover open, offline → notPrinted;
 * 2. Create-Job with job-name = the issuance id → onAccepted(job-id): from here a crash is settled by
 *    findJob, not by printing again;
 * 3. Send-Document (application/pdf, last-document true);
 * 4. Get-Job-Attributes every jobPollMs (job-impressions-completed → onProgress) until the job ends:
 *    completed → completed (unless the printer, read once more, reports a jam: a CUPS queue says completed
 *    once the backend handed the data over, docs/ipp-printing.md); aborted or canceled → incomplete with the
 *    sheets done; the bound passing, or the printer gone for good → unknown. An abort of the caller's signal
 *    cancels the job (Cancel-Job) and reports what the printer then says.
 * Each exchange goes through the device's command queue, so status polls interleave with a long job.
 */
import type { ErrorCode } from '../../../common/errors';
import { JOB_STATE, PDF_MIME_TYPE, STATUS, isTerminalJobState } from '../../protocol/ipp/constants';
import type { IppMessage } from '../../protocol/ipp/ipp-message';
import { cancelJobRequest, createJobRequest, getJobAttributesRequest, sendDocumentRequest, type RequestBase } from '../../protocol/ipp/ipp-requests';
import { readJobAttributes, responseStatus, type JobAttributes, type PrinterAttributes } from '../../protocol/ipp/ipp-responses';
import { effectiveReasons, printBlocker } from '../../protocol/ipp/printer-reasons';
import { firstNumber, findGroup } from '../../protocol/ipp/ipp-message';
import { GROUP_JOB } from '../../protocol/ipp/constants';
import type { Clock } from '../../../common/clock';
import type { Logger } from '../../../common/logger';
import { DeviceError } from '../device-error';
import type { CommandOptions } from '../device-types';
import type { DocumentJob, DocumentPrintEvents, DocumentPrintResult } from '../document-printer-types';
import { pause } from '../pause';
import { bilingual, blockerInfo } from './ipp-messages';

export interface JobHost {
  readonly clock: Clock;
  readonly log: Logger;
  readonly jobPollMs: number;
  readonly where: string;
  /** One exchange through the command queue; rejects with a DeviceError. */
  ask(name: string, build: (base: RequestBase) => IppMessage, options: CommandOptions): Promise<IppMessage>;
  /** Get-Printer-Attributes, applied to the status. */
  refreshPrinter(options: CommandOptions): Promise<PrinterAttributes>;
}

const fail = (code: ErrorCode, zh: string, en: string): DeviceError => new DeviceError(code, bilingual(zh, en));

/** What a job that ended without completing tells, from its reasons and the printer's (protocols.md §4.3). */
function endedCode(job: JobAttributes, printerReasons: readonly string[]): ErrorCode {
  const reasons = new Set([...effectiveReasons(printerReasons), ...job.reasons]);
  if (reasons.has('media-jam')) return 'paperJam';
  if (reasons.has('media-empty') || reasons.has('media-needed')) return 'paperOut';
  if (reasons.has('cover-open') || reasons.has('door-open')) return 'coverOpen';
  if (job.state === JOB_STATE.canceled) return 'canceled';
  return 'printIncomplete';
}

function expectOk(response: IppMessage, what: string, where: string): void {
  const status = responseStatus(response);
  if (status.ok) return;
  const code: ErrorCode = status.code === STATUS.serverErrorNotAcceptingJobs ? 'deviceNotReady' : status.code === STATUS.serverErrorBusy ? 'busy' : status.code === STATUS.clientErrorDocumentFormatNotSupported ? 'unsupported' : 'hardwareError';
  throw fail(code, `打印机拒绝了${what}（${status.name}）`, `${where} refused ${what}: ${status.name}${status.message ? ` (${status.message})` : ''}`);
}

export async function runDocumentJob(host: JobHost, job: DocumentJob, deadlineMs: number, options: CommandOptions<DocumentPrintEvents>): Promise<DocumentPrintResult> {
  const { clock, where } = host;
  const signal = options.signal;
  const events = options.events;
  const deadline = clock.elapsedMs() + deadlineMs;
  const left = (): number => Math.max(1, deadline - clock.elapsedMs());

  // 1. Ready? Nothing is sent to a printer that would refuse or stall the job.
  let printer: PrinterAttributes;
  try {
    printer = await host.refreshPrinter({ signal, timeoutMs: Math.min(left(), 30_000) });
  } catch (err) {
    return { outcome: 'notPrinted', error: DeviceError.from(err).info() };
  }
  const blocker = printBlocker(printer);
  if (blocker) return { outcome: 'notPrinted', error: blockerInfo(blocker, where, printer.reasons) };
  if (printer.documentFormats.length > 0 && !printer.documentFormats.includes(PDF_MIME_TYPE) && !printer.documentFormats.includes('application/octet-stream')) {
    return { outcome: 'notPrinted', error: fail('unsupported', '打印机不支持 PDF', `${where} does not list application/pdf in document-format-supported (${printer.documentFormats.join(', ')})`).info() };
  }

  // 2. Create-Job: a refusal here is still notPrinted.
  let jobId: number;
  try {
    const created = await host.ask('create-job', (b) => createJobRequest(b, { jobName: job.jobName }), { signal, timeoutMs: left() });
    expectOk(created, 'Create-Job', where);
    const id = firstNumber(findGroup(created, GROUP_JOB), 'job-id');
    if (id === undefined) throw fail('garbledReply', '打印机没有返回任务号', `${where} answered Create-Job without a job-id`);
    jobId = id;
  } catch (err) {
    // A Create-Job that timed out may have created the job: findJob by name settles it.
    const e = DeviceError.from(err);
    return e.code === 'timeout' ? { outcome: 'unknown', error: e.info() } : { outcome: 'notPrinted', error: e.info() };
  }
  events?.onAccepted?.(jobId);
  host.log.info('job created', { jobId, jobName: job.jobName, pages: job.pages });

  // 3. Send-Document.
  try {
    const sent = await host.ask('send-document', (b) => sendDocumentRequest(b, { jobId, data: job.pdf, documentFormat: PDF_MIME_TYPE, lastDocument: true }), { signal, timeoutMs: left() });
    expectOk(sent, 'Send-Document', where);
  } catch (err) {
    const e = DeviceError.from(err);
    if (e.code === 'timeout' || e.code === 'noDevice' || e.code === 'canceled') return settleAfterTrouble(host, jobId, e, left);
    // A definite refusal of the document: no sheet came out; the empty job is cancelled.
    await host.ask('cancel-job', (b) => cancelJobRequest(b, jobId), { timeoutMs: Math.min(left(), 10_000) }).catch(() => undefined);
    return { outcome: 'incomplete', jobId, pagesCompleted: 0, error: e.info() };
  }

  // 4. Follow it to its end.
  let lastPages = -1;
  let lastError: DeviceError | undefined;
  for (;;) {
    if (signal?.aborted) return settleAfterTrouble(host, jobId, new DeviceError('canceled', bilingual('打印已取消', 'printing was canceled')), left);
    if (clock.elapsedMs() >= deadline) {
      const e = lastError ?? fail('printUncertain', '打印任务在时限内没有完成', `job ${jobId} at ${where} did not end within ${deadlineMs} ms`);
      return { outcome: 'unknown', jobId, error: e.info() };
    }
    let state: JobAttributes | undefined;
    try {
      const answer = await host.ask('get-job-attributes', (b) => getJobAttributesRequest(b, jobId), { timeoutMs: Math.min(left(), 30_000) });
      if (answer.code === STATUS.clientErrorNotFound) {
        return { outcome: 'unknown', jobId, error: fail('printUncertain', '打印机已不记得该任务', `${where} no longer knows job ${jobId}`).info() };
      }
      expectOk(answer, 'Get-Job-Attributes', where);
      state = readJobAttributes(answer);
      lastError = undefined;
    } catch (err) {
      lastError = DeviceError.from(err);
      host.log.warn('job state could not be read', { jobId, code: lastError.code });
    }
    if (state) {
      const pages = state.impressionsCompleted;
      if (pages !== undefined && pages !== lastPages) {
        lastPages = pages;
        events?.onProgress?.(pages);
      }
      if (isTerminalJobState(state.state)) return ended(host, state, left);
    }
    await pause(clock, Math.min(host.jobPollMs, left()), signal ?? new AbortController().signal);
  }
}

async function ended(host: JobHost, state: JobAttributes, left: () => number): Promise<DocumentPrintResult> {
  let reasons: readonly string[] = [];
  try {
    reasons = (await host.refreshPrinter({ timeoutMs: Math.min(left(), 10_000) })).reasons;
  } catch {
    reasons = [];
  }
  const jobId = state.jobId;
  if (state.state === JOB_STATE.completed) {
    // CUPS: completed = handed to the printer. A jam the printer reports now may have eaten the last sheet.
    if (effectiveReasons(reasons).has('media-jam')) {
      return { outcome: 'unknown', jobId, error: fail('printUncertain', '任务已完成，但打印机报告卡纸', `job ${jobId} completed at ${host.where}, but the printer reports media-jam: check the output`).info() };
    }
    return { outcome: 'completed', jobId };
  }
  const code = endedCode(state, reasons);
  const pagesCompleted = state.impressionsCompleted;
  const error = fail(code, `打印未完成（${state.stateName}）`, `job ${jobId} at ${host.where} ended ${state.stateName} after ${pagesCompleted ?? '?'} sheets (job-state-reasons ${state.reasons.join(',') || 'none'})`);
  return { outcome: 'incomplete', jobId, ...(pagesCompleted !== undefined && { pagesCompleted }), error: error.info() };
}

/** After a lost exchange or an abort: cancel where asked, then read the job once; terminal → its outcome, else unknown. */
async function settleAfterTrouble(host: JobHost, jobId: number, cause: DeviceError, left: () => number): Promise<DocumentPrintResult> {
  if (cause.code === 'canceled') {
    await host.ask('cancel-job', (b) => cancelJobRequest(b, jobId), { timeoutMs: Math.min(left(), 10_000) }).catch(() => undefined);
  }
  try {
    const answer = await host.ask('get-job-attributes', (b) => getJobAttributesRequest(b, jobId), { timeoutMs: Math.min(left(), 10_000) });
    if (responseStatus(answer).ok) {
      const state = readJobAttributes(answer);
      if (isTerminalJobState(state.state)) return ended(host, state, left);
    }
  } catch {
    // the printer is still not answering: unknown
  }
  return { outcome: 'unknown', jobId, error: cause.info() };
}
