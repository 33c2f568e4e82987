/**
 * The platform's "no" answers as the error codes the citizen screen words (common/errors.ts, issue 14
 * item 8: each with a kind message and a way forward). A `notMatched` for the face, liveness or finger uses
 * the same codes as the kiosk's own checks (faceMismatch, livenessFailed, fingerMismatch): the citizen needs
 * the same advice whoever compared. A card the registry refuses is identityNotVerified; a score the platform
 * cannot decide on is identityReviewNeeded (a person checks).
 */
import { errorInfo, type ErrorCode, type KioskErrorInfo } from '../../../common/errors';
import type { AppointmentLookupResult, CheckInOutcome, CheckInResult, IdentityRefusal, IdentityVerifyResult } from '../../../common/platform-api';

const REFUSAL_CODES: Readonly<Record<IdentityRefusal, ErrorCode>> = {
  card: 'identityNotVerified',
  liveness: 'livenessFailed',
  face: 'faceMismatch',
  fingerprint: 'fingerMismatch',
};

const CHECK_IN_CODES: Readonly<Record<Exclude<CheckInOutcome, 'checkedIn'>, ErrorCode>> = {
  early: 'appointmentEarly',
  late: 'appointmentLate',
  alreadyUsed: 'appointmentUsed',
  unknown: 'appointmentUnknown',
  forged: 'appointmentForged',
};

/** Null when the platform matched the person; the transaction id goes into the detail for an appeal. */
export function identityRefusalError(result: IdentityVerifyResult): KioskErrorInfo | null {
  const detail = `platform transaction ${result.transactionId}, score ${result.score}`;
  if (result.decision === 'matched') return null;
  if (result.decision === 'reviewNeeded') return errorInfo('identityReviewNeeded', detail);
  return errorInfo(REFUSAL_CODES[result.refusal ?? 'face'], detail);
}

/** Null when checked in now (or by the first attempt under the same idempotency key). */
export function checkInRefusalError(result: CheckInResult): KioskErrorInfo | null {
  return result.outcome === 'checkedIn' ? null : errorInfo(CHECK_IN_CODES[result.outcome]);
}

/** Null when the appointment was found (it may still be early, late or used: check in tells). */
export function lookupRefusalError(result: AppointmentLookupResult): KioskErrorInfo | null {
  return result.status === 'found' ? null : errorInfo(CHECK_IN_CODES[result.status]);
}
