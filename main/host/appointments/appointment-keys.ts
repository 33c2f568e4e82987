/**
 * The names an appointment check-in is carried under (issue 14 item 7; ARCHITECTURE.md §8.3 "anything sent
 * out carries an idempotency key, so a retry after a crash cannot issue twice"). Both are derived from the
 * appointment code, never drawn at random, so they survive a crash and a lost reply without being persisted:
 *
 * - the platform's `Idempotency-Key`: this kiosk + the code (+ the opening time after a stale `early`, below).
 *   A retry after a timeout, a 5xx or a restart sends the same key and gets the platform's first answer
 *   (`checkedIn`), never `alreadyUsed` for the citizen whose check-in went through unseen. Another kiosk
 *   gets another key, so a code checked in elsewhere answers `alreadyUsed` here (a replay).
 * - the ticket's request id in the queue: the code alone. One appointment gets one number at this kiosk: a
 *   retry, or a second check-in after a crash between the platform's answer and the print, finds the ticket
 *   the first one reserved (queue-service.ts answers a repeated request id with it) instead of a second one.
 *   The renderer's own request ids cannot collide: they never contain a dot (common/api-validate.ts).
 *
 * A platform remembers the first answer under a key, an `early` too: once check-in has opened, that answer
 * is stale (its `checkInOpensAt` has passed). The next key then adds that opening time, which the platform
 * itself named, so the walk from key to key is the same after a restart (appointment-check-in.ts).
 */
import { createHash } from 'node:crypto';

const KEY_DOMAIN = 'hallkiosk appointment check-in v1';
const TICKET_DOMAIN = 'hallkiosk appointment ticket v1';

function digest(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\n')).digest('base64url');
}

/** 8–128 of `[A-Za-z0-9_.:-]` (common/platform-api.ts PLATFORM_KEY_PATTERN): "apt1-" and 43 base64url characters. */
export function checkInKey(kioskId: string, code: string, afterOpening?: string): string {
  return `apt1-${digest(afterOpening === undefined ? [KEY_DOMAIN, kioskId, code] : [KEY_DOMAIN, kioskId, code, afterOpening])}`;
}

/** The queue request id of the appointment's ticket: "apt." and 32 base64url characters. */
export function appointmentTicketRequestId(code: string): string {
  return `apt.${digest([TICKET_DOMAIN, code]).slice(0, 32)}`;
}
