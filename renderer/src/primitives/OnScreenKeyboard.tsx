/**
 * The on-screen keyboard of the citizen UI (issue 16 §4; ARCHITECTURE.md §8.15, §8.12): the kiosk has no
 * physical keyboard, and a real <input> would call up the system's. It is controlled: the screen holds the
 * value, and the keyboard shows it in a large read-only display above a candidate bar and the keys.
 *
 * - `letters`: QWERTY for pinyin and initials, a 数字 toggle for a row of digits, 空格, 删除 and 清空.
 * - `digits`: the Keypad (0-9, 删除, 清空) for phone and acceptance numbers (受理编号); with `allowLetters`
 *   a 字母 toggle adds upper-case letter rows.
 *
 * Chinese is entered through the candidates: the caller searches with what was typed and passes the hits;
 * tapping one calls `onPickCandidate`. With `pickReplacesValue` the value becomes the picked label first
 * (free text); without it the caller decides (open the item's guide, say).
 */
import { useId, useState } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { Button } from './Button';
import { CandidateBar, type KeyboardCandidate } from './CandidateBar';
import { DigitRow, LetterRows } from './KeyboardKeys';
import { Keypad } from './Keypad';
import { DEFAULT_CANDIDATES_PER_PAGE, DEFAULT_MAX_LENGTH, mayType, SPACE, type KeyboardMode, type TypingRules } from './keyboard-layouts';

export type { KeyboardCandidate } from './CandidateBar';
export type { KeyboardMode } from './keyboard-layouts';

export interface OnScreenKeyboardProps {
  mode: KeyboardMode;
  value: string;
  onChange(value: string): void;
  /** What is being typed, shown above the display and naming it and the keys (输入拼音或首字母). */
  label: string;
  /** Default 32 in letters mode, 20 in digits mode; keys are withdrawn once the value is this long. */
  maxLength?: number;
  /** Matched against the whole value a key would make; keys that would break it are withdrawn. */
  pattern?: RegExp;
  /** Digits mode only: offer a 字母 toggle and upper-case letters (受理编号 with letters). */
  allowLetters?: boolean;
  /** Shown in the candidate bar; leave undefined for no bar (a phone number). */
  candidates?: readonly KeyboardCandidate[];
  onPickCandidate?(id: string, label: string): void;
  /** A picked candidate's label replaces the value (free text entered in Chinese) before onPickCandidate. */
  pickReplacesValue?: boolean;
  /** Default 4. */
  candidatesPerPage?: number;
}

export function OnScreenKeyboard(props: OnScreenKeyboardProps) {
  const { mode, value, onChange, label, candidates, onPickCandidate, pickReplacesValue, candidatesPerPage = DEFAULT_CANDIDATES_PER_PAGE } = props;
  const labelId = useId();
  const rules: TypingRules = {
    mode,
    maxLength: props.maxLength ?? DEFAULT_MAX_LENGTH[mode],
    allowLetters: mode === 'digits' && props.allowLetters === true,
    pattern: props.pattern,
  };
  const pick = (candidate: KeyboardCandidate) => {
    if (pickReplacesValue) onChange(candidate.label);
    onPickCandidate?.(candidate.id, candidate.label);
  };
  return (
    <div className={`keyboard keyboard--${mode}`}>
      <p id={labelId} className="keyboard__label">
        {label}
      </p>
      <div className="keyboard__display" role="textbox" aria-readonly="true" aria-labelledby={labelId}>
        {value}
        <span className="keyboard__caret" aria-hidden="true" />
      </div>
      {candidates !== undefined && <CandidateBar candidates={candidates} perPage={candidatesPerPage} onPick={pick} />}
      {mode === 'letters' ? (
        <LetterKeys value={value} onChange={onChange} rules={rules} labelId={labelId} />
      ) : (
        <DigitKeys value={value} onChange={onChange} rules={rules} labelId={labelId} />
      )}
    </div>
  );
}

interface KeysProps {
  value: string;
  onChange(value: string): void;
  rules: TypingRules;
  labelId: string;
}

function LetterKeys({ value, onChange, rules, labelId }: KeysProps) {
  const { t } = useI18n();
  const [digitsShown, setDigitsShown] = useState(false);
  return (
    <div className="keyboard__keys" role="group" aria-labelledby={labelId}>
      {digitsShown && <DigitRow value={value} onChange={onChange} rules={rules} />}
      <LetterRows upper={false} value={value} onChange={onChange} rules={rules} />
      <div className="keyboard__row keyboard__row--actions">
        <Button variant="key" modifier="keyboard__key keyboard__key--action keyboard__toggle" pressed={digitsShown} onClick={() => setDigitsShown(!digitsShown)}>
          {t('keyboard.digits')}
        </Button>
        <Button variant="key" modifier="keyboard__key keyboard__key--action keyboard__space" disabled={!mayType(value, SPACE, rules)} onClick={() => onChange(value + SPACE)}>
          {t('keyboard.space')}
        </Button>
        <EditKeys value={value} onChange={onChange} />
      </div>
    </div>
  );
}

function EditKeys({ value, onChange }: { value: string; onChange(value: string): void }) {
  const { t } = useI18n();
  return (
    <>
      <Button variant="key" modifier="keyboard__key keyboard__key--action" disabled={value.length === 0} onClick={() => onChange(value.slice(0, -1))}>
        <span aria-hidden="true">⌫</span> {t('keypad.backspace')}
      </Button>
      <Button variant="key" modifier="keyboard__key keyboard__key--action" disabled={value.length === 0} onClick={() => onChange('')}>
        {t('keyboard.clear')}
      </Button>
    </>
  );
}

function DigitKeys({ value, onChange, rules, labelId }: KeysProps) {
  const { t } = useI18n();
  const [lettersShown, setLettersShown] = useState(false);
  return (
    <div className="keyboard__keys">
      <Keypad
        value={value}
        onChange={onChange}
        maxLength={rules.maxLength}
        clearKey
        allows={(next) => mayType(value, next.slice(value.length), rules)}
        labelledBy={labelId}
      />
      {rules.allowLetters && (
        <>
          <Button variant="key" modifier="keyboard__key keyboard__key--action keyboard__toggle" pressed={lettersShown} onClick={() => setLettersShown(!lettersShown)}>
            {t('keyboard.letters')}
          </Button>
          {lettersShown && (
            <div className="keyboard__letters" role="group" aria-labelledby={labelId}>
              <LetterRows upper value={value} onChange={onChange} rules={rules} />
            </div>
          )}
        </>
      )}
    </div>
  );
}
