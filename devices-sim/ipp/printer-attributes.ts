/**
 * The simulated printer's description and status attributes (RFC 8011 §5.4; PWG 5100.14 IPP Everywhere;
 * protocols.md §4.2), as Get-Printer-Attributes returns them: the required ones ipptool's
 * get-printer-attributes.test expects, the state (printer-state, -reasons, -message, is-accepting-jobs,
 * media-ready, marker levels), and requested-attributes honoured ("all", the group names, or a list).
 */
import { OPERATION, PDF_MIME_TYPE, TAG } from '../../drivers/protocol/ipp/constants';
import { attribute, bool, collection, enums, integer, keywords, mime, nameAttr, text, uri, type IppAttribute } from '../../drivers/protocol/ipp/ipp-message';

export interface PrinterFacts {
  uri: string;
  name: string;
  makeAndModel: string;
  location: string;
  upTimeS: number;
  state: number;
  reasons: string[];
  acceptingJobs: boolean;
  queuedJobs: number;
  /** marker-levels, percent. */
  tonerLevel: number;
  mediaReady: boolean;
}

const A4 = 'iso_a4_210x297mm';
const OPERATIONS = [OPERATION.printJob, OPERATION.validateJob, OPERATION.createJob, OPERATION.sendDocument, OPERATION.cancelJob, OPERATION.getJobAttributes, OPERATION.getJobs, OPERATION.getPrinterAttributes, OPERATION.identifyPrinter];
export const SUPPORTED_OPERATIONS: ReadonlySet<number> = new Set(OPERATIONS);
export const DOCUMENT_FORMATS = [PDF_MIME_TYPE, 'application/octet-stream'] as const;

function stateMessage(f: PrinterFacts): string {
  if (f.reasons.includes('media-jam-error')) return 'Paper jam';
  if (f.reasons.includes('media-empty-error')) return 'Out of paper';
  if (f.reasons.includes('cover-open-error')) return 'Cover open';
  if (f.reasons.includes('offline-report')) return 'Offline';
  return f.state === 4 ? 'Printing' : 'Ready';
}

export function printerAttributes(f: PrinterFacts): IppAttribute[] {
  const a4 = [collection('media-size', [attribute('x-dimension', TAG.integer, 21000), attribute('y-dimension', TAG.integer, 29700)]), keywords('media-source', 'main'), keywords('media-type', 'stationery')];
  return [
    attribute('charset-configured', TAG.charset, 'utf-8'),
    attribute('charset-supported', TAG.charset, 'utf-8'),
    keywords('compression-supported', 'none'),
    mime('document-format-default', PDF_MIME_TYPE),
    mime('document-format-supported', ...DOCUMENT_FORMATS),
    attribute('generated-natural-language-supported', TAG.naturalLanguage, 'en', 'zh-cn'),
    keywords('ipp-versions-supported', '1.1', '2.0'),
    keywords('ipp-features-supported', 'ipp-everywhere'),
    collection('media-col-default', a4),
    ...(f.mediaReady ? [collection('media-col-ready', a4)] : []),
    keywords('media-default', A4),
    keywords('media-supported', A4),
    ...(f.mediaReady ? [keywords('media-ready', A4)] : [attribute('media-ready', TAG.noValue, null)]),
    attribute('natural-language-configured', TAG.naturalLanguage, 'en'),
    enums('operations-supported', ...OPERATIONS),
    text('printer-info', 'hallkiosk simulated A4 printer'),
    bool('printer-is-accepting-jobs', f.acceptingJobs),
    text('printer-location', f.location),
    text('printer-make-and-model', f.makeAndModel),
    uri('printer-more-info', f.uri.replace(/^ipp:/, 'http:')),
    nameAttr('printer-name', f.name),
    enums('printer-state', f.state),
    keywords('printer-state-reasons', ...f.reasons),
    text('printer-state-message', stateMessage(f)),
    integer('printer-up-time', Math.max(1, f.upTimeS)),
    uri('printer-uri-supported', f.uri),
    keywords('uri-authentication-supported', 'none'),
    keywords('uri-security-supported', 'none'),
    integer('queued-job-count', f.queuedJobs),
    keywords('sides-supported', 'one-sided'),
    keywords('sides-default', 'one-sided'),
    integer('copies-default', 1),
    attribute('copies-supported', TAG.rangeOfInteger, { lower: 1, upper: 1 }),
    keywords('print-color-mode-supported', 'monochrome'),
    keywords('print-color-mode-default', 'monochrome'),
    keywords('which-jobs-supported', 'completed', 'not-completed', 'all'),
    integer('multiple-operation-time-out', 120),
    bool('multiple-document-jobs-supported', false),
    keywords('job-creation-attributes-supported', 'copies', 'media', 'sides', 'print-color-mode'),
    integer('marker-levels', f.tonerLevel),
    attribute('marker-names', TAG.name, 'Black Toner'),
    keywords('marker-types', 'toner'),
    attribute('marker-colors', TAG.name, '#000000'),
    integer('marker-low-levels', 10),
    integer('marker-high-levels', 100),
    keywords('pdl-override-supported', 'attempted'),
  ];
}

/** Group names of requested-attributes (RFC 8011 §4.2.5.1): which attribute names belong where. */
const JOB_TEMPLATE = new Set(['copies-default', 'copies-supported', 'media-default', 'media-supported', 'media-ready', 'media-col-default', 'media-col-ready', 'sides-default', 'sides-supported', 'print-color-mode-default', 'print-color-mode-supported', 'multiple-document-jobs-supported', 'job-creation-attributes-supported', 'pdl-override-supported']);

export function selectAttributes(all: IppAttribute[], requested: string[] | undefined): IppAttribute[] {
  if (!requested || requested.length === 0 || requested.includes('all')) return all;
  const wanted = new Set(requested);
  return all.filter((a) => wanted.has(a.name) || (wanted.has('job-template') && JOB_TEMPLATE.has(a.name)) || (wanted.has('printer-description') && !JOB_TEMPLATE.has(a.name)));
}
