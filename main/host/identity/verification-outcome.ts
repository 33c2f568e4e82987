/** What a face or finger verification ends with (issue 14 §5, §4): the platform's transaction, or why not. */
import type { KioskErrorInfo } from '../../../common/errors';

export type VerificationOutcome = { ok: true; transactionId: string } | { ok: false; error: KioskErrorInfo };
