/**
 * The simulated printer's jobs (RFC 8011 §5.3.7 job-state; issue 17 §1): created (Create-Job or Print-Job),
 * given their document, printed one sheet at a time on the clock (`pageMs` + `slowMs` a sheet; 0 prints at
 * once), one job at a time in arrival order. Before every sheet the printer looks at itself: a jam or an
 * empty tray aborts the job (job-state 8, the sheets so far counted); a cover open, offline or no toner
 * stops it (processing-stopped) until cleared. A finished job leaves its sheets in the output tray. A job
 * created without its document is aborted after `multipleOperationTimeoutMs` (RFC 8011 §5.4.31). History
 * is kept (`maxJobs`) so Get-Jobs still finds a job after its client restarts; `forget()` is a power cycle.
 */
import type { Clock, TimerHandle } from '../../common/clock';
import { JOB_STATE } from '../../drivers/protocol/ipp/constants';
import type { SimPrinterState } from './sim-printer-state';

export interface SimJob {
  id: number;
  name: string;
  user: string;
  state: number;
  reasons: string[];
  pdf?: Uint8Array;
  /** Sheets in the document (its `/Type /Page` objects). */
  pages: number;
  impressions: number;
  createdAt: number;
  processingAt?: number;
  completedAt?: number;
}

export interface JobEngineOptions {
  clock: Clock;
  state: SimPrinterState;
  pageMs: number;
  maxJobs?: number;
  multipleOperationTimeoutMs?: number;
  /** A job ended (completed, aborted, canceled) with a document. */
  ended(job: SimJob): void;
  /** Something a status reader would see changed. */
  changed(): void;
}

const MAX_JOBS = 500;

export class SimJobEngine {
  private jobs: SimJob[] = [];
  private nextId = 1;
  private timer: TimerHandle | undefined;
  private readonly waitingForDocument = new Map<number, TimerHandle>();

  constructor(private readonly o: JobEngineOptions) {}

  get all(): readonly SimJob[] {
    return this.jobs;
  }

  get printing(): boolean {
    return this.jobs.some((j) => j.state === JOB_STATE.processing);
  }

  find(id: number): SimJob | undefined {
    return this.jobs.find((j) => j.id === id);
  }

  create(name: string, user: string): SimJob {
    const job: SimJob = { id: this.nextId++, name, user, state: JOB_STATE.pending, reasons: ['job-incoming'], pages: 0, impressions: 0, createdAt: this.o.clock.now() };
    this.jobs.push(job);
    if (this.jobs.length > (this.o.maxJobs ?? MAX_JOBS)) this.jobs.splice(0, this.jobs.length - (this.o.maxJobs ?? MAX_JOBS));
    this.waitingForDocument.set(
      job.id,
      this.o.clock.setTimer(this.o.multipleOperationTimeoutMs ?? 120_000, () => {
        this.waitingForDocument.delete(job.id);
        if (job.state === JOB_STATE.pending && !job.pdf) this.end(job, JOB_STATE.aborted, ['aborted-by-system']);
      }),
    );
    return job;
  }

  addDocument(job: SimJob, pdf: Uint8Array, pages: number): void {
    this.waitingForDocument.get(job.id)?.cancel();
    this.waitingForDocument.delete(job.id);
    job.pdf = pdf;
    job.pages = pages;
    job.reasons = ['none'];
    this.kick();
  }

  cancel(job: SimJob): void {
    this.waitingForDocument.get(job.id)?.cancel();
    if (job.state === JOB_STATE.processing || job.state === JOB_STATE.processingStopped) this.stopTimer();
    this.end(job, JOB_STATE.canceled, ['job-canceled-by-user']);
    this.kick();
  }

  /** The printer's condition changed: a stopped job may go on, a waiting one start. */
  kick(): void {
    if (this.timer) return;
    const current = this.jobs.find((j) => j.state === JOB_STATE.processing || j.state === JOB_STATE.processingStopped) ?? this.jobs.find((j) => j.state === JOB_STATE.pending && j.pdf);
    if (!current) return;
    if (current.state === JOB_STATE.pending) current.processingAt = this.o.clock.now();
    this.step(current);
  }

  /** A power cycle: the queue and the history are gone (the printer "no longer knows" any job). */
  forget(): void {
    this.stopTimer();
    for (const t of this.waitingForDocument.values()) t.cancel();
    this.waitingForDocument.clear();
    this.jobs = [];
  }

  dispose(): void {
    this.forget();
  }

  private step(job: SimJob): void {
    for (;;) {
      const s = this.o.state;
      if (s.jammed || s.sheets === 0) {
        this.end(job, JOB_STATE.aborted, [s.jammed ? 'media-jam' : 'media-empty', 'aborted-by-system']);
        return this.kick();
      }
      if (!s.canFeed) {
        this.setState(job, JOB_STATE.processingStopped, ['printer-stopped']);
        return; // kick() again once the fault is cleared
      }
      this.setState(job, JOB_STATE.processing, ['job-printing']);
      const ms = this.o.pageMs + s.slowMs;
      if (ms > 0) {
        this.timer = this.o.clock.setTimer(ms, () => {
          this.timer = undefined;
          if (this.feed(job)) this.step(job);
        });
        return;
      }
      if (!this.feed(job)) return;
    }
  }

  /** One sheet out; false when the job is done (or gone). */
  private feed(job: SimJob): boolean {
    if (job.state !== JOB_STATE.processing) return false;
    job.impressions++;
    this.o.state.sheetPrinted();
    this.o.state.outputOccupied = true;
    if (job.impressions >= job.pages) {
      this.end(job, JOB_STATE.completed, ['job-completed-successfully']);
      this.kick();
      return false;
    }
    this.o.changed();
    return true;
  }

  private setState(job: SimJob, state: number, reasons: string[]): void {
    if (job.state === state) return;
    job.state = state;
    job.reasons = reasons;
    this.o.changed();
  }

  private end(job: SimJob, state: number, reasons: string[]): void {
    if (job.state >= JOB_STATE.canceled) return;
    job.state = state;
    job.reasons = reasons;
    job.completedAt = this.o.clock.now();
    if (job.pdf) this.o.ended(job);
    this.o.changed();
  }

  private stopTimer(): void {
    this.timer?.cancel();
    this.timer = undefined;
  }
}
