/**
 * Printing one prepared certificate exactly once (issue 17 §2; ARCHITECTURE.md §8.3 "done means confirmed"):
 *
 *   journal intent (on disk) → sending → the printer accepts (job id) → the job completes → issued
 *
 * The printer's answer decides: completed → issued; refused before it accepted the job → voided, no paper
 * moved; aborted or cancelled (a jam on page 2 of 3, paper out) → voided, and the sheets that came out are
 * reported to staff (they carry personal data and must be destroyed); the printer went silent → the job is
 * followed up by name until it ends, or called uncertain. A request id already in the journal gets its first
 * outcome, never a second job.
 */
import type { Clock } from '../../../common/clock';
import type { CertificateKind } from '../../../common/certificate-document';
import { errorInfo } from '../../../common/errors';
import type { DocumentPrinter, DocumentPrintResult } from '../../../drivers/devices/document-printer-types';
import { followUpIssuance, type FollowUpOptions } from './issuance-follow-up';
import type { Issuance } from './issuance-journal';

export interface PreparedCertificate {
  /** Made before rendering: the footer and the job name carry it. */
  issuanceId: string;
  kind: CertificateKind;
  certificateId: string;
  idHmac: string;
  pdf: Uint8Array;
  pages: number;
}

export interface IssueRequest {
  requestId: string;
  sessionId: string;
  prepared: PreparedCertificate;
  /** A reprint by staff: the issuance it repeats, and who asked (audited). */
  reprint?: { of: string; by: string };
}

export type IssueOutcome =
  | { outcome: 'issued'; issuance: Issuance }
  /** Nothing printed, or only part of it (then `pagesCompleted` > 0: staff are told). The citizen may retry. */
  | { outcome: 'voided'; issuance: Issuance; errorCode: string }
  | { outcome: 'uncertain'; issuance: Issuance; errorCode: string };

export interface CertificateIssuerDeps extends Omit<FollowUpOptions, 'printer'> {
  printer: () => DocumentPrinter | undefined;
  clock: Clock;
  /** The whole job, from handing it over to the end (a long certificate on a slow printer). */
  printTimeoutMs?: number;
}

export const DEFAULT_CERTIFICATE_PRINT_TIMEOUT_MS = 180_000;

const outcomeOf = (issuance: Issuance): IssueOutcome => {
  if (issuance.status === 'issued') return { outcome: 'issued', issuance };
  if (issuance.status === 'voided') return { outcome: 'voided', issuance, errorCode: issuance.errorCode ?? 'voided' };
  return { outcome: 'uncertain', issuance, errorCode: issuance.errorCode ?? 'uncertain' };
};

export class CertificateIssuer {
  /** Issuances being printed now, by request id: a second tap waits for the first's outcome. */
  private readonly inFlight = new Map<string, Promise<IssueOutcome>>();

  constructor(private readonly deps: CertificateIssuerDeps) {}

  issue(request: IssueRequest): Promise<IssueOutcome> {
    const running = this.inFlight.get(request.requestId);
    if (running) return running;
    const work = this.run(request).finally(() => this.inFlight.delete(request.requestId));
    this.inFlight.set(request.requestId, work);
    return work;
  }

  private async run(request: IssueRequest): Promise<IssueOutcome> {
    const { journal } = this.deps;
    const { prepared } = request;
    const begun = journal.begin(
      {
        id: prepared.issuanceId,
        requestId: request.requestId,
        sessionId: request.sessionId,
        kind: prepared.kind,
        certificateId: prepared.certificateId,
        idHmac: prepared.idHmac,
        pages: prepared.pages,
        ...(request.reprint && { reprintOf: request.reprint.of }),
      },
      request.reprint?.by,
    );
    if (begun.existing) {
      const open = begun.issuance;
      // A crash-recovered or still-followed row: its outcome comes from the printer, never from a new job.
      return outcomeOf(open.status === 'intent' || open.status === 'sending' || open.status === 'accepted' ? await this.followUp(open) : open);
    }
    const printer = this.deps.printer();
    if (!printer) return outcomeOf(this.settled(journal.settle(prepared.issuanceId, { outcome: 'voided', errorCode: 'noDevice' })));
    journal.markSending(prepared.issuanceId);
    let result: DocumentPrintResult;
    try {
      result = await printer.print(
        { jobName: prepared.issuanceId, pdf: prepared.pdf, pages: prepared.pages },
        { timeoutMs: this.deps.printTimeoutMs ?? DEFAULT_CERTIFICATE_PRINT_TIMEOUT_MS, events: { onAccepted: (jobId) => journal.markAccepted(prepared.issuanceId, jobId) } },
      );
    } catch (err) {
      // A driver that throws is judged like one that went silent: the printer is asked by name.
      result = { outcome: 'unknown', error: errorInfo('printUncertain', err instanceof Error ? err.message : String(err)) };
    }
    switch (result.outcome) {
      case 'completed':
        return outcomeOf(this.settled(journal.settle(prepared.issuanceId, { outcome: 'issued' })));
      case 'notPrinted':
        return outcomeOf(this.settled(journal.settle(prepared.issuanceId, { outcome: 'voided', errorCode: result.error.code })));
      case 'incomplete': {
        const row = journal.settle(prepared.issuanceId, { outcome: 'voided', errorCode: result.error.code, ...(result.pagesCompleted !== undefined && { pagesCompleted: result.pagesCompleted }) });
        return outcomeOf(this.settled(row, result.pagesCompleted === undefined || result.pagesCompleted > 0 ? 'partial' : undefined));
      }
      case 'unknown':
        return outcomeOf(await this.followUp(journal.get(prepared.issuanceId)!));
    }
  }

  private followUp(issuance: Issuance): Promise<Issuance> {
    return followUpIssuance(this.deps, issuance);
  }

  private settled(issuance: Issuance, kind?: 'partial' | 'uncertain'): Issuance {
    if (kind) this.deps.onUnsettled?.(kind, issuance);
    this.deps.onSettled?.(issuance);
    return issuance;
  }
}
