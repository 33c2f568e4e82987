/**
 * The unified social credit code 统一社会信用代码 (GB 32100-2015; issue 17 §4): 18 characters from the 31-character
 * set 0-9 A-H J-N P-R T-U W-Y (no I, O, Z, S, V), the 18th a check character: check = 31 − (Σ cᵢ·wᵢ mod 31),
 * 31 written as 0, with wᵢ = 3^(i−1) mod 31 for the 17 body characters (1 3 9 27 19 26 16 17 20 29 25 13 8 24 10
 * 30 28). A single wrong character or two swapped neighbours always change the check (31 is prime, no weight is 0).
 */

/** GB 32100-2015 §4 table 1: the code character set, in value order (index = value). */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** GB 32100-2015 §5: the weights of the 17 body characters. */
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const CREDIT_CODE_SHAPE = /^[0-9A-HJ-NP-RTUW-Y]{18}$/;

/** The check character for 17 body characters, or undefined when `body` is not 17 characters of the set. */
export function creditCodeCheckCharacter(body: string): string | undefined {
  if (!/^[0-9A-HJ-NP-RTUW-Y]{17}$/.test(body)) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_CHARSET.indexOf(body[i] as string) * (CREDIT_CODE_WEIGHTS[i] as number);
  const check = 31 - (sum % 31);
  return CREDIT_CODE_CHARSET[check === 31 ? 0 : check];
}

export function validCreditCode(code: string): boolean {
  return CREDIT_CODE_SHAPE.test(code) && creditCodeCheckCharacter(code.slice(0, 17)) === code[17];
}
