/**
 * Each printer's counters at its last guided paper exchange (issue 15 §2): "counters reset" keeps the
 * printer's own statistics whole (they are its life's work) and stores where the new roll began instead.
 */
import type { QueueDb } from '../queue/queue-db';

export interface RollStart {
  exchangedAt: number;
  linesAt: number;
  cutsAt: number;
  by: string;
}

export class PaperRollStore {
  constructor(private readonly db: QueueDb) {}

  get(deviceId: string): RollStart | null {
    const row = this.db
      .prepare<[string], { exchanged_at: number; lines_at: number; cuts_at: number; exchanged_by: string }>('SELECT * FROM paper_rolls WHERE device_id = ?')
      .get(deviceId);
    return row ? { exchangedAt: row.exchanged_at, linesAt: row.lines_at, cutsAt: row.cuts_at, by: row.exchanged_by } : null;
  }

  set(deviceId: string, start: RollStart): void {
    this.db
      .prepare(
        'INSERT INTO paper_rolls (device_id, exchanged_at, lines_at, cuts_at, exchanged_by) VALUES (?, ?, ?, ?, ?) ON CONFLICT (device_id) DO UPDATE SET exchanged_at = excluded.exchanged_at, lines_at = excluded.lines_at, cuts_at = excluded.cuts_at, exchanged_by = excluded.exchanged_by',
      )
      .run(deviceId, start.exchangedAt, start.linesAt, start.cutsAt, start.by);
  }
}
