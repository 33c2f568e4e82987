/**
 * The outbox as staff screens and diagnostics see it (issue 17 §5): counts by kind and state, the age of the
 * oldest record still to be sent, when the next attempt is due. Ids and counts only: no payload, no HMAC.
 */
import type { StoredRecord } from './outbox-store';
import type { OutboxKindCounts, OutboxProblem, OutboxStatus } from './outbox-types';

export function summarize(
  records: readonly Omit<StoredRecord, 'sealed'>[],
  inFlight: ReadonlySet<string>,
  now: number,
  problem: OutboxProblem | null,
  running: boolean,
): OutboxStatus {
  const counts: OutboxStatus['counts'] = {};
  let oldest: number | null = null;
  let next: number | null = null;
  for (const r of records) {
    const c: OutboxKindCounts = (counts[r.kind] ??= { waiting: 0, sending: 0, refused: 0, quarantined: 0 });
    if (r.state !== 'waiting') {
      c[r.state]++;
      continue;
    }
    if (inFlight.has(r.id)) c.sending++;
    else c.waiting++;
    oldest = oldest === null ? r.createdAt : Math.min(oldest, r.createdAt);
    if (r.nextAttemptAt !== null) next = next === null ? r.nextAttemptAt : Math.min(next, r.nextAttemptAt);
  }
  return { available: problem === null, problem, running, counts, oldestWaitingAgeMs: oldest === null ? null : Math.max(0, now - oldest), nextAttemptAt: next };
}
