/**
 * What became of a certificate job the kiosk lost sight of (issue 17 §2 "after a crash or power loss at any
 * point the host recovers on start … and never duplicates an issuance"): the printer is asked for the job by
 * its name (the issuance id, DocumentPrinter.findJob) and the journal settled from its answer.
 *
 *   intent               nothing reached the printer               → voided (notSent)
 *   sending / accepted   the job completed                          → issued
 *                        aborted or cancelled                       → voided, with the sheets that came out
 *                        still pending / processing / stopped       → asked again until it ends
 *                        the printer knows no such job              → uncertain (listed for staff)
 *                        the printer does not answer                → asked again; past `giveUpMs`, uncertain
 *
 * Nothing here prints: a job is only ever sent by the issuer, once, under a fresh intent.
 */
import type { Clock } from '../../../common/clock';
import type { DocumentPrinter, FoundJob } from '../../../drivers/devices/document-printer-types';
import type { Issuance, IssuanceJournal } from './issuance-journal';

export interface FollowUpOptions {
  journal: IssuanceJournal;
  printer: () => DocumentPrinter | undefined;
  clock: Clock;
  /** Between two questions to the printer (a job still printing, a printer not answering). */
  pollMs?: number;
  /** How long an unanswered or unfinished job is followed before it is called uncertain. */
  giveUpMs?: number;
  /** A settled issuance that needs staff: sheets of a void job in the tray, or an uncertain one. */
  onUnsettled?: (kind: 'partial' | 'uncertain', issuance: Issuance) => void;
  /** Every settlement, for the platform report. */
  onSettled?: (issuance: Issuance) => void;
}

const FINAL: ReadonlySet<FoundJob['state']> = new Set(['completed', 'aborted', 'canceled']);

export const DEFAULT_FOLLOW_UP_POLL_MS = 2_000;
export const DEFAULT_FOLLOW_UP_GIVE_UP_MS = 10 * 60_000;

/** Settles one open issuance from what the printer says; resolves with the settled row. */
export async function followUpIssuance(options: FollowUpOptions, issuance: Issuance): Promise<Issuance> {
  const { journal, clock } = options;
  const pollMs = options.pollMs ?? DEFAULT_FOLLOW_UP_POLL_MS;
  const deadline = clock.elapsedMs() + (options.giveUpMs ?? DEFAULT_FOLLOW_UP_GIVE_UP_MS);
  const settled = (row: Issuance, kind?: 'partial' | 'uncertain'): Issuance => {
    if (kind) options.onUnsettled?.(kind, row);
    options.onSettled?.(row);
    return row;
  };
  if (issuance.status === 'intent') return settled(journal.settle(issuance.id, { outcome: 'voided', errorCode: 'notSent' }));
  let lastError = 'printerUnreachable';
  for (;;) {
    const printer = options.printer();
    let found: FoundJob | undefined | 'unanswered' = 'unanswered';
    if (printer) {
      try {
        found = await printer.findJob(issuance.id, { timeoutMs: Math.max(pollMs, 5_000) });
      } catch {
        found = 'unanswered';
      }
    }
    if (found === undefined) return settled(journal.settle(issuance.id, { outcome: 'uncertain', errorCode: 'jobUnknownToPrinter' }), 'uncertain');
    if (found !== 'unanswered') {
      if (found.state === 'completed') return settled(journal.settle(issuance.id, { outcome: 'issued' }));
      if (FINAL.has(found.state)) {
        const pagesCompleted = found.pagesCompleted;
        const row = journal.settle(issuance.id, { outcome: 'voided', errorCode: `job${found.state === 'aborted' ? 'Aborted' : 'Canceled'}`, ...(pagesCompleted !== undefined && { pagesCompleted }) });
        return settled(row, pagesCompleted === undefined || pagesCompleted > 0 ? 'partial' : undefined);
      }
      if (issuance.status === 'sending') journal.markAccepted(issuance.id, found.jobId);
      lastError = `jobStill${found.state[0]!.toUpperCase()}${found.state.slice(1)}`;
    }
    if (clock.elapsedMs() >= deadline) return settled(journal.settle(issuance.id, { outcome: 'uncertain', errorCode: lastError }), 'uncertain');
    await new Promise<void>((resolve) => clock.setTimer(pollMs, resolve));
  }
}

/** At start: every issuance a crash left open, followed to its outcome one after the other (oldest first). */
export async function recoverIssuances(options: FollowUpOptions): Promise<Issuance[]> {
  const out: Issuance[] = [];
  for (const open of options.journal.unfinished()) out.push(await followUpIssuance(options, open));
  return out;
}
