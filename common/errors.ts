/**
 * The closed set of completion codes (ARCHITECTURE.md §3, after CEN/XFS4IoT) and who must act on each.
 * `software`: retried or reset automatically; `staff`: hall staff clear it (paper, cover, jam);
 * `technician`: maintenance is needed.
 */
export const ERROR_CODES = [
  'timeout',
  'canceled',
  'deviceNotReady',
  'noDevice',
  'offline',
  'hardwareError',
  'userError',
  'invalidData',
  'unsupported',
  'busy',
  'paperOut',
  'paperJam',
  'coverOpen',
  'cutterError',
  'garbledReply',
  'printIncomplete',
  'printUncertain',
  'businessClosed',
  'businessUnknown',
  'dailyCapReached',
  'rateLimited',
  'serviceUnavailable',
  'badRequest',
  'forbidden',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type Actor = 'software' | 'staff' | 'technician' | 'citizen';

/** Who must act when a device or service reports this code. */
export const ERROR_ACTOR: Readonly<Record<ErrorCode, Actor>> = {
  timeout: 'software',
  canceled: 'citizen',
  deviceNotReady: 'software',
  noDevice: 'technician',
  offline: 'staff',
  hardwareError: 'technician',
  userError: 'staff',
  invalidData: 'software',
  unsupported: 'technician',
  busy: 'software',
  paperOut: 'staff',
  paperJam: 'staff',
  coverOpen: 'staff',
  cutterError: 'technician',
  garbledReply: 'technician',
  printIncomplete: 'staff',
  printUncertain: 'staff',
  businessClosed: 'citizen',
  businessUnknown: 'software',
  dailyCapReached: 'citizen',
  rateLimited: 'citizen',
  serviceUnavailable: 'staff',
  badRequest: 'software',
  forbidden: 'software',
  internal: 'technician',
};

/** The error shape that crosses the API: a code the UI translates, never a raw stack. */
export interface KioskErrorInfo {
  code: ErrorCode;
  actor: Actor;
  /** Technician-facing detail in plain words; never carries personal data. */
  detail?: string;
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

export function errorInfo(code: ErrorCode, detail?: string): KioskErrorInfo {
  return detail === undefined ? { code, actor: ERROR_ACTOR[code] } : { code, actor: ERROR_ACTOR[code], detail };
}
