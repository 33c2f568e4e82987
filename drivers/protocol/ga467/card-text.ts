/**
 * What the 256-byte text block of an ID card says (protocols.md §1.5, §1.6), as typed data.
 * Every field is session-only personal data (ARCHITECTURE.md §8.7): keep it in memory, never log it unmasked
 * (card-mask.ts).
 */

/** The four layouts, chosen by the marker at bytes 248–249 (§1.6). */
export type CardKind = 'resident' | 'hkMacaoTaiwanResidence' | 'foreignPermanent2017' | 'foreignPermanent2023';

/** GB/T 2261.1 codes `0`, `1`, `2`, `9` (§1.5). */
export type Gender = 'unknown' | 'male' | 'female' | 'notStated';

/** A calendar day, `YYYY-MM-DD` (the card writes `YYYYMMDD`; the hall's "today" is given in this form). */
export type IsoDate = string;

/** `长期` in the valid-until field: the card has no end date (§1.5). */
export const LONG_TERM = 'longTerm';

export interface Ethnicity {
  /** Two digits, GB/T 3304 (`01` 汉 … `56` 基诺, `97`, `98`). */
  code: string;
  /** The name printed on the card, e.g. `汉`, `蒙古`. */
  name: string;
}

interface CardTextBase {
  kind: CardKind;
  gender: Gender;
  birthDate: IsoDate;
  /** Resident and `J`: 18 characters; `I` 2017: 15 (3 letters + 12 digits); `Y` 2023: 18, starting with 9. */
  idNumber: string;
  validFrom: IsoDate;
  /** `longTerm` for `长期`; never before `validFrom`. */
  validUntil: IsoDate | typeof LONG_TERM;
}

export interface ResidentCardText extends CardTextBase {
  kind: 'resident';
  name: string;
  ethnicity: Ethnicity;
  address: string;
  issuingAuthority: string;
}

/** 港澳台居民居住证: the resident layout up to offset 219, then its own fields (§1.6). */
export interface HkMacaoTaiwanResidenceText extends CardTextBase {
  kind: 'hkMacaoTaiwanResidence';
  name: string;
  /** "normally blank" on these permits (§1.6): undefined when it is. */
  ethnicity?: Ethnicity;
  address: string;
  issuingAuthority: string;
  /** 通行证号码 (9 characters), undefined when blank. */
  passNumber?: string;
  /** 签发次数, undefined when blank. */
  issueCount?: number;
}

/** 外国人永久居留身份证, 2017 format (marker `I`). */
export interface ForeignPermanent2017Text extends CardTextBase {
  kind: 'foreignPermanent2017';
  /** Up to 60 characters. */
  englishName: string;
  /** Undefined when the holder has none (the field is blank). */
  chineseName?: string;
  /** Nationality or region code, 3 characters (ISO 3166 alpha-3 per §1.6, marked [C] there). */
  nationality: string;
  /** 证件版本号 (2 characters), undefined when blank. */
  cardVersion?: string;
  /** 当次申请受理机关代码 (4 characters), undefined when blank. */
  authorityCode?: string;
}

/** 外国人永久居留身份证, 2023 format (marker `Y`). */
export interface ForeignPermanent2023Text extends CardTextBase {
  kind: 'foreignPermanent2023';
  /** Up to 46 characters: characters 1–35 at offset 52 and 36–46 at offset 220, joined. */
  englishName: string;
  chineseName?: string;
  nationality: string;
  /** 换证次数, undefined when blank. */
  renewalCount?: number;
  /**
   * "Link to the holder's previous-format card number" (3 characters; the source says the old 15-character
   * number is derived from it by rule). Kept as it is, undefined when blank.
   */
  previousCardLink?: string;
}

export type CardText = ResidentCardText | HkMacaoTaiwanResidenceText | ForeignPermanent2017Text | ForeignPermanent2023Text;

/** The fields a problem can name. */
export type TextBlockField =
  | 'textBlock'
  | 'cardType'
  | 'name'
  | 'englishName'
  | 'chineseName'
  | 'gender'
  | 'ethnicity'
  | 'birthDate'
  | 'address'
  | 'idNumber'
  | 'issuingAuthority'
  | 'validFrom'
  | 'validUntil'
  | 'passNumber'
  | 'issueCount'
  | 'nationality'
  | 'cardVersion'
  | 'authorityCode'
  | 'renewalCount'
  | 'previousCardLink';

export type TextBlockProblemReason =
  /** The block is not 256 bytes. */
  | 'length'
  /** The marker at 248 is none of space, `I`, `J`, `Y`. */
  | 'unknownMarker'
  /** A required field holds only padding. */
  | 'blank'
  /** Control characters, unpaired surrogates or non-characters in a text field. */
  | 'invalidText'
  /** A gender or ethnicity code outside its table. */
  | 'unknownCode'
  /** The field does not have the shape its layout gives (non-digits in a date or a count, a bad number shape). */
  | 'invalidFormat'
  /** Eight digits that are not a real calendar day (20230230). */
  | 'invalidDate'
  /** An 18-character number whose GB 11643 check character does not match. */
  | 'checkDigit'
  /** Valid until before valid from. */
  | 'dateOrder';

/**
 * Why a text block was not accepted. `message` is technician-facing plain text naming the field and the rule;
 * it never carries the field's value, so it may be logged as it is.
 */
export interface TextBlockProblem {
  kind: 'problem';
  field: TextBlockField;
  reason: TextBlockProblemReason;
  message: string;
}

export function isTextBlockProblem(value: CardText | TextBlockProblem): value is TextBlockProblem {
  return value.kind === 'problem';
}

/** The name to greet the holder by: the Chinese name, else (a foreigner without one) the English name. */
export function displayName(card: CardText): string {
  if (card.kind === 'resident' || card.kind === 'hkMacaoTaiwanResidence') return card.name;
  return card.chineseName ?? card.englishName;
}
