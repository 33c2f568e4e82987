/**
 * Request builders for the operations a kiosk needs (protocols.md §4.2; RFC 8011 §4.2–§4.3). Every request
 * starts with attributes-charset, attributes-natural-language and printer-uri, then job-id where it targets
 * a job (§4.1), then requesting-user-name. Pure: they return IppMessage data for ipp-encoder.ts.
 */
import { GROUP_JOB, GROUP_OPERATION, IPP_VERSION, OPERATION, PDF_MIME_TYPE, TAG } from './constants';
import { attribute, bool, integer, keywords, mime, nameAttr, uri, type IppAttribute, type IppMessage } from './ipp-message';

export interface RequestBase {
  /** The printer-uri attribute: ipp://host:631/ipp/print, ipp://host:631/printers/<queue>. */
  printerUri: string;
  requestId: number;
  /** requesting-user-name; default "hallkiosk". */
  userName?: string;
  /** attributes-natural-language; default "zh-cn". */
  language?: string;
}

/** What print-job.ts and the ipptool-free tests ask about a printer (protocols.md §4.2). */
export const PRINTER_STATUS_ATTRIBUTES = ['printer-state', 'printer-state-reasons', 'printer-state-message', 'printer-is-accepting-jobs', 'media-ready', 'printer-make-and-model', 'document-format-supported', 'marker-levels', 'marker-names'] as const;
export const JOB_STATUS_ATTRIBUTES = ['job-id', 'job-name', 'job-state', 'job-state-reasons', 'job-impressions-completed'] as const;

function operationGroup(base: RequestBase, extra: IppAttribute[], withUser = true): IppAttribute[] {
  return [
    attribute('attributes-charset', TAG.charset, 'utf-8'),
    attribute('attributes-natural-language', TAG.naturalLanguage, base.language ?? 'zh-cn'),
    uri('printer-uri', base.printerUri),
    ...extra.filter((a) => a.name === 'job-id'),
    ...(withUser ? [nameAttr('requesting-user-name', base.userName ?? 'hallkiosk')] : []),
    ...extra.filter((a) => a.name !== 'job-id'),
  ];
}

function message(op: number, base: RequestBase, operation: IppAttribute[], job: IppAttribute[] = [], data: Uint8Array = new Uint8Array(0)): IppMessage {
  const groups = [{ tag: GROUP_OPERATION, attributes: operation }];
  if (job.length > 0) groups.push({ tag: GROUP_JOB, attributes: job });
  return { version: { ...IPP_VERSION }, code: op, requestId: base.requestId, groups, data };
}

export function getPrinterAttributesRequest(base: RequestBase, requested: readonly string[] = PRINTER_STATUS_ATTRIBUTES): IppMessage {
  return message(OPERATION.getPrinterAttributes, base, operationGroup(base, [keywords('requested-attributes', ...requested)], false));
}

export interface JobTicket {
  jobName: string;
  documentFormat?: string;
  /** media, e.g. iso_a4_210x297mm; left out: the printer's default. */
  media?: string;
  copies?: number;
}

function jobTemplate(t: JobTicket): IppAttribute[] {
  return [...(t.copies !== undefined ? [integer('copies', t.copies)] : []), ...(t.media !== undefined ? [keywords('media', t.media)] : [])];
}

/** Create-Job (0x0005): the job, without its document (Send-Document follows). */
export function createJobRequest(base: RequestBase, t: JobTicket): IppMessage {
  return message(OPERATION.createJob, base, operationGroup(base, [nameAttr('job-name', t.jobName)]), jobTemplate(t));
}

export interface DocumentPart {
  jobId: number;
  data: Uint8Array;
  documentFormat?: string;
  lastDocument?: boolean;
}

/** Send-Document (0x0006) with its document after the end tag. */
export function sendDocumentRequest(base: RequestBase, d: DocumentPart): IppMessage {
  const operation = operationGroup(base, [integer('job-id', d.jobId), bool('last-document', d.lastDocument ?? true), mime('document-format', d.documentFormat ?? PDF_MIME_TYPE)]);
  return message(OPERATION.sendDocument, base, operation, [], d.data);
}

/** Print-Job (0x0002): job and document in one request. */
export function printJobRequest(base: RequestBase, t: JobTicket, data: Uint8Array): IppMessage {
  const operation = operationGroup(base, [nameAttr('job-name', t.jobName), mime('document-format', t.documentFormat ?? PDF_MIME_TYPE)]);
  return message(OPERATION.printJob, base, operation, jobTemplate(t), data);
}

/** Validate-Job (0x0004): Print-Job's question without a document — would the printer take it? */
export function validateJobRequest(base: RequestBase, t: JobTicket): IppMessage {
  const operation = operationGroup(base, [nameAttr('job-name', t.jobName), mime('document-format', t.documentFormat ?? PDF_MIME_TYPE)]);
  return message(OPERATION.validateJob, base, operation, jobTemplate(t));
}

export function getJobAttributesRequest(base: RequestBase, jobId: number, requested: readonly string[] = JOB_STATUS_ATTRIBUTES): IppMessage {
  return message(OPERATION.getJobAttributes, base, operationGroup(base, [integer('job-id', jobId), keywords('requested-attributes', ...requested)]));
}

export interface GetJobsQuery {
  /** "completed", "not-completed" (the default of RFC 8011) or "all" (PWG 5100.7; CUPS and ippeveprinter). */
  whichJobs?: 'all' | 'completed' | 'not-completed';
  requested?: readonly string[];
  limit?: number;
  myJobs?: boolean;
}

export function getJobsRequest(base: RequestBase, q: GetJobsQuery = {}): IppMessage {
  const extra = [
    keywords('which-jobs', q.whichJobs ?? 'all'),
    keywords('requested-attributes', ...(q.requested ?? JOB_STATUS_ATTRIBUTES)),
    ...(q.limit !== undefined ? [integer('limit', q.limit)] : []),
    ...(q.myJobs !== undefined ? [bool('my-jobs', q.myJobs)] : []),
  ];
  return message(OPERATION.getJobs, base, operationGroup(base, extra));
}

export function cancelJobRequest(base: RequestBase, jobId: number): IppMessage {
  return message(OPERATION.cancelJob, base, operationGroup(base, [integer('job-id', jobId)]));
}
