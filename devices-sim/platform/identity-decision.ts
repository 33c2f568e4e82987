/**
 * How the simulated platform decides a verification (issue 14 items 4, 8): matched when the card's fields
 * are valid (number well-formed for its kind, valid on the hall day) and the face was flagged live, unless a
 * fault says otherwise; a fingerprint is judged by a pluggable verdict function, so the lead can wire it to
 * the fingerprint module's simulator (default: match). Scores follow common/platform-api.ts's thresholds.
 */
import { MATCH_SCORE_THRESHOLD, REVIEW_SCORE_THRESHOLD, type IdentityVerifyRequest, type IdentityVerifyResult, type PlatformCardFields } from '../../common/platform-api';
import { cardValidity } from '../../drivers/protocol/ga467/card-dates';
import { validIdNumber } from '../../drivers/protocol/ga467/id-number';
import type { SeededRandom } from '../seeded-random';
import type { PlatformFaults } from './platform-faults';

export type FingerVerdict = 'match' | 'noMatch';

/** What the verdict function is told: the template the kiosk sent and whose card it claims to be. */
export interface FingerVerdictQuery {
  template: Uint8Array;
  format: string;
  card: PlatformCardFields;
}

/** Answers per request; may be asynchronous (asking the fingerprint simulator what finger it holds). */
export type FingerVerdictFn = (query: FingerVerdictQuery) => FingerVerdict | Promise<FingerVerdict>;

export const ALWAYS_MATCH: FingerVerdictFn = () => 'match';

export interface DecisionContext {
  /** The hall-local day, YYYY-MM-DD. */
  todayLocal: string;
  faults: Pick<PlatformFaults, 'personNotMatched' | 'reviewNeeded' | 'fingerNotMatched'>;
  fingerVerdict: FingerVerdictFn;
  rng: SeededRandom;
}

export type Decision = Omit<IdentityVerifyResult, 'transactionId'>;

function cardIsValid(card: PlatformCardFields, todayLocal: string): boolean {
  if (!validIdNumber(card.type, card.idNumber)) return false;
  try {
    return cardValidity(card, todayLocal) === 'valid';
  } catch {
    return false; // a date that is not a real day (2026-02-30): the registry has no such card
  }
}

export async function decideIdentity(request: IdentityVerifyRequest, ctx: DecisionContext): Promise<Decision> {
  const { faults, rng } = ctx;
  if (!cardIsValid(request.card, ctx.todayLocal)) return { decision: 'notMatched', score: 0, refusal: 'card' };
  if (request.face && !request.face.liveness.live) return { decision: 'notMatched', score: 0, refusal: 'liveness' };
  const compared = request.face ? 'face' : 'fingerprint';
  if (faults.personNotMatched) return { decision: 'notMatched', score: rng.int(20, REVIEW_SCORE_THRESHOLD - 5), refusal: compared };
  if (faults.reviewNeeded) return { decision: 'reviewNeeded', score: rng.int(REVIEW_SCORE_THRESHOLD, MATCH_SCORE_THRESHOLD - 1) };
  const score = rng.int(MATCH_SCORE_THRESHOLD + 5, 99);
  if (request.fingerprint) {
    const template = Uint8Array.from(Buffer.from(request.fingerprint.templateBase64, 'base64'));
    const verdict = faults.fingerNotMatched ? 'noMatch' : await ctx.fingerVerdict({ template, format: request.fingerprint.format, card: request.card });
    if (verdict !== 'match') return { decision: 'notMatched', score, refusal: 'fingerprint' };
  }
  return { decision: 'matched', score };
}
