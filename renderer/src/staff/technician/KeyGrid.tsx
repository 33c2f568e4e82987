/**
 * On-screen keys for what a technician types at a kiosk without a keyboard (issue 15 §3): the hex digits of a
 * raw command, a network address. Each key is a real button named by its label; 删除 takes the last
 * character, 清空 everything. Controlled: the screen holds the value and shows it.
 */
import { Button } from '../../primitives/Button';
import { useStaffText } from '../i18n/staff-text';

export const HEX_KEYS: readonly string[] = ['1', '2', '3', 'A', '4', '5', '6', 'B', '7', '8', '9', 'C', '0', 'D', 'E', 'F'];
export const ADDRESS_KEYS: readonly string[] = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '.', '0'];
export const DIGIT_KEYS: readonly string[] = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];

export interface KeyGridProps {
  value: string;
  onChange(value: string): void;
  keys: readonly string[];
  /** What a key adds to the value; default its label. */
  press?(value: string, key: string): string;
  maxLength: number;
  /** Offer 空格 (the groups of a raw command). */
  space?: boolean;
  labelledBy: string;
  columns: 3 | 4;
}

export function KeyGrid({ value, onChange, keys, press = (v, k) => v + k, maxLength, space = false, labelledBy, columns }: KeyGridProps) {
  const { s, t } = useStaffText();
  const full = value.length >= maxLength;
  return (
    <div className={`tech-keys tech-keys--${columns}`} role="group" aria-labelledby={labelledBy}>
      {keys.map((key) => (
        <Button key={key} variant="key" modifier="tech-key" disabled={full} onClick={() => onChange(press(value, key))}>
          {key}
        </Button>
      ))}
      {space && (
        <Button variant="key" modifier="button--key-action tech-key" disabled={full || value === '' || value.endsWith(' ')} onClick={() => onChange(`${value} `)}>
          {s('tech.keys.space')}
        </Button>
      )}
      <Button variant="key" modifier="button--key-action tech-key" disabled={value.length === 0} onClick={() => onChange(value.slice(0, -1))}>
        <span aria-hidden="true">⌫</span> {t('keypad.backspace')}
      </Button>
      <Button variant="key" modifier="button--key-action tech-key" disabled={value.length === 0} onClick={() => onChange('')}>
        {s('tech.keys.clear')}
      </Button>
    </div>
  );
}

/** A hex digit typed: a space starts the next byte once the last group has two digits ("1004" → "10 04"). */
export function pressHex(value: string, key: string): string {
  const group = value.slice(value.lastIndexOf(' ') + 1);
  return group.length >= 2 ? `${value} ${key}` : value + key;
}
