/**
 * The kiosk's OCR engine (issue 17 §4; ARCHITECTURE.md §8.9): one tesseract.js worker, started on the first page
 * and kept warm for the next, reading one page at a time in the order asked. tesseract.js in Node runs Tesseract
 * (wasm) in a worker_thread (src/worker/node/spawnWorker.js: `new Worker(workerPath)`), so recognition never
 * holds the host's event loop; this thread only posts the image and receives the result. Everything is loaded
 * from local folders (ocr-engine-options.ts). Tesseract's progress reports reach the caller of the page being
 * read. A page has a time limit; a page over it, an aborted page and a worker that dies each stop the worker,
 * and the next page starts a new one.
 */
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { Worker as ThreadWorker } from 'node:worker_threads';
import Tesseract from 'tesseract.js';
import type { Clock, TimerHandle } from '../../../common/clock';
import { SILENT_LOGGER, type Logger } from '../../../common/logger';
import { DEBIAN_TESSDATA, DEFAULT_LANGUAGES, tesseractWorkerOptions } from './ocr-engine-options';
import { OcrError } from './ocr-error';
import { pageConfidence, pageLines, type TessPage } from './ocr-result';
import type { OcrEngine, OcrProgress, OcrRecognizeOptions, OcrResult } from './ocr-types';

export const DEFAULT_PAGE_TIMEOUT_MS = 60_000;
export const DEFAULT_START_TIMEOUT_MS = 60_000;
/**
 * Tesseract parameters for one photographed paper: sparse text (PSM 11: every piece of text wherever it is; the
 * layout analysis of PSM 3 drops or scrambles the cells of a ruled form), rows rebuilt after (page-rows.ts), words kept apart as
 * printed, 150 dpi as the test pages and a document camera's A4 frame roughly are.
 */
export const DEFAULT_PARAMETERS: Readonly<Record<string, string>> = { tessedit_pageseg_mode: '11', preserve_interword_spaces: '1', user_defined_dpi: '150' };

export interface OcrEngineOptions {
  clock: Clock;
  /** Folder of `<lang>.traineddata` files (uncompressed). Default: Debian's tessdata. */
  langPath?: string;
  languages?: readonly string[];
  log?: Logger;
  pageTimeoutMs?: number;
  startTimeoutMs?: number;
  parameters?: Readonly<Record<string, string>>;
  /** Let Tesseract straighten a tilted page before reading it (a second layout pass). */
  rotateAuto?: boolean;
}

interface LiveWorker {
  tess: Tesseract.Worker;
  thread: ThreadWorker;
  /** Set when the thread exits on its own; the page being read fails with it. */
  died: Promise<string>;
}

const PNG = [0x89, 0x50, 0x4e, 0x47];
const JPEG = [0xff, 0xd8, 0xff];
const startsWith = (b: Uint8Array, magic: number[]): boolean => magic.every((m, i) => b[i] === m);

export function createOcrEngine(options: OcrEngineOptions): OcrEngine {
  return new TesseractOcrEngine(options);
}

class TesseractOcrEngine implements OcrEngine {
  private readonly log: Logger;
  private readonly langPath: string;
  private readonly languages: readonly string[];
  private worker: Promise<LiveWorker> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  /** The progress listener of the page being read (pages are read one at a time). */
  private progress: ((p: OcrProgress) => void) | undefined;
  private closed = false;

  constructor(private readonly options: OcrEngineOptions) {
    this.log = (options.log ?? SILENT_LOGGER).child('ocr');
    this.langPath = options.langPath ?? DEBIAN_TESSDATA;
    this.languages = options.languages ?? DEFAULT_LANGUAGES;
  }

  recognize(image: Uint8Array, opts: OcrRecognizeOptions = {}): Promise<OcrResult> {
    if (this.closed) return Promise.reject(new OcrError('closed'));
    if (!(startsWith(image, PNG) || startsWith(image, JPEG))) return Promise.reject(new OcrError('invalidImage', 'not PNG or JPEG bytes'));
    const run = this.queue.then(() => this.readPage(image, opts));
    this.queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.stopWorker('closed');
  }

  private async readPage(image: Uint8Array, opts: OcrRecognizeOptions): Promise<OcrResult> {
    if (this.closed) throw new OcrError('closed');
    if (opts.signal?.aborted) throw new OcrError('canceled');
    const { clock } = this.options;
    const started = clock.elapsedMs();
    this.progress = opts.onProgress;
    let timer: TimerHandle | undefined;
    let onAbort: (() => void) | undefined;
    try {
      const stopped = new Promise<never>((_, reject) => {
        timer = clock.setTimer(this.options.pageTimeoutMs ?? DEFAULT_PAGE_TIMEOUT_MS, () => reject(new OcrError('timeout')));
        onAbort = () => reject(new OcrError('canceled'));
        opts.signal?.addEventListener('abort', onAbort, { once: true });
      });
      const worker = await Promise.race([this.liveWorker(), stopped]);
      const died = worker.died.then((why) => Promise.reject(new OcrError('engineFailed', why)));
      const page = (await Promise.race([
        worker.tess.recognize(Buffer.from(image.buffer, image.byteOffset, image.byteLength), { rotateAuto: this.options.rotateAuto ?? false }, { text: true, blocks: true }).then(
          (r) => r.data as unknown as TessPage,
          (err: unknown) => Promise.reject(new OcrError('invalidImage', String(err))),
        ),
        stopped,
        died,
      ])) as TessPage;
      const lines = pageLines(page);
      return { text: lines.length === 0 ? '' : (page.text ?? '').trim(), lines, confidence: pageConfidence(page, lines), ms: clock.elapsedMs() - started };
    } catch (err) {
      // A page stopped half-way leaves Tesseract busy or broken: the next page gets a fresh worker.
      const code = err instanceof OcrError ? err.code : 'engineFailed';
      this.log.warn('page not read', { code, detail: err instanceof OcrError ? err.detail : String(err) });
      await this.stopWorker(code);
      throw err instanceof OcrError ? err : new OcrError('engineFailed', String(err));
    } finally {
      timer?.cancel();
      if (onAbort) opts.signal?.removeEventListener('abort', onAbort);
      this.progress = undefined;
    }
  }

  private liveWorker(): Promise<LiveWorker> {
    if (!this.worker) {
      const starting = this.startWorker();
      this.worker = starting;
      starting.catch(() => {
        if (this.worker === starting) this.worker = null;
      });
    }
    return this.worker;
  }

  private async startWorker(): Promise<LiveWorker> {
    const paths = tesseractWorkerOptions(this.langPath);
    for (const lang of this.languages) {
      try {
        await access(join(this.langPath, `${lang}.traineddata`));
      } catch {
        throw new OcrError('engineFailed', `no ${lang}.traineddata in ${this.langPath}`);
      }
    }
    const { clock } = this.options;
    const t0 = clock.elapsedMs();
    let failStart: (why: string) => void = () => undefined;
    const startFailed = new Promise<never>((_, reject) => {
      failStart = (why) => reject(new OcrError('engineFailed', why));
    });
    const timer = clock.setTimer(this.options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS, () => failStart('worker start timed out'));
    const creating = Tesseract.createWorker([...this.languages], Tesseract.OEM.LSTM_ONLY, {
      ...paths,
      logger: (m: { status: string; progress: number }) => this.progress?.({ status: m.status, progress: m.progress }),
      // Without a handler tesseract.js throws a worker's refusal on this thread, where nothing can catch it.
      errorHandler: (e: unknown) => failStart(String(e)),
    });
    try {
      const tess = await Promise.race([creating, startFailed]);
      await Promise.race([tess.setParameters({ ...DEFAULT_PARAMETERS, ...this.options.parameters }), startFailed]);
      const thread = (tess as unknown as { worker: ThreadWorker }).worker;
      const died = new Promise<string>((resolve) => {
        thread.once('exit', (code) => resolve(`worker exited with code ${code}`));
        thread.once('error', (err) => resolve(`worker error: ${err.message}`));
      });
      this.log.info('worker ready', { languages: this.languages.join('+'), ms: Math.round(clock.elapsedMs() - t0) });
      return { tess, thread, died };
    } catch (err) {
      // A start that gave up may still finish later: that worker is not wanted.
      void creating.then((late) => late.terminate(), () => undefined);
      throw err;
    } finally {
      timer.cancel();
    }
  }

  private async stopWorker(why: string): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (!worker) return;
    try {
      const live = await worker;
      this.log.debug('worker stopped', { why });
      await live.tess.terminate();
    } catch {
      // it never started: nothing to stop
    }
  }
}
