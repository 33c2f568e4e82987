/**
 * Card numbers (protocols.md §1.5, §1.6; domain.md "Identity"): the GB 11643-1999 citizen ID number and the
 * 18-character numbers built the same way (the `J` residence permit, the `Y` 2023 foreign permanent-resident
 * card), and the 15-character `I` 2017 card number, which is checked by its layout only.
 */
import type { CardKind } from './card-text';

/**
 * ISO 7064 MOD 11-2 weights, 2^(17-i) mod 11 for the 17 body digits (GB 11643-1999 §8.2):
 * the check character makes Σ(aᵢ·2^(18-i)) ≡ 1 (mod 11), counting the check character as the 18th digit.
 */
const GB11643_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character by (weighted sum mod 11). 10 is written `X` (an upper-case Latin letter). */
const GB11643_CHECK_CHARS = '10X98765432';

/** The check character for 17 ASCII body digits, or undefined when `body` is not exactly 17 ASCII digits. */
export function gb11643CheckDigit(body: string): string | undefined {
  if (!/^[0-9]{17}$/.test(body)) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (body.charCodeAt(i) - 0x30) * (GB11643_WEIGHTS[i] as number);
  return GB11643_CHECK_CHARS[sum % 11];
}

/** Why a number is not valid for its card kind: its shape, or (18-character numbers) its check character. */
export type IdNumberIssue = 'format' | 'checkDigit';

/** 17 digits and a check character; the card writes the check character 10 as upper-case `X` only. */
const EIGHTEEN = /^[0-9]{17}[0-9X]$/;
/** `Y` 2023: "the new 18-character number starts with `9`" (§1.6). */
const FOREIGN_2023 = /^9[0-9]{16}[0-9X]$/;
/** `I` 2017: "15 chars: 3 letters + 12 digits" (§1.6). No check character is documented, so none is checked. */
const FOREIGN_2017 = /^[A-Z]{3}[0-9]{12}$/;

/** undefined when `number` is valid for a card of `kind`; otherwise what is wrong with it. */
export function idNumberIssue(kind: CardKind, number: string): IdNumberIssue | undefined {
  if (kind === 'foreignPermanent2017') return FOREIGN_2017.test(number) ? undefined : 'format';
  const shape = kind === 'foreignPermanent2023' ? FOREIGN_2023 : EIGHTEEN;
  if (!shape.test(number)) return 'format';
  return gb11643CheckDigit(number.slice(0, 17)) === number[17] ? undefined : 'checkDigit';
}

export function validIdNumber(kind: CardKind, number: string): boolean {
  return idNumberIssue(kind, number) === undefined;
}
