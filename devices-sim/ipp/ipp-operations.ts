/**
 * The simulated printer's answer to each IPP request (RFC 8011 §4.1–§4.3, §4.1.8 request checks; protocols.md
 * §4.1–§4.2), as a real printer's manual describes it: the version checked (server-error-version-not-
 * supported), attributes-charset and attributes-natural-language first (client-error-bad-request), the
 * operation known (server-error-operation-not-supported), a job-id that exists (client-error-not-found),
 * jobs refused while offline (server-error-not-accepting-jobs), documents other than PDF refused
 * (client-error-document-format-not-supported), a Send-Document to a job that has its document or has ended
 * (client-error-not-possible). Validate-Job answers what Print-Job would, without a job.
 */
import { GROUP_JOB, GROUP_OPERATION, JOB_STATE, OPERATION, PDF_MIME_TYPE, STATUS, TAG, isTerminalJobState } from '../../drivers/protocol/ipp/constants';
import { attribute, enums, findGroup, firstBoolean, firstNumber, firstString, integer, keywords, nameAttr, stringsOf, uri, type IppAttribute, type IppGroup, type IppMessage } from '../../drivers/protocol/ipp/ipp-message';
import { buildResponse } from '../../drivers/protocol/ipp/ipp-responses';
import { countPdfPages } from './pdf-objects';
import { SUPPORTED_OPERATIONS, selectAttributes } from './printer-attributes';
import type { SimJob, SimJobEngine } from './sim-job-engine';

export interface OperationTarget {
  readonly engine: SimJobEngine;
  readonly printerUri: string;
  acceptingJobs(): boolean;
  printerAttributes(): IppAttribute[];
  upTimeS(): number;
  identify(): void;
}

const error = (request: IppMessage, status: number, message: string): IppMessage => buildResponse(request, status, [], message);

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46]; // %PDF
const isPdf = (data: Uint8Array): boolean => PDF_MAGIC.every((b, i) => data[i] === b);

export function jobAttributes(job: SimJob, printerUri: string, upTimeS: number): IppAttribute[] {
  return [
    integer('job-id', job.id),
    uri('job-uri', `${printerUri}/${job.id}`),
    uri('job-printer-uri', printerUri),
    nameAttr('job-name', job.name),
    nameAttr('job-originating-user-name', job.user),
    enums('job-state', job.state),
    keywords('job-state-reasons', ...job.reasons),
    integer('job-impressions', job.pages),
    integer('job-impressions-completed', job.impressions),
    integer('job-media-sheets-completed', job.impressions),
    integer('time-at-creation', Math.max(1, upTimeS)),
    ...(isTerminalJobState(job.state) ? [integer('time-at-completed', Math.max(1, upTimeS))] : [attribute('time-at-completed', TAG.noValue, null)]),
  ];
}

function pick(attrs: IppAttribute[], requested: string[]): IppAttribute[] {
  return requested.length === 0 || requested.includes('all') || requested.includes('job-description') ? attrs : attrs.filter((a) => requested.includes(a.name));
}

/** The document: PDF declared or sniffed, else the status that refuses it. */
function documentProblem(op: IppGroup | undefined, data: Uint8Array | null): string | null {
  const format = firstString(op, 'document-format') ?? PDF_MIME_TYPE;
  if (format !== PDF_MIME_TYPE && format !== 'application/octet-stream') return `document-format "${format}" is not supported; send application/pdf`;
  if (data !== null && !isPdf(data)) return 'the document is not a PDF (it does not start with %PDF)';
  return null;
}

export function answerIpp(t: OperationTarget, request: IppMessage): IppMessage {
  if (request.version.major !== 1 && request.version.major !== 2) return error({ ...request, version: { major: 2, minor: 0 } }, STATUS.serverErrorVersionNotSupported, 'IPP 1.1 and 2.0 only');
  const op = findGroup(request, GROUP_OPERATION);
  const names = op?.attributes.map((a) => a.name) ?? [];
  if (names[0] !== 'attributes-charset' || names[1] !== 'attributes-natural-language') {
    return error(request, STATUS.clientErrorBadRequest, 'attributes-charset and attributes-natural-language must come first');
  }
  if (!SUPPORTED_OPERATIONS.has(request.code)) return error(request, STATUS.serverErrorOperationNotSupported, `operation 0x${request.code.toString(16).padStart(4, '0')} is not supported`);
  if (!names.includes('printer-uri') && !names.includes('job-uri')) return error(request, STATUS.clientErrorBadRequest, 'printer-uri is missing');
  const requested = stringsOf(op, 'requested-attributes');
  const user = firstString(op, 'requesting-user-name') ?? 'anonymous';
  const upTime = t.upTimeS();
  const jobGroup = (job: SimJob, attrs: IppAttribute[] = jobAttributes(job, t.printerUri, upTime)): IppGroup => ({ tag: GROUP_JOB, attributes: attrs });
  const targetJob = (): SimJob | IppMessage => {
    const id = firstNumber(op, 'job-id') ?? Number(/\/(\d+)$/.exec(firstString(op, 'job-uri') ?? '')?.[1] ?? NaN);
    if (!Number.isInteger(id)) return error(request, STATUS.clientErrorBadRequest, 'job-id is missing');
    return t.engine.find(id) ?? error(request, STATUS.clientErrorNotFound, `job ${id} does not exist`);
  };
  const brief = (job: SimJob): IppGroup => jobGroup(job, jobAttributes(job, t.printerUri, upTime).filter((a) => ['job-id', 'job-uri', 'job-state', 'job-state-reasons'].includes(a.name)));

  switch (request.code) {
    case OPERATION.getPrinterAttributes:
      return buildResponse(request, STATUS.successfulOk, [{ tag: 0x04, attributes: selectAttributes(t.printerAttributes(), requested) }]);
    case OPERATION.identifyPrinter:
      t.identify();
      return buildResponse(request, STATUS.successfulOk);
    case OPERATION.validateJob:
    case OPERATION.printJob:
    case OPERATION.createJob: {
      if (!t.acceptingJobs()) return error(request, STATUS.serverErrorNotAcceptingJobs, 'the printer is not accepting jobs');
      const problem = request.code === OPERATION.createJob ? null : documentProblem(op, request.code === OPERATION.printJob ? request.data : null);
      if (problem) return error(request, STATUS.clientErrorDocumentFormatNotSupported, problem);
      if (request.code === OPERATION.validateJob) return buildResponse(request, STATUS.successfulOk);
      const job = t.engine.create(firstString(op, 'job-name') ?? 'Untitled', user);
      if (request.code === OPERATION.printJob) t.engine.addDocument(job, request.data, countPdfPages(request.data));
      return buildResponse(request, STATUS.successfulOk, [brief(job)]);
    }
    case OPERATION.sendDocument: {
      const job = targetJob();
      if (!('id' in job)) return job;
      if (job.pdf || job.state !== JOB_STATE.pending) return error(request, STATUS.clientErrorNotPossible, `job ${job.id} already has its document or has ended`);
      if (firstBoolean(op, 'last-document') !== true) return error(request, STATUS.clientErrorBadRequest, 'one document per job: send it with last-document true');
      const problem = documentProblem(op, request.data);
      if (problem) {
        t.engine.cancel(job);
        return error(request, STATUS.clientErrorDocumentFormatNotSupported, problem);
      }
      t.engine.addDocument(job, request.data, countPdfPages(request.data));
      return buildResponse(request, STATUS.successfulOk, [brief(job)]);
    }
    case OPERATION.getJobAttributes: {
      const job = targetJob();
      if (!('id' in job)) return job;
      return buildResponse(request, STATUS.successfulOk, [jobGroup(job, pick(jobAttributes(job, t.printerUri, upTime), requested))]);
    }
    case OPERATION.getJobs: {
      const which = firstString(op, 'which-jobs') ?? 'not-completed';
      if (!['all', 'completed', 'not-completed'].includes(which)) return error(request, STATUS.clientErrorAttributesOrValuesNotSupported, `which-jobs "${which}" is not supported`);
      const mine = firstBoolean(op, 'my-jobs') === true;
      const limit = firstNumber(op, 'limit');
      const jobs = [...t.engine.all]
        .filter((j) => which === 'all' || (which === 'completed') === isTerminalJobState(j.state))
        .filter((j) => !mine || j.user === user)
        .reverse() // newest first, as CUPS lists them
        .slice(0, limit ?? undefined);
      const wanted = requested.length > 0 ? requested : ['job-id', 'job-uri'];
      return buildResponse(request, STATUS.successfulOk, jobs.map((j) => jobGroup(j, pick(jobAttributes(j, t.printerUri, upTime), wanted))));
    }
    case OPERATION.cancelJob: {
      const job = targetJob();
      if (!('id' in job)) return job;
      if (isTerminalJobState(job.state)) return error(request, STATUS.clientErrorNotPossible, `job ${job.id} has already ended`);
      t.engine.cancel(job);
      return buildResponse(request, STATUS.successfulOk);
    }
    default:
      return error(request, STATUS.serverErrorOperationNotSupported, 'operation not supported');
  }
}
