/**
 * A small reader of the PDF files the kiosk prints (issue 17 §1, §9: the simulator shows what was printed):
 * indirect objects found by scanning for `n g obj … endobj` (PDF 32000-1 §7.3.10), their dictionary text and
 * their stream bytes, FlateDecode inflated (node:zlib). Enough for pdfkit's and pdf-lib's output and simple
 * hand-made files: no object streams, no cross-reference streams, no encryption. Never throws on a damaged
 * file: what cannot be read is left out.
 */
import { inflateSync } from 'node:zlib';

export interface PdfObject {
  num: number;
  /** The object's text up to `stream` (or all of it), in latin1 so every byte is one char. */
  head: string;
  /** The stream's decoded bytes, where it has a stream it could decode. */
  stream?: Uint8Array;
}

export const latin1 = (bytes: Uint8Array): string => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
};

const OBJECT_START = /(\d+)\s+(\d+)\s+obj\b/g;

function directLength(head: string): number | undefined {
  const m = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(head);
  return m ? Number(m[1]) : undefined;
}

function decodeStream(head: string, raw: Uint8Array): Uint8Array | undefined {
  const filters = /\/Filter\s*(\[[^\]]*\]|\/\w+)/.exec(head)?.[1] ?? '';
  const names = filters.match(/\/\w+/g) ?? [];
  let data = raw;
  for (const name of names) {
    if (name !== '/FlateDecode' && name !== '/Fl') return undefined; // DCT images and the like: not text
    try {
      data = new Uint8Array(inflateSync(data));
    } catch {
      return undefined;
    }
  }
  return data;
}

export function readPdfObjects(pdf: Uint8Array): Map<number, PdfObject> {
  const text = latin1(pdf);
  const objects = new Map<number, PdfObject>();
  OBJECT_START.lastIndex = 0;
  for (let m = OBJECT_START.exec(text); m; m = OBJECT_START.exec(text)) {
    const num = Number(m[1]);
    const bodyStart = m.index + m[0].length;
    const end = text.indexOf('endobj', bodyStart);
    if (end < 0) break;
    const streamAt = text.slice(bodyStart, end).search(/\bstream\r?\n/);
    if (streamAt < 0) {
      objects.set(num, { num, head: text.slice(bodyStart, end) });
      OBJECT_START.lastIndex = end;
      continue;
    }
    const head = text.slice(bodyStart, bodyStart + streamAt);
    const eol = text.indexOf('\n', bodyStart + streamAt) + 1;
    const declared = directLength(head);
    const dataEnd = declared !== undefined && eol + declared <= pdf.length ? eol + declared : text.indexOf('endstream', eol);
    const stream = decodeStream(head, pdf.subarray(eol, dataEnd < 0 ? eol : dataEnd));
    objects.set(num, { num, head, ...(stream && { stream }) });
    const after = text.indexOf('endobj', Math.max(eol, dataEnd));
    if (after < 0) break;
    OBJECT_START.lastIndex = after;
  }
  return objects;
}

/** `/Key 12 0 R` → 12. */
export function refOf(dict: string, key: string): number | undefined {
  const m = new RegExp(`/${key}\\s+(\\d+)\\s+\\d+\\s+R`).exec(dict);
  return m ? Number(m[1]) : undefined;
}

/** `/Key [1 0 R 2 0 R]` or `/Key 1 0 R` → [1, 2]. */
export function refsOf(dict: string, key: string): number[] {
  const arr = new RegExp(`/${key}\\s*\\[([^\\]]*)\\]`).exec(dict);
  if (arr) return [...arr[1]!.matchAll(/(\d+)\s+\d+\s+R/g)].map((x) => Number(x[1]));
  const one = refOf(dict, key);
  return one === undefined ? [] : [one];
}

/** The text of the dictionary `/Key << … >>` (balanced), or of the object it refers to. */
export function subDict(dict: string, key: string, objects: Map<number, PdfObject>): string | undefined {
  const at = new RegExp(`/${key}\\s*<<`).exec(dict);
  if (at) {
    let depth = 0;
    for (let i = at.index + at[0].length - 2; i < dict.length - 1; i++) {
      if (dict[i] === '<' && dict[i + 1] === '<') {
        depth++;
        i++;
      } else if (dict[i] === '>' && dict[i + 1] === '>') {
        depth--;
        i++;
        if (depth === 0) return dict.slice(at.index + at[0].length, i - 1);
      }
    }
    return undefined;
  }
  const ref = refOf(dict, key);
  return ref === undefined ? undefined : objects.get(ref)?.head;
}

export const isPageDict = (head: string): boolean => /\/Type\s*\/Page(?![A-Za-z])/.test(head);

/** The page objects in reading order: the page tree from the catalog's /Pages, else file order. */
export function pageObjects(objects: Map<number, PdfObject>): PdfObject[] {
  const catalog = [...objects.values()].find((o) => /\/Type\s*\/Catalog\b/.test(o.head));
  const root = catalog && refOf(catalog.head, 'Pages');
  const out: PdfObject[] = [];
  const seen = new Set<number>();
  const walk = (num: number): void => {
    const o = objects.get(num);
    if (!o || seen.has(num)) return;
    seen.add(num);
    if (isPageDict(o.head)) out.push(o);
    else for (const kid of refsOf(o.head, 'Kids')) walk(kid);
  };
  if (root !== undefined) walk(root);
  return out.length > 0 ? out : [...objects.values()].filter((o) => isPageDict(o.head));
}

/** Sheets of a one-sided job: the PDF's page objects (`/Type /Page`). */
export function countPdfPages(pdf: Uint8Array): number {
  return latin1(pdf).match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
}
