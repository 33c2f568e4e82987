/**
 * IPP constants (protocols.md §4.1, §4.2; RFC 8010 §3.5, RFC 8011 §5.4): delimiter and value tags, the
 * operations a kiosk needs, status codes and the printer/job state enums. Grouped by function.
 */

/** Delimiter (group) tags, RFC 8010 §3.5.1 (protocols.md §4.1). */
export const GROUP_OPERATION = 0x01;
export const GROUP_JOB = 0x02;
export const END_OF_ATTRIBUTES = 0x03;
export const GROUP_PRINTER = 0x04;
export const GROUP_UNSUPPORTED = 0x05;
export const GROUP_SUBSCRIPTION = 0x06;
export const GROUP_EVENT_NOTIFICATION = 0x07;

/** Value tags, RFC 8010 §3.5.2 (protocols.md §4.1). Out-of-band values carry no bytes. */
export const TAG = {
  unsupported: 0x10,
  unknown: 0x12,
  noValue: 0x13,
  integer: 0x21,
  boolean: 0x22,
  enum: 0x23,
  octetString: 0x30,
  dateTime: 0x31,
  resolution: 0x32,
  rangeOfInteger: 0x33,
  begCollection: 0x34,
  textWithLanguage: 0x35,
  nameWithLanguage: 0x36,
  endCollection: 0x37,
  text: 0x41,
  name: 0x42,
  keyword: 0x44,
  uri: 0x45,
  uriScheme: 0x46,
  charset: 0x47,
  naturalLanguage: 0x48,
  mimeMediaType: 0x49,
  memberAttrName: 0x4a,
} as const;

/** RFC 8010 §3.5.2: 0x7F announces a 4-byte tag (none registered), which this codec refuses. */
export const TAG_EXTENSION = 0x7f;

/** Operation ids (protocols.md §4.2). */
export const OPERATION = {
  printJob: 0x0002,
  validateJob: 0x0004,
  createJob: 0x0005,
  sendDocument: 0x0006,
  cancelJob: 0x0008,
  getJobAttributes: 0x0009,
  getJobs: 0x000a,
  getPrinterAttributes: 0x000b,
  identifyPrinter: 0x003c,
} as const;

export type OperationName = keyof typeof OPERATION;

/** Status codes (protocols.md §4.1); 0x0000–0x00FF successful, 0x04xx client errors, 0x05xx server errors. */
export const STATUS = {
  successfulOk: 0x0000,
  successfulOkIgnoredOrSubstitutedAttributes: 0x0001,
  clientErrorBadRequest: 0x0400,
  clientErrorNotFound: 0x0406,
  clientErrorDocumentFormatNotSupported: 0x040a,
  clientErrorAttributesOrValuesNotSupported: 0x040b,
  clientErrorNotPossible: 0x0404,
  serverErrorInternalError: 0x0500,
  serverErrorOperationNotSupported: 0x0501,
  serverErrorVersionNotSupported: 0x0503,
  serverErrorDeviceError: 0x0504,
  serverErrorNotAcceptingJobs: 0x0506,
  serverErrorBusy: 0x0507,
  serverErrorJobCanceled: 0x0508,
} as const;

export const isSuccessful = (status: number): boolean => status >= 0 && status <= 0x00ff;

/** printer-state enum (protocols.md §4.2). */
export const PRINTER_STATE = { idle: 3, processing: 4, stopped: 5 } as const;

/** job-state enum (protocols.md §4.2). */
export const JOB_STATE = {
  pending: 3,
  pendingHeld: 4,
  processing: 5,
  processingStopped: 6,
  canceled: 7,
  aborted: 8,
  completed: 9,
} as const;

export type JobStateName = keyof typeof JOB_STATE;

export const JOB_STATE_NAMES: Readonly<Record<number, JobStateName>> = Object.fromEntries(Object.entries(JOB_STATE).map(([k, v]) => [v, k as JobStateName]));

/** A terminal job-state: the job will not change again (RFC 8011 §5.3.7). */
export const isTerminalJobState = (state: number): boolean => state >= JOB_STATE.canceled;

/** The IPP version this client speaks (2.0; RFC 8010 §3.1.8) and the versions the simulator accepts. */
export const IPP_VERSION = { major: 2, minor: 0 } as const;

export const IPP_MIME_TYPE = 'application/ipp';
export const PDF_MIME_TYPE = 'application/pdf';
export const DEFAULT_IPP_PORT = 631;
