/**
 * What the citizen has chosen on the rating panel, and what is sent (好差评, issue 17 §8; GB/T 39735:
 * 差评 needs its reasons, so it can be followed up): one level; for the two low levels at least one reason
 * and an optional comment of at most MAX_EVALUATION_COMMENT_LENGTH characters. Reasons and comment chosen
 * under a low level and then left by choosing a higher one are not sent. Pure, so the rules are tested apart
 * from the screen.
 */
import {
  EVALUATION_REASONS,
  LOW_EVALUATION_LEVELS,
  MAX_EVALUATION_COMMENT_LENGTH,
  type EvaluationLevel,
  type EvaluationOffer,
  type EvaluationReason,
  type EvaluationSubmitRequest,
} from '../../../../common/evaluation';

/** The request the panel hands over; the caller adds its `requestId` (one per evaluation, kept on retry). */
export type EvaluationSubmission = Omit<EvaluationSubmitRequest, 'requestId'>;

export interface RatingDraft {
  level: EvaluationLevel | null;
  /** In the order of EVALUATION_REASONS, whatever order they were tapped in. */
  reasons: readonly EvaluationReason[];
  comment: string;
}

export const EMPTY_RATING_DRAFT: RatingDraft = { level: null, reasons: [], comment: '' };

export type RatingProblem = 'noLevel' | 'noReason';

export function isLowLevel(level: EvaluationLevel | null): boolean {
  return level !== null && LOW_EVALUATION_LEVELS.includes(level);
}

export function toggleReason(draft: RatingDraft, reason: EvaluationReason): RatingDraft {
  const on = draft.reasons.includes(reason);
  return { ...draft, reasons: EVALUATION_REASONS.filter((r) => (r === reason ? !on : draft.reasons.includes(r))) };
}

/** The comment as it would be sent: trimmed, at most MAX_EVALUATION_COMMENT_LENGTH characters (not UTF-16 units). */
export function cleanComment(comment: string): string {
  return [...comment.trim()].slice(0, MAX_EVALUATION_COMMENT_LENGTH).join('').trim();
}

/** Why the draft cannot be submitted yet, or null. */
export function ratingProblem(draft: RatingDraft): RatingProblem | null {
  if (draft.level === null) return 'noLevel';
  if (isLowLevel(draft.level) && draft.reasons.length === 0) return 'noReason';
  return null;
}

/** The submission for a draft without a problem (ratingProblem is null); throws otherwise. */
export function toSubmission(offer: EvaluationOffer, draft: RatingDraft): EvaluationSubmission {
  const problem = ratingProblem(draft);
  if (problem !== null || draft.level === null) throw new Error(`the rating cannot be submitted: ${problem ?? 'noLevel'}`);
  if (!isLowLevel(draft.level)) return { transactionId: offer.transactionId, level: draft.level };
  const comment = cleanComment(draft.comment);
  return { transactionId: offer.transactionId, level: draft.level, reasons: [...draft.reasons], ...(comment !== '' && { comment }) };
}
