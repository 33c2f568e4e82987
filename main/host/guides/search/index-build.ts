/**
 * Builds the search index of a catalogue's documents (issue 16 §3). Entries are numbered in static order
 * (shorter zh-CN names first, then bundle, item, policy, then id), the order every tie is broken in. Each
 * entry's Chinese fields (name, short names, synonyms, keywords) are reduced to units with readings (lexicon.ts)
 * stored flat in typed arrays; the inverted lists (postings.ts) are keyed on what a query can start with or
 * contain: characters and character bigrams, pairs of adjacent syllables and of adjacent first letters
 * (full pinyin and initials, anywhere in a field), and the first character, syllable and letter of a field.
 * English names are indexed by word for prefix search. Building yields (`pause`) so a worker keeps answering.
 */
import type { Department } from '../../../../common/guides';
import type { GuideHitKind } from '../../../../common/guides-api';
import { isHanCode, type Lexicon, unitsOf } from './lexicon';
import { type Postings, PostingsBuilder } from './postings';
import { DEPARTMENT_NAMES, type SearchDoc } from './search-docs';

export const FIELD_KINDS = ['name', 'shortName', 'synonym', 'keyword'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];
/** A department's items kept as hits for its name: more than any answer shows (MAX_GUIDE_HITS). */
const MAX_DEPARTMENT_HITS = 64;
const KIND_ORDER: Record<GuideHitKind, number> = { bundle: 0, item: 1, policy: 2 };

/** Two small ids in one small-integer key. */
export const pairKey = (a: number, b: number): number => a * 32768 + b;

export interface KeyLists {
  unigram: Postings;
  bigram: Postings;
  syllablePair: Postings;
  letterPair: Postings;
  /** A syllable and the next unit's first letter (shebaok: bao, k). */
  syllableLetter: Postings;
  firstChar: Postings;
  firstSyllable: Postings;
  firstLetter: Postings;
}

/** A department's name as a searchable text of its own (its items are hits of lower weight). */
export interface DepartmentLabel {
  department: Department;
  units: string;
  readings: Uint16Array;
}

export interface SearchIndex {
  lex: Lexicon;
  docs: SearchDoc[];
  /** Entry e's fields are fieldKind[i] etc. for i in [entryFields[e], entryFields[e + 1]). */
  entryFields: Int32Array;
  fieldKind: Uint8Array;
  fieldText: string[];
  fieldUnits: string[];
  /** Where a field's readings start in `readings` (two per unit: primary, alternate). */
  fieldRead: Int32Array;
  /** 1 when a field has letters or digits of its own (CT检查), which a letter query can match outright. */
  fieldAscii: Uint8Array;
  /** Each field's unit count, first unit, and its readings' first letters (low byte, high byte). */
  fieldLen: Uint16Array;
  fieldFirst: Uint16Array;
  fieldFirstLetters: Uint16Array;
  /**
   * What a field holds, for ruling it out before matching: bit (letter − a) for each first letter of its units'
   * readings and its own letters (bit 26 for any digit); and bit (code mod 32) for each of its Han characters.
   */
  fieldLetterMask: Uint32Array;
  fieldCharMask: Uint32Array;
  readings: Uint16Array;
  keys: KeyLists;
  /** English words, sorted, and their entries. */
  words: string[];
  wordEntries: Postings;
  /** Entry e's English name as word ids (indexes into `words`), in order: entryWords[entryWordAt[e] …]. */
  entryWords: Int32Array;
  entryWordAt: Int32Array;
  byCode: Map<string, number>;
  departments: DepartmentLabel[];
  departmentEntries: Map<Department, Int32Array>;
}

export const englishWords = (text: string | undefined): string[] => (text ?? '').toLowerCase().match(/[a-z0-9]+/g) ?? [];

function staticOrder(a: SearchDoc, b: SearchDoc): number {
  const len = a.name['zh-CN'].length - b.name['zh-CN'].length;
  if (len !== 0) return len;
  const kind = KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
  if (kind !== 0) return kind;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function fieldsOf(doc: SearchDoc): Array<[FieldKind, string]> {
  const out: Array<[FieldKind, string]> = [['name', doc.name['zh-CN']]];
  for (const s of doc.shortNames) out.push(['shortName', s]);
  for (const s of doc.synonyms) out.push(['synonym', s]);
  for (const s of doc.keywords) out.push(['keyword', s]);
  return out;
}

export async function buildSearchIndex(input: readonly SearchDoc[], lex: Lexicon, pause: () => Promise<void> = async () => undefined): Promise<SearchIndex> {
  const docs = [...input].sort(staticOrder);
  const fieldKind: number[] = [];
  const fieldText: string[] = [];
  const fieldUnits: string[] = [];
  const entryFields = new Int32Array(docs.length + 1);
  let unitTotal = 0;
  for (let e = 0; e < docs.length; e++) {
    for (const [kind, text] of fieldsOf(docs[e] as SearchDoc)) {
      const units = unitsOf(text);
      if (units.length === 0) continue;
      fieldKind.push(FIELD_KINDS.indexOf(kind));
      fieldText.push(text);
      fieldUnits.push(units === text ? text : units);
      unitTotal += units.length;
    }
    entryFields[e + 1] = fieldText.length;
  }
  const readings = new Uint16Array(unitTotal * 2);
  const fieldRead = new Int32Array(fieldText.length);
  for (let f = 0, at = 0; f < fieldUnits.length; f++) {
    fieldRead[f] = at;
    lex.readInto(fieldUnits[f] as string, readings, at);
    at += (fieldUnits[f] as string).length * 2;
    if (f % 4000 === 3999) await pause();
  }
  const builders = { unigram: new PostingsBuilder(), bigram: new PostingsBuilder(), syllablePair: new PostingsBuilder(), letterPair: new PostingsBuilder(), syllableLetter: new PostingsBuilder(), firstChar: new PostingsBuilder(), firstSyllable: new PostingsBuilder(), firstLetter: new PostingsBuilder() };
  const chars = new Int32Array(unitTotal);
  for (let f = 0; f < fieldUnits.length; f++) {
    const units = fieldUnits[f] as string;
    const at = (fieldRead[f] as number) / 2;
    for (let i = 0; i < units.length; i++) chars[at + i] = lex.charId(units.charCodeAt(i), true);
  }
  for (const pass of [1, 2]) {
    for (let e = 0; e < docs.length; e++) {
      for (let f = entryFields[e] as number; f < (entryFields[e + 1] as number); f++) emitKeys(builders, e, fieldUnits[f] as string, chars, readings, fieldRead[f] as number, lex);
      if (e % 4000 === 3999) await pause();
    }
    if (pass === 1) for (const b of Object.values(builders)) b.seal();
  }
  const keys = Object.fromEntries(Object.entries(builders).map(([k, b]) => [k, b.finish()])) as unknown as KeyLists;
  const { words, wordEntries, entryWords, entryWordAt } = englishIndex(docs);
  const byCode = new Map<string, number>();
  const departmentEntries = new Map<Department, number[]>();
  docs.forEach((d, e) => {
    byCode.set(d.id.toLowerCase(), e);
    if (!d.department) return;
    const list = departmentEntries.get(d.department) ?? [];
    if (list.length < MAX_DEPARTMENT_HITS) list.push(e);
    departmentEntries.set(d.department, list);
  });
  const departments = Object.entries(DEPARTMENT_NAMES).flatMap(([department, names]) =>
    names.map((name) => {
      const units = unitsOf(name);
      const r = new Uint16Array(units.length * 2);
      lex.readInto(units, r, 0);
      return { department: department as Department, units, readings: r };
    }),
  );
  return {
    lex,
    docs,
    entryFields,
    fieldKind: Uint8Array.from(fieldKind),
    fieldAscii: Uint8Array.from(fieldUnits, (u) => (/[a-z0-9]/.test(u) ? 1 : 0)),
    fieldLen: Uint16Array.from(fieldUnits, (u) => Math.min(u.length, 65535)),
    fieldFirst: Uint16Array.from(fieldUnits, (u) => u.charCodeAt(0)),
    fieldFirstLetters: Uint16Array.from(fieldRead, (at) => lex.letter(readings[at] as number) | (lex.letter(readings[at + 1] as number) << 8)),
    ...fieldMasks(fieldUnits, fieldRead, readings, lex),
    fieldText,
    fieldUnits,
    fieldRead,
    readings,
    keys,
    words,
    wordEntries,
    entryWords,
    entryWordAt,
    byCode,
    departments,
    departmentEntries: new Map([...departmentEntries].map(([d, list]) => [d, Int32Array.from(list)])),
  };
}

/** A letter's or digit's bit in a field's letter mask. */
export const letterBit = (code: number): number => (code >= 0x61 && code <= 0x7a ? 1 << (code - 0x61) : code >= 0x30 && code <= 0x39 ? 1 << 26 : 0);

function fieldMasks(fieldUnits: readonly string[], fieldRead: Int32Array, readings: Uint16Array, lex: Lexicon): Pick<SearchIndex, 'fieldLetterMask' | 'fieldCharMask'> {
  const fieldLetterMask = new Uint32Array(fieldUnits.length);
  const fieldCharMask = new Uint32Array(fieldUnits.length);
  for (let f = 0; f < fieldUnits.length; f++) {
    const units = fieldUnits[f] as string;
    const at = fieldRead[f] as number;
    let letters = 0;
    let chars = 0;
    for (let i = 0; i < units.length; i++) {
      const code = units.charCodeAt(i);
      if (!isHanCode(code)) {
        letters |= letterBit(code);
        continue;
      }
      chars |= 1 << (code & 31);
      letters |= letterBit(lex.letter(readings[at + 2 * i] as number)) | letterBit(lex.letter(readings[at + 2 * i + 1] as number));
    }
    fieldLetterMask[f] = letters >>> 0;
    fieldCharMask[f] = chars >>> 0;
  }
  return { fieldLetterMask, fieldCharMask };
}

type Builders = Record<keyof KeyLists, PostingsBuilder>;

function emitKeys(b: Builders, e: number, units: string, chars: Int32Array, readings: Uint16Array, at: number, lex: Lexicon): void {
  const c0 = at / 2;
  for (let i = 0; i < units.length; i++) {
    const c = chars[c0 + i] as number;
    const code = units.charCodeAt(i);
    const han = isHanCode(code);
    const p = readings[at + 2 * i] as number;
    const a = readings[at + 2 * i + 1] as number;
    const l1 = han ? lex.letter(p) : code;
    const l2 = han && a !== 0 ? lex.letter(a) : l1;
    b.unigram.add(c, e);
    if (i === 0) {
      b.firstChar.add(c, e);
      b.firstLetter.add(l1, e);
      if (l2 !== l1) b.firstLetter.add(l2, e);
      if (p !== 0) b.firstSyllable.add(p, e);
      if (a !== 0) b.firstSyllable.add(a, e);
    }
    if (i + 1 >= units.length) continue;
    const nextCode = units.charCodeAt(i + 1);
    b.bigram.add(pairKey(c, chars[c0 + i + 1] as number), e);
    const nextHan = isHanCode(nextCode);
    const np = nextHan ? (readings[at + 2 * i + 2] as number) : 0;
    const na = nextHan ? (readings[at + 2 * i + 3] as number) : 0;
    const m1 = nextHan ? lex.letter(np) : nextCode;
    const m2 = na !== 0 ? lex.letter(na) : m1;
    letterPairs(b.letterPair, e, l1, l2, m1, m2);
    if (!han) continue;
    letterPairs(b.syllableLetter, e, p, a === 0 ? p : a, m1, m2);
    if (!nextHan) continue;
    letterPairs(b.syllablePair, e, p, a === 0 ? p : a, np, na === 0 ? np : na);
  }
}

/** The keys (x, y) for x in {x1, x2} and y in {y1, y2}, each once. */
function letterPairs(b: PostingsBuilder, e: number, x1: number, x2: number, y1: number, y2: number): void {
  b.add(pairKey(x1, y1), e);
  if (y2 !== y1) b.add(pairKey(x1, y2), e);
  if (x2 === x1) return;
  b.add(pairKey(x2, y1), e);
  if (y2 !== y1) b.add(pairKey(x2, y2), e);
}

function englishIndex(docs: readonly SearchDoc[]): Pick<SearchIndex, 'words' | 'wordEntries' | 'entryWords' | 'entryWordAt'> {
  const perEntry = docs.map((d) => englishWords(d.name.en));
  const words = [...new Set(perEntry.flat())].sort();
  const slot = new Map(words.map((w, i) => [w, i]));
  const entryWordAt = new Int32Array(docs.length + 1);
  perEntry.forEach((list, e) => (entryWordAt[e + 1] = (entryWordAt[e] as number) + list.length));
  const entryWords = new Int32Array(entryWordAt[docs.length] as number);
  perEntry.forEach((list, e) => list.forEach((w, i) => (entryWords[(entryWordAt[e] as number) + i] = slot.get(w) as number)));
  const builder = new PostingsBuilder();
  for (const pass of [1, 2]) {
    for (let e = 0; e < docs.length; e++) for (let i = entryWordAt[e] as number; i < (entryWordAt[e + 1] as number); i++) builder.add(entryWords[i] as number, e);
    if (pass === 1) builder.seal();
  }
  return { words, wordEntries: builder.finish(), entryWords, entryWordAt };
}
