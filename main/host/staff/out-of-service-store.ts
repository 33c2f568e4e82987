/**
 * What staff took out of service (issue 15 §2): the whole kiosk, or one citizen service. Kept in the
 * database, so a kiosk taken out stays out after a restart until somebody puts it back.
 */
import type { CitizenService } from '../../../common/availability';
import type { OutOfServiceView } from '../../../common/staff-desk';
import type { QueueDb } from '../queue/queue-db';

export type OutOfServiceTarget = 'kiosk' | CitizenService;

export class OutOfServiceStore {
  constructor(private readonly db: QueueDb) {}

  view(): OutOfServiceView {
    const rows = this.db.prepare<[], { target: string; by: string; since: number }>('SELECT target, by, since FROM out_of_service ORDER BY since').all();
    const kiosk = rows.find((r) => r.target === 'kiosk');
    return {
      kiosk: kiosk ? { by: kiosk.by, since: kiosk.since } : null,
      services: rows.filter((r) => r.target !== 'kiosk').map((r) => ({ service: r.target as CitizenService, by: r.by, since: r.since })),
    };
  }

  /** Whether `service` is out, by itself or with the whole kiosk. */
  isOut(service: CitizenService): boolean {
    return this.db.prepare<[string], { n: number }>("SELECT COUNT(*) AS n FROM out_of_service WHERE target IN ('kiosk', ?)").get(service)!.n > 0;
  }

  /** Returns whether anything changed (taking out what is out already changes nothing). */
  set(target: OutOfServiceTarget, inService: boolean, by: string, at: number): boolean {
    const result = inService
      ? this.db.prepare('DELETE FROM out_of_service WHERE target = ?').run(target)
      : this.db.prepare('INSERT INTO out_of_service (target, by, since) VALUES (?, ?, ?) ON CONFLICT (target) DO NOTHING').run(target, by, at);
    return result.changes > 0;
  }
}
