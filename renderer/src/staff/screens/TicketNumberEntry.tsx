/**
 * A found ticket's number (issue 15 §2): the letter from the hall's businesses, the digits on the keypad
 * ("A" and "12" make A012, as tickets print them).
 */
import { useId, useState } from 'react';
import type { BusinessView } from '../../../../common/queue';
import { Button } from '../../primitives/Button';
import { Keypad } from '../../primitives/Keypad';
import { useStaffText } from '../i18n/staff-text';

const DIGITS_MAX = 4;
const DIGITS_SHOWN = 3;

export function ticketNumber(prefix: string, digits: string): string {
  return `${prefix}${digits.padStart(DIGITS_SHOWN, '0')}`;
}

export function TicketNumberEntry({ businesses, busy, onNumber }: { businesses: readonly BusinessView[]; busy: boolean; onNumber(number: string): void }) {
  const { s } = useStaffText();
  const prefixes = [...new Set(businesses.map((b) => b.prefix).filter((p) => p !== ''))].sort();
  const [prefix, setPrefix] = useState(prefixes[0] ?? '');
  const [digits, setDigits] = useState('');
  const prefixLabel = useId();
  const numberLabel = useId();
  return (
    <div className="staff-ticket-entry">
      {prefixes.length > 0 && (
        <>
          <p className="screen__lead" id={prefixLabel}>
            {s('found.ticketPrefix')}
          </p>
          <div className="staff-choices staff-choices--prefixes" role="group" aria-labelledby={prefixLabel}>
            {prefixes.map((p) => (
              <Button key={p} variant="toggle" modifier="staff-prefix" pressed={p === prefix} onClick={() => setPrefix(p)}>
                {p}
              </Button>
            ))}
          </div>
        </>
      )}
      <p className="screen__lead" id={numberLabel}>
        {s('found.ticketNumber')}
      </p>
      <p className="staff-ticket-entry__preview" data-testid="found-ticket-number">
        {s('found.ticketPreview', { number: digits === '' ? `${prefix}…` : ticketNumber(prefix, digits) })}
      </p>
      <Keypad
        value={digits}
        onChange={setDigits}
        onConfirm={(value) => onNumber(ticketNumber(prefix, value))}
        maxLength={DIGITS_MAX}
        canConfirm={!busy && digits.length > 0}
        labelledBy={numberLabel}
      />
    </div>
  );
}
