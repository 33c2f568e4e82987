/**
 * A4 document printers (issue 17 §1; ARCHITECTURE.md §3, §8.3): a certificate counts as printed only when the
 * printer's job reaches `completed` (protocols.md §4.2 job-state 9), never because the document was sent.
 * The job name carries the issuance id, so after a crash the host finds its own job on the printer and learns
 * what became of it instead of printing again.
 */
import type { KioskErrorInfo } from '../../common/errors';
import type { CommandOptions, Device } from './device-types';

export interface DocumentJob {
  /** Unique per issuance (the journal's id): the printer's job-name, how the host finds the job again. */
  jobName: string;
  /** The document, `application/pdf`. */
  pdf: Uint8Array;
  /** Sheets the document has (one-sided A4), for progress and for telling a partial job. */
  pages: number;
}

/** RFC 8011 job-state, by name (protocols.md §4.2 enums 3–9). */
export type JobState = 'pending' | 'pendingHeld' | 'processing' | 'processingStopped' | 'canceled' | 'aborted' | 'completed';

export interface DocumentPrintEvents {
  /**
   * The printer accepted the job (it has a job id) and may start putting paper through: from here on a crash
   * leaves the outcome to be found out from the printer, not void.
   */
  onAccepted?: (jobId: number) => void;
  /** Sheets completed so far, as the printer reports them (job-impressions-completed), where it does. */
  onProgress?: (pagesCompleted: number) => void;
}

/**
 * completed: the job reached job-state completed.
 * notPrinted: refused before the printer accepted it (offline, out of paper, not accepting jobs); no paper moved.
 * incomplete: accepted, then aborted or cancelled (a jam, paper out mid-job): part of it may be in the tray.
 * unknown: accepted, then the printer stopped answering before the job ended: the host asks again later.
 */
export type DocumentPrintResult =
  | { outcome: 'completed'; jobId: number }
  | { outcome: 'notPrinted'; error: KioskErrorInfo }
  | { outcome: 'incomplete'; jobId: number; pagesCompleted?: number; error: KioskErrorInfo }
  | { outcome: 'unknown'; jobId?: number; error: KioskErrorInfo };

export interface FoundJob {
  jobId: number;
  state: JobState;
  pagesCompleted?: number;
}

export interface DocumentPrinter extends Device {
  /** Sends the job and follows it to its end (bounded by `timeoutMs`; then `unknown`). */
  print(job: DocumentJob, options?: CommandOptions<DocumentPrintEvents>): Promise<DocumentPrintResult>;
  /**
   * The printer's record of a job of this name (Get-Jobs with which-jobs all, then Get-Job-Attributes), the
   * newest when there are several; undefined when the printer knows no such job (restarted, history purged).
   * Rejects when the printer cannot be asked (offline, unreachable).
   */
  findJob(jobName: string, options?: CommandOptions): Promise<FoundJob | undefined>;
  /** Cancel-Job; resolves once the printer answered. */
  cancelJob(jobId: number, options?: CommandOptions): Promise<void>;
}
