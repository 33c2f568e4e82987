/**
 * ToUnicode CMaps (PDF 32000-1 §9.10.3): the bfchar and bfrange sections that map a font's codes to
 * Unicode (UTF-16BE destinations, so a ligature maps to two letters and a CJK character outside the BMP to
 * a surrogate pair). pdfkit writes one for every embedded font, its CJK subsets included.
 */
export interface CodeMap {
  /** Bytes per code: 2 for Identity-H fonts (the codespace <0000><FFFF>), 1 for simple fonts. */
  bytesPerCode: number;
  map: Map<number, string>;
}

function utf16(hex: string): string {
  const units: number[] = [];
  for (let i = 0; i + 4 <= hex.length; i += 4) units.push(Number.parseInt(hex.slice(i, i + 4), 16));
  if (hex.length === 2) units.push(Number.parseInt(hex, 16));
  return String.fromCharCode(...units);
}

/** The destination of `code` in a range starting at `lo` whose first destination is `dst` (last unit increments). */
function offsetDestination(dst: string, by: number): string {
  if (dst.length === 0) return dst;
  return dst.slice(0, -1) + String.fromCharCode(dst.charCodeAt(dst.length - 1) + by);
}

const RANGE_LIMIT = 0x10000;

export function parseToUnicode(cmap: string): CodeMap {
  const map = new Map<number, string>();
  const space = /begincodespacerange\s*<([0-9a-fA-F]+)>/.exec(cmap);
  const bytesPerCode = space ? Math.max(1, space[1]!.length / 2) : 2;
  for (const section of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const pair of section[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g)) map.set(Number.parseInt(pair[1]!, 16), utf16(pair[2]!));
  }
  for (const section of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const range of section[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]*>|\[[^\]]*\])/g)) {
      const lo = Number.parseInt(range[1]!, 16);
      const hi = Math.min(Number.parseInt(range[2]!, 16), lo + RANGE_LIMIT);
      const target = range[3]!;
      if (target.startsWith('[')) {
        const list = [...target.matchAll(/<([0-9a-fA-F\s]*)>/g)].map((x) => utf16(x[1]!.replace(/\s+/g, '')));
        list.forEach((dst, i) => lo + i <= hi && map.set(lo + i, dst));
      } else {
        const first = utf16(target.slice(1, -1));
        for (let code = lo; code <= hi; code++) map.set(code, offsetDestination(first, code - lo));
      }
    }
  }
  return { bytesPerCode, map };
}
