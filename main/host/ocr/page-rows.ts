/**
 * Tesseract's lines put back into the rows of the paper (issue 17 §4): a form prints a label and its value side by
 * side, but Tesseract's layout analysis often reads the labels as one column and the values as another, or a
 * table cell by cell. Lines whose vertical extents overlap (after undoing the page's tilt, measured from the
 * lines' own words) form one row, left to right. Each row keeps, per character, the confidence of the word it
 * came from, and a tab where the paper had a wide gap (between a label and its value, or two cells).
 */
import type { OcrLine, OcrWord } from './ocr-types';

export interface PageRow {
  /** NFKC text without spaces; `\t` marks a wide gap. */
  text: string;
  /** Per character of `text`, 0–1. */
  confidences: number[];
  /** The row's top on the straightened page (for ordering). */
  top: number;
}

/** A gap wider than this many line heights between two words of a row is a gap between cells. */
const WIDE_GAP_LINE_HEIGHTS = 1.2;
/** Lines overlapping by at least this share of the lower one's height are on one row. */
const SAME_ROW_OVERLAP = 0.4;

const height = (l: OcrLine): number => Math.max(1, l.bbox.y1 - l.bbox.y0);
const centre = (w: { bbox: OcrWord['bbox'] }): [number, number] => [(w.bbox.x0 + w.bbox.x1) / 2, (w.bbox.y0 + w.bbox.y1) / 2];

/** The page's tilt as dy/dx: the median over lines long enough to show it. */
export function pageSlope(lines: readonly OcrLine[]): number {
  const slopes: number[] = [];
  for (const l of lines) {
    if (l.words.length < 2) continue;
    const [x0, y0] = centre(l.words[0] as OcrWord);
    const [x1, y1] = centre(l.words[l.words.length - 1] as OcrWord);
    if (x1 - x0 > 6 * height(l)) slopes.push((y1 - y0) / (x1 - x0));
  }
  if (slopes.length === 0) return 0;
  slopes.sort((a, b) => a - b);
  return slopes[Math.floor(slopes.length / 2)] as number;
}

interface Placed {
  line: OcrLine;
  top: number;
  bottom: number;
}

/** Words of a line, or the line as one word when Tesseract gave none. */
const wordsOf = (l: OcrLine): OcrWord[] => (l.words.length > 0 ? l.words : [{ text: l.text, confidence: l.confidence, bbox: l.bbox }]);

export function pageRows(lines: readonly OcrLine[]): PageRow[] {
  const slope = pageSlope(lines);
  const placed: Placed[] = lines.map((line) => {
    const shift = slope * ((line.bbox.x0 + line.bbox.x1) / 2);
    // A tilted line's box is taller than its text by the tilt over its width.
    const tiltHeight = Math.abs(slope) * (line.bbox.x1 - line.bbox.x0);
    const inset = Math.min(tiltHeight / 2, height(line) / 3);
    return { line, top: line.bbox.y0 - shift + inset, bottom: line.bbox.y1 - shift - inset };
  });
  placed.sort((a, b) => a.top + a.bottom - (b.top + b.bottom));
  const rows: Placed[][] = [];
  for (const p of placed) {
    const row = rows.find((r) =>
      r.some((q) => Math.min(q.bottom, p.bottom) - Math.max(q.top, p.top) >= SAME_ROW_OVERLAP * Math.min(q.bottom - q.top, p.bottom - p.top)),
    );
    if (row) row.push(p);
    else rows.push([p]);
  }
  return rows
    .map((row) => {
      row.sort((a, b) => a.line.bbox.x0 - b.line.bbox.x0);
      let text = '';
      const confidences: number[] = [];
      let lastX1: number | null = null;
      let lineHeight = 0;
      for (const { line } of row) {
        lineHeight = Math.max(lineHeight, height(line));
        for (const w of wordsOf(line)) {
          if (lastX1 !== null && w.bbox.x0 - lastX1 > WIDE_GAP_LINE_HEIGHTS * height(line) && !text.endsWith('\t')) {
            text += '\t';
            confidences.push(1);
          }
          for (const ch of w.text.normalize('NFKC').replace(/\s+/g, '')) {
            text += ch;
            confidences.push(w.confidence);
          }
          lastX1 = w.bbox.x1;
        }
      }
      return { text, confidences, top: Math.min(...row.map((p) => p.top)) };
    })
    .filter((r) => r.text.replace(/\t/g, '') !== '')
    .sort((a, b) => a.top - b.top);
}

/** The page's text in the paper's reading order: rows top to bottom, cells apart by a space. */
export function rowText(rows: readonly PageRow[]): string {
  return rows.map((r) => r.text.replace(/\t/g, ' ')).join('\n');
}
