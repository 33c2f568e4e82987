/**
 * Response readers (RFC 8011 §4.1.6, §4.2–§4.3; protocols.md §4.1–§4.2): the status of a response, the
 * printer's condition from Get-Printer-Attributes, a job's from Get-Job-Attributes, and the jobs of
 * Get-Jobs. And the response builder the simulator answers with (the status, then charset, language and
 * status-message, then its groups). Pure.
 */
import { GROUP_JOB, GROUP_OPERATION, GROUP_PRINTER, GROUP_UNSUPPORTED, JOB_STATE_NAMES, STATUS, TAG, isSuccessful, type JobStateName } from './constants';
import { attribute, findGroup, firstBoolean, firstNumber, firstString, groupsOf, stringsOf, text, type IppGroup, type IppMessage } from './ipp-message';

const STATUS_NAMES: Readonly<Record<number, string>> = Object.fromEntries(
  Object.entries(STATUS).map(([name, code]) => [code, name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)]),
);

/** "client-error-not-found" for 0x0406; "0x0abc" for a code not in protocols.md §4.1. */
export function statusName(code: number): string {
  return STATUS_NAMES[code] ?? `0x${code.toString(16).padStart(4, '0')}`;
}

export interface ResponseStatus {
  code: number;
  ok: boolean;
  name: string;
  /** status-message, where the printer sent one. */
  message?: string;
}

export function responseStatus(response: IppMessage): ResponseStatus {
  const message = firstString(findGroup(response, GROUP_OPERATION), 'status-message');
  return { code: response.code, ok: isSuccessful(response.code), name: statusName(response.code), ...(message !== undefined && { message }) };
}

export interface PrinterAttributes {
  state: number;
  reasons: string[];
  acceptingJobs: boolean;
  stateMessage?: string;
  makeAndModel?: string;
  documentFormats: string[];
  mediaReady: string[];
}

export function readPrinterAttributes(response: IppMessage): PrinterAttributes {
  const g = findGroup(response, GROUP_PRINTER);
  const state = firstNumber(g, 'printer-state');
  if (state === undefined) throw new Error('the printer did not send printer-state');
  const stateMessage = firstString(g, 'printer-state-message');
  const makeAndModel = firstString(g, 'printer-make-and-model');
  return {
    state,
    reasons: stringsOf(g, 'printer-state-reasons'),
    // RFC 8011 §5.4.23 makes it REQUIRED; a printer that leaves it out is taken at its state.
    acceptingJobs: firstBoolean(g, 'printer-is-accepting-jobs') ?? true,
    documentFormats: stringsOf(g, 'document-format-supported'),
    mediaReady: stringsOf(g, 'media-ready'),
    ...(stateMessage !== undefined && { stateMessage }),
    ...(makeAndModel !== undefined && { makeAndModel }),
  };
}

export interface JobAttributes {
  jobId: number;
  jobName?: string;
  /** job-state enum 3–9. */
  state: number;
  stateName: JobStateName | undefined;
  reasons: string[];
  impressionsCompleted?: number;
}

export function readJobGroup(g: IppGroup): JobAttributes | undefined {
  const jobId = firstNumber(g, 'job-id');
  const state = firstNumber(g, 'job-state');
  if (jobId === undefined || state === undefined) return undefined;
  const jobName = firstString(g, 'job-name');
  const impressions = firstNumber(g, 'job-impressions-completed');
  return { jobId, state, stateName: JOB_STATE_NAMES[state], reasons: stringsOf(g, 'job-state-reasons'), ...(jobName !== undefined && { jobName }), ...(impressions !== undefined && { impressionsCompleted: impressions }) };
}

export function readJobAttributes(response: IppMessage): JobAttributes {
  const g = findGroup(response, GROUP_JOB);
  const job = g && readJobGroup(g);
  if (!job) throw new Error('the printer sent no job-id and job-state for the job');
  return job;
}

/** Every job group of a Get-Jobs response (one per job), groups missing job-id or job-state left out. */
export function readJobs(response: IppMessage): JobAttributes[] {
  return groupsOf(response, GROUP_JOB).flatMap((g) => readJobGroup(g) ?? []);
}

/** A response to `request`: same version and request-id, the operation group first (RFC 8011 §4.1.4). */
export function buildResponse(request: Pick<IppMessage, 'requestId' | 'version'>, status: number, groups: IppGroup[] = [], statusMessage?: string, unsupported?: IppGroup['attributes']): IppMessage {
  const operation: IppGroup = {
    tag: GROUP_OPERATION,
    attributes: [attribute('attributes-charset', TAG.charset, 'utf-8'), attribute('attributes-natural-language', TAG.naturalLanguage, 'en'), ...(statusMessage ? [text('status-message', statusMessage)] : [])],
  };
  const extra = unsupported && unsupported.length > 0 ? [{ tag: GROUP_UNSUPPORTED, attributes: unsupported }] : [];
  return { version: { ...request.version }, code: status, requestId: request.requestId || 1, groups: [operation, ...extra, ...groups], data: new Uint8Array(0) };
}
