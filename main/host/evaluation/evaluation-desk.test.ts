import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openQueueDb, type QueueDb } from '../queue/queue-db';
import { EvaluationDesk, type EvaluationForward } from './evaluation-desk';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

function desk(platformUp = true) {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-eval-'));
  const file = join(dir, 'kiosk.sqlite');
  const db: QueueDb = openQueueDb(file);
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }), () => db.close());
  const sent: Array<{ key: string; evaluation: EvaluationForward }> = [];
  const d = new EvaluationDesk({
    db,
    now: () => Date.UTC(2026, 11, 2, 3, 0, 0),
    forward: async (key, evaluation) => {
      sent.push({ key, evaluation });
      return platformUp;
    },
  });
  return { d, db, sent, file };
}

const SERVICE = { 'zh-CN': '个人参保证明打印', en: 'Social insurance certificate' };

describe('好差评 at the kiosk (issue 17 §8)', () => {
  it('takes one evaluation per transaction, forwards it with GB/T 39735 levels, and answers a retry the same', async () => {
    const { d, sent } = desk();
    const seen: Array<string | null> = [];
    d.onChanged((o) => seen.push(o?.transactionId ?? null));
    d.offerFor('CRT-1', 'certificate', SERVICE, 'certificates');
    expect(d.current()).toEqual({ transactionId: 'CRT-1', kind: 'certificate', service: SERVICE });
    const result = await d.submit({ transactionId: 'CRT-1', level: 'satisfied', reasons: ['slow'], requestId: 'r1' });
    expect(result).toEqual({ outcome: 'recorded', forwarded: true });
    // Reasons go only with a low level; the offer is gone.
    expect(sent).toEqual([{ key: 'evaluation-CRT-1', evaluation: { transactionId: 'CRT-1', kind: 'certificate', serviceCode: 'certificates', level: 2, reasons: [], ratedAt: '2026-12-02T03:00:00.000Z', channel: 'kiosk' } }]);
    expect(d.current()).toBeNull();
    expect(seen).toEqual(['CRT-1', null]);
    expect(await d.submit({ transactionId: 'CRT-1', level: 'satisfied', requestId: 'r1' })).toEqual({ outcome: 'recorded', forwarded: true });
    expect(await d.submit({ transactionId: 'CRT-1', level: 'veryDissatisfied', reasons: ['other'], requestId: 'r2' })).toEqual({ outcome: 'alreadyRated' });
    d.offerFor('CRT-1', 'certificate', SERVICE, 'certificates');
    expect(d.current()).toBeNull();
    expect(sent).toHaveLength(1);
  });

  it('asks a low level for a reason, keeps the comment out of the database, and says when it waits for the platform', async () => {
    const { d, db, sent, file } = desk(false);
    d.offerFor('A012', 'ticket', { 'zh-CN': '社保业务取号' }, 'ticket');
    await expect(d.submit({ transactionId: 'A012', level: 'dissatisfied', requestId: 'r1' })).rejects.toMatchObject({ code: 'reasonsRequired' });
    const comment = '窗口工作人员王小明态度很好但是机器太慢';
    expect(await d.submit({ transactionId: 'A012', level: 'dissatisfied', reasons: ['slow', 'deviceProblem', 'slow'], comment, requestId: 'r1' })).toEqual({ outcome: 'recorded', forwarded: false });
    expect(sent[0]!.evaluation).toMatchObject({ level: 4, reasons: ['slow', 'deviceProblem'], comment });
    expect(db.prepare('SELECT level, reasons, has_comment, forwarded_at FROM evaluations').all()).toEqual([{ level: 'dissatisfied', reasons: '["slow","deviceProblem"]', has_comment: 1, forwarded_at: null }]);
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(file).includes(Buffer.from('王小明'))).toBe(false);
    d.markForwarded('A012');
    expect(db.prepare('SELECT forwarded_at FROM evaluations').get()).toEqual({ forwarded_at: Date.UTC(2026, 11, 2, 3, 0, 0) });
    expect(d.countsSince(0)).toEqual({ verySatisfied: 0, satisfied: 0, basicallySatisfied: 0, dissatisfied: 1, veryDissatisfied: 0 });
  });

  it('refuses a rating nobody offered, and a skip withdraws the offer for good', async () => {
    const { d } = desk();
    await expect(d.submit({ transactionId: 'X', level: 'satisfied', requestId: 'r1' })).rejects.toMatchObject({ code: 'notOffered' });
    d.offerFor('B003', 'ticket', { 'zh-CN': '公积金业务取号' }, 'ticket');
    d.withdraw('OTHER');
    expect(d.current()?.transactionId).toBe('B003');
    d.withdraw('B003');
    expect(d.current()).toBeNull();
    await expect(d.submit({ transactionId: 'B003', level: 'satisfied', requestId: 'r2' })).rejects.toMatchObject({ code: 'notOffered' });
  });
});
