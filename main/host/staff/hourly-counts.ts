/**
 * Hall-hour counts for today's figures (issue 15 §2): citizen sessions, printed tickets, test tickets and
 * faults by device and actor, one row per (hall day, hour, kind, key), added to as they happen.
 */
import { localDateKey, localParts } from '../../../common/local-time';
import type { QueueDb } from '../queue/queue-db';

export type CountKind = 'session' | 'print' | 'testTicket' | 'fault';

export class HourlyCounts {
  constructor(
    private readonly db: QueueDb,
    private readonly timeZone: string,
  ) {}

  add(kind: CountKind, at: number, key = ''): void {
    this.db
      .prepare('INSERT INTO hourly_counts (day, hour, kind, key, n) VALUES (?, ?, ?, ?, 1) ON CONFLICT (day, hour, kind, key) DO UPDATE SET n = n + 1')
      .run(localDateKey(at, this.timeZone), localParts(at, this.timeZone).hour, kind, key);
  }

  /** Per hour 0–23 of `day`, summed over keys. */
  byHour(day: string, kind: CountKind): number[] {
    const hours = new Array<number>(24).fill(0);
    for (const r of this.db.prepare<[string, string], { hour: number; n: number }>('SELECT hour, SUM(n) AS n FROM hourly_counts WHERE day = ? AND kind = ? GROUP BY hour').all(day, kind)) hours[r.hour] = r.n;
    return hours;
  }

  /** Totals per key over `day`. */
  byKey(day: string, kind: CountKind): Array<{ key: string; n: number }> {
    return this.db.prepare<[string, string], { key: string; n: number }>('SELECT key, SUM(n) AS n FROM hourly_counts WHERE day = ? AND kind = ? GROUP BY key ORDER BY n DESC, key').all(day, kind);
  }
}
