import { afterEach, describe, expect, it } from 'vitest';
import { auditRecordsAbout, verifyAuditChain } from '../audit/audit-log';
import { openQueueDb, type QueueDb } from '../queue/queue-db';
import { IssuanceJournal, IssuanceStateError, newIssuanceId, type IssuanceIntent } from './issuance-journal';

const dbs: QueueDb[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

function journal() {
  const db = openQueueDb(':memory:');
  dbs.push(db);
  let t = Date.UTC(2026, 11, 2, 2, 0, 0);
  return { db, journal: new IssuanceJournal(db, () => (t += 1000)) };
}

const intent = (over: Partial<IssuanceIntent> = {}): IssuanceIntent => ({
  id: newIssuanceId(),
  requestId: 'req-1',
  sessionId: 's-1',
  kind: 'socialInsuranceRecord',
  certificateId: 'SI-2026-000123',
  idHmac: 'a'.repeat(64),
  pages: 1,
  ...over,
});

describe('the certificate issuance journal (issue 17 §2)', () => {
  it('answers a repeated request with the first row, and walks intent → sending → accepted → issued, audited', () => {
    const { db, journal: j } = journal();
    const first = j.begin(intent());
    expect(first.existing).toBe(false);
    expect(first.issuance).toMatchObject({ status: 'intent', jobId: null, settledAt: null });
    expect(first.issuance.id).toMatch(/^CRT-[0-9A-F]{16}$/u);
    const again = j.begin(intent({ id: newIssuanceId() }));
    expect(again).toEqual({ existing: true, issuance: first.issuance });

    j.markSending(first.issuance.id);
    j.markAccepted(first.issuance.id, 42);
    expect(j.unfinished().map((i) => [i.id, i.status, i.jobId])).toEqual([[first.issuance.id, 'accepted', 42]]);
    const issued = j.settle(first.issuance.id, { outcome: 'issued' });
    expect(issued).toMatchObject({ status: 'issued', settledBy: 'kiosk', errorCode: null });
    expect(j.unfinished()).toEqual([]);
    expect(j.issuedOf('SI-2026-000123').map((i) => i.id)).toEqual([first.issuance.id]);
    expect(auditRecordsAbout(db, first.issuance.id).map((r) => [r.action, r.detail])).toEqual([
      ['certificate.issue', { kind: 'socialInsuranceRecord', certificateId: 'SI-2026-000123', outcome: 'issued', pages: 1, jobId: 42 }],
    ]);
    expect(verifyAuditChain(db)).toEqual({ ok: true, records: 1 });
  });

  it('refuses steps out of order, and lets staff settle only an uncertain row', () => {
    const { db, journal: j } = journal();
    const { issuance } = j.begin(intent());
    expect(() => j.markAccepted(issuance.id, 7)).toThrow(IssuanceStateError);
    j.markSending(issuance.id);
    expect(() => j.settle(issuance.id, { outcome: 'issued' }, 'staff-wang')).toThrow(/cannot become issued/u);
    j.settle(issuance.id, { outcome: 'uncertain', errorCode: 'jobUnknownToPrinter' });
    expect(j.uncertain().map((i) => i.id)).toEqual([issuance.id]);
    expect(() => j.settle(issuance.id, { outcome: 'issued' })).toThrow(IssuanceStateError);
    const settled = j.settle(issuance.id, { outcome: 'voided', errorCode: 'staffFoundNoPaper' }, 'staff-wang');
    expect(settled).toMatchObject({ status: 'voided', settledBy: 'staff-wang', errorCode: 'staffFoundNoPaper' });
    expect(j.uncertain()).toEqual([]);
    expect(auditRecordsAbout(db, issuance.id).map((r) => [r.actor, r.action, r.detail.outcome])).toEqual([
      ['kiosk', 'certificate.uncertain', 'uncertain'],
      ['staff-wang', 'certificate.settle', 'voided'],
    ]);
  });

  it('keeps the sheets a void job put out, and records a reprint as its own audited row', () => {
    const { db, journal: j } = journal();
    const { issuance } = j.begin(intent({ pages: 3 }));
    j.markSending(issuance.id);
    j.markAccepted(issuance.id, 9);
    expect(j.settle(issuance.id, { outcome: 'voided', errorCode: 'paperJam', pagesCompleted: 1 })).toMatchObject({ status: 'voided', pagesCompleted: 1 });
    const reprint = j.begin(intent({ requestId: 'reprint-1', pages: 3, reprintOf: issuance.id }), 'staff-li');
    expect(reprint.issuance).toMatchObject({ reprintOf: issuance.id, status: 'intent' });
    expect(auditRecordsAbout(db, issuance.id).map((r) => [r.actor, r.action])).toEqual([
      ['kiosk', 'certificate.void'],
      ['staff-li', 'certificate.reprint'],
    ]);
    expect(verifyAuditChain(db)).toEqual({ ok: true, records: 2 });
  });
});
