/**
 * The face beside each level of 好差评 (issue 17 §8): a circle, two eyes and a mouth from a broad smile to a
 * deep frown, drawn in the button's own text colour. Decorative and hidden from assistive technology: the
 * level's name is always beside it as text, so the button's name stays its visible label.
 */
import type { EvaluationLevel } from '../../../../common/evaluation';

/** The mouth's curve, from (15, y) to (33, y) bent through the control point's height: up is a smile. */
const MOUTH: Readonly<Record<EvaluationLevel, { y: number; control: number }>> = {
  verySatisfied: { y: 29, control: 41 },
  satisfied: { y: 30, control: 36 },
  basicallySatisfied: { y: 32, control: 32 },
  dissatisfied: { y: 34, control: 29 },
  veryDissatisfied: { y: 36, control: 25 },
};

export function RatingFace({ level }: { level: EvaluationLevel }) {
  const { y, control } = MOUTH[level];
  return (
    <svg className={`icon rating__face rating__face--${level}`} viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <circle cx="24" cy="24" r="20" fill="none" stroke="currentColor" strokeWidth="3" />
      <circle cx="17" cy="19" r="2.5" fill="currentColor" />
      <circle cx="31" cy="19" r="2.5" fill="currentColor" />
      <path d={`M15 ${y} Q24 ${control} 33 ${y}`} fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}
