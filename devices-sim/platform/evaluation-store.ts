/**
 * 好差评 as the simulated platform receives them (issue 17 §8, GB/T 39735): five levels, reasons required for
 * the two low ones, one evaluation per transaction (a second one, under another key, answers
 * `alreadyEvaluated` and the first stands), the same Idempotency-Key again the same answer. In memory only.
 */
import { isoWithOffset, localDateKey } from '../../common/local-time';
import {
  EVALUATION_LEVELS,
  EVALUATION_REASONS,
  LOW_EVALUATION_LEVELS,
  MAX_EVALUATION_COMMENT_CHARS,
  type EvaluationLevel,
  type EvaluationReason,
  type EvaluationResult,
} from '../../common/platform-api';
import { IdempotencyConflict } from './appointment-book';
import { bodyHash } from './application-store';
import { Problems, type Fields } from './problems';

export interface EvaluationListing {
  evaluationId: string;
  transactionId: string;
  serviceCode: string;
  level: EvaluationLevel;
  reasons: EvaluationReason[];
  comment?: string;
  channel: string;
  kioskId: string;
  recordedAt: string;
}

const TRANSACTION_PATTERN = /^[A-Za-z0-9_.:-]{1,64}$/;
const REASON_CODES = Object.keys(EVALUATION_REASONS) as EvaluationReason[];

export class EvaluationStore {
  private readonly byKey = new Map<string, { hash: string; result: EvaluationResult }>();
  private readonly byTransaction = new Map<string, EvaluationListing>();
  private seq = 0;

  constructor(private readonly timeZone: string) {}

  submit(body: Fields, kioskId: string, key: string, nowMs: number): EvaluationResult {
    const hash = bodyHash(body);
    const remembered = this.byKey.get(`${kioskId} ${key}`);
    if (remembered) {
      if (remembered.hash !== hash) throw new IdempotencyConflict();
      return remembered.result;
    }
    const p = new Problems();
    const transactionId = p.text(body, 'transactionId', 'transactionId', ['办件编号', 'the transaction id'], 1, 64, TRANSACTION_PATTERN);
    const serviceCode = p.text(body, 'serviceCode', 'serviceCode', ['事项编码', 'the service code'], 1, 64);
    const level = body.level;
    if (!(EVALUATION_LEVELS as readonly unknown[]).includes(level)) p.add('level', '请选择评价等级', 'the level must be 1 (非常满意) to 5 (非常不满意)');
    const reasons = body.reasons ?? [];
    if (!Array.isArray(reasons) || !reasons.every((r) => (REASON_CODES as unknown[]).includes(r)) || new Set(reasons).size !== reasons.length) p.add('reasons', '评价原因不是可选的值', `reasons must be distinct, of ${REASON_CODES.join(', ')}`);
    else if (LOW_EVALUATION_LEVELS.includes(level as EvaluationLevel) && reasons.length === 0) p.add('reasons', '不满意的评价请至少选择一个原因', 'a low level needs at least one reason');
    const comment = body.comment;
    if (comment !== undefined && (typeof comment !== 'string' || Array.from(comment).length > MAX_EVALUATION_COMMENT_CHARS)) p.add('comment', `意见不超过 ${MAX_EVALUATION_COMMENT_CHARS} 字`, `the comment is at most ${MAX_EVALUATION_COMMENT_CHARS} characters`);
    if (body.channel !== 'kiosk') p.add('channel', '评价渠道应为 kiosk', 'the channel must be kiosk');
    for (const k of Object.keys(body)) if (!['idempotencyKey', 'transactionId', 'serviceCode', 'level', 'reasons', 'comment', 'channel'].includes(k)) p.add(k, '不是评价的字段', 'is not a field of an evaluation');
    if (p.any || !transactionId || !serviceCode) return { outcome: 'refused', problems: p.list };
    const first = this.byTransaction.get(transactionId);
    const result: EvaluationResult = first ? { outcome: 'alreadyEvaluated', evaluationId: first.evaluationId } : this.record({ transactionId, serviceCode, level: level as EvaluationLevel, reasons: reasons as EvaluationReason[], comment: comment as string | undefined, kioskId, nowMs });
    this.byKey.set(`${kioskId} ${key}`, { hash, result });
    return result;
  }

  list(): EvaluationListing[] {
    return [...this.byTransaction.values()].map((e) => ({ ...e, reasons: [...e.reasons] }));
  }

  size(): number {
    return this.byTransaction.size;
  }

  clear(): void {
    this.byKey.clear();
    this.byTransaction.clear();
    this.seq = 0;
  }

  private record(e: { transactionId: string; serviceCode: string; level: EvaluationLevel; reasons: EvaluationReason[]; comment: string | undefined; kioskId: string; nowMs: number }): EvaluationResult {
    const evaluationId = `PJ${localDateKey(e.nowMs, this.timeZone).replaceAll('-', '')}${String(++this.seq).padStart(6, '0')}`;
    const recordedAt = isoWithOffset(e.nowMs, this.timeZone);
    const listing: EvaluationListing = { evaluationId, transactionId: e.transactionId, serviceCode: e.serviceCode, level: e.level, reasons: e.reasons, channel: 'kiosk', kioskId: e.kioskId, recordedAt };
    if (e.comment !== undefined && e.comment !== '') listing.comment = e.comment;
    this.byTransaction.set(e.transactionId, listing);
    return { outcome: 'recorded', evaluationId, recordedAt };
  }
}
