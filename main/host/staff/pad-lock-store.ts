/**
 * The PIN pad's lock (issue 15 §1): wrong PINs in a row at this kiosk, and until when the pad refuses every
 * PIN. Kept in the queue database (table `staff_pad_lock`, one row), so switching the kiosk off and on again
 * neither clears the count nor lifts the lock.
 */
import type { QueueDb } from '../queue/queue-db';

export interface PadLock {
  failures: number;
  lockedUntil: number | null;
}

export class PadLockStore {
  constructor(private readonly db: QueueDb) {}

  load(): PadLock {
    const row = this.db.prepare<[], { failures: number; locked_until: number | null }>('SELECT failures, locked_until FROM staff_pad_lock WHERE id = 1').get();
    return row ? { failures: row.failures, lockedUntil: row.locked_until } : { failures: 0, lockedUntil: null };
  }

  save(lock: PadLock): void {
    this.db
      .prepare('INSERT INTO staff_pad_lock (id, failures, locked_until) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until')
      .run(lock.failures, lock.lockedUntil);
  }
}
