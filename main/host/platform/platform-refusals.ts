/**
 * The platform's "no" answers as the error codes the citizen screen words (common/errors.ts, issue 14
 * item 8: each with a kind message and a way forward). A `notMatched` for the face, liveness or finger uses
 * the same codes as the kiosk's own checks (faceMismatch, livenessFailed, fingerMismatch): the citizen needs
 * the same advice whoever compared. A card the registry refuses is identityNotVerified; a score the platform
 * cannot decide on is identityReviewNeeded (a person checks).
 *
 * Issue 17: a verification the platform no longer takes (expired, unknown) is identityNotVerified: the citizen
 * identifies again. A certificate the citizen has no record for is serviceUnavailable; an application, a post
 * booking or an evaluation `refused` is invalidData with the field paths (never values) in the detail: the
 * problems' own bilingual messages are on the answer for the screen. A second evaluation of a transaction is
 * badRequest (the first stands). Closer codes are a change of common/errors.ts (see docs/platform-api.md).
 */
import { errorInfo, type ErrorCode, type KioskErrorInfo } from '../../../common/errors';
import type {
  AppointmentLookupResult,
  ApplicationSubmitResult,
  CertificateIssueResult,
  CertificateListResult,
  CertificateOutcomeResult,
  CheckInOutcome,
  CheckInResult,
  EvaluationResult,
  IdentityRefusal,
  IdentityVerifyResult,
  PlatformProblem,
  PostBookingResult,
  ProgressResult,
} from '../../../common/platform-api';

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

const VERIFICATION_INVALID = 'the platform no longer accepts this identity verification (expired or unknown): identify again';

const fields = (problems: PlatformProblem[]): string => `refused: ${problems.map((p) => p.field).join(', ')}`.slice(0, 300);

/** Null when the platform listed or issued; the citizen must identify again, or has no such record. */
export function certificateRefusalError(result: CertificateListResult | CertificateIssueResult): KioskErrorInfo | null {
  if (result.outcome === 'verificationInvalid') return errorInfo('identityNotVerified', VERIFICATION_INVALID);
  if (result.outcome === 'notAvailable') return errorInfo('serviceUnavailable', 'the platform has no record for this certificate for this citizen');
  return null;
}

/** Null when recorded (again); a report for a voided certificate or an unknown one is a kiosk inconsistency. */
export function certificateOutcomeRefusalError(result: CertificateOutcomeResult): KioskErrorInfo | null {
  if (result.outcome === 'recorded') return null;
  return errorInfo('invalidData', result.outcome === 'alreadyVoided' ? `certificate ${result.certificateId} was voided before` : 'the platform knows no such certificate under this issuance id');
}

export function applicationRefusalError(result: ApplicationSubmitResult): KioskErrorInfo | null {
  return result.outcome === 'accepted' ? null : errorInfo('invalidData', fields(result.problems));
}

export function progressRefusalError(result: ProgressResult): KioskErrorInfo | null {
  return result.outcome === 'verificationInvalid' ? errorInfo('identityNotVerified', VERIFICATION_INVALID) : null;
}

export function postBookingRefusalError(result: PostBookingResult): KioskErrorInfo | null {
  if (result.outcome === 'booked') return null;
  return errorInfo('invalidData', result.outcome === 'refused' ? fields(result.problems) : 'the platform knows no such acceptance number');
}

export function evaluationRefusalError(result: EvaluationResult): KioskErrorInfo | null {
  if (result.outcome === 'recorded') return null;
  if (result.outcome === 'alreadyEvaluated') return errorInfo('badRequest', `this transaction was evaluated before (${result.evaluationId}): one evaluation per transaction`);
  return errorInfo('invalidData', fields(result.problems));
}
