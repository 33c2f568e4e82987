/**
 * The latest clock time this kiosk has seen (issue 13 §3, a flat RTC battery), kept in the queue database's
 * `kiosk_meta` (key `lastSeenAt`, epoch ms): written at every reservation (queue-service.ts) and every minute
 * (clock-watch.ts). A wall clock found far behind it at start is not believed (clock-watch.ts).
 */
import type { QueueDb } from '../queue/queue-db';

export const LAST_SEEN_KEY = 'lastSeenAt';

export class LastSeenStore {
  private readonly sql;

  constructor(db: QueueDb) {
    this.sql = {
      read: db.prepare<[], { value: string }>(`SELECT value FROM kiosk_meta WHERE key = '${LAST_SEEN_KEY}'`),
      // Only ever forward: a clock that went back never lowers what was seen.
      forward: db.prepare<[string]>(
        `INSERT INTO kiosk_meta (key, value) VALUES ('${LAST_SEEN_KEY}', ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE CAST(excluded.value AS INTEGER) > CAST(kiosk_meta.value AS INTEGER)`,
      ),
      reset: db.prepare<[string]>(
        `INSERT INTO kiosk_meta (key, value) VALUES ('${LAST_SEEN_KEY}', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      ),
    };
  }

  /** The latest time seen, or null on a fresh database. */
  read(): number | null {
    const row = this.sql.read.get();
    if (!row) return null;
    const ms = Number(row.value);
    return Number.isFinite(ms) ? ms : null;
  }

  /** Moves it forward to `ms` (never back). */
  record(ms: number): void {
    this.sql.forward.run(String(Math.trunc(ms)));
  }

  /** Sets it to `ms`, back too: only when a technician confirmed the clock, audited by the caller. */
  reset(ms: number): void {
    this.sql.reset.run(String(Math.trunc(ms)));
  }
}
