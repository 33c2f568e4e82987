/**
 * Forgotten ID cards and tickets (issue 15 §2): what, when, logged by whom, handed to whom. The text is what
 * staff chose or typed; the host refuses an ID number in it (found-item-text.ts), so the log holds none.
 */
import type { FoundItem, FoundItemKind } from '../../../common/staff-desk';
import type { QueueDb } from '../queue/queue-db';

interface Row {
  id: number;
  kind: FoundItemKind;
  what: string;
  found_at: number;
  logged_by: string;
  handed_to: string | null;
  handed_at: number | null;
  handed_by: string | null;
}

const toItem = (r: Row): FoundItem => ({ id: r.id, kind: r.kind, what: r.what, foundAt: r.found_at, loggedBy: r.logged_by, handedTo: r.handed_to, handedAt: r.handed_at, handedBy: r.handed_by });

/** The list staff see: everything not handed over yet, and what was handed over since `since`. */
export class FoundItemsStore {
  constructor(private readonly db: QueueDb) {}

  list(since: number): FoundItem[] {
    return this.db.prepare<[number], Row>('SELECT * FROM found_items WHERE handed_at IS NULL OR handed_at >= ? ORDER BY found_at DESC, id DESC').all(since).map(toItem);
  }

  waiting(): number {
    return this.db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM found_items WHERE handed_at IS NULL').get()!.n;
  }

  add(kind: FoundItemKind, what: string, by: string, at: number): FoundItem {
    const id = Number(this.db.prepare('INSERT INTO found_items (kind, what, found_at, logged_by) VALUES (?, ?, ?, ?)').run(kind, what, at, by).lastInsertRowid);
    return toItem(this.db.prepare<[number], Row>('SELECT * FROM found_items WHERE id = ?').get(id)!);
  }

  /** Null when there is no such item or it was handed over already. */
  handOver(id: number, handedTo: string, by: string, at: number): FoundItem | null {
    const changed = this.db.prepare('UPDATE found_items SET handed_to = ?, handed_at = ?, handed_by = ? WHERE id = ? AND handed_at IS NULL').run(handedTo, at, by, id).changes;
    return changed === 0 ? null : toItem(this.db.prepare<[number], Row>('SELECT * FROM found_items WHERE id = ?').get(id)!);
  }
}
