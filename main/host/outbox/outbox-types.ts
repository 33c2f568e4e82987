/**
 * The outbox's vocabulary (issue 17 §5 "Offline", §8; ARCHITECTURE.md §8.3, §8.7): what waits, what a
 * sender answers, what staff and diagnostics see. Nothing here carries personal data except `payload`,
 * which exists in memory only while a record is sealed or sent.
 */

/** What a record is; a closed list, so a kind can never carry personal data. Add kinds here. */
export const OUTBOX_KINDS = ['application', 'evaluation', 'certificateReport'] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

/**
 * `waiting`: to be sent (again) at `nextAttemptAt`; `refused`: the platform refused the content for good,
 * kept for staff, never retried; `quarantined`: the sealed bytes fail their authentication (altered or
 * damaged on disk), kept, never sent. A record being sent is `waiting` on disk and `sending` in status.
 */
export const OUTBOX_STATES = ['waiting', 'refused', 'quarantined'] as const;
export type OutboxStoredState = (typeof OUTBOX_STATES)[number];
export type OutboxState = OutboxStoredState | 'sending';

/** One record as staff and diagnostics see it: no payload, no citizen HMAC. */
export interface OutboxRecordSummary {
  id: string;
  kind: OutboxKind;
  state: OutboxState;
  createdAt: number;
  attempts: number;
  nextAttemptAt: number | null;
  /** The last sender error, masked and shortened; null before any failure. */
  lastError: string | null;
}

/** What a per-kind sender answers for one attempt. */
export type SendOutcome =
  | { outcome: 'acknowledged'; reply: unknown }
  | { outcome: 'retry'; error: string }
  | { outcome: 'rejected'; error: string };

/**
 * Sends one record's payload to the platform under its idempotency key (the platform de-duplicates by it, so
 * a resend after a crash is accepted once). A throw counts as `retry`.
 */
export type OutboxSender = (payload: unknown, idempotencyKey: string) => Promise<SendOutcome>;

export interface OutboxAcknowledged {
  id: string;
  kind: OutboxKind;
  idempotencyKey: string;
  citizenHmac: string;
  /** The platform's reply (e.g. the acceptance number 受理编号), as the sender returned it. */
  reply: unknown;
}

export interface OutboxRefused {
  id: string;
  kind: OutboxKind;
  idempotencyKey: string;
  citizenHmac: string;
  error: string;
}

/** Why the outbox cannot seal or open anything (records kept, nothing sent, put refused). */
export type OutboxProblem = 'keyMissing' | 'keyMismatch';

export interface OutboxKindCounts {
  waiting: number;
  sending: number;
  refused: number;
  quarantined: number;
}

/** For staff screens and diagnostics: counts and ages, no personal data. */
export interface OutboxStatus {
  /** False while the key is missing or not the one the records were sealed with. */
  available: boolean;
  problem: OutboxProblem | null;
  running: boolean;
  counts: Partial<Record<OutboxKind, OutboxKindCounts>>;
  /** Age (clock ms) of the oldest record still to be sent (waiting or sending); null when none. */
  oldestWaitingAgeMs: number | null;
  /** When the next attempt is due (clock ms); null when nothing waits. */
  nextAttemptAt: number | null;
}

/**
 * For the alert bus (ARCHITECTURE.md §8.8), routed by the host: `refused` and `quarantined` are events about
 * one record (`ref` = its id); `keyMissing` and `keyMismatch` are conditions of the whole outbox.
 * `message` is bilingual and never holds personal data.
 */
export interface OutboxAlert {
  code: 'refused' | 'quarantined' | 'keyMissing' | 'keyMismatch';
  ref: string | null;
  message: string;
}
