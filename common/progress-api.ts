/**
 * 办件查询 (issue 17 §6): the citizen follows an application by their ID card (the session's platform
 * verification: all theirs, newest first) or by its 受理编号, typed on the on-screen keyboard or scanned from
 * the receipt's QR code. A number is checked (its Luhn digit, platform-api.ts isAcceptanceNumber) before it is
 * sent. A query by number shows the applicant's name masked only; by card, the kiosk adds what it holds for
 * the citizen itself: an application still waiting in the outbox, a document waiting in the hall locker.
 */
import type { ErrorCode } from './errors';
import type { ApplicationProgress } from './platform-api';

export type ProgressQueryRequest = { by: 'card' } | { by: 'number'; acceptanceNumber: string; source: 'typed' | 'scanned' };

/** An application the kiosk has taken but not yet delivered to the platform (issue 17 §5, offline). */
export interface WaitingApplication {
  reference: string;
  serviceName: string;
  /** ISO time with offset, when the citizen submitted it. */
  submittedAt: string;
}

/** A result document loaded in the hall locker for this citizen (issue 17 §7). */
export interface LockerParcelView {
  documentRef: string;
  compartment: number;
  /** ISO time with offset, until when it is held. */
  holdUntil: string;
}

export type ProgressQueryResult =
  | {
      outcome: 'found';
      applications: ApplicationProgress[];
      waiting: WaitingApplication[];
      lockerParcels: LockerParcelView[];
      /** By card while the platform did not answer: only what the kiosk holds itself is shown, and the screen says so. */
      platformError?: ErrorCode;
    }
  /** The number's check digit is wrong (a typo or a misread): nothing was asked of the platform. */
  | { outcome: 'invalidNumber' }
  /** By card without an identified citizen, or the platform's verification ran out: identify again. */
  | { outcome: 'identify' }
  | { outcome: 'unavailable'; code: ErrorCode };
