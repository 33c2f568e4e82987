/**
 * The host's certificate renderer (ARCHITECTURE.md §8.9; issue 17 §2): a pool of one render worker. Documents
 * are validated here first (a bad one is refused at once, naming its field), then queued and sent one at a time.
 * Every render is bounded: no answer within `timeoutMs` (injected clock) ends the worker and fails that render
 * with `timeout`; a worker that dies fails its render with `crashed`. Either way a new worker is started at once
 * (it reads its fonts again, once) and the queue goes on. After `maxRestarts` faults in a row without one answer
 * the queued renders fail `unavailable`; the next render asked for tries a fresh worker. Every outcome is a
 * value (`{ ok: true, pdf, pages }` or `{ ok: false, code, message }`, bilingual), never a throw or a hang.
 * Logs carry the issuance id, kind, pages and times, never the holder.
 */
import { Worker } from 'node:worker_threads';
import type { CertificateDocument } from '../../../../common/certificate-document';
import type { Clock, TimerHandle } from '../../../../common/clock';
import { SILENT_LOGGER, type Logger } from '../../../../common/logger';
import { bilingual } from '../../diagnostics/diagnostics-error';
import type { WorkerSpec } from '../../face/worker-spec';
import { DEFAULT_CERTIFICATE_FONTS, type CertificateFontPaths } from './certificate-fonts';
import { renderFailure, type CertificateRenderErrorCode, type RenderFailure } from './certificate-render-error';
import { validateCertificateDocument } from './certificate-validate';
import type { QrPlacement } from './draw-qr';
import type { FromRenderWorker, RenderWorkerData, ToRenderWorker } from './render-worker-protocol';
import { certificateRenderWorkerSpec } from './render-worker-spec';

export interface RenderedPdf {
  ok: true;
  pdf: Uint8Array;
  pages: number;
  /** Time the worker spent on this document, ms. */
  ms: number;
  qr: QrPlacement;
}

export type RenderResult = RenderedPdf | RenderFailure;

/** What the issuance flow calls; the worker pool and the inline renderer (tests, tools) both implement it. */
export interface CertificatePdfRenderer {
  render(document: CertificateDocument): Promise<RenderResult>;
  dispose(): Promise<void>;
}

export interface CertificateRendererOptions {
  clock: Clock;
  log?: Logger;
  /** Default: Debian's Noto Sans CJK SC (certificate-fonts.ts). */
  fonts?: CertificateFontPaths;
  /** Training mode: verification URLs on http://127.0.0.1 are accepted (the platform simulator). */
  training?: boolean;
  /** Longest one render may take in the worker (default 20000 ms; a 3-page certificate takes well under 1 s). */
  timeoutMs?: number;
  /** Longest a worker may take to read its fonts and warm up (default 30000 ms). */
  startTimeoutMs?: number;
  /** Faults in a row before the queued renders are failed (default 3). */
  maxRestarts?: number;
  /** Draw a warm-up certificate when a worker starts (default true). */
  warmUp?: boolean;
  /** Default: render-worker.ts / certificate-render-worker.mjs (render-worker-spec.ts). Tests give a fake. */
  worker?: WorkerSpec;
  /** Called with each worker started (diagnostics; tests end it to prove it is replaced). */
  onWorkerStarted?: (worker: Worker) => void;
}

export interface CertificateRendererStats {
  rendered: number;
  failed: number;
  restarts: number;
  workerStarts: number;
  queued: number;
  inFlight: boolean;
  /** How often the current worker has read its fonts (1 once it is running). */
  fontLoads: number;
  /** The current worker's warm-up render, ms, when it did one. */
  warmUpMs: number | null;
}

interface Job {
  id: number;
  document: CertificateDocument;
  resolve(result: RenderResult): void;
}

const failure = (code: CertificateRenderErrorCode, zh: string, en: string): RenderFailure => ({ ok: false, code, message: bilingual(zh, en) });

class WorkerCertificateRenderer implements CertificatePdfRenderer {
  private worker: Worker | null = null;
  private ready = false;
  private startTimer: TimerHandle | null = null;
  private readyWaiters: Array<() => void> = [];
  private readonly queue: Job[] = [];
  private inFlight: { job: Job; timer: TimerHandle } | null = null;
  private nextId = 1;
  private faultsInRow = 0;
  private disposed = false;
  private readonly counters = { rendered: 0, failed: 0, restarts: 0, workerStarts: 0, fontLoads: 0, warmUpMs: null as number | null };
  private readonly log: Logger;

  constructor(private readonly options: CertificateRendererOptions) {
    this.log = options.log ?? SILENT_LOGGER;
  }

  /** Starts the worker ahead of the first render (fonts read, warm-up drawn); resolves once it is ready. */
  start(): Promise<void> {
    if (this.disposed) return Promise.resolve();
    if (this.ready) return Promise.resolve();
    if (this.worker === null) this.spawn();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  render(document: CertificateDocument): Promise<RenderResult> {
    if (this.disposed) return Promise.resolve(failure('disposed', '证明生成服务已关闭', 'the certificate renderer was disposed'));
    try {
      validateCertificateDocument(document, { training: this.options.training ?? false });
    } catch (err) {
      this.counters.failed++;
      return Promise.resolve(renderFailure(err));
    }
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, document, resolve });
      this.pump();
    });
  }

  stats(): CertificateRendererStats {
    return { ...this.counters, queued: this.queue.length, inFlight: this.inFlight !== null };
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    const gone = failure('disposed', '证明生成服务已关闭', 'the certificate renderer was disposed');
    this.settleInFlight(gone);
    for (const job of this.queue.splice(0)) job.resolve(gone);
    this.wakeReadyWaiters();
    const w = this.worker;
    this.dropWorker();
    if (w) await w.terminate();
  }

  private pump(): void {
    if (this.disposed || this.inFlight !== null || this.queue.length === 0) return;
    if (this.worker === null) {
      this.spawn();
      return;
    }
    if (!this.ready) return;
    const job = this.queue.shift() as Job;
    const timeoutMs = this.options.timeoutMs ?? 20_000;
    const timer = this.options.clock.setTimer(timeoutMs, () =>
      this.fault('timeout', bilingual(`证明生成超时（${timeoutMs} 毫秒）`, `the certificate was not rendered within ${timeoutMs} ms`)),
    );
    this.inFlight = { job, timer };
    this.worker.postMessage({ type: 'render', id: job.id, document: job.document } satisfies ToRenderWorker);
  }

  private spawn(): void {
    const spec = this.options.worker ?? certificateRenderWorkerSpec();
    const data: RenderWorkerData = { fonts: this.options.fonts ?? DEFAULT_CERTIFICATE_FONTS, training: this.options.training ?? false, warmUp: this.options.warmUp ?? true };
    const worker = new Worker(spec.entry, { eval: spec.eval, workerData: data });
    this.worker = worker;
    this.ready = false;
    this.counters.workerStarts++;
    this.counters.fontLoads = 0;
    this.counters.warmUpMs = null;
    const startTimeoutMs = this.options.startTimeoutMs ?? 30_000;
    this.startTimer = this.options.clock.setTimer(startTimeoutMs, () =>
      this.fault('timeout', bilingual(`证明生成程序未能在 ${startTimeoutMs} 毫秒内启动`, `the render worker did not start within ${startTimeoutMs} ms`)),
    );
    worker.on('message', (msg: FromRenderWorker) => {
      if (worker === this.worker) this.answer(msg);
    });
    worker.on('error', (err) => {
      if (worker === this.worker) this.fault('crashed', bilingual('证明生成程序出错', `the render worker failed: ${err.message}`));
    });
    worker.on('exit', (code) => {
      if (worker === this.worker) this.fault('crashed', bilingual('证明生成程序意外退出', `the render worker exited (${code})`));
    });
    this.options.onWorkerStarted?.(worker);
  }

  private answer(msg: FromRenderWorker): void {
    this.counters.fontLoads = msg.fontLoads;
    if (msg.type === 'ready') {
      this.startTimer?.cancel();
      this.startTimer = null;
      this.ready = true;
      this.counters.warmUpMs = msg.warmUpMs ?? null;
      if (msg.fontError !== undefined) this.log.error('certificate fonts missing', { message: msg.fontError });
      else this.log.info('certificate render worker ready', { warmUpMs: msg.warmUpMs === undefined ? undefined : Math.round(msg.warmUpMs) });
      this.wakeReadyWaiters();
      this.pump();
      return;
    }
    const pending = this.inFlight;
    if (pending === null || pending.job.id !== msg.id) return;
    this.faultsInRow = 0;
    const { issuanceId, kind } = pending.job.document;
    if (msg.type === 'rendered') {
      this.log.info('certificate rendered', { issuanceId, kind, pages: msg.pages, bytes: msg.pdf.byteLength, ms: Math.round(msg.ms) });
      this.settleInFlight({ ok: true, pdf: new Uint8Array(msg.pdf), pages: msg.pages, ms: msg.ms, qr: msg.qr });
    } else {
      this.log.warn('certificate render failed', { issuanceId, kind, code: msg.code, field: msg.field });
      this.settleInFlight(msg.field === undefined ? { ok: false, code: msg.code, message: msg.message } : { ok: false, code: msg.code, message: msg.message, field: msg.field });
    }
    this.pump();
  }

  /** A silent or dead worker: end it, fail what it held, start another (or, too many in a row, fail the queue). */
  private fault(code: CertificateRenderErrorCode, message: string): void {
    if (this.disposed) return;
    this.log.warn('certificate render worker fault', { code, message });
    const old = this.worker;
    this.dropWorker();
    if (old) void old.terminate();
    this.settleInFlight({ ok: false, code, message });
    if (++this.faultsInRow > (this.options.maxRestarts ?? 3)) {
      this.log.error('certificate render worker gave up', { faults: this.faultsInRow });
      this.faultsInRow = 0;
      const down = failure('unavailable', '证明生成服务暂不可用，请到窗口办理', 'the certificate renderer is unavailable; please go to a service window');
      for (const job of this.queue.splice(0)) job.resolve(down);
      this.wakeReadyWaiters();
      return;
    }
    this.counters.restarts++;
    this.spawn();
  }

  private settleInFlight(result: RenderResult): void {
    const pending = this.inFlight;
    if (pending === null) return;
    this.inFlight = null;
    pending.timer.cancel();
    if (result.ok) this.counters.rendered++;
    else this.counters.failed++;
    pending.job.resolve(result);
  }

  private dropWorker(): void {
    this.worker = null;
    this.ready = false;
    this.startTimer?.cancel();
    this.startTimer = null;
  }

  private wakeReadyWaiters(): void {
    for (const wake of this.readyWaiters.splice(0)) wake();
  }
}

export type CertificateRenderer = CertificatePdfRenderer & { start(): Promise<void>; stats(): CertificateRendererStats };

export function createCertificateRenderer(options: CertificateRendererOptions): CertificateRenderer {
  return new WorkerCertificateRenderer(options);
}
