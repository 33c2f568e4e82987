/**
 * The certificate issuance journal (issue 17 §2 "exactly once"; ARCHITECTURE.md §8.3): one row per print of
 * a certificate, in the queue database (queue-db.ts migration 11), moving
 *
 *   intent ──► sending ──► accepted(job id) ──► issued | voided | uncertain
 *
 * `intent` is on disk before the printer hears of the job; `sending` just before the job is handed over (from
 * here a crash leaves the outcome to be asked of the printer); `accepted` once the printer gave it a job id.
 * The row's id is the printer job's name, so after a crash the host finds its own job (issuance-recovery.ts).
 * The same request id always answers with the same row: a tap repeated, a renderer retrying after a lost
 * reply, never prints a second certificate. Every outcome, every staff settlement and every reprint is
 * appended to the hash-chained audit log in the same transaction (audit-log.ts).
 */
import { randomBytes } from 'node:crypto';
import type { CertificateKind } from '../../../common/certificate-document';
import { appendAudit } from '../audit/audit-log';
import type { QueueDb } from '../queue/queue-db';

export type IssuanceStatus = 'intent' | 'sending' | 'accepted' | 'issued' | 'voided' | 'uncertain';
export const OPEN_ISSUANCE_STATUSES: readonly IssuanceStatus[] = ['intent', 'sending', 'accepted'];

export interface Issuance {
  id: string;
  requestId: string;
  sessionId: string;
  kind: CertificateKind;
  /** The platform's certificate id (its verification code's record). */
  certificateId: string;
  idHmac: string;
  pages: number;
  status: IssuanceStatus;
  jobId: number | null;
  pagesCompleted: number | null;
  errorCode: string | null;
  reprintOf: string | null;
  createdAt: number;
  sentAt: number | null;
  settledAt: number | null;
  /** `kiosk` for an outcome the printer decided; a staff member's id for one settled by hand. */
  settledBy: string | null;
}

interface Row {
  id: string;
  request_id: string;
  session_id: string;
  kind: string;
  certificate_id: string;
  id_hmac: string;
  pages: number;
  status: IssuanceStatus;
  job_id: number | null;
  pages_completed: number | null;
  error_code: string | null;
  reprint_of: string | null;
  created_at: number;
  sent_at: number | null;
  settled_at: number | null;
  settled_by: string | null;
}

const toIssuance = (r: Row): Issuance => ({
  id: r.id,
  requestId: r.request_id,
  sessionId: r.session_id,
  kind: r.kind as CertificateKind,
  certificateId: r.certificate_id,
  idHmac: r.id_hmac,
  pages: r.pages,
  status: r.status,
  jobId: r.job_id,
  pagesCompleted: r.pages_completed,
  errorCode: r.error_code,
  reprintOf: r.reprint_of,
  createdAt: r.created_at,
  sentAt: r.sent_at,
  settledAt: r.settled_at,
  settledBy: r.settled_by,
});

export interface IssuanceIntent {
  /** newIssuanceId(), made before the document is rendered: the footer and the job name carry it. */
  id: string;
  requestId: string;
  sessionId: string;
  kind: CertificateKind;
  certificateId: string;
  idHmac: string;
  pages: number;
  /** A reprint (staff, deliberate): the issuance it repeats. */
  reprintOf?: string;
}

export type Settlement = { outcome: 'issued' } | { outcome: 'voided'; errorCode: string; pagesCompleted?: number } | { outcome: 'uncertain'; errorCode: string };

/** Issuance ids: `CRT-` + 16 hex characters; also the IPP job name, so short and unambiguous. */
export const newIssuanceId = (): string => `CRT-${randomBytes(8).toString('hex').toUpperCase()}`;

export class IssuanceJournal {
  constructor(
    private readonly db: QueueDb,
    private readonly now: () => number,
  ) {}

  /** Writes the intent, or returns the row this request id already has (`existing`). */
  begin(intent: IssuanceIntent, actor = 'kiosk'): { existing: boolean; issuance: Issuance } {
    return this.db
      .transaction(() => {
        const known = this.db.prepare<[string], Row>('SELECT * FROM certificate_issuances WHERE request_id = ?').get(intent.requestId);
        if (known) return { existing: true, issuance: toIssuance(known) };
        const { id } = intent;
        this.db
          .prepare(
            `INSERT INTO certificate_issuances (id, request_id, session_id, kind, certificate_id, id_hmac, pages, status, reprint_of, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, 'intent', ?, ?)`,
          )
          .run(id, intent.requestId, intent.sessionId, intent.kind, intent.certificateId, intent.idHmac, intent.pages, intent.reprintOf ?? null, this.now());
        if (intent.reprintOf !== undefined) {
          appendAudit(this.db, this.now(), { actor, action: 'certificate.reprint', subject: intent.reprintOf, detail: { issuanceId: id, kind: intent.kind, pages: intent.pages } });
        }
        return { existing: false, issuance: this.require(id) };
      })
      .immediate();
  }

  /** The job is about to be handed to the printer: a crash from here on is a question for the printer. */
  markSending(id: string): void {
    this.move(id, ['intent'], 'sending', { sent_at: this.now() });
  }

  markAccepted(id: string, jobId: number): void {
    this.move(id, ['sending', 'accepted'], 'accepted', { job_id: jobId });
  }

  /** The outcome the printer decided (`kiosk`) or staff decided for an uncertain one. Audited. */
  settle(id: string, settlement: Settlement, actor = 'kiosk'): Issuance {
    return this.db
      .transaction(() => {
        const before = this.require(id);
        const from: readonly IssuanceStatus[] = actor === 'kiosk' ? OPEN_ISSUANCE_STATUSES : ['uncertain'];
        if (!from.includes(before.status)) throw new IssuanceStateError(id, before.status, settlement.outcome);
        const errorCode = settlement.outcome === 'issued' ? null : settlement.errorCode;
        const pagesCompleted = settlement.outcome === 'voided' ? settlement.pagesCompleted ?? null : before.pagesCompleted;
        this.db
          .prepare('UPDATE certificate_issuances SET status = ?, error_code = ?, pages_completed = ?, settled_at = ?, settled_by = ? WHERE id = ?')
          .run(settlement.outcome, errorCode, pagesCompleted, this.now(), actor, id);
        const action = actor === 'kiosk' ? `certificate.${settlement.outcome === 'issued' ? 'issue' : settlement.outcome === 'voided' ? 'void' : 'uncertain'}` : 'certificate.settle';
        appendAudit(this.db, this.now(), {
          actor,
          action,
          subject: id,
          detail: {
            kind: before.kind,
            certificateId: before.certificateId,
            outcome: settlement.outcome,
            pages: before.pages,
            jobId: before.jobId,
            ...(errorCode !== null && { errorCode }),
            ...(pagesCompleted !== null && { pagesCompleted }),
            ...(before.reprintOf !== null && { reprintOf: before.reprintOf }),
          },
        });
        return this.require(id);
      })
      .immediate();
  }

  byRequest(requestId: string): Issuance | undefined {
    const row = this.db.prepare<[string], Row>('SELECT * FROM certificate_issuances WHERE request_id = ?').get(requestId);
    return row && toIssuance(row);
  }

  get(id: string): Issuance | undefined {
    const row = this.db.prepare<[string], Row>('SELECT * FROM certificate_issuances WHERE id = ?').get(id);
    return row && toIssuance(row);
  }

  /** Rows a crash may have left between intent and outcome, oldest first. */
  unfinished(): Issuance[] {
    return this.db.prepare<[], Row>("SELECT * FROM certificate_issuances WHERE status IN ('intent', 'sending', 'accepted') ORDER BY created_at, id").all().map(toIssuance);
  }

  /** For staff: every uncertain issuance, oldest first. */
  uncertain(): Issuance[] {
    return this.db.prepare<[], Row>("SELECT * FROM certificate_issuances WHERE status = 'uncertain' ORDER BY created_at, id").all().map(toIssuance);
  }

  /** Issued rows of one platform certificate (a first print and its reprints). */
  issuedOf(certificateId: string): Issuance[] {
    return this.db.prepare<[string], Row>("SELECT * FROM certificate_issuances WHERE certificate_id = ? AND status = 'issued' ORDER BY created_at, id").all(certificateId).map(toIssuance);
  }

  /** Recent rows for the staff screen, newest first. */
  recent(limit: number): Issuance[] {
    return this.db.prepare<[number], Row>('SELECT * FROM certificate_issuances ORDER BY created_at DESC, id DESC LIMIT ?').all(limit).map(toIssuance);
  }

  private require(id: string): Issuance {
    const found = this.get(id);
    if (!found) throw new Error(`no certificate issuance ${id}`);
    return found;
  }

  private move(id: string, from: readonly IssuanceStatus[], to: IssuanceStatus, set: Record<string, number>): void {
    this.db
      .transaction(() => {
        const before = this.require(id);
        if (!from.includes(before.status)) throw new IssuanceStateError(id, before.status, to);
        const columns = Object.keys(set);
        this.db.prepare(`UPDATE certificate_issuances SET status = ?${columns.map((c) => `, ${c} = ?`).join('')} WHERE id = ?`).run(to, ...columns.map((c) => set[c]), id);
      })
      .immediate();
  }
}

/** A step out of order: a bug, or two hands on one issuance (staff settling what the kiosk already settled). */
export class IssuanceStateError extends Error {
  override readonly name = 'IssuanceStateError';
  constructor(
    readonly issuanceId: string,
    readonly status: IssuanceStatus,
    readonly wanted: string,
  ) {
    super(`certificate issuance ${issuanceId} is ${status}: it cannot become ${wanted}`);
  }
}
