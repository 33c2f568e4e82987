import { describe, expect, it } from 'vitest';
import { MAX_EVALUATION_COMMENT_LENGTH, type EvaluationOffer } from '../../../../common/evaluation';
import { cleanComment, EMPTY_RATING_DRAFT, isLowLevel, ratingProblem, toggleReason, toSubmission, type RatingDraft } from './rating-form';

const OFFER: EvaluationOffer = { transactionId: 'ISS-0042', kind: 'certificate', service: { 'zh-CN': '个人参保证明' } };

describe('the rating draft', () => {
  it('needs a level, and for the two low levels at least one reason', () => {
    expect(ratingProblem(EMPTY_RATING_DRAFT)).toBe('noLevel');
    for (const level of ['verySatisfied', 'satisfied', 'basicallySatisfied'] as const) expect(ratingProblem({ ...EMPTY_RATING_DRAFT, level }), level).toBeNull();
    for (const level of ['dissatisfied', 'veryDissatisfied'] as const) {
      expect(isLowLevel(level)).toBe(true);
      expect(ratingProblem({ ...EMPTY_RATING_DRAFT, level }), level).toBe('noReason');
      expect(ratingProblem({ ...EMPTY_RATING_DRAFT, level, comment: '太慢了' }), `${level} with only a comment`).toBe('noReason');
      expect(ratingProblem({ ...EMPTY_RATING_DRAFT, level, reasons: ['other'] }), level).toBeNull();
    }
    expect(isLowLevel(null)).toBe(false);
    expect(isLowLevel('basicallySatisfied')).toBe(false);
  });

  it('toggles reasons on and off, kept in the contract’s order', () => {
    let draft: RatingDraft = { ...EMPTY_RATING_DRAFT, level: 'dissatisfied' };
    draft = toggleReason(draft, 'deviceProblem');
    draft = toggleReason(draft, 'slow');
    draft = toggleReason(draft, 'other');
    expect(draft.reasons).toEqual(['slow', 'deviceProblem', 'other']);
    draft = toggleReason(draft, 'deviceProblem');
    expect(draft.reasons).toEqual(['slow', 'other']);
  });

  it('cuts the comment to the contract’s length in characters, trimmed', () => {
    expect(cleanComment('  等了很久  ')).toBe('等了很久');
    const long = '慢'.repeat(MAX_EVALUATION_COMMENT_LENGTH + 20);
    expect([...cleanComment(long)]).toHaveLength(MAX_EVALUATION_COMMENT_LENGTH);
    expect([...cleanComment('😀'.repeat(MAX_EVALUATION_COMMENT_LENGTH + 1))]).toHaveLength(MAX_EVALUATION_COMMENT_LENGTH);
  });
});

describe('the submission', () => {
  it('sends only the level for a good rating, whatever was chosen under a low one before', () => {
    const draft: RatingDraft = { level: 'satisfied', reasons: ['slow'], comment: '还行' };
    expect(toSubmission(OFFER, draft)).toEqual({ transactionId: 'ISS-0042', level: 'satisfied' });
  });

  it('sends reasons and the comment for a low rating, and no empty comment', () => {
    expect(toSubmission(OFFER, { level: 'veryDissatisfied', reasons: ['notResolved', 'other'], comment: ' 打印机卡纸 ' })).toEqual({
      transactionId: 'ISS-0042',
      level: 'veryDissatisfied',
      reasons: ['notResolved', 'other'],
      comment: '打印机卡纸',
    });
    expect(toSubmission(OFFER, { level: 'dissatisfied', reasons: ['slow'], comment: '   ' })).toEqual({ transactionId: 'ISS-0042', level: 'dissatisfied', reasons: ['slow'] });
  });

  it('refuses a draft with a problem', () => {
    expect(() => toSubmission(OFFER, EMPTY_RATING_DRAFT)).toThrow(/noLevel/);
    expect(() => toSubmission(OFFER, { ...EMPTY_RATING_DRAFT, level: 'dissatisfied' })).toThrow(/noReason/);
  });
});
