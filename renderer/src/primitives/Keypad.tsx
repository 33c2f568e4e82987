/**
 * An on-screen keypad for numbers the citizen types (ARCHITECTURE.md §8.15): an ID number, a phone number.
 * Large keys (--button-height-keypad, higher in the elder theme), each a real button named by the label
 * on it: the digits, 删除 and 确定 in the language on screen (the i18n catalogs). It is controlled: the
 * screen that uses it holds the value (session-only data stays in that screen's state, §8.7) and shows it.
 * The on-screen keyboard (OnScreenKeyboard.tsx) uses it for its digits mode: no confirm key, a 清空 key, and
 * keys withdrawn when the value they would make is not allowed (a phone number starts with 1).
 */
import { useI18n } from '../i18n/i18n-context';
import { Button } from './Button';

const DIGIT_ROWS: readonly (readonly string[])[] = [
  ['1', '2', '3'],
  ['4', '5', '6'],
  ['7', '8', '9'],
];

export interface KeypadProps {
  value: string;
  onChange(value: string): void;
  /** Without it there is no confirm key (the screen confirms elsewhere). */
  onConfirm?(value: string): void;
  maxLength: number;
  /** A key beside 0, e.g. 'X' for the check character of a resident ID number. */
  extraKey?: string;
  /** False while the value cannot be confirmed yet (too short, not valid). */
  canConfirm?: boolean;
  /** A 清空 key that empties the value: left of 0 when there is no extra key, else after 删除. */
  clearKey?: boolean;
  /** Whether the value a key would make may be typed; a key that would make a refused value is withdrawn. */
  allows?(next: string): boolean;
  /** The id of the visible text that says what is being entered. */
  labelledBy: string;
}

export function Keypad({ value, onChange, onConfirm, maxLength, extraKey, canConfirm = value.length > 0, clearKey, allows, labelledBy }: KeypadProps) {
  const { t } = useI18n();
  const full = value.length >= maxLength;
  const key = (label: string) => (
    <Button key={label} variant="key" disabled={full || (allows !== undefined && !allows(value + label))} onClick={() => onChange(value + label)}>
      {label}
    </Button>
  );
  const clear = (
    <Button variant="key" modifier="button--key-action" disabled={value.length === 0} onClick={() => onChange('')}>
      {t('keyboard.clear')}
    </Button>
  );
  return (
    <div className="keypad" role="group" aria-labelledby={labelledBy}>
      {DIGIT_ROWS.flat().map(key)}
      {extraKey !== undefined ? key(extraKey) : clearKey ? clear : <span className="keypad__blank" />}
      {key('0')}
      <Button variant="key" modifier="button--key-action" disabled={value.length === 0} onClick={() => onChange(value.slice(0, -1))}>
        <span aria-hidden="true">⌫</span> {t('keypad.backspace')}
      </Button>
      {extraKey !== undefined && clearKey && clear}
      {onConfirm && (
        <Button variant="primary" modifier="keypad__confirm" large disabled={!canConfirm} onClick={() => onConfirm(value)}>
          {t('keypad.confirm')}
        </Button>
      )}
    </div>
  );
}
