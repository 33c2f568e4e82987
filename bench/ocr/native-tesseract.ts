/**
 * The baseline of the OCR benchmark (issue 17 §4): Debian's native `tesseract` CLI, one process per page as a
 * script would run it, single-threaded (OMP_THREAD_LIMIT=1), the same traineddata, languages, page segmentation
 * and dpi as the engine. Its TSV output gives word boxes, so its text is put in the paper's rows the same way
 * (main/host/ocr/page-rows.ts) before its accuracy is measured.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OcrLine } from '../../main/host/ocr/ocr-types';

export interface NativeRun {
  ms: number;
  lines: OcrLine[];
}

export function nativeTesseract(image: Uint8Array, ext: string, dir: string, tessdata: string, languages: string, psm: string): NativeRun {
  const file = join(dir, `page.${ext}`);
  writeFileSync(file, image);
  const started = performance.now();
  const r = spawnSync('tesseract', [file, '-', '-l', languages, '--oem', '1', '--psm', psm, '--dpi', '150', '--tessdata-dir', tessdata, 'tsv'], {
    env: { ...process.env, OMP_THREAD_LIMIT: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`tesseract failed: ${r.stderr}`);
  return { ms, lines: tsvLines(r.stdout) };
}

/** TSV columns: level page_num block_num par_num line_num word_num left top width height conf text. */
export function tsvLines(tsv: string): OcrLine[] {
  const lines = new Map<string, OcrLine>();
  for (const row of tsv.split('\n').slice(1)) {
    const c = row.split('\t');
    if (c.length < 12 || c[0] !== '5' || (c[11] ?? '').trim() === '') continue;
    const key = c.slice(1, 5).join('.');
    const [left, top, width, height] = c.slice(6, 10).map(Number) as [number, number, number, number];
    const word = { text: (c[11] as string).trim(), confidence: Math.max(0, Number(c[10])) / 100, bbox: { x0: left, y0: top, x1: left + width, y1: top + height } };
    const line = lines.get(key);
    if (!line) lines.set(key, { text: word.text, confidence: word.confidence, bbox: { ...word.bbox }, words: [word] });
    else {
      line.words.push(word);
      line.text += ` ${word.text}`;
      line.bbox = { x0: Math.min(line.bbox.x0, word.bbox.x0), y0: Math.min(line.bbox.y0, word.bbox.y0), x1: Math.max(line.bbox.x1, word.bbox.x1), y1: Math.max(line.bbox.y1, word.bbox.y1) };
      line.confidence = Math.min(line.confidence, word.confidence);
    }
  }
  return [...lines.values()];
}
