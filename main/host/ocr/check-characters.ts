/**
 * Check-character verification of OCR'd numbers (issue 17 §4): the credit code (GB 32100-2015, common/credit-code.ts)
 * and the citizen ID number (GB 11643-1999, drivers/protocol/ga467/id-number.ts). OCR confuses a few letters with
 * digits; a confusion is undone only where the character read cannot stand there (a letter outside the code's
 * set, a letter in a digits-only place) and only if the whole number then passes its check. A number that fails
 * stays as read, marked invalid, for the citizen to confirm or correct.
 */
import { gb11643CheckDigit } from '../../../drivers/protocol/ga467/id-number';
import { CREDIT_CODE_CHARSET, validCreditCode } from '../../../common/credit-code';

export type CheckOutcome = 'valid' | 'invalid' | 'notApplicable';

export interface CheckedNumber {
  value: string;
  checked: CheckOutcome;
  /** The characters as read, when a confusion was undone to make the check pass. */
  corrected?: { from: string };
}

/** Letters that OCR reads for digits (issue 17 §4: O→0, I→1, Z→2, S→5, and their lower-case and look-alikes). */
const DIGIT_LOOKALIKES: Readonly<Record<string, string>> = { O: '0', o: '0', D: '0', Q: '0', I: '1', l: '1', '|': '1', i: '1', Z: '2', z: '2', S: '5', s: '5', B: '8' };
/** In a credit code only characters outside its set are undone (B, D, Q are code characters there). */
const CREDIT_CODE_LOOKALIKES: Readonly<Record<string, string>> = { O: '0', I: '1', Z: '2', S: '5' };

function undo(raw: string, table: Readonly<Record<string, string>>, keep: (c: string, i: number) => boolean): string {
  return [...raw].map((c, i) => (keep(c, i) ? c : (table[c] ?? c))).join('');
}

/** `raw`: 18 characters as read (upper-cased by the caller or not: lower-case letters are upper-cased here). */
export function checkCreditCode(raw: string): CheckedNumber {
  const upper = raw.toUpperCase();
  if (validCreditCode(upper)) return { value: upper, checked: 'valid' };
  const undone = undo(upper, CREDIT_CODE_LOOKALIKES, (c) => CREDIT_CODE_CHARSET.includes(c));
  if (undone !== upper && validCreditCode(undone)) return { value: undone, checked: 'valid', corrected: { from: raw } };
  return { value: upper, checked: 'invalid' };
}

function validIdNumber(id: string): boolean {
  return /^[0-9]{17}[0-9X]$/.test(id) && gb11643CheckDigit(id.slice(0, 17)) === id[17];
}

/** `raw`: 18 characters as read; a lower-case x check character is the same X. */
export function checkIdNumber(raw: string): CheckedNumber {
  const read = raw.length === 18 && /[xX]$/.test(raw) ? `${raw.slice(0, 17)}X` : raw;
  if (validIdNumber(read)) return { value: read, checked: 'valid' };
  const undone = undo(read, DIGIT_LOOKALIKES, (c, i) => /[0-9]/.test(c) || (i === 17 && c === 'X'));
  if (undone !== read && validIdNumber(undone)) return { value: undone, checked: 'valid', corrected: { from: raw } };
  return { value: read, checked: 'invalid' };
}
