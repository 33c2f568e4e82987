/**
 * Appointment check-in at the kiosk (预约签到; issue 14 items 6–7; domain.md "Queue tickets": 预约取号 by ID
 * card or QR code) as the renderer sees it. The host owns the step (main/host/appointments/): it listens to the
 * QR scanner, asks the government platform (common/platform-api.ts), judges the window in hall time and takes
 * the ticket that jumps the queue; the renderer shows `AppointmentView` and asks for steps (ARCHITECTURE.md
 * §8.6). Everything here is of the display class (§8.7): the person's name only as the platform masked it, and
 * the appointment code, which names an appointment and nothing personal; both go at the session's end.
 */
import type { KioskErrorInfo } from './errors';
import type { LocalText, TakeTicketResult } from './queue';

/**
 * - `idle`: the check-in screen is not open; the scanner's labels are not read for it.
 * - `scanning`: waiting for a code at the scanner (or a keyboard-wedge burst), or for the ID card.
 * - `looking`: a code was read, or the card's appointments are being asked for: the platform is asked.
 * - `found`: the appointments to check in (usually one); the citizen confirms one.
 * - `refused`: the code or the card found nothing to check in now; `error` says why, with a way forward.
 */
export type AppointmentStep = 'idle' | 'scanning' | 'looking' | 'found' | 'refused';

export const APPOINTMENT_STEPS = ['idle', 'scanning', 'looking', 'found', 'refused'] as const satisfies readonly AppointmentStep[];

/**
 * Whether check-in can be done now, as the host judged it in hall time (the platform has the last word):
 * `open` (within the window, or the half hour before it), `early`, `late`, `used` (checked in before).
 */
export type AppointmentStanding = 'open' | 'early' | 'late' | 'used';

export const APPOINTMENT_STANDINGS = ['open', 'early', 'late', 'used'] as const satisfies readonly AppointmentStanding[];

/** One appointment as the citizen is shown it. */
export interface AppointmentChoice {
  /** The code to check in with (`appointment:check-in`): only a code the host showed in this session is taken. */
  code: string;
  businessId: string;
  businessName: LocalText;
  zone: LocalText;
  /** The window in hall time, "YYYY-MM-DD HH:MM". */
  windowStartLocal: string;
  windowEndLocal: string;
  /** As the platform masked it (张*): enough for the citizen to see it is theirs. */
  personMaskedName: string;
  standing: AppointmentStanding;
  /** `early`: when check-in opens, hall time "YYYY-MM-DD HH:MM". */
  opensAtLocal?: string;
}

/** How the citizen can present an appointment here; a keyboard-wedge scanner is read by the renderer in any case. */
export interface AppointmentInputs {
  /** The QR scanner (role barcodeScanner) can read now. */
  scanner: boolean;
  /** The ID-card reader can read now (刷身份证签到). */
  card: boolean;
}

export interface AppointmentView {
  step: AppointmentStep;
  inputs: AppointmentInputs;
  /** Where the appointments came from: a scanned or typed code, or the citizen's ID card. */
  source?: 'code' | 'card';
  /** `found`: those to choose from; `refused`: the appointment refused, when one was found. */
  appointments?: AppointmentChoice[];
  /** `refused`: why (appointmentEarly/Late/Used/Unknown/Forged, scanUnreadable, platformUnavailable, …). */
  error?: KioskErrorInfo;
  /** appointmentEarly: when check-in opens, hall time "YYYY-MM-DD HH:MM". */
  opensAtLocal?: string;
}

export const IDLE_APPOINTMENT: AppointmentView = Object.freeze({ step: 'idle', inputs: Object.freeze({ scanner: false, card: false }) });

/** A keyboard-wedge burst (renderer/src/input/use-wedge-scan.ts) handed to the host, which decides. */
export interface AppointmentSubmitCodeRequest {
  code: string;
}

export interface AppointmentCheckInRequest {
  code: string;
  /** Chosen by the renderer per tap of 确认签到; the same id again answers with the first result. */
  requestId: string;
}

/**
 * `checkedIn: true`: the platform checked the appointment in; `ticket` is the take-ticket result (issued with
 * priority, or voided / uncertain / refused: the appointment stays checked in, staff can print or call it).
 * `checkedIn: false`: refused before or by the platform, nothing changed.
 */
export type AppointmentCheckInResult =
  | { checkedIn: true; ticket: TakeTicketResult }
  | { checkedIn: false; error: KioskErrorInfo; opensAtLocal?: string };

/** The longest text a wedge burst may hand over (use-wedge-scan's maxLength is 3000). */
export const MAX_SUBMITTED_CODE_LENGTH = 4096;
