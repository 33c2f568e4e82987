/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from 0-9 and A-Y without I, O, S, V, Z, the last a check
 * character over the first 17 (weights 3^i mod 31). The simulated platform checks an employer's code the way
 * the real one does (issue 17 §5) and makes valid codes for its seeded companies.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of 17 code characters, or undefined when one is not in the alphabet. */
export function creditCodeCheckCharacter(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17[i]!);
    if (v < 0) return undefined;
    sum += v * WEIGHTS[i]!;
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}

export function validCreditCode(code: string): boolean {
  return code.length === 18 && creditCodeCheckCharacter(code.slice(0, 17)) === code[17];
}

export function withCreditCheckCharacter(first17: string): string {
  const check = creditCodeCheckCharacter(first17);
  if (check === undefined) throw new Error('not a credit code body');
  return first17 + check;
}
