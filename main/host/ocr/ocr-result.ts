/**
 * Tesseract's page tree (blocks → paragraphs → lines → words, tesseract.js `blocks` output) flattened to the
 * lines and words the field extraction reads (ocr-types.ts), confidences scaled to 0–1, empty lines dropped.
 */
import type { OcrBox, OcrLine } from './ocr-types';

interface TessBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
interface TessWord {
  text: string;
  confidence: number;
  bbox: TessBox;
}
interface TessLine {
  text: string;
  confidence: number;
  bbox: TessBox;
  words?: TessWord[];
}
export interface TessPage {
  text?: string | null;
  confidence?: number | null;
  blocks?: Array<{ paragraphs?: Array<{ lines?: TessLine[] }> }> | null;
}

const box = (b: TessBox): OcrBox => ({ x0: b.x0, y0: b.y0, x1: b.x1, y1: b.y1 });
const unit = (c: number): number => Math.max(0, Math.min(1, c / 100));

export function pageLines(page: TessPage): OcrLine[] {
  const lines: OcrLine[] = [];
  for (const block of page.blocks ?? []) {
    for (const paragraph of block.paragraphs ?? []) {
      for (const line of paragraph.lines ?? []) {
        const text = line.text.trim();
        if (text === '') continue;
        const words = (line.words ?? []).filter((w) => w.text.trim() !== '').map((w) => ({ text: w.text.trim(), confidence: unit(w.confidence), bbox: box(w.bbox) }));
        lines.push({ text, confidence: unit(line.confidence), bbox: box(line.bbox), words });
      }
    }
  }
  return lines;
}

export function pageConfidence(page: TessPage, lines: readonly OcrLine[]): number {
  return lines.length === 0 ? 0 : unit(page.confidence ?? 0);
}
