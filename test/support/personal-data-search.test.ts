/**
 * The privacy proof's search (personal-data-search.ts): a datum planted in each encoding is found, at every
 * base64 alignment, in bytes, text, folders and heap snapshots; nothing is found where it is absent, random
 * bytes included, so a clean result of the wipe test means something.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getHeapSnapshot } from 'node:v8';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { maskedHex } from '../../common/hex-dump';
import { SeededRandom } from '../../devices-sim/seeded-random';
import { base64Core, describeFindings, MIN_BASE64_CHARS, needleForms, PersonalDataSearch } from './personal-data-search';

const NAME = '皇甫霁翎';
const OTHER = '欧阳璟瑜'; // same length and script, never planted
const ID = '520111194703120415';
const search = new PersonalDataSearch([
  { label: 'name', text: NAME },
  { label: 'ID number', text: ID },
]);
const absent = new PersonalDataSearch([{ label: 'name', text: OTHER }]);

const rng = new SeededRandom(14);
const noise = (n: number): Buffer => Buffer.from(Array.from({ length: n }, () => rng.int(0, 255)));
const ascii = (s: string): Buffer => Buffer.from(s, 'latin1');
/** `payload` in the middle of random bytes. */
const planted = (payload: Buffer): Buffer => Buffer.concat([noise(37), payload, noise(41)]);
/** base64 text of random bytes around `bytes`, `k` of them before it in its 3-byte group. */
const inBase64 = (bytes: Buffer, k: number, url = false): Buffer => {
  const text = Buffer.concat([noise(30 + k), bytes, noise(29)]).toString(url ? 'base64url' : 'base64');
  return ascii(`data:${text};`);
};

const utf8 = Buffer.from(NAME, 'utf8');
const utf16 = Buffer.from(NAME, 'utf16le');
const gb = iconv.encode(NAME, 'gb18030');

describe('needleForms', () => {
  it('writes each datum in every form once: an ASCII number is the same in UTF-8 and GB18030', () => {
    const forms = needleForms([{ label: 'ID number', text: ID }]);
    expect(forms.find((f) => f.encoding.startsWith('UTF-8'))!.encoding).toBe('UTF-8 = GB18030');
    expect(new Set(forms.map((f) => f.bytes.toString('latin1'))).size).toBe(forms.length);
    expect(forms.every((f) => f.bytes.length >= 4)).toBe(true);
  });

  it('keeps of base64 only the characters the datum alone decides, at each of the three alignments', () => {
    for (const k of [0, 1, 2] as const) {
      const core = base64Core(utf8, k);
      expect(core.length).toBeGreaterThanOrEqual(MIN_BASE64_CHARS);
      for (let trial = 0; trial < 5; trial++) expect(inBase64(utf8, k).toString('latin1')).toContain(core);
    }
  });
});

describe('PersonalDataSearch.bytes', () => {
  const cases: Array<[string, Buffer, RegExp]> = [
    ['UTF-8', planted(utf8), /^UTF-8$/],
    ['UTF-16LE', planted(utf16), /^UTF-16LE$/],
    ['UTF-16BE', planted(Buffer.from(utf16).swap16()), /^UTF-16BE$/],
    ['GB18030', planted(gb), /^GB18030$/],
    ['lower-case hex', planted(ascii(`name=${utf8.toString('hex')};`)), /^hex\(UTF-8\)$/],
    ['upper-case hex of GB18030', planted(ascii(gb.toString('hex').toUpperCase())), /^HEX\(GB18030\)$/],
    ['an unmarked frame dump (maskedHex) of UTF-16LE card text', planted(ascii(maskedHex(Buffer.concat([ascii('\x01\x02'), utf16])))), /^spaced HEX\(UTF-16LE\)$/],
    ['hex written as UTF-16LE text', planted(Buffer.from(utf8.toString('hex'), 'utf16le')), /^hex\(UTF-8\) as UTF-16LE$/],
    ['JSON \\u escapes', planted(ascii(JSON.stringify(NAME).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`))), /^JSON \\u escapes$/],
  ];
  for (const k of [0, 1, 2]) {
    cases.push([`base64 of UTF-8, offset ≡ ${k}`, planted(inBase64(utf8, k)), new RegExp(`^base64\\(UTF-8\\)\\+${k}$`)]);
    cases.push([`base64 of UTF-16LE, offset ≡ ${k}`, planted(inBase64(utf16, k)), new RegExp(`^base64\\(UTF-16LE\\)\\+${k}$`)]);
    cases.push([`base64 of GB18030, offset ≡ ${k}`, planted(inBase64(gb, k)), new RegExp(`^base64\\(GB18030\\)\\+${k}$`)]);
    cases.push([`base64url of UTF-8, offset ≡ ${k}`, planted(inBase64(utf8, k, true)), /^base64(url)?\(UTF-8\)\+\d/]);
    cases.push([`base64 of UTF-8 written as UTF-16LE, offset ≡ ${k}`, planted(Buffer.from(inBase64(utf8, k).toString('latin1'), 'utf16le')), new RegExp(`^base64\\(UTF-8\\)\\+${k} as UTF-16LE$`)]);
  }

  it.each(cases)('finds the name planted as %s, and not a name never planted', (_what, haystack, encoding) => {
    const found = search.bytes('planted', haystack);
    expect(found.filter((f) => f.label === 'name').map((f) => f.encoding.split(' = '))).toEqual(expect.arrayContaining([expect.arrayContaining([expect.stringMatching(encoding)])]));
    expect(found.every((f) => f.source === 'planted' && f.context.includes('«name»'))).toBe(true);
    expect(absent.bytes('planted', haystack)).toEqual([]);
  });

  it('finds the ID number in ASCII, hex and base64, and says where', () => {
    const hay = Buffer.concat([noise(10), ascii(`id=${ID}&`), ascii(Buffer.from(ID).toString('base64')), noise(5)]);
    const found = search.bytes('log', hay);
    expect(found.map((f) => [f.label, f.encoding, f.offset])).toEqual([
      ['ID number', 'UTF-8 = GB18030', 13],
      ['ID number', expect.stringContaining('base64(UTF-8)+0'), 10 + 3 + ID.length + 1],
    ]);
    expect(describeFindings(found)).toContain('ID number as UTF-8 = GB18030 in log at 13');
  });

  it('finds nothing in a megabyte of random bytes, nor in the masked forms a ticket or screen may show', () => {
    expect(search.bytes('noise', noise(1 << 20))).toEqual([]);
    const masked = ascii(`${ID.slice(0, 4)}${'*'.repeat(10)}${ID.slice(-4)} 皇* ${Buffer.from('皇*').toString('hex')}`);
    expect(search.bytes('masked', Buffer.concat([masked, Buffer.from('皇*', 'utf16le')]))).toEqual([]);
  });
});

describe('a datum given as bytes (a fingerprint template)', () => {
  const template = noise(512);
  const byBytes = new PersonalDataSearch([{ label: 'template', bytes: template }]);

  it('is found raw, in hex and in base64 at any alignment, and not where it is absent', () => {
    expect(byBytes.bytes('raw', planted(template))).toMatchObject([{ label: 'template', encoding: 'bytes', offset: 37 }]);
    expect(byBytes.text('request body', JSON.stringify({ templateBase64: template.toString('base64') }))[0]!.encoding).toContain('base64(bytes)+0');
    for (const k of [0, 1, 2]) expect(byBytes.bytes('b64', inBase64(template, k)).map((f) => f.encoding)).toContain(`base64(bytes)+${k}`);
    expect(byBytes.bytes('hex', ascii(template.toString('hex'))).map((f) => f.encoding)).toContain('hex(bytes)');
    expect(byBytes.bytes('noise', noise(1 << 16))).toEqual([]);
  });
});

describe('PersonalDataSearch.text', () => {
  it('searches a string as UTF-8, and as Latin-1 bytes when it may be binary held as text', () => {
    expect(search.text('dom', `<li>姓名：${NAME}</li>`)).toMatchObject([{ label: 'name', encoding: 'UTF-8' }]);
    expect(search.text('binary string', `\x00\x01${gb.toString('latin1')}\xff`)).toMatchObject([{ label: 'name', encoding: 'GB18030', source: 'binary string (as Latin-1 bytes)' }]);
    expect(search.text('dom', '<li>姓名：皇*</li>')).toEqual([]);
  });
});

describe('PersonalDataSearch.folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pds-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads every file below the folder and names the one holding the datum', () => {
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    writeFileSync(join(dir, 'kiosk.sqlite'), noise(4096));
    writeFileSync(join(dir, 'a', 'b', 'kiosk.sqlite-wal'), planted(utf16));
    const { findings, files } = search.folder('data', dir);
    expect(files).toHaveLength(2);
    expect(findings).toMatchObject([{ label: 'name', encoding: 'UTF-16LE', source: `data/${join('a', 'b', 'kiosk.sqlite-wal')}`, offset: 37 }]);
    expect(absent.folder('data', dir).findings).toEqual([]);
  });
});

/** Built at run time and flattened by JSON.parse: a string of its own, held by nothing but the global. */
function plantOnGlobal(): void {
  (globalThis as Record<string, unknown>).plantedForPersonalDataSearch = { holder: JSON.parse(JSON.stringify(`${'x'.repeat(10)}${['皇甫', '霁翎'].join('')}${'y'.repeat(10)}`)) };
}

describe('PersonalDataSearch.heapSnapshot', () => {
  /** A snapshot in V8's layout: root → Window —citizen→ Object —name→ "姓名：<name>" (string). */
  const syntheticSnapshot = (name: string): string =>
    JSON.stringify({
      snapshot: {
        meta: {
          node_fields: ['type', 'name', 'id', 'self_size', 'edge_count', 'trace_node_id', 'detachedness'],
          node_types: [['hidden', 'array', 'string', 'object', 'code', 'closure', 'regexp', 'number', 'native', 'synthetic', 'concatenated string', 'sliced string', 'symbol', 'bigint', 'object shape'], 'string', 'number', 'number', 'number', 'number', 'number'],
          edge_fields: ['type', 'name_or_index', 'to_node'],
          edge_types: [['context', 'element', 'property', 'internal', 'hidden', 'shortcut', 'weak'], 'string_or_number', 'node'],
        },
        node_count: 4,
        edge_count: 3,
      },
      // type, name, id, self_size, edge_count, trace_node_id, detachedness
      nodes: [9, 0, 1, 0, 1, 0, 0, 3, 1, 3, 40, 1, 0, 0, 3, 2, 5, 32, 1, 0, 0, 2, 3, 7, 20, 0, 0, 0],
      // type, name_or_index, to_node (a node's index times node_fields)
      edges: [5, 4, 7, 2, 5, 14, 2, 6, 21],
      strings: ['', 'Window', 'Object', `\u59d3\u540d\uff1a${name}`, 'window', 'citizen', 'name'],
    });

  it('finds a string in a snapshot (whose JSON escapes every non-ASCII character) with what holds it', () => {
    const json = syntheticSnapshot(NAME).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`); // as V8 writes it
    expect(json).not.toContain(NAME);
    const found = search.heapSnapshot('renderer heap', json);
    expect(found).toMatchObject([{ label: 'name', encoding: 'UTF-8', source: 'renderer heap string #3', offset: 9 }]);
    expect(found[0]!.retainedBy).toEqual([expect.stringMatching(/\.window → Window \(object\) \.citizen → Object \(object\) \.name → 姓名：皇甫霁翎 \(string\)$/)]);
    expect(absent.heapSnapshot('renderer heap', json)).toEqual([]);
  });

  it('finds a string planted in this process in a real V8 heap snapshot, held by the global that keeps it', async () => {
    plantOnGlobal();
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of getHeapSnapshot()) chunks.push(chunk as Buffer);
      const found = search.heapSnapshot('test heap', Buffer.concat(chunks).toString('utf8'));
      const held = found.filter((f) => f.retainedBy?.some((h) => h.startsWith('(root) .2 → global (object) .plantedForPersonalDataSearch → Object (object) .holder → ')));
      expect(held, describeFindings(found)).toHaveLength(1);
      expect(held[0]).toMatchObject({ label: 'name', encoding: 'UTF-8', offset: 10 });
    } finally {
      delete (globalThis as Record<string, unknown>).plantedForPersonalDataSearch;
    }
  }, 60_000);
});
