/**
 * The candidate bar above the keys (OnScreenKeyboard.tsx): what the typed pinyin or initials match, the
 * matched part marked (<mark>), a page at a time behind ◀ 上一页 and 下一页 ▶ buttons (no swipe-only
 * gestures). Tapping a candidate picks it: that is how Chinese is entered on a kiosk without a keyboard.
 */
import { useState } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { Button } from './Button';
import { labelSegments, pageOf } from './keyboard-layouts';

export interface KeyboardCandidate {
  id: string;
  /** The text shown, in the language on screen. */
  label: string;
  /** [start, end) ranges of `label` (UTF-16 code units) that the input matched. */
  highlight?: [number, number][];
}

export interface CandidateBarProps {
  candidates: readonly KeyboardCandidate[];
  perPage: number;
  onPick(candidate: KeyboardCandidate): void;
}

/** One run of text (a single flex item inside the button, so the marked parts sit flush with the rest). */
export function CandidateLabel({ label, highlight }: Pick<KeyboardCandidate, 'label' | 'highlight'>) {
  return (
    <span className="keyboard__candidate-label">
      {labelSegments(label, highlight).map((segment, i) =>
        segment.matched ? (
          <mark key={i} className="keyboard__match">
            {segment.text}
          </mark>
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
    </span>
  );
}

export function CandidateBar({ candidates, perPage, onPick }: CandidateBarProps) {
  const { t } = useI18n();
  // The page belongs to one list of candidates: a new answer from the host starts again at its first page.
  const listKey = candidates.map((c) => c.id).join('\n');
  const [paging, setPaging] = useState({ listKey, page: 0 });
  const { items, page, pages } = pageOf(candidates, paging.listKey === listKey ? paging.page : 0, perPage);
  const turn = (to: number) => setPaging({ listKey, page: to });
  return (
    <div className="keyboard__candidates" role="group" aria-label={t('keyboard.candidates')}>
      <ul className="keyboard__candidate-list">
        {items.map((candidate) => (
          <li key={candidate.id}>
            <Button variant="secondary" modifier="keyboard__candidate" data-candidate={candidate.id} onClick={() => onPick(candidate)}>
              <CandidateLabel label={candidate.label} highlight={candidate.highlight} />
            </Button>
          </li>
        ))}
      </ul>
      {pages > 1 && (
        <div className="keyboard__pager">
          <Button variant="secondary" modifier="keyboard__page" disabled={page === 0} onClick={() => turn(page - 1)}>
            <span aria-hidden="true">◀</span> {t('keyboard.previous')}
          </Button>
          <span className="keyboard__page-count">{t('keyboard.page', { page: page + 1, pages })}</span>
          <Button variant="secondary" modifier="keyboard__page" disabled={page >= pages - 1} onClick={() => turn(page + 1)}>
            {t('keyboard.next')} <span aria-hidden="true">▶</span>
          </Button>
        </div>
      )}
    </div>
  );
}
