/**
 * The locker's parcels, durably (issue 17 §7; ARCHITECTURE.md §8.7): one row per document put into a
 * compartment, from the moment its door is opened for staff until it is collected. Kept in the queue database
 * (or any better-sqlite3 database: the tables are created here), so a restart neither forgets a parcel nor
 * hands out a compartment that is still full. No personal data in clear: the citizen is the HMAC of their ID
 * number (the caller's), the pick-up code only as an HMAC under the kiosk's key. Wrong-code attempts are kept
 * too, so switching the kiosk off and on does not reset the rate limit (pickup-attempts.ts).
 */
import type Database from 'better-sqlite3';

/** `loading`, `waiting`, `opened`, `attention` hold their compartment; `collected` and `loadFailed` are over. */
export const PARCEL_STATES = ['loading', 'waiting', 'opened', 'attention', 'collected', 'loadFailed'] as const;
export type ParcelState = (typeof PARCEL_STATES)[number];
export const LIVE_STATES: readonly ParcelState[] = ['loading', 'waiting', 'opened', 'attention'];

export interface Parcel {
  id: number;
  lockerId: string;
  compartment: number;
  documentRef: string;
  citizenHmac: string;
  staffId: string;
  state: ParcelState;
  createdAt: number;
  loadedAt: number | null;
  expiresAt: number | null;
  settledAt: number | null;
  /** Why it needs staff (`attention`) or why loading failed. */
  note: string | null;
}

interface ParcelRow {
  id: number;
  locker_id: string;
  compartment: number;
  document_ref: string;
  citizen_hmac: string;
  staff_id: string;
  state: ParcelState;
  created_at: number;
  loaded_at: number | null;
  expires_at: number | null;
  settled_at: number | null;
  note: string | null;
}

const quoted = (values: readonly string[]): string => values.map((v) => `'${v}'`).join(', ');

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS locker_parcels (
    id INTEGER PRIMARY KEY,
    locker_id TEXT NOT NULL,
    compartment INTEGER NOT NULL CHECK (compartment >= 1),
    document_ref TEXT NOT NULL,
    citizen_hmac TEXT NOT NULL,
    staff_id TEXT NOT NULL,
    code_hmac TEXT,
    state TEXT NOT NULL CHECK (state IN (${quoted(PARCEL_STATES)})),
    created_at INTEGER NOT NULL,
    loaded_at INTEGER,
    expires_at INTEGER,
    settled_at INTEGER,
    note TEXT
  );
  CREATE UNIQUE INDEX IF NOT EXISTS locker_parcels_live_compartment ON locker_parcels (locker_id, compartment) WHERE state IN (${quoted(LIVE_STATES)});
  CREATE UNIQUE INDEX IF NOT EXISTS locker_parcels_live_code ON locker_parcels (code_hmac) WHERE code_hmac IS NOT NULL AND state IN (${quoted(LIVE_STATES)});
  CREATE INDEX IF NOT EXISTS locker_parcels_by_citizen ON locker_parcels (citizen_hmac, state);
  CREATE TABLE IF NOT EXISTS locker_code_failures (id INTEGER PRIMARY KEY, locker_id TEXT NOT NULL, at INTEGER NOT NULL);
  CREATE INDEX IF NOT EXISTS locker_code_failures_by_time ON locker_code_failures (locker_id, at);
`;

const toParcel = (r: ParcelRow): Parcel => ({
  id: r.id,
  lockerId: r.locker_id,
  compartment: r.compartment,
  documentRef: r.document_ref,
  citizenHmac: r.citizen_hmac,
  staffId: r.staff_id,
  state: r.state,
  createdAt: r.created_at,
  loadedAt: r.loaded_at,
  expiresAt: r.expires_at,
  settledAt: r.settled_at,
  note: r.note,
});

export class LockerStore {
  constructor(
    private readonly db: Database.Database,
    readonly lockerId: string,
  ) {
    db.exec(SCHEMA);
  }

  /** A parcel whose door is about to open for staff; throws if the compartment is held (the unique index). */
  begin(p: { compartment: number; documentRef: string; citizenHmac: string; staffId: string; at: number }): Parcel {
    const info = this.db
      .prepare("INSERT INTO locker_parcels (locker_id, compartment, document_ref, citizen_hmac, staff_id, state, created_at) VALUES (?, ?, ?, ?, ?, 'loading', ?)")
      .run(this.lockerId, p.compartment, p.documentRef, p.citizenHmac, p.staffId, p.at);
    return this.get(Number(info.lastInsertRowid))!;
  }

  get(id: number): Parcel | undefined {
    const row = this.db.prepare<[number, string], ParcelRow>('SELECT * FROM locker_parcels WHERE id = ? AND locker_id = ?').get(id, this.lockerId);
    return row && toParcel(row);
  }

  /** Loaded: the code's HMAC, now live, and when it expires. */
  loaded(id: number, codeHmac: string, at: number, expiresAt: number): void {
    this.db.prepare("UPDATE locker_parcels SET state = 'waiting', code_hmac = ?, loaded_at = ?, expires_at = ? WHERE id = ?").run(codeHmac, at, expiresAt, id);
  }

  setState(id: number, state: ParcelState, at: number, note: string | null = null): void {
    const final = state === 'collected' || state === 'loadFailed';
    this.db.prepare('UPDATE locker_parcels SET state = ?, note = ?, settled_at = ? WHERE id = ?').run(state, note, final ? at : null, id);
  }

  /** Compartments a parcel holds. */
  heldCompartments(): Set<number> {
    const rows = this.db.prepare<[string], { compartment: number }>(`SELECT compartment FROM locker_parcels WHERE locker_id = ? AND state IN (${quoted(LIVE_STATES)})`).all(this.lockerId);
    return new Set(rows.map((r) => r.compartment));
  }

  codeInUse(codeHmac: string): boolean {
    return this.db.prepare(`SELECT 1 FROM locker_parcels WHERE code_hmac = ? AND state IN (${quoted(LIVE_STATES)})`).get(codeHmac) !== undefined;
  }

  /** The waiting parcel this code opens. */
  byCode(codeHmac: string): Parcel | undefined {
    const row = this.db.prepare<[string, string], ParcelRow>("SELECT * FROM locker_parcels WHERE code_hmac = ? AND locker_id = ? AND state = 'waiting'").get(codeHmac, this.lockerId);
    return row && toParcel(row);
  }

  /** The citizen's waiting parcels, oldest first. */
  byCitizen(citizenHmac: string): Parcel[] {
    return this.db
      .prepare<[string, string], ParcelRow>("SELECT * FROM locker_parcels WHERE citizen_hmac = ? AND locker_id = ? AND state = 'waiting' ORDER BY loaded_at, id")
      .all(citizenHmac, this.lockerId)
      .map(toParcel);
  }

  inState(...states: ParcelState[]): Parcel[] {
    return this.db
      .prepare<[string], ParcelRow>(`SELECT * FROM locker_parcels WHERE locker_id = ? AND state IN (${quoted(states)}) ORDER BY id`)
      .all(this.lockerId)
      .map(toParcel);
  }

  recordCodeFailure(at: number): void {
    this.db.prepare('INSERT INTO locker_code_failures (locker_id, at) VALUES (?, ?)').run(this.lockerId, at);
  }

  /** Wrong-code attempts at or after `since`, oldest first. */
  codeFailuresSince(since: number): number[] {
    return this.db.prepare<[string, number], { at: number }>('SELECT at FROM locker_code_failures WHERE locker_id = ? AND at >= ? ORDER BY at').all(this.lockerId, since).map((r) => r.at);
  }
}
