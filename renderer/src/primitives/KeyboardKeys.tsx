/**
 * Rows of character keys for the on-screen keyboard (OnScreenKeyboard.tsx): QWERTY letters and a row of
 * digits. Each key is a real button named by the character on it, withdrawn while it may not be typed
 * (the value is full, or the caller's pattern refuses what it would make).
 */
import { Button } from './Button';
import { DIGIT_ROW, LETTER_ROWS, mayType, type TypingRules } from './keyboard-layouts';

export interface CharKeysProps {
  value: string;
  onChange(value: string): void;
  rules: TypingRules;
}

function CharKey({ char, value, onChange, rules }: CharKeysProps & { char: string }) {
  return (
    <Button variant="key" modifier="keyboard__key" disabled={!mayType(value, char, rules)} onClick={() => onChange(value + char)}>
      {char}
    </Button>
  );
}

const ROW_CLASS = ['keyboard__row', 'keyboard__row keyboard__row--half', 'keyboard__row keyboard__row--inset'];

/** QWERTY, lower case for pinyin, upper case for acceptance numbers (受理编号) with letters. */
export function LetterRows({ upper, ...keys }: CharKeysProps & { upper: boolean }) {
  return (
    <>
      {LETTER_ROWS.map((row, i) => (
        <div key={i} className={ROW_CLASS[i]}>
          {row.map((letter) => {
            const char = upper ? letter.toUpperCase() : letter;
            return <CharKey key={char} char={char} {...keys} />;
          })}
        </div>
      ))}
    </>
  );
}

export function DigitRow(keys: CharKeysProps) {
  return (
    <div className="keyboard__row">
      {DIGIT_ROW.map((digit) => (
        <CharKey key={digit} char={digit} {...keys} />
      ))}
    </div>
  );
}
