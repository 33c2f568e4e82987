/**
 * Test-only fixtures for 256-byte text blocks. Blocks are built by text-block-encoder.ts (the module the
 * simulator uses); the offsets below are transcribed from the protocols.md §1.5 and §1.6 tables here,
 * independently of text-block.ts, and text-block.test.ts holds the parser's (and so the encoder's) spans to
 * them, so a wrong offset cannot hide behind the same wrong offset in the fixtures. The people are fake;
 * their numbers carry valid GB 11643 check characters, worked out by hand (python, ISO 7064 MOD 11-2) and
 * asserted again in id-number.test.ts.
 */
import type { CardKind } from './card-text';
import { CARD_TYPE_MARKER_CHARS, encodeTextBlock, type TextBlockFields, writeUcs2 } from './text-block-encoder';

/** [offset, bytes] of each field, straight from the tables. */
export const DOC_LAYOUTS = {
  resident: {
    name: [0, 30], gender: [30, 2], ethnicity: [32, 4], birthDate: [36, 16], address: [52, 70], idNumber: [122, 36],
    issuingAuthority: [158, 30], validFrom: [188, 16], validUntil: [204, 16],
  },
  hkMacaoTaiwanResidence: {
    name: [0, 30], gender: [30, 2], ethnicity: [32, 4], birthDate: [36, 16], address: [52, 70], idNumber: [122, 36],
    issuingAuthority: [158, 30], validFrom: [188, 16], validUntil: [204, 16], passNumber: [220, 18], issueCount: [238, 4],
  },
  foreignPermanent2017: {
    englishName: [0, 120], gender: [120, 2], idNumber: [122, 30], nationality: [152, 6], chineseName: [158, 30],
    validFrom: [188, 16], validUntil: [204, 16], birthDate: [220, 16], cardVersion: [236, 4], authorityCode: [240, 8],
  },
  foreignPermanent2023: {
    chineseName: [0, 30], gender: [30, 2], renewalCount: [32, 4], birthDate: [36, 16], englishName: [52, 70],
    idNumber: [122, 36], validFrom: [188, 16], validUntil: [204, 16], englishNameRest: [220, 22], nationality: [242, 6],
    previousCardLink: [250, 6],
  },
} as const;

export type DocKind = keyof typeof DOC_LAYOUTS;
export type Fields<K extends DocKind> = { [F in keyof (typeof DOC_LAYOUTS)[K]]?: string };

/** Marker character at bytes 248–249 (§1.6). */
export const MARKERS: Record<DocKind, string> = CARD_TYPE_MARKER_CHARS;

/** Writes `text` as UCS-2 little-endian code units at `offset`; the rest of the span keeps its padding. */
export const putUcs2 = writeUcs2;

/** A block padded with spaces (`20 00`) everywhere, the marker for `kind` (or `marker`), and the given fields. */
export function buildBlock<K extends DocKind>(kind: K, fields: Fields<K>, marker: string = MARKERS[kind]): Uint8Array {
  const block = encodeTextBlock(kind as CardKind, fields as TextBlockFields<CardKind>);
  putUcs2(block, 248, 2, marker);
  return block;
}

/** A private-use code point standing for a rare character missing from the card's character set. */
export const RARE = '\uE3C5';

// Fake people. Numbers: body digits chosen by hand, check character from ISO 7064 MOD 11-2.
export const PEOPLE = {
  /** 长期 validity, an `X` check character. */
  residentLongTerm: {
    name: '李建国', gender: '1', ethnicity: '01', birthDate: '19520708', address: '贵州省贵阳市南明区花果园大街1号附2号',
    idNumber: '52010219520708003X', issuingAuthority: '贵阳市公安局南明分局', validFrom: '20080315', validUntil: '长期',
  },
  /** A rare character (private use) in the name, 苗族. */
  residentRare: {
    name: `王${RARE}华`, gender: '2', ethnicity: '06', birthDate: '19900307', address: '贵州省黔东南苗族侗族自治州黎平县德凤镇五开南路12号',
    idNumber: '522631199003070023', issuingAuthority: '黎平县公安局', validFrom: '20160520', validUntil: '20360520',
  },
  /** Expired on 2015-02-01. */
  residentExpired: {
    name: '赵强', gender: '1', ethnicity: '01', birthDate: '19850110', address: '贵州省贵阳市云岩区中华北路100号',
    idNumber: '520102198501100031', issuingAuthority: '贵阳市公安局云岩分局', validFrom: '20050201', validUntil: '20150201',
  },
  /** A Hong Kong resident's permit (810000…), ethnicity blank. */
  permitJ: {
    name: '陈志明', gender: '1', birthDate: '19900612', address: '广东省深圳市福田区福华三路88号', idNumber: '810000199006120030',
    issuingAuthority: '深圳市公安局', validFrom: '20230801', validUntil: '20280801', passNumber: 'H12345678', issueCount: '01',
  },
  foreign2017: {
    englishName: 'SMITH, JOHN WILLIAM', gender: '1', idNumber: 'USA110790405123', nationality: 'USA', chineseName: '史密斯',
    validFrom: '20170901', validUntil: '20270901', birthDate: '19790405', cardVersion: '01', authorityCode: '1100',
  },
  /** The English name (44 characters) runs over both spans: 35 at offset 52, 9 at offset 220. */
  foreign2023: {
    chineseName: '马丽亚', gender: '2', renewalCount: '01', birthDate: '19850918',
    englishName: 'MARIA FERNANDA GONZALEZ RODRIGUEZ D', englishNameRest: 'E LA CRUZ', idNumber: '911724198509180026',
    validFrom: '20230601', validUntil: '20330601', nationality: 'ESP', previousCardLink: '101',
  },
} as const;

export const residentBlock = (over: Fields<'resident'> = {}, base: Fields<'resident'> = PEOPLE.residentLongTerm): Uint8Array =>
  buildBlock('resident', { ...base, ...over });
export const permitBlock = (over: Fields<'hkMacaoTaiwanResidence'> = {}): Uint8Array => buildBlock('hkMacaoTaiwanResidence', { ...PEOPLE.permitJ, ...over });
export const foreign2017Block = (over: Fields<'foreignPermanent2017'> = {}): Uint8Array => buildBlock('foreignPermanent2017', { ...PEOPLE.foreign2017, ...over });
export const foreign2023Block = (over: Fields<'foreignPermanent2023'> = {}): Uint8Array => buildBlock('foreignPermanent2023', { ...PEOPLE.foreign2023, ...over });
