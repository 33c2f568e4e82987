/**
 * The 256-byte text block of a second-generation ID card read (`30 01`, `30 10`; protocols.md §1.4–§1.6):
 * UCS-2 little-endian text fields padded on the right with spaces, in one of four layouts chosen by the
 * card-type marker at bytes 248–249. Pure: bytes in, a typed card or a problem out, never a throw.
 * The 1024-byte WLT photo is not handled here: it stays an opaque blob (§1.7, decoding needs a vendor library).
 */
import { parseCardDate } from './card-dates';
import {
  type CardKind,
  type CardText,
  type Ethnicity,
  type Gender,
  type IsoDate,
  LONG_TERM,
  type TextBlockField,
  type TextBlockProblem,
  type TextBlockProblemReason,
} from './card-text';
import { TEXT_LENGTH } from './constants';
import { ethnicityFromCode, genderFromCode } from './ethnicity';
import { idNumberIssue } from './id-number';

/** §1.6: "Bytes 248–249 of the text block hold the type marker as one UCS-2LE character." */
export const CARD_TYPE_MARKER_OFFSET = 248;

/** §1.6: space → resident, `I` → 2017 foreign, `J` → HK/Macau/Taiwan residence permit, `Y` → 2023 foreign. */
export const CARD_TYPE_MARKERS: Readonly<Record<number, CardKind>> = {
  0x0020: 'resident',
  // [C] §1.5 says a resident card's reserved area is spaces; a writer that zero-fills it must not make a
  // valid resident card unreadable (the four other layouts all carry a letter here).
  0x0000: 'resident',
  0x0049: 'foreignPermanent2017',
  0x004a: 'hkMacaoTaiwanResidence',
  0x0059: 'foreignPermanent2023',
};

interface Span {
  offset: number;
  /** In bytes: two per character. */
  length: number;
}

const RESIDENT_FIELDS = {
  name: { offset: 0, length: 30 },
  gender: { offset: 30, length: 2 },
  ethnicity: { offset: 32, length: 4 },
  birthDate: { offset: 36, length: 16 },
  address: { offset: 52, length: 70 },
  idNumber: { offset: 122, length: 36 },
  issuingAuthority: { offset: 158, length: 30 },
  validFrom: { offset: 188, length: 16 },
  validUntil: { offset: 204, length: 16 },
} as const satisfies Record<string, Span>;

/**
 * Byte spans of every field, per layout (§1.5 and §1.6 tables). Reserved areas and the marker are left out;
 * everything listed is personal data, so frame dumps can mask these spans (ARCHITECTURE.md §8.7).
 */
export const TEXT_BLOCK_LAYOUTS = {
  resident: RESIDENT_FIELDS,
  hkMacaoTaiwanResidence: {
    ...RESIDENT_FIELDS,
    passNumber: { offset: 220, length: 18 },
    issueCount: { offset: 238, length: 4 },
  },
  foreignPermanent2017: {
    englishName: { offset: 0, length: 120 },
    gender: { offset: 120, length: 2 },
    idNumber: { offset: 122, length: 30 },
    nationality: { offset: 152, length: 6 },
    chineseName: { offset: 158, length: 30 },
    validFrom: { offset: 188, length: 16 },
    validUntil: { offset: 204, length: 16 },
    birthDate: { offset: 220, length: 16 },
    cardVersion: { offset: 236, length: 4 },
    authorityCode: { offset: 240, length: 8 },
  },
  foreignPermanent2023: {
    chineseName: { offset: 0, length: 30 },
    gender: { offset: 30, length: 2 },
    renewalCount: { offset: 32, length: 4 },
    birthDate: { offset: 36, length: 16 },
    englishName: { offset: 52, length: 70 }, // characters 1–35
    englishNameRest: { offset: 220, length: 22 }, // characters 36–46
    idNumber: { offset: 122, length: 36 },
    validFrom: { offset: 188, length: 16 },
    validUntil: { offset: 204, length: 16 },
    nationality: { offset: 242, length: 6 },
    previousCardLink: { offset: 250, length: 6 },
  },
} as const satisfies Record<CardKind, Record<string, Span>>;

/** The text `长期` (long-term) that valid-until holds instead of a date (§1.5). */
const LONG_TERM_TEXT = '长期';

const RULES: Readonly<Record<TextBlockProblemReason, string>> = {
  length: `must be exactly ${TEXT_LENGTH} bytes`,
  unknownMarker: 'the card-type marker at byte 248 is none of space (or NUL), I, J, Y',
  blank: 'is blank',
  invalidText: 'holds control characters, unpaired surrogates or non-characters',
  unknownCode: 'holds a code outside its table',
  invalidFormat: 'does not have the shape its layout gives',
  invalidDate: 'is not a real calendar day (YYYYMMDD)',
  checkDigit: 'fails the GB 11643 check character',
  dateOrder: 'is before valid-from',
};

export function textBlockProblem(field: TextBlockField, reason: TextBlockProblemReason): TextBlockProblem {
  return { kind: 'problem', field, reason, message: `ID card text block: ${field} ${RULES[reason]}` };
}

/** Thrown inside this module only, caught by parseTextBlock. */
class Refused {
  constructor(readonly problem: TextBlockProblem) {}
}

const refuse = (field: TextBlockField, reason: TextBlockProblemReason): never => {
  throw new Refused(textBlockProblem(field, reason));
};

/** Decodes and validates the block's fields; every accessor refuses with the field's name. */
class FieldReader {
  constructor(private readonly bytes: Uint8Array) {}

  /** The code units of a span, padding included. */
  raw(span: Span): string {
    let out = '';
    for (let i = span.offset; i < span.offset + span.length; i += 2) {
      out += String.fromCharCode((this.bytes[i] as number) | ((this.bytes[i + 1] as number) << 8));
    }
    return out;
  }

  /** Right-trimmed of space padding (and NUL, which some writers pad with), checked for usable text. */
  text(field: TextBlockField, raw: string): string {
    const trimmed = raw.replace(/[\u0020\u0000]+$/u, '');
    if (!usableText(trimmed)) refuse(field, 'invalidText');
    return trimmed;
  }

  optional(field: TextBlockField, span: Span): string | undefined {
    const value = this.text(field, this.raw(span));
    return value === '' ? undefined : value;
  }

  required(field: TextBlockField, span: Span): string {
    return this.optional(field, span) ?? refuse(field, 'blank');
  }

  gender(span: Span): Gender {
    return genderFromCode(this.required('gender', span)) ?? refuse('gender', 'unknownCode');
  }

  ethnicity(span: Span): Ethnicity | undefined {
    const code = this.optional('ethnicity', span);
    return code === undefined ? undefined : (ethnicityFromCode(code) ?? refuse('ethnicity', 'unknownCode'));
  }

  date(field: 'birthDate' | 'validFrom', span: Span): IsoDate {
    const parsed = parseCardDate(this.required(field, span));
    return parsed.ok ? parsed.date : refuse(field, parsed.reason);
  }

  validity(layout: { validFrom: Span; validUntil: Span }): { validFrom: IsoDate; validUntil: IsoDate | typeof LONG_TERM } {
    const validFrom = this.date('validFrom', layout.validFrom);
    const until = this.required('validUntil', layout.validUntil);
    if (until === LONG_TERM_TEXT) return { validFrom, validUntil: LONG_TERM };
    const parsed = parseCardDate(until);
    if (!parsed.ok) return refuse('validUntil', parsed.reason);
    if (parsed.date < validFrom) refuse('validUntil', 'dateOrder');
    return { validFrom, validUntil: parsed.date };
  }

  idNumber(kind: CardKind, span: Span): string {
    const value = this.required('idNumber', span);
    const issue = idNumberIssue(kind, value);
    return issue === undefined ? value : refuse('idNumber', issue === 'format' ? 'invalidFormat' : 'checkDigit');
  }

  count(field: 'issueCount' | 'renewalCount', span: Span): number | undefined {
    const value = this.optional(field, span);
    if (value === undefined) return undefined;
    return /^[0-9]+$/.test(value) ? Number(value) : refuse(field, 'invalidFormat');
  }

  nationality(span: Span): string {
    const value = this.required('nationality', span);
    return /^[A-Z0-9]{3}$/.test(value) ? value : refuse('nationality', 'invalidFormat');
  }
}

/**
 * No C0/C1 control characters, no DEL, no U+FFFE/U+FFFF, and surrogates only in pairs (UCS-2 has none, but a
 * writer using UTF-16 for a character outside the BMP is read as that character).
 */
function usableText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x20 || (unit >= 0x7f && unit <= 0x9f) || unit === 0xfffe || unit === 0xffff) return false;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      return false;
    }
  }
  return true;
}

/** The card kind its marker names, or undefined for any other marker (including a block of the wrong length). */
export function cardKindOf(bytes: Uint8Array): CardKind | undefined {
  if (bytes.length !== TEXT_LENGTH) return undefined;
  const marker = (bytes[CARD_TYPE_MARKER_OFFSET] as number) | ((bytes[CARD_TYPE_MARKER_OFFSET + 1] as number) << 8);
  return Object.hasOwn(CARD_TYPE_MARKERS, marker) ? CARD_TYPE_MARKERS[marker] : undefined;
}

export function parseTextBlock(bytes: Uint8Array): CardText | TextBlockProblem {
  if (bytes.length !== TEXT_LENGTH) return textBlockProblem('textBlock', 'length');
  const kind = cardKindOf(bytes);
  if (kind === undefined) return textBlockProblem('cardType', 'unknownMarker');
  try {
    return readCard(kind, new FieldReader(bytes));
  } catch (error) {
    if (error instanceof Refused) return error.problem;
    throw error;
  }
}

function readCard(kind: CardKind, r: FieldReader): CardText {
  switch (kind) {
    case 'resident':
    case 'hkMacaoTaiwanResidence': {
      const l = TEXT_BLOCK_LAYOUTS.hkMacaoTaiwanResidence; // the resident fields, plus the permit's own
      const name = r.required('name', l.name);
      const gender = r.gender(l.gender);
      const ethnicity = r.ethnicity(l.ethnicity);
      if (kind === 'resident' && ethnicity === undefined) refuse('ethnicity', 'blank');
      const birthDate = r.date('birthDate', l.birthDate);
      const address = r.required('address', l.address);
      const idNumber = r.idNumber(kind, l.idNumber);
      const issuingAuthority = r.required('issuingAuthority', l.issuingAuthority);
      const validity = r.validity(l);
      const common = { name, gender, birthDate, address, idNumber, issuingAuthority, ...validity };
      if (kind === 'resident') return { kind, ...common, ethnicity: ethnicity as Ethnicity };
      const passNumber = r.optional('passNumber', l.passNumber);
      const issueCount = r.count('issueCount', l.issueCount);
      return withDefined({ kind, ...common, ethnicity, passNumber, issueCount });
    }
    case 'foreignPermanent2017': {
      const l = TEXT_BLOCK_LAYOUTS.foreignPermanent2017;
      const englishName = r.required('englishName', l.englishName);
      const gender = r.gender(l.gender);
      const idNumber = r.idNumber(kind, l.idNumber);
      const nationality = r.nationality(l.nationality);
      const chineseName = r.optional('chineseName', l.chineseName);
      const validity = r.validity(l);
      const birthDate = r.date('birthDate', l.birthDate);
      const cardVersion = r.optional('cardVersion', l.cardVersion);
      const authorityCode = r.optional('authorityCode', l.authorityCode);
      return withDefined({ kind, englishName, chineseName, gender, birthDate, idNumber, nationality, ...validity, cardVersion, authorityCode });
    }
    case 'foreignPermanent2023': {
      const l = TEXT_BLOCK_LAYOUTS.foreignPermanent2023;
      const chineseName = r.optional('chineseName', l.chineseName);
      const gender = r.gender(l.gender);
      const renewalCount = r.count('renewalCount', l.renewalCount);
      const birthDate = r.date('birthDate', l.birthDate);
      // Characters 1–35 keep their padding so a space at character 35 survives the join with 36–46.
      const englishName = r.text('englishName', r.raw(l.englishName) + r.raw(l.englishNameRest)) || refuse('englishName', 'blank');
      const idNumber = r.idNumber(kind, l.idNumber);
      const validity = r.validity(l);
      const nationality = r.nationality(l.nationality);
      const previousCardLink = r.optional('previousCardLink', l.previousCardLink);
      return withDefined({ kind, chineseName, englishName, gender, renewalCount, birthDate, idNumber, ...validity, nationality, previousCardLink });
    }
  }
}

/** Drops undefined optional fields, so a card compares and serialises without `key: undefined` noise. */
function withDefined<T extends object>(card: T): T {
  return Object.fromEntries(Object.entries(card).filter(([, v]) => v !== undefined)) as T;
}
