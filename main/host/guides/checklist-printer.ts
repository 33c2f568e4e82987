/**
 * Prints a checklist once per request (issue 16 §5; ARCHITECTURE.md §8.3): a second call with the same
 * requestId (a double tap, a retry after a lost reply) gets the first call's outcome, printing nothing again.
 * Done means the printer confirmed the job through the cut; a job that may be in the tray is `uncertain`.
 */
import { errorInfo } from '../../../common/errors';
import type { GuidePrintResult } from '../../../common/guides-api';
import type { Logger } from '../../../common/logger';
import type { PrintDocument } from '../../../common/print-document';
import type { ReceiptPrinter } from '../../../drivers/devices/printer-types';

/** Requests remembered for their outcome; far more than one session makes. */
const REMEMBERED = 64;

export interface ChecklistPrinterDeps {
  printer: () => ReceiptPrinter | undefined;
  log: Logger;
  printTimeoutMs?: number;
  onPrinted?: () => void;
}

export class ChecklistPrinter {
  private readonly outcomes = new Map<string, Promise<GuidePrintResult>>();
  private seq = 0;

  constructor(private readonly deps: ChecklistPrinterDeps) {}

  print(requestId: string, document: (jobId: string) => PrintDocument): Promise<GuidePrintResult> {
    const known = this.outcomes.get(requestId);
    if (known) return known;
    const outcome = this.run(document(`checklist-${++this.seq}`));
    this.outcomes.set(requestId, outcome);
    if (this.outcomes.size > REMEMBERED) this.outcomes.delete(this.outcomes.keys().next().value as string);
    return outcome;
  }

  private async run(document: PrintDocument): Promise<GuidePrintResult> {
    const printer = this.deps.printer();
    if (!printer) return { outcome: 'voided', error: errorInfo('noDevice', 'no receipt printer for citizens') };
    try {
      const result = await printer.print(document, { ...(this.deps.printTimeoutMs !== undefined && { timeoutMs: this.deps.printTimeoutMs }) });
      switch (result.outcome) {
        case 'confirmed':
          this.deps.onPrinted?.();
          this.deps.log.info('checklist printed', { jobId: document.jobId });
          return { outcome: 'issued' };
        case 'notPrinted':
          return { outcome: 'voided', error: result.error };
        case 'incomplete':
        case 'unknown':
          this.deps.log.warn('checklist print not confirmed', { jobId: document.jobId, outcome: result.outcome, code: result.error.code });
          return { outcome: result.outcome === 'incomplete' ? 'voided' : 'uncertain', error: result.error };
      }
    } catch (err) {
      this.deps.log.error('checklist print threw', { error: err });
      return { outcome: 'uncertain', error: errorInfo('internal', 'the checklist print failed unexpectedly') };
    }
  }
}
