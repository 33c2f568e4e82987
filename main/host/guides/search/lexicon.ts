/**
 * Characters and their pinyin for the search engine (issue 16 §3), all from pinyin-pro (no hand-made table).
 * A searchable text is reduced to its units: one UTF-16 code unit each, Han characters and folded ASCII letters
 * and digits (full-width folded to half-width, upper to lower); punctuation and spaces are not units, so 个体户
 * （设立） matches 个体户设立. Each Han unit has a primary reading, the one pinyin-pro gives in context (银行 →
 * yin hang, word segmentation), and for a polyphone (多音字) an alternate: the most common reading of the
 * character alone when it differs (行 → xing), so both 银行 yinhang and a guess like yinxing find it, the latter
 * ranked lower. Tones are dropped and ü is written v (lv), as on a kiosk keyboard.
 */
import { pinyin, polyphonic } from 'pinyin-pro';

const PINYIN_OPTIONS = { toneType: 'none', type: 'array', v: true } as const;

export const isHanCode = (c: number): boolean => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || c === 0x3007;
export const isAsciiUnit = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);

/** The unit a code unit folds to, or 0 when it is not one (punctuation, space, astral halves). */
export function foldCode(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
  if (c >= 0x41 && c <= 0x5a) c += 0x20;
  return isAsciiUnit(c) || isHanCode(c) ? c : 0;
}

/** The units of a text, and where each one is in it (UTF-16 offsets, for highlighting). */
export function unitsOf(text: string): string {
  let i = 0;
  while (i < text.length && foldCode(text.charCodeAt(i)) === text.charCodeAt(i)) i++;
  if (i === text.length) return text;
  let out = text.slice(0, i);
  for (; i < text.length; i++) {
    const f = foldCode(text.charCodeAt(i));
    if (f !== 0) out += String.fromCharCode(f);
  }
  return out;
}

export function unitOffsets(text: string): number[] {
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) if (foldCode(text.charCodeAt(i)) !== 0) at.push(i);
  return at;
}

/**
 * The syllables and characters seen in the indexed texts, as small dense ids (so index keys stay small
 * integers), with the readings of each text cached across rebuilds.
 */
export class Lexicon {
  private readonly syllableIds = new Map<string, number>();
  private readonly syllables: string[] = [''];
  private readonly letters: number[] = [0];
  private readonly prefixes = new Set<string>();
  private readonly withPrefix = new Map<string, number[]>();
  private readonly charIds = new Map<number, number>();
  /** Per Han code: its reading alone, and its two most common readings (0 when it has one), packed. */
  private readonly charReadings = new Map<number, number>();
  private readonly readingCache = new Map<string, Uint16Array>();
  private readonly windowCache = new Map<string, number>();

  syllable(id: number): string {
    return this.syllables[id] ?? '';
  }

  /** The first letter's char code of a syllable. */
  letter(id: number): number {
    return this.letters[id] ?? 0;
  }

  /** The id of a syllable seen in the index, or 0. */
  syllableId(text: string): number {
    return this.syllableIds.get(text) ?? 0;
  }

  /** True when `text` begins some indexed syllable ("zh", "zhua" for zhuang). */
  isSyllablePrefix(text: string): boolean {
    return this.prefixes.has(text);
  }

  /** The indexed syllables beginning with `prefix` (ka → ka, kai, kan, kang, kao). */
  syllablesWithPrefix(prefix: string): readonly number[] {
    let ids = this.withPrefix.get(prefix);
    if (ids === undefined) {
      ids = [];
      for (let id = 1; id < this.syllables.length; id++) if ((this.syllables[id] as string).startsWith(prefix)) ids.push(id);
      this.withPrefix.set(prefix, ids);
    }
    return ids;
  }

  /** Dense id of a unit's code (1-based), assigned on first sight while building; 0 when unseen at query time. */
  charId(code: number, assign = false): number {
    let id = this.charIds.get(code);
    if (id === undefined) {
      if (!assign) return 0;
      id = this.charIds.size + 1;
      this.charIds.set(code, id);
    }
    return id;
  }

  /**
   * Primary and alternate syllable ids of every unit of `units` (0 for letters and digits), two per unit, into
   * `out` from `at`. Cached by text: names, short names and department names repeat across entries.
   */
  readInto(units: string, out: Uint16Array, at: number): void {
    let both = this.readingCache.get(units);
    if (both === undefined) {
      const primary = this.primaryReadings(units);
      both = new Uint16Array(units.length * 2);
      for (let i = 0; i < units.length; i++) {
        const p = primary[i] as number;
        both[2 * i] = p;
        both[2 * i + 1] = p === 0 ? 0 : this.alternate(units.charCodeAt(i), p);
      }
      if (this.readingCache.size >= 100_000) this.readingCache.clear();
      this.readingCache.set(units, both);
    }
    out.set(both, at);
  }

  /**
   * The reading of each Han unit: its reading alone, unless it has more than one, then the one pinyin-pro
   * chooses in the context of the two units either side (its words are at most that long, mostly), cached by
   * that window: windows repeat far more than whole texts, and pinyin-pro costs microseconds per character.
   */
  private primaryReadings(units: string): Uint16Array {
    const ids = new Uint16Array(units.length);
    for (let i = 0; i < units.length; i++) {
      const code = units.charCodeAt(i);
      if (!isHanCode(code)) continue;
      const info = this.readingsOf(code);
      ids[i] = Math.floor(info / 2 ** 32);
      if (info % 65536 === 0) continue;
      const from = Math.max(0, i - 2);
      const window = units.slice(from, i + 3);
      const key = `${i - from}${window}`;
      let id = this.windowCache.get(key);
      if (id === undefined) {
        const readings = pinyin(window, PINYIN_OPTIONS);
        id = readings.length === window.length ? this.intern(cleanReading(readings[i - from] ?? '')) : 0;
        if (this.windowCache.size >= 200_000) this.windowCache.clear();
        this.windowCache.set(key, id);
      }
      if (id !== 0) ids[i] = id;
    }
    return ids;
  }

  private readingsOf(code: number): number {
    let info = this.charReadings.get(code);
    if (info === undefined) {
      const ch = String.fromCharCode(code);
      const solo = this.intern(cleanReading(pinyin(ch, PINYIN_OPTIONS)[0] ?? ''));
      const top = (polyphonic(ch, PINYIN_OPTIONS)[0] ?? []).map((r) => this.intern(cleanReading(r))).filter((id) => id !== 0);
      info = solo * 2 ** 32 + (top.length > 1 ? (top[0] as number) * 65536 + (top[1] as number) : 0);
      this.charReadings.set(code, info);
    }
    return info;
  }

  /** The alternate of a unit: of the character's two most common readings, the one its context did not choose. */
  private alternate(code: number, primary: number): number {
    const info = this.readingsOf(code);
    const first = Math.floor(info / 65536) % 65536;
    const second = info % 65536;
    if (first !== 0 && first !== primary) return first;
    return second !== primary ? second : 0;
  }

  private intern(reading: string): number {
    if (reading === '') return 0;
    let id = this.syllableIds.get(reading);
    if (id === undefined) {
      id = this.syllables.length;
      this.syllables.push(reading);
      this.letters.push(reading.charCodeAt(0));
      this.syllableIds.set(reading, id);
      this.withPrefix.clear();
      for (let n = 1; n <= reading.length; n++) this.prefixes.add(reading.slice(0, n));
    }
    return id;
  }
}

/** pinyin-pro's reading, letters only ("lv"; a non-Han character it passed through becomes ''). */
function cleanReading(r: string): string {
  const s = r.toLowerCase().replace(/ü/g, 'v');
  return /^[a-z]+$/.test(s) ? s : '';
}
