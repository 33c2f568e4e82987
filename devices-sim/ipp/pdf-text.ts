/**
 * The text of a PDF as a reader extracts it (issue 17 §1, §9: a test checks the certificate the simulator
 * received carries the citizen's name and ID number). Pure JavaScript: pdf-objects.ts finds the pages and
 * inflates their content streams; this reads the text operators (PDF 32000-1 §9.4: Tf, Tj, TJ, ', ", and
 * Td, TD, T* and Tm for line breaks), literal and hex strings, and decodes each font's codes through its ToUnicode
 * CMap (to-unicode.ts; Identity-H CJK subsets as pdfkit embeds them), or WinAnsi for a simple font without one.
 * Pages are joined with a form feed, as pdftotext does; lines end in "\n", runs of spaces are kept as one.
 */
import { latin1, pageObjects, readPdfObjects, refOf, refsOf, subDict, type PdfObject } from './pdf-objects';
import { parseToUnicode, type CodeMap } from './to-unicode';

type Token = { kind: 'op'; value: string } | { kind: 'num'; value: number } | { kind: 'str'; value: Uint8Array } | { kind: 'name'; value: string } | { kind: 'array'; value: Token[] } | { kind: 'other' };

const WIN_ANSI = new TextDecoder('windows-1252');
/** A TJ displacement (thousandths of an em) at least this far left-to-right is a word space [C: pdftotext's rule of thumb]. */
const SPACE_GAP = -200;

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
const isDelimiter = (c: number): boolean => '()<>[]{}/%'.includes(String.fromCharCode(c));

class Lexer {
  pos = 0;
  constructor(private readonly b: Uint8Array) {}

  next(): Token | null {
    const b = this.b;
    while (this.pos < b.length) {
      const c = b[this.pos]!;
      if (isSpace(c)) this.pos++;
      else if (c === 0x25) while (this.pos < b.length && b[this.pos] !== 0x0a && b[this.pos] !== 0x0d) this.pos++;
      else break;
    }
    if (this.pos >= b.length) return null;
    const c = b[this.pos]!;
    if (c === 0x28) return { kind: 'str', value: this.literal() };
    if (c === 0x3c && b[this.pos + 1] === 0x3c) {
      this.pos += 2;
      return { kind: 'other' };
    }
    if (c === 0x3e && b[this.pos + 1] === 0x3e) {
      this.pos += 2;
      return { kind: 'other' };
    }
    if (c === 0x3c) return { kind: 'str', value: this.hex() };
    if (c === 0x5b) {
      this.pos++;
      const items: Token[] = [];
      for (let t = this.next(); t && !(t.kind === 'op' && t.value === ']'); t = this.next()) items.push(t);
      return { kind: 'array', value: items };
    }
    if (c === 0x5d) {
      this.pos++;
      return { kind: 'op', value: ']' };
    }
    if (c === 0x2f) {
      this.pos++;
      return { kind: 'name', value: this.word() };
    }
    if (c === 0x7b || c === 0x7d) {
      this.pos++;
      return { kind: 'other' };
    }
    const word = this.word();
    if (word === '') {
      this.pos++;
      return { kind: 'other' };
    }
    const n = Number(word);
    if (!Number.isNaN(n) && /^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) return { kind: 'num', value: n };
    if (word === 'BI') this.skipInlineImage();
    return { kind: 'op', value: word };
  }

  private word(): string {
    const start = this.pos;
    while (this.pos < this.b.length && !isSpace(this.b[this.pos]!) && !isDelimiter(this.b[this.pos]!)) this.pos++;
    return latin1(this.b.subarray(start, this.pos));
  }

  private literal(): Uint8Array {
    const b = this.b;
    const out: number[] = [];
    let depth = 0;
    this.pos++;
    while (this.pos < b.length) {
      const c = b[this.pos++]!;
      if (c === 0x5c) {
        const e = b[this.pos++]!;
        const simple: Record<number, number> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c, 0x28: 0x28, 0x29: 0x29, 0x5c: 0x5c };
        if (e in simple) out.push(simple[e]!);
        else if (e >= 0x30 && e <= 0x37) {
          let v = e - 0x30;
          for (let k = 0; k < 2 && b[this.pos]! >= 0x30 && b[this.pos]! <= 0x37; k++) v = v * 8 + (b[this.pos++]! - 0x30);
          out.push(v & 0xff);
        } else if (e === 0x0d) {
          if (b[this.pos] === 0x0a) this.pos++;
        } else if (e !== 0x0a) out.push(e);
      } else if (c === 0x28) {
        depth++;
        out.push(c);
      } else if (c === 0x29) {
        if (depth === 0) break;
        depth--;
        out.push(c);
      } else out.push(c);
    }
    return Uint8Array.from(out);
  }

  private hex(): Uint8Array {
    const end = this.b.indexOf(0x3e, this.pos);
    const digits = latin1(this.b.subarray(this.pos + 1, end < 0 ? this.b.length : end)).replace(/[^0-9a-fA-F]/g, '');
    this.pos = end < 0 ? this.b.length : end + 1;
    const padded = digits.length % 2 === 1 ? `${digits}0` : digits;
    return Uint8Array.from(padded.match(/../g) ?? [], (h) => Number.parseInt(h, 16));
  }

  /** BI … ID <binary> EI: the binary part could look like anything. */
  private skipInlineImage(): void {
    const text = latin1(this.b.subarray(this.pos));
    const id = /\sID\s/.exec(text);
    if (!id) return;
    const ei = /\sEI(?=[\s]|$)/.exec(text.slice(id.index + id[0].length));
    this.pos += id.index + id[0].length + (ei ? ei.index + ei[0].length : text.length);
  }
}

function decode(bytes: Uint8Array, font: CodeMap | undefined): string {
  if (!font) return WIN_ANSI.decode(bytes);
  let s = '';
  const n = font.bytesPerCode;
  for (let i = 0; i + n <= bytes.length; i += n) {
    let code = 0;
    for (let k = 0; k < n; k++) code = code * 256 + bytes[i + k]!;
    s += font.map.get(code) ?? (n === 1 ? WIN_ANSI.decode(bytes.subarray(i, i + 1)) : '');
  }
  return s;
}

function fontsOf(page: PdfObject, objects: Map<number, PdfObject>): Map<string, CodeMap | undefined> {
  const fonts = new Map<string, CodeMap | undefined>();
  const resources = subDict(page.head, 'Resources', objects) ?? '';
  const fontDict = subDict(resources, 'Font', objects) ?? '';
  for (const m of fontDict.matchAll(/\/([^\s/<>[\]()]+)\s+(\d+)\s+\d+\s+R/g)) {
    const font = objects.get(Number(m[2]));
    const cmapRef = font && refOf(font.head, 'ToUnicode');
    const cmap = cmapRef === undefined ? undefined : objects.get(cmapRef)?.stream;
    fonts.set(m[1]!, cmap ? parseToUnicode(latin1(cmap)) : font && /\/Subtype\s*\/Type0/.test(font.head) ? { bytesPerCode: 2, map: new Map() } : undefined);
  }
  return fonts;
}

function pageText(content: Uint8Array, fonts: Map<string, CodeMap | undefined>): string {
  const lexer = new Lexer(content);
  const operands: Token[] = [];
  let font: CodeMap | undefined;
  let out = '';
  let lastY: number | undefined;
  const newline = (): void => {
    if (out.length > 0 && !out.endsWith('\n')) out += '\n';
  };
  const show = (t: Token | undefined): void => {
    if (t?.kind === 'str') out += decode(t.value, font);
  };
  for (let t = lexer.next(); t; t = lexer.next()) {
    if (t.kind !== 'op') {
      operands.push(t);
      continue;
    }
    const num = (i: number): number => {
      const o = operands[operands.length - i];
      return o?.kind === 'num' ? o.value : 0;
    };
    switch (t.value) {
      case 'Tf': {
        const name = operands[operands.length - 2];
        if (name?.kind === 'name') font = fonts.get(name.value);
        break;
      }
      case 'Tj':
        show(operands[operands.length - 1]);
        break;
      case "'":
      case '"':
        newline();
        show(operands[operands.length - 1]);
        break;
      case 'TJ': {
        const arr = operands[operands.length - 1];
        if (arr?.kind === 'array') for (const item of arr.value) item.kind === 'num' ? item.value <= SPACE_GAP && (out += ' ') : show(item);
        break;
      }
      case 'Td':
      case 'TD':
        if (num(1) !== 0) newline();
        else if (num(2) > 0 && out.length > 0 && !out.endsWith(' ') && !out.endsWith('\n')) out += ' ';
        break;
      case 'T*':
        newline();
        break;
      case 'Tm':
        if (lastY !== undefined && num(1) !== lastY) newline();
        lastY = num(1);
        break;
      case 'BT':
        break;
      case 'ET':
        break;
      default:
        break;
    }
    operands.length = 0;
  }
  return out
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trimEnd())
    .join('\n')
    .replace(/\n+$/, '');
}

/** The PDF's text, pages joined with "\f"; "" for a file this reader cannot make out. */
export function extractPdfText(pdf: Uint8Array): string {
  const objects = readPdfObjects(pdf);
  return pageObjects(objects)
    .map((page) => {
      const fonts = fontsOf(page, objects);
      const parts = refsOf(page.head, 'Contents').map((n) => objects.get(n)?.stream ?? new Uint8Array(0));
      const content = new Uint8Array(parts.reduce((a, p) => a + p.length + 1, 0));
      let at = 0;
      for (const p of parts) {
        content.set(p, at);
        at += p.length + 1;
        content[at - 1] = 0x0a;
      }
      return pageText(content, fonts);
    })
    .join('\f');
}
