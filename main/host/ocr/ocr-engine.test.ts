/**
 * The OCR engine on real pages (issue 17 §4, §9): rendered papers of known text, clean and degraded, read by
 * tesseract.js with Debian's traineddata. Thresholds measured first (clean rows ≈ 95–98%, key fields exact).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createCanvas } from '@napi-rs/canvas';
import { afterAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../common/manual-clock';
import { characterAccuracy } from '../../../test/support/ocr-pages/char-accuracy';
import { ocrTestPage } from '../../../test/support/ocr-pages/ocr-page-set';
import { DEFAULT_PAGE_TIMEOUT_MS, createOcrEngine } from './ocr-engine';
import { OcrError } from './ocr-error';
import { pageRows, rowText } from './page-rows';
import { NOTHING_READ, readDocument } from './read-document';
import type { OcrProgress } from './ocr-types';

const clock = new ManualClock();
const engine = createOcrEngine({ clock });
afterAll(() => engine.close());

const blankPng = (): Uint8Array => {
  const c = createCanvas(400, 300);
  const ctx = c.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 400, 300);
  return new Uint8Array(c.encodeSync('png'));
};

const keyText = (fields: object, keys: string[]): string => keys.map((k) => (fields as Record<string, { value: string } | undefined>)[k]?.value ?? '').join('');

describe('OCR engine (tesseract.js, local traineddata)', () => {
  it('reads a clean business licence: page ≥ 93%, credit code checked, key fields ≥ 95%, progress reported, loop free', async () => {
    const page = ocrTestPage('licence-1', 'clean');
    const progress: OcrProgress[] = [];
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const r = await engine.recognize(page.image, { onProgress: (p) => progress.push(p) });
    loop.disable();
    expect(characterAccuracy(rowText(pageRows(r.lines)), page.truthLines.join('\n'))).toBeGreaterThanOrEqual(0.93);
    const reading = readDocument('businessLicence', r.lines);
    if (reading.kind !== 'businessLicence' || page.truth.kind !== 'businessLicence') throw new Error('kind');
    expect(reading.fields.creditCode).toMatchObject({ value: page.truth.creditCode, checked: 'valid', needsConfirmation: false });
    expect(reading.fields.name?.value).toBe(page.truth.name);
    const truth = `${page.truth.creditCode}${page.truth.name}${page.truth.legalRepresentative}`;
    expect(characterAccuracy(keyText(reading.fields, ['creditCode', 'name', 'legalRepresentative']), truth)).toBeGreaterThanOrEqual(0.95);
    // The cold page reports the worker's start-up, then recognition, up to 1.
    expect(progress.map((p) => p.status)).toEqual(expect.arrayContaining(['loading language traineddata', 'recognizing text']));
    expect(progress.filter((p) => p.status === 'recognizing text').at(-1)?.progress).toBe(1);
    expect(progress.every((p) => p.progress >= 0 && p.progress <= 1)).toBe(true);
    // Tesseract ran in its worker_thread: this thread's loop kept turning (a page takes seconds).
    expect(loop.max / 1e6).toBeLessThan(500);
  });

  it('reads a clean household register page, and its check digit catches a corrupted ID number', async () => {
    const page = ocrTestPage('register-2', 'clean');
    const r = await engine.recognize(page.image);
    if (page.truth.kind !== 'householdRegister') throw new Error('kind');
    expect(characterAccuracy(rowText(pageRows(r.lines)), page.truthLines.join('\n'))).toBeGreaterThanOrEqual(0.93);
    const reading = readDocument('householdRegister', r.lines);
    if (reading.kind !== 'householdRegister') throw new Error('kind');
    expect(reading.fields.idNumber).toMatchObject({ value: page.truth.idNumber, checked: 'valid' });
    expect(reading.fields.name?.value).toBe(page.truth.name);

    const id = page.truth.idNumber;
    const wrong = `${id.slice(0, 10)}${(Number(id[10]) + 3) % 10}${id.slice(11)}`;
    const corrupted = r.lines.map((l) => ({ ...l, text: l.text.replace(id, wrong), words: l.words.map((w) => ({ ...w, text: w.text.replace(id, wrong) })) }));
    expect(corrupted.some((l) => l.words.some((w) => w.text.includes(wrong)))).toBe(true);
    const caught = readDocument('householdRegister', corrupted);
    if (caught.kind !== 'householdRegister') throw new Error('kind');
    expect(caught.fields.idNumber).toMatchObject({ value: wrong, checked: 'invalid', needsConfirmation: true });
  });

  it('reads a tilted, blurred register page well enough, and never passes a wrong ID number as checked', async () => {
    const page = ocrTestPage('register-2', 'tilt-2-blur');
    const r = await engine.recognize(page.image);
    if (page.truth.kind !== 'householdRegister') throw new Error('kind');
    expect(characterAccuracy(rowText(pageRows(r.lines)), page.truthLines.join('\n'))).toBeGreaterThanOrEqual(0.85);
    const reading = readDocument('householdRegister', r.lines);
    if (reading.kind !== 'householdRegister') throw new Error('kind');
    const id = reading.fields.idNumber;
    expect(id).toBeDefined();
    if (id?.value !== page.truth.idNumber) expect(id?.checked).toBe('invalid');
  });

  it('a blank page reads as nothing: no lines, no fields, a bilingual message', async () => {
    const r = await engine.recognize(blankPng());
    expect(r.lines).toEqual([]);
    expect(r.text).toBe('');
    const reading = readDocument('householdRegister', r.lines);
    expect(reading.fields).toEqual({});
    expect(reading.message).toBe(NOTHING_READ);
  });

  it('refuses bytes that are not PNG or JPEG with a clear error, and keeps working', async () => {
    await expect(engine.recognize(new Uint8Array([1, 2, 3, 4, 5]))).rejects.toMatchObject({ code: 'invalidImage', message: expect.stringContaining(' / ') });
    await expect(engine.recognize(blankPng())).resolves.toMatchObject({ lines: [] });
  });

  it('a page over its time limit fails with timeout, and the next page gets a new worker', async () => {
    const page = ocrTestPage('licence-2', 'clean');
    let reading!: () => void;
    const started = new Promise<void>((resolve) => (reading = resolve));
    const slow = engine.recognize(page.image, { onProgress: (p) => p.status === 'recognizing text' && reading() });
    const queued = engine.recognize(blankPng());
    await started;
    clock.advance(DEFAULT_PAGE_TIMEOUT_MS);
    await expect(slow).rejects.toBeInstanceOf(OcrError);
    await expect(slow).rejects.toMatchObject({ code: 'timeout' });
    await expect(queued).resolves.toMatchObject({ lines: [] });
  });

  it('an aborted page still queued is cancelled without reaching the worker', async () => {
    const abort = new AbortController();
    const first = engine.recognize(blankPng());
    const second = engine.recognize(blankPng(), { signal: abort.signal });
    abort.abort();
    await expect(first).resolves.toMatchObject({ lines: [] });
    await expect(second).rejects.toMatchObject({ code: 'canceled' });
  });
});
