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
  /** A presenter printer retracted an issued ticket nobody took (protocols.md §2.6): the number stays valid. */
  'ticketRetracted',
  // Cards, fingers, faces and scans (issue 13 §5; protocols.md §1, §3; domain.md)
  /** The card on the reader could not be read (misplaced, dirty or damaged): place it again. */
  'cardUnreadable',
  /** The card was lifted before the read finished. */
  'cardRemoved',
  /** No card was laid on the reader in time. */
  'cardNotPresented',
  /** A card of a kind this service does not accept (not an ID card, or a type the reader cannot read). */
  'cardNotSupported',
  /** A card was left on the reader after its session ended: staff keep it for its owner. */
  'cardLeft',
  /** The card's validity ended before today (hall time): another card, or a staffed window. */
  'cardExpired',
  /** The card's validity starts after today (a renewed card collected early). */
  'cardNotYetValid',
  /** The ID reader security module (SAM) failed or refused (GA 467 status words). */
  'samError',
  /** No finger was placed on the sensor in time. */
  'fingerNotPresented',
  /** The fingerprint image was too poor to use (dry, wet, moved). */
  'fingerPoorQuality',
  /** The finger did not match the one on the card. */
  'fingerMismatch',
  /** No face was seen by the camera in time. */
  'faceNotDetected',
  /** The face did not match the photo on the card. */
  'faceMismatch',
  /** The face check saw a photo, a screen or a mask rather than a person. */
  'livenessFailed',
  /** A code or document could not be read by the scanner or camera. */
  'scanUnreadable',
  // The government platform (issue 14 item 8; common/platform-api.ts). A platform `notMatched` for the face,
  // liveness or finger maps to faceMismatch, livenessFailed, fingerMismatch above: the citizen is told the same
  // thing whoever compared; only a card the registry refuses gets its own code.
  /** The platform answered 5xx, refused or dropped the connection, or sent a reply the kiosk cannot read. */
  'platformUnavailable',
  /** The platform did not answer within the kiosk's time limit. */
  'platformTimeout',
  /** The platform could not verify the card's data against the registry (not found, not valid). */
  'identityNotVerified',
  /** The platform could not decide (a score in the grey zone): a person checks the citizen's identity. */
  'identityReviewNeeded',
  /** The appointment's check-in has not opened yet. */
  'appointmentEarly',
  /** The appointment's window has ended. */
  'appointmentLate',
  /** The appointment was checked in before (a replayed code). */
  'appointmentUsed',
  /** No such appointment (or the scanned text is not an appointment code). */
  'appointmentUnknown',
  /** The code's signature does not verify: not issued by the platform, or altered. */
  'appointmentForged',
  'businessClosed',
  'businessUnknown',
  'dailyCapReached',
  /** This ID already holds an active ticket of the business today (domain.md "one active ticket per ID per business"). */
  'ticketAlreadyHeld',
  'rateLimited',
  /** The wall clock is far behind the last time the kiosk saw (a flat RTC battery): issuing stopped. */
  'clockInvalid',
  // Staff and technicians at the kiosk (issue 15 §1, §2, §3)
  /** Staff took the kiosk, or this one service, out of service: citizens go to a window or another kiosk. */
  'outOfService',
  /** Staff are exchanging the paper roll of the printer this service needs. */
  'restocking',
  /** A technician holds the device this service needs (maintenance mode). */
  'maintenance',
  /** A staff member is signed in: citizen channels wait until they sign out. */
  'staffSignedIn',
  /** Too many wrong PINs at the staff pad: it is locked for a while (a guess at the PINs, or a forgotten one). */
  'pinLocked',
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
  ticketRetracted: 'staff',
  cardUnreadable: 'citizen',
  cardRemoved: 'citizen',
  cardNotPresented: 'citizen',
  cardNotSupported: 'citizen',
  cardLeft: 'staff',
  cardExpired: 'citizen',
  cardNotYetValid: 'citizen',
  samError: 'technician',
  fingerNotPresented: 'citizen',
  fingerPoorQuality: 'citizen',
  fingerMismatch: 'citizen',
  faceNotDetected: 'citizen',
  faceMismatch: 'citizen',
  livenessFailed: 'citizen',
  scanUnreadable: 'citizen',
  platformUnavailable: 'technician',
  platformTimeout: 'software',
  identityNotVerified: 'citizen',
  identityReviewNeeded: 'staff',
  appointmentEarly: 'citizen',
  appointmentLate: 'citizen',
  appointmentUsed: 'citizen',
  appointmentUnknown: 'citizen',
  appointmentForged: 'citizen',
  businessClosed: 'citizen',
  businessUnknown: 'software',
  dailyCapReached: 'citizen',
  ticketAlreadyHeld: 'citizen',
  rateLimited: 'citizen',
  clockInvalid: 'technician',
  outOfService: 'staff',
  restocking: 'staff',
  maintenance: 'technician',
  staffSignedIn: 'staff',
  pinLocked: 'staff',
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
