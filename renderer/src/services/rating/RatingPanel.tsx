/**
 * 好差评 after a transaction (issue 17 §8; GB/T 39735-2020; common/evaluation.ts): five big buttons, 非常满意 to
 * 非常不满意, each a face and its name as text, one choice, told by aria-pressed as the language switch tells
 * its choice (so every control stays a real button named by its label, ARCHITECTURE.md §8.15). The two low
 * levels open the reasons (toggle chips, at least one needed: the panel says so plainly when 提交评价 is
 * pressed without) and an optional comment typed on the on-screen keyboard, or on the caller's input
 * (`renderCommentInput`). 跳过 is always there, as large as 提交评价, and skips at once: no "are you sure".
 * After the submit it thanks the citizen, and says honestly when the rating waits on this kiosk for the
 * network (`forwarded: false`) or had been given already (`alreadyRated`). Presentational: the caller sends
 * the submission (adding its requestId) and leaves the panel on skip or 完成.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { EVALUATION_LEVELS, EVALUATION_REASONS, MAX_EVALUATION_COMMENT_LENGTH, type EvaluationLevel, type EvaluationOffer, type EvaluationSubmitResult } from '../../../../common/evaluation';
import { Button } from '../../primitives/Button';
import { OnScreenKeyboard } from '../../primitives/OnScreenKeyboard';
import { levelMessageId, reasonMessageId, useRatingText } from './i18n/rating-text';
import { EMPTY_RATING_DRAFT, isLowLevel, ratingProblem, toggleReason, toSubmission, type EvaluationSubmission, type RatingDraft } from './rating-form';
import { RatingFace } from './RatingFace';

export type { EvaluationSubmission } from './rating-form';

/** What a caller's comment input gets: a controlled value and the label to show with it. */
export interface CommentInputProps {
  value: string;
  onChange(value: string): void;
  label: string;
  maxLength: number;
}

export interface RatingPanelProps {
  offer: EvaluationOffer;
  /** Sends the rating; a rejection is shown as "not submitted" and the citizen may press 提交评价 again. */
  onSubmit(submission: EvaluationSubmission): Promise<EvaluationSubmitResult>;
  /** Called once, when 跳过 is pressed. */
  onSkip(): void;
  /** With it, the thank-you shows 完成. */
  onDone?(): void;
  /** In place of the on-screen keyboard (letters and pinyin only) for the comment. */
  renderCommentInput?(input: CommentInputProps): ReactNode;
}

type Phase = { step: 'choosing'; failed: boolean } | { step: 'submitting' } | { step: 'done'; result: EvaluationSubmitResult };

export function RatingPanel({ offer, onSubmit, onSkip, onDone, renderCommentInput }: RatingPanelProps) {
  const { r, text } = useRatingText();
  const id = useId();
  const [draft, setDraft] = useState<RatingDraft>(EMPTY_RATING_DRAFT);
  const [attempted, setAttempted] = useState(false);
  const [phase, setPhase] = useState<Phase>({ step: 'choosing', failed: false });
  const sending = useRef(false);
  const skipped = useRef(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  if (phase.step === 'done') return <RatingThanks result={phase.result} onDone={onDone} />;

  const submitting = phase.step === 'submitting';
  const problem = attempted ? ratingProblem(draft) : null;
  const questionId = `${id}-question`;
  const problemId = `${id}-problem`;

  const submit = async () => {
    if (sending.current || skipped.current) return;
    setAttempted(true);
    if (ratingProblem(draft) !== null) return;
    sending.current = true;
    setPhase({ step: 'submitting' });
    try {
      const result = await onSubmit(toSubmission(offer, draft));
      if (mounted.current) setPhase({ step: 'done', result });
    } catch {
      if (mounted.current) setPhase({ step: 'choosing', failed: true });
    } finally {
      sending.current = false;
    }
  };

  const skip = () => {
    if (sending.current || skipped.current) return;
    skipped.current = true;
    onSkip();
  };

  return (
    <section className="rating" aria-labelledby={questionId}>
      <p id={questionId} className="rating__question">
        {r('question', { service: text(offer.service) })}
      </p>
      <div className="rating__levels" role="group" aria-labelledby={questionId}>
        {EVALUATION_LEVELS.map((level) => (
          <LevelButton key={level} level={level} chosen={draft.level === level} disabled={submitting} onChoose={() => setDraft({ ...draft, level })} />
        ))}
      </div>
      {isLowLevel(draft.level) && <LowLevelDetails draft={draft} disabled={submitting} onChange={setDraft} renderCommentInput={renderCommentInput} />}
      {problem !== null && (
        <p id={problemId} className="rating__problem" role="alert">
          {r(problem === 'noLevel' ? 'need.level' : 'need.reason')}
        </p>
      )}
      {phase.step === 'choosing' && phase.failed && (
        <p className="rating__problem" role="alert">
          {r('failed')}
        </p>
      )}
      {submitting && (
        <p className="rating__status" role="status">
          {r('submitting')}
        </p>
      )}
      <div className="rating__actions">
        <Button variant="primary" large modifier="rating__action" disabled={submitting} describedBy={problem !== null ? problemId : undefined} onClick={() => void submit()}>
          {r('submit')}
        </Button>
        <Button variant="secondary" large modifier="rating__action" disabled={submitting} onClick={skip}>
          {r('skip')}
        </Button>
      </div>
    </section>
  );
}

function LevelButton({ level, chosen, disabled, onChoose }: { level: EvaluationLevel; chosen: boolean; disabled: boolean; onChoose(): void }) {
  const { r } = useRatingText();
  return (
    <Button variant="secondary" modifier={`rating__level rating__level--${level}`} pressed={chosen} disabled={disabled} onClick={onChoose}>
      <RatingFace level={level} />
      <span className="rating__level-label">{r(levelMessageId(level))}</span>
      {chosen && (
        <span className="rating__check" aria-hidden="true">
          ✓
        </span>
      )}
    </Button>
  );
}

interface LowLevelDetailsProps {
  draft: RatingDraft;
  disabled: boolean;
  onChange(draft: RatingDraft): void;
  renderCommentInput?(input: CommentInputProps): ReactNode;
}

/** The reasons as toggle chips, then the optional comment: shown only under 不满意 and 非常不满意. */
function LowLevelDetails({ draft, disabled, onChange, renderCommentInput }: LowLevelDetailsProps) {
  const { r } = useRatingText();
  const id = useId();
  const [editing, setEditing] = useState(false);
  const commentButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  useEffect(() => {
    // 写好了 goes when the keyboard closes: focus lands on the button that opens it again.
    if (wasEditing.current && !editing) commentButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  const input: CommentInputProps = {
    value: draft.comment,
    onChange: (comment) => onChange({ ...draft, comment }),
    label: r('comment.keyboardLabel', { max: MAX_EVALUATION_COMMENT_LENGTH }),
    maxLength: MAX_EVALUATION_COMMENT_LENGTH,
  };
  return (
    <div className="rating__details">
      <div className="rating__reasons" role="group" aria-labelledby={`${id}-legend`}>
        <p id={`${id}-legend`} className="rating__legend">
          {r('reasons.legend')}
        </p>
        <div className="rating__chips">
          {EVALUATION_REASONS.map((reason) => {
            const on = draft.reasons.includes(reason);
            return (
              <Button key={reason} variant="secondary" modifier="rating__reason" pressed={on} disabled={disabled} onClick={() => onChange(toggleReason(draft, reason))}>
                {on && (
                  <span className="rating__check" aria-hidden="true">
                    ✓
                  </span>
                )}
                {r(reasonMessageId(reason))}
              </Button>
            );
          })}
        </div>
      </div>
      <div className="rating__comment">
        {!editing && draft.comment.trim() !== '' && <p className="rating__comment-text">{r('comment.shown', { comment: draft.comment.trim() })}</p>}
        {editing && !disabled ? (
          <>
            {renderCommentInput ? (
              renderCommentInput(input)
            ) : (
              <OnScreenKeyboard mode="letters" value={input.value} onChange={input.onChange} label={input.label} maxLength={input.maxLength} />
            )}
            <Button variant="primary" modifier="rating__comment-done" onClick={() => setEditing(false)}>
              {r('comment.done')}
            </Button>
          </>
        ) : (
          <Button variant="secondary" buttonRef={commentButton} disabled={disabled} onClick={() => setEditing(true)}>
            {r(draft.comment.trim() !== '' ? 'comment.change' : 'comment.add')}
          </Button>
        )}
      </div>
    </div>
  );
}

/** The end of the rating: thanks, and where the rating is (sent, waiting for the network, or given before). */
function RatingThanks({ result, onDone }: { result: EvaluationSubmitResult; onDone?(): void }) {
  const { r } = useRatingText();
  const message = useRef<HTMLDivElement>(null);
  useEffect(() => message.current?.focus(), []);
  return (
    <section className="rating rating--done">
      <div ref={message} tabIndex={-1} className="rating__thanks" role="status">
        {result.outcome === 'alreadyRated' ? (
          <p className="rating__thanks-line">{r('already')}</p>
        ) : (
          <>
            <p className="rating__thanks-title">{r('thanks')}</p>
            <p className="rating__thanks-line">{r(result.forwarded ? 'thanks.forwarded' : 'thanks.queued')}</p>
          </>
        )}
      </div>
      {onDone && (
        <div className="rating__actions">
          <Button variant="primary" large modifier="rating__action" onClick={onDone}>
            {r('done')}
          </Button>
        </div>
      )}
    </section>
  );
}
