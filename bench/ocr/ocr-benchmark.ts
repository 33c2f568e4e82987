/**
 * The OCR benchmark rows (issue 17 §4), for the one table (bench/run.ts) or alone (bench/ocr/run-ocr.ts):
 * - time per A4 page, cold (the first page after the engine is created: worker, wasm and traineddata load) and
 *   warm (every later page of the set), beside Debian's native `tesseract` CLI on the same images in the same
 *   run (OMP_THREAD_LIMIT=1, one process per page, the same traineddata, languages, PSM and dpi);
 * - the host's event-loop delay while pages are read (the work is in tesseract.js's worker_thread);
 * - character accuracy over the fixed set of rendered pages (test/support/ocr-pages), clean and degraded apart,
 *   ours and the CLI's, both measured on the text put back in the paper's rows (page-rows.ts);
 * - key fields read exactly right, and the misread credit codes and ID numbers the check characters caught.
 * BENCH_OCR_PAGES limits the set (default all 24 pages).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AdjustableClock } from '../../main/host/clock/adjustable-clock';
import { DEBIAN_TESSDATA, DEFAULT_LANGUAGES } from '../../main/host/ocr/ocr-engine-options';
import { createOcrEngine, DEFAULT_PARAMETERS } from '../../main/host/ocr/ocr-engine';
import { pageRows, rowText } from '../../main/host/ocr/page-rows';
import { readDocument } from '../../main/host/ocr/read-document';
import { characterAccuracy } from '../../test/support/ocr-pages/char-accuracy';
import { ocrTestPageSet, type OcrTestPage } from '../../test/support/ocr-pages/ocr-page-set';
import { ms, summarize, type Row } from '../stats';
import { scoreFields, type FieldScore } from './field-scores';
import { nativeTesseract } from './native-tesseract';

interface PageOutcome {
  page: OcrTestPage;
  oursMs: number;
  nativeMs: number;
  oursAccuracy: number;
  nativeAccuracy: number;
  scores: FieldScore[];
}

const TICK_MS = 20;

/** Runs `work` with a timer ticking every TICK_MS on this thread, recording how late each tick fired. */
async function whileTicking<T>(work: () => Promise<T>, lateness: number[]): Promise<T> {
  let last = performance.now();
  const tick = setInterval(() => {
    const now = performance.now();
    lateness.push(Math.max(0, now - last - TICK_MS));
    last = now;
  }, TICK_MS);
  try {
    return await work();
  } finally {
    clearInterval(tick);
  }
}

const pct = (v: number): string => `${(v * 100).toFixed(1)}%`;
const mean = (v: number[]): number => v.reduce((a, b) => a + b, 0) / v.length;

export async function ocrRows(): Promise<Row[]> {
  const limit = Number(process.env.BENCH_OCR_PAGES ?? Infinity);
  const pages = ocrTestPageSet().slice(0, limit);
  const dir = mkdtempSync(join(tmpdir(), 'bench-ocr-'));
  const langs = DEFAULT_LANGUAGES.join('+');
  const psm = DEFAULT_PARAMETERS.tessedit_pageseg_mode as string;
  const engine = createOcrEngine({ clock: new AdjustableClock() });
  const lateness: number[] = [];
  const outcomes: PageOutcome[] = [];
  try {
    for (const page of pages) {
      // Only while our page is read: the CLI baseline below is spawned synchronously and blocks on purpose.
      const r = await whileTicking(() => engine.recognize(page.image), lateness);
      const native = nativeTesseract(page.image, page.mime === 'image/png' ? 'png' : 'jpg', dir, DEBIAN_TESSDATA, langs, psm);
      const truth = page.truthLines.join('\n');
      outcomes.push({
        page,
        oursMs: r.ms,
        nativeMs: native.ms,
        oursAccuracy: characterAccuracy(rowText(pageRows(r.lines)), truth),
        nativeAccuracy: characterAccuracy(rowText(pageRows(native.lines)), truth),
        scores: scoreFields(readDocument(page.truth.kind, r.lines), page.truth),
      });
    }
  } finally {
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const [first, ...rest] = outcomes as [PageOutcome, ...PageOutcome[]];
  const warm = summarize(rest.map((o) => o.oursMs));
  const nativeAll = summarize(outcomes.map((o) => o.nativeMs));
  const rows: Row[] = [];
  const bench = `OCR per A4 page (${outcomes.length} pages 1240×1754, ${langs}, PSM ${psm}, tesseract.js worker)`;
  rows.push({ benchmark: bench, measure: 'cold (1st page after start)', result: ms(first.oursMs), baseline: `native CLI same page ${ms(first.nativeMs)}`, target: '', verdict: `${(first.oursMs / first.nativeMs).toFixed(2)}×` });
  rows.push({ benchmark: '', measure: 'warm p50 / p95', result: `${ms(warm.p50)} / ${ms(warm.p95)}`, baseline: `native CLI p50 / p95 ${ms(nativeAll.p50)} / ${ms(nativeAll.p95)} (OMP_THREAD_LIMIT=1)`, target: 'warm ≤ native', verdict: `${(warm.p50 / nativeAll.p50).toFixed(2)}× ${warm.p50 <= nativeAll.p50 ? 'met' : 'MISSED'}` });
  const late = summarize(lateness);
  rows.push({ benchmark: '', measure: `host ${TICK_MS} ms timer lateness max`, result: ms(late.max), baseline: `p99 ${ms(late.p99)} (${lateness.length} ticks while reading)`, target: 'host never blocks', verdict: '' });
  for (const clean of [true, false]) {
    const set = outcomes.filter((o) => o.page.clean === clean);
    if (set.length === 0) continue;
    const ours = set.map((o) => o.oursAccuracy);
    const nat = set.map((o) => o.nativeAccuracy);
    rows.push({
      benchmark: `OCR character accuracy, ${clean ? 'clean' : 'degraded'} pages (${set.length})`,
      measure: 'mean (min)',
      result: `${pct(mean(ours))} (${pct(Math.min(...ours))})`,
      baseline: `native CLI ${pct(mean(nat))} (${pct(Math.min(...nat))})`,
      target: clean ? '≥ 98%' : '',
      verdict: clean ? (mean(ours) >= 0.98 ? 'met' : 'MISSED') : '',
    });
    const scores = set.flatMap((o) => o.scores);
    const right = scores.filter((s) => s.right).length;
    const wrongFlagged = scores.filter((s) => !s.right && s.flagged).length;
    rows.push({ benchmark: '', measure: 'key fields exactly right', result: `${right}/${scores.length}`, baseline: `of the ${scores.length - right} wrong, ${wrongFlagged} flagged to confirm`, target: '', verdict: '' });
  }
  const numbers = outcomes.flatMap((o) => o.scores.filter((s) => s.number));
  const count = (k: FieldScore['number']): number => numbers.filter((s) => s.number === k).length;
  const misread = count('misreadCaught') + count('misreadPassed');
  rows.push({
    benchmark: 'OCR misread credit codes / ID numbers caught by the check character',
    measure: 'caught / misread',
    result: `${count('misreadCaught')}/${misread}`,
    baseline: `${numbers.length} numbers: ${count('right')} right, ${count('missing')} not found`,
    target: 'all',
    verdict: count('misreadPassed') === 0 ? 'met' : 'MISSED',
  });
  return rows;
}
