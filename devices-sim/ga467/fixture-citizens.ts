/**
 * The simulator's fixture cards (issue 14 item 3), one per case the kiosk must handle: an ordinary adult,
 * a citizen over 70, a private-use rare character, an expired card, a `J` residence permit, `I` 2017 and
 * `Y` 2023 foreign permanent-resident cards, and a card with fingerprints (protocols.md §1.5–§1.7).
 * Every person is FAKE: made-up names at made-up addresses (示例 "example" streets). The 18-character numbers
 * get their check character from id-number.ts (GB 11643, ISO 7064 MOD 11-2), so they are well-formed and
 * belong to nobody we know of; the `I` number has no documented check character (§1.6).
 */
import type { CardKind } from '../../drivers/protocol/ga467/card-text';
import { gb11643CheckDigit } from '../../drivers/protocol/ga467/id-number';
import { encodeTextBlock, type TextBlockFields } from '../../drivers/protocol/ga467/text-block-encoder';
import { fakeFingerprint, fakePhoto, latestAddressBytes } from './fake-card-data';

/** What lies on the antenna: the parts a read returns (§1.4) and the `30 03` address, if any. */
export interface SimCard {
  /** The fixture's name, or undefined for a card built from explicit fields. */
  fixture?: string;
  kind: CardKind;
  /** 256 bytes (§1.5, §1.6). */
  text: Uint8Array;
  /** 1024 bytes (§1.7). */
  photo: Uint8Array;
  /** 1024 bytes, or undefined when the card holds none (§1.4). */
  fingerprint?: Uint8Array;
  /** 70 bytes for `30 03`, or undefined: the reader answers SW3 `91` (§1.4). */
  latestAddress?: Uint8Array;
}

/** A GB 11643 number: 17 body digits and the check character id-number.ts computes. */
export function withCheckDigit(body: string): string {
  const check = gb11643CheckDigit(body);
  if (check === undefined) throw new RangeError('a GB 11643 body is 17 ASCII digits');
  return body + check;
}

/** The private-use code point standing for a rare character missing from the card's character set. */
export const RARE_CHARACTER = '\uE3C5';

export type ResidentFields = TextBlockFields<'resident'>;

/** The ordinary adult; explicit card fields the tester leaves out come from here. */
export const ADULT: Readonly<ResidentFields> = {
  name: '张示例', gender: '1', ethnicity: '01', birthDate: '19900315', address: '贵州省贵阳市观山湖区示例大道100号',
  idNumber: withCheckDigit('52011519900315001'), issuingAuthority: '贵阳市公安局观山湖分局', validFrom: '20160301', validUntil: '20360301',
};

interface Fixture {
  description: string;
  kind: CardKind;
  fields: Record<string, string>;
  fingerprint?: boolean;
  latestAddress?: string;
}

const resident = (over: ResidentFields): Record<string, string> => ({ ...ADULT, ...over }) as Record<string, string>;

const FIXTURES = {
  adult: { description: 'an ordinary adult resident, card valid until 2036', kind: 'resident', fields: resident({}) },
  over70: {
    description: 'a resident born in 1948 (over 70: elder services), long-term card, a latest address on the card',
    kind: 'resident',
    fields: resident({
      name: '王示例', gender: '2', birthDate: '19480620', idNumber: withCheckDigit('52010219480620002'),
      address: '贵州省贵阳市南明区示例巷8号', issuingAuthority: '贵阳市公安局南明分局', validFrom: '20080315', validUntil: '长期',
    }),
    latestAddress: '贵州省贵阳市云岩区示例新村3栋2单元',
  },
  rareCharacter: {
    description: 'a resident with a rare character in the name, written as a private-use code point (U+E3C5), 苗族',
    kind: 'resident',
    fields: resident({ name: `李${RARE_CHARACTER}示`, gender: '2', ethnicity: '06', birthDate: '19950807', idNumber: withCheckDigit('52263119950807004') }),
  },
  expired: {
    description: 'a resident whose card expired on 2015-02-01',
    kind: 'resident',
    fields: resident({ name: '赵示例', birthDate: '19850110', idNumber: withCheckDigit('52010319850110005'), validFrom: '20050201', validUntil: '20150201' }),
  },
  permitJ: {
    description: 'a Hong Kong resident\'s residence permit (marker J), ethnicity blank',
    kind: 'hkMacaoTaiwanResidence',
    fields: {
      name: '陈示例', gender: '1', birthDate: '19900612', address: '广东省深圳市福田区示例路88号', idNumber: withCheckDigit('81000019900612003'),
      issuingAuthority: '深圳市公安局', validFrom: '20230801', validUntil: '20280801', passNumber: 'H00000001', issueCount: '01',
    },
  },
  foreign2017: {
    description: 'a foreign permanent-resident card, 2017 format (marker I)',
    kind: 'foreignPermanent2017',
    fields: {
      englishName: 'EXAMPLE, JOHN TEST', gender: '1', idNumber: 'USA110790405000', nationality: 'USA', chineseName: '示例约翰',
      validFrom: '20170901', validUntil: '20270901', birthDate: '19790405', cardVersion: '01', authorityCode: '1100',
    },
  },
  foreign2023: {
    description: 'a foreign permanent-resident card, 2023 format (marker Y), an English name over both spans',
    kind: 'foreignPermanent2023',
    fields: {
      chineseName: '示例玛丽', gender: '2', renewalCount: '01', birthDate: '19850918',
      englishName: 'EXAMPLE MARIA FERNANDA TESTING SAMP', englishNameRest: 'LE PRUEBA', idNumber: withCheckDigit('91172419850918002'),
      validFrom: '20230601', validUntil: '20330601', nationality: 'ESP', previousCardLink: '101',
    },
  },
  withFingerprints: {
    description: 'a resident card holding fingerprints (1024 bytes for 30 10)',
    kind: 'resident',
    fields: resident({ name: '刘示例', birthDate: '19880502', idNumber: withCheckDigit('52011519880502006'), validFrom: '20200601', validUntil: '20400601' }),
    fingerprint: true,
  },
} as const satisfies Record<string, Fixture>;

export type FixtureName = keyof typeof FIXTURES;
export const FIXTURE_NAMES = Object.keys(FIXTURES) as FixtureName[];

export const isFixtureName = (name: string): name is FixtureName => Object.hasOwn(FIXTURES, name);

/** A fresh copy of a fixture card; the photo (and fingerprint) seed is the fixture's position. */
export function fixtureCard(name: FixtureName): SimCard {
  const f: Fixture = FIXTURES[name];
  const seed = FIXTURE_NAMES.indexOf(name) + 1;
  const card: SimCard = { fixture: name, kind: f.kind, text: encodeTextBlock(f.kind, f.fields), photo: fakePhoto(seed) };
  if (f.fingerprint) card.fingerprint = fakeFingerprint(seed);
  if (f.latestAddress !== undefined) card.latestAddress = latestAddressBytes(f.latestAddress);
  return card;
}
