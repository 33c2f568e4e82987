/**
 * The guide index in a worker thread (ARCHITECTURE.md §8.9; issue 16 §3): the worker starts on the first
 * build; builds run one after another, each answered when the worker reports it built. A worker that dies or
 * stops answering (a build longer than `buildTimeoutMs`, a search longer than `searchTimeoutMs`) is ended and
 * a new one started, which rebuilds the last catalogue; meanwhile the state is `preparing` and searches answer
 * so. After `maxRestarts` failures in a row the build gives up: `failed`.
 */
import { Worker } from 'node:worker_threads';
import type { Catalogue } from '../../../../common/guides';
import type { GuideIndexState, GuideSearchRequest, GuideSearchResult } from '../../../../common/guides-api';
import type { Logger } from '../../../../common/logger';
import type { WorkerSpec } from '../../face/worker-spec';
import type { GuideIndex } from './guide-index';
import type { FromGuideWorker, ToGuideWorker } from './guide-worker-protocol';
import { guideWorkerSpec } from './guide-worker-spec';
import { StateCell, unanswered } from './index-state';
import { catalogueDocs, type SearchDoc } from './search-docs';

export interface WorkerGuideIndexOptions {
  log: Logger;
  /** Longest wait for one build (default 60000 ms; 160,000 items build in a few seconds here). */
  buildTimeoutMs?: number;
  /** Longest wait for one answer (default 5000 ms). */
  searchTimeoutMs?: number;
  /** Restarts in a row before giving up (default 3). */
  maxRestarts?: number;
  /** Default: guide-worker.ts / .mjs next to this module (guide-worker-spec.ts). */
  worker?: WorkerSpec;
}

class WorkerFault extends Error {
  override readonly name = 'WorkerFault';
}

interface Pending {
  resolve(msg: FromGuideWorker): void;
  reject(err: Error): void;
  timer: NodeJS.Timeout;
}

type Outgoing = { type: 'build'; docs: SearchDoc[] } | { type: 'search'; request: GuideSearchRequest };

class WorkerGuideIndex implements GuideIndex {
  private readonly cell = new StateCell();
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private builds: Promise<void> = Promise.resolve();
  private building = 0;
  /** The documents of the last catalogue built, rebuilt by a new worker. */
  private docs: SearchDoc[] | null = null;
  private version = '';
  private hasIndex = false;
  private failures = 0;
  private disposed = false;

  constructor(private readonly options: WorkerGuideIndexOptions) {}

  get state(): GuideIndexState {
    return this.cell.value;
  }

  build(catalogue: Catalogue): Promise<void> {
    if (this.disposed) return Promise.reject(new Error('the guide index was disposed'));
    const docs = catalogueDocs(catalogue);
    return this.enqueue(docs, catalogue.version);
  }

  async search(request: GuideSearchRequest): Promise<GuideSearchResult> {
    if (this.disposed || !this.hasIndex) return unanswered(this.cell.value, request);
    try {
      const msg = await this.request({ type: 'search', request }, this.options.searchTimeoutMs ?? 5000);
      return msg.type === 'result' ? msg.result : unanswered(this.cell.value, request);
    } catch {
      return unanswered(this.cell.value, request);
    }
  }

  onStateChanged(listener: (state: GuideIndexState) => void): () => void {
    return this.cell.listen(listener);
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    this.hasIndex = false;
    this.rejectAll(new Error('the guide index was disposed'));
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }

  private enqueue(docs: SearchDoc[], version: string): Promise<void> {
    this.building++;
    const run = this.builds.then(() => this.runBuild(docs, version));
    this.builds = run.catch(() => undefined).finally(() => this.building--);
    return run;
  }

  private async runBuild(docs: SearchDoc[], version: string): Promise<void> {
    for (;;) {
      if (this.disposed) throw new Error('the guide index was disposed');
      try {
        const msg = await this.request({ type: 'build', docs }, this.options.buildTimeoutMs ?? 60_000);
        if (msg.type !== 'built') throw new Error(msg.type === 'failed' ? msg.message : 'unexpected answer');
        this.failures = 0;
        this.docs = docs;
        this.version = version;
        this.hasIndex = true;
        this.cell.set('ready');
        this.options.log.info('guide index built', { version, entries: msg.entries, ms: Math.round(msg.ms) });
        return;
      } catch (err) {
        const fault = err instanceof WorkerFault;
        if (!fault || ++this.failures > (this.options.maxRestarts ?? 3)) {
          this.options.log.error('guide index build failed', { version, message: (err as Error).message });
          if (!this.hasIndex && !this.disposed) this.cell.set('failed');
          throw err;
        }
      }
    }
  }

  private request(out: Outgoing, timeoutMs: number): Promise<FromGuideWorker> {
    const worker = this.worker ?? this.spawn();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.fault(`no answer from the guide worker in ${timeoutMs} ms`), timeoutMs);
      timer.unref();
      this.pending.set(id, { resolve, reject, timer });
      worker.postMessage({ ...out, id } satisfies ToGuideWorker);
    });
  }

  private spawn(): Worker {
    const spec = this.options.worker ?? guideWorkerSpec();
    const worker = new Worker(spec.entry, { eval: spec.eval });
    this.worker = worker;
    worker.on('message', (msg: FromGuideWorker) => {
      const p = this.pending.get(msg.id);
      if (worker !== this.worker || p === undefined) return;
      this.pending.delete(msg.id);
      clearTimeout(p.timer);
      p.resolve(msg);
    });
    worker.on('error', (err) => {
      if (worker === this.worker) this.fault(`the guide worker failed: ${err.message}`);
    });
    worker.on('exit', (code) => {
      if (worker === this.worker) this.fault(`the guide worker exited (${code})`);
    });
    return worker;
  }

  /** A dead or silent worker: end it; what was asked fails; a new worker rebuilds the last catalogue. */
  private fault(message: string): void {
    if (this.disposed) return;
    this.options.log.warn('guide worker fault', { message });
    const old = this.worker;
    this.worker = null;
    this.hasIndex = false;
    if (old) void old.terminate();
    this.rejectAll(new WorkerFault(message));
    if (this.cell.value === 'ready') this.cell.set('preparing');
    if (this.building === 0 && this.docs !== null) {
      this.enqueue(this.docs, this.version).catch(() => undefined);
    }
  }

  private rejectAll(err: Error): void {
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      this.pending.delete(id);
      p.reject(err);
    }
  }
}

export function createWorkerGuideIndex(options: WorkerGuideIndexOptions): GuideIndex {
  return new WorkerGuideIndex(options);
}
