/**
 * 好差评 at the kiosk (issue 17 §8; GB/T 39735): the host offers a rating once a transaction ended, takes at
 * most one evaluation per transaction, stores it durably (level and reasons in the queue database; a
 * free-text comment only sealed in the outbox, since it may name people), and forwards it to the platform
 * through the outbox, which sends at once when the platform answers and later when it does not. A skip is
 * remembered for the transaction and never asked again.
 */
import type { CitizenService } from '../../../common/availability';
import { EVALUATION_LEVELS, EVALUATION_REASONS, LOW_EVALUATION_LEVELS, MAX_EVALUATION_COMMENT_LENGTH, type EvaluationOffer, type EvaluationSubmitRequest, type EvaluationSubmitResult } from '../../../common/evaluation';
import type { QueueDb } from '../queue/queue-db';

/** What goes to the platform (docs/platform-api.md, evaluations). */
export interface EvaluationForward {
  transactionId: string;
  kind: EvaluationOffer['kind'];
  serviceCode: string;
  /** GB/T 39735 order: 1 非常满意 … 5 非常不满意. */
  level: 1 | 2 | 3 | 4 | 5;
  reasons: string[];
  comment?: string;
  ratedAt: string;
  channel: 'kiosk';
}

export interface EvaluationDeskDeps {
  db: QueueDb;
  now: () => number;
  /**
   * Puts the evaluation in the outbox under its idempotency key and tries it at once; resolves true when the
   * platform acknowledged it already, false when it waits (unreachable) — it is durable either way.
   */
  forward(idempotencyKey: string, evaluation: EvaluationForward): Promise<boolean>;
}

interface OfferState extends EvaluationOffer {
  serviceCode: string;
}

export class EvaluationError extends Error {
  override readonly name = 'EvaluationError';
  constructor(
    readonly code: 'notOffered' | 'reasonsRequired' | 'badRequest',
    message: string,
  ) {
    super(message);
  }
}

export class EvaluationDesk {
  private offer: OfferState | null = null;
  private readonly listeners = new Set<(offer: EvaluationOffer | null) => void>();

  constructor(private readonly deps: EvaluationDeskDeps) {}

  /** A transaction ended: offer its rating (replacing any earlier offer nobody answered). */
  offerFor(transactionId: string, kind: EvaluationOffer['kind'], service: EvaluationOffer['service'], serviceCode: CitizenService | string): void {
    if (this.rated(transactionId)) return;
    this.offer = { transactionId, kind, service, serviceCode };
    this.emit();
  }

  current(): EvaluationOffer | null {
    if (!this.offer) return null;
    const { serviceCode: _code, ...offer } = this.offer;
    return offer;
  }

  /** The citizen skipped, or the session ended: the offer goes, and is not made again. */
  withdraw(transactionId?: string): void {
    if (!this.offer || (transactionId !== undefined && this.offer.transactionId !== transactionId)) return;
    this.offer = null;
    this.emit();
  }

  onChanged(listener: (offer: EvaluationOffer | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async submit(request: EvaluationSubmitRequest): Promise<EvaluationSubmitResult> {
    const { db } = this.deps;
    const known = db.prepare<[string, string], { request_id: string; forwarded_at: number | null }>('SELECT request_id, forwarded_at FROM evaluations WHERE transaction_id = ? OR request_id = ?').get(request.transactionId, request.requestId);
    if (known) return known.request_id === request.requestId ? { outcome: 'recorded', forwarded: known.forwarded_at !== null } : { outcome: 'alreadyRated' };
    const offer = this.offer;
    if (!offer || offer.transactionId !== request.transactionId) throw new EvaluationError('notOffered', `交易 ${request.transactionId} 没有待评价 / transaction ${request.transactionId} has no rating open`);
    const reasons = [...new Set(request.reasons ?? [])];
    const low = LOW_EVALUATION_LEVELS.includes(request.level);
    if (low && reasons.length === 0) throw new EvaluationError('reasonsRequired', '不满意时请至少选择一个原因 / a low rating needs at least one reason');
    if (!reasons.every((r) => (EVALUATION_REASONS as readonly string[]).includes(r))) throw new EvaluationError('badRequest', 'unknown reason');
    const comment = request.comment?.trim().slice(0, MAX_EVALUATION_COMMENT_LENGTH);
    const ratedAt = this.deps.now();
    db.prepare('INSERT INTO evaluations (transaction_id, request_id, kind, level, reasons, has_comment, rated_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      offer.transactionId,
      request.requestId,
      offer.kind,
      request.level,
      JSON.stringify(low ? reasons : []),
      comment ? 1 : 0,
      ratedAt,
    );
    this.offer = null;
    this.emit();
    const forwarded = await this.deps.forward(`evaluation-${offer.transactionId}`, {
      transactionId: offer.transactionId,
      kind: offer.kind,
      serviceCode: offer.serviceCode,
      level: (EVALUATION_LEVELS.indexOf(request.level) + 1) as EvaluationForward['level'],
      reasons: low ? reasons : [],
      ...(comment && { comment }),
      ratedAt: new Date(ratedAt).toISOString(),
      channel: 'kiosk',
    });
    if (forwarded) this.markForwarded(offer.transactionId);
    return { outcome: 'recorded', forwarded };
  }

  /** The outbox's acknowledgement of a waiting evaluation. */
  markForwarded(transactionId: string): void {
    this.deps.db.prepare('UPDATE evaluations SET forwarded_at = ? WHERE transaction_id = ? AND forwarded_at IS NULL').run(this.deps.now(), transactionId);
  }

  /** Today's counts by level, for staff (no comments, no people). */
  countsSince(since: number): Record<string, number> {
    const rows = this.deps.db.prepare<[number], { level: string; n: number }>('SELECT level, COUNT(*) AS n FROM evaluations WHERE rated_at >= ? GROUP BY level').all(since);
    return Object.fromEntries(EVALUATION_LEVELS.map((l) => [l, rows.find((r) => r.level === l)?.n ?? 0]));
  }

  private rated(transactionId: string): boolean {
    return this.deps.db.prepare('SELECT 1 FROM evaluations WHERE transaction_id = ?').get(transactionId) !== undefined;
  }

  private emit(): void {
    const offer = this.current();
    for (const l of this.listeners) l(offer);
  }
}
