/**
 * The host's way into the audit chain (issue 15 §1): every sign-in, staff action and failure is appended as
 * the signed-in person, and the chain's head is written out after each commit (audit-head.ts) so a cut-off
 * tail shows. Changes that append inside their own transaction (a ticket settled, the clock confirmed) call
 * `sync()` once they committed; a head written before the commit could name a record that then rolled back.
 */
import type { Clock } from '../../../common/clock';
import type { Logger } from '../../../common/logger';
import type { QueueDb } from '../queue/queue-db';
import { type AuditHead, auditHeadOf, readAuditHead, writeAuditHead } from './audit-head';
import { appendAudit, type AuditEntry, type AuditRecord } from './audit-log';
import { type AuditVerdict, verifyAudit } from './audit-verify';

export class AuditTrail {
  private written: AuditHead | null = null;

  constructor(
    private readonly db: QueueDb,
    private readonly clock: Clock,
    private readonly headFile: string,
    private readonly log: Logger,
  ) {}

  /** Appends one record in a transaction of its own, then writes the head out. */
  record(entry: AuditEntry): AuditRecord {
    const record = appendAudit(this.db, this.clock.now(), entry);
    this.sync();
    return record;
  }

  /** The chain's newest record in the database. */
  head(): AuditHead | null {
    return auditHeadOf(this.db);
  }

  /** The whole chain checked against the head written out (as `npm run audit -- verify` does). */
  verify(): AuditVerdict {
    return verifyAudit(this.db, readAuditHead(this.headFile));
  }

  /** Writes the head out if it moved since the last write. A failed write is logged: the action stands. */
  sync(): void {
    const head = auditHeadOf(this.db);
    if (head === null || (this.written?.id === head.id && this.written.hash === head.hash)) return;
    try {
      writeAuditHead(this.headFile, head);
      this.written = head;
    } catch (err) {
      this.log.error('audit head not written out', { file: this.headFile, error: err });
    }
  }
}
