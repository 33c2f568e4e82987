/**
 * An on-screen keypad for numbers the citizen types (ARCHITECTURE.md §8.15): an ID number, a phone number.
 * Large keys (--button-height-keypad, higher in the elder theme), each a real button named by the label
 * on it: the digits, 删除 and 确定 in the language on screen (the i18n catalogs). It is controlled: the
 * screen that uses it holds the value (session-only data stays in that screen's state, §8.7) and shows it.
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
  onConfirm(value: string): void;
  maxLength: number;
  /** A key beside 0, e.g. 'X' for the check character of a resident ID number. */
  extraKey?: string;
  /** False while the value cannot be confirmed yet (too short, not valid). */
  canConfirm?: boolean;
  /** The id of the visible text that says what is being entered. */
  labelledBy: string;
}

export function Keypad({ value, onChange, onConfirm, maxLength, extraKey, canConfirm = value.length > 0, labelledBy }: KeypadProps) {
  const { t } = useI18n();
  const full = value.length >= maxLength;
  const key = (label: string) => (
    <Button key={label} variant="key" disabled={full} onClick={() => onChange(value + label)}>
      {label}
    </Button>
  );
  return (
    <div className="keypad" role="group" aria-labelledby={labelledBy}>
      {DIGIT_ROWS.flat().map(key)}
      {extraKey === undefined ? <span className="keypad__blank" /> : key(extraKey)}
      {key('0')}
      <Button variant="key" modifier="button--key-action" disabled={value.length === 0} onClick={() => onChange(value.slice(0, -1))}>
        <span aria-hidden="true">⌫</span> {t('keypad.backspace')}
      </Button>
      <Button variant="primary" modifier="keypad__confirm" large disabled={!canConfirm} onClick={() => onConfirm(value)}>
        {t('keypad.confirm')}
      </Button>
    </div>
  );
}
