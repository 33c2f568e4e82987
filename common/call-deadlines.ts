/**
 * How long a caller waits for each KioskApi channel's reply (issue 13 §4), the same in the renderer's
 * WebSocket client, the Electron preload and the supervisor's relay: a host that is hung (until its
 * watchdog restarts it) never leaves a citizen's screen waiting without end. Taking a ticket may wait for
 * the printer to finish the last one, print and confirm; everything else is quick.
 */
import type { ApiChannel } from './kiosk-api';

export const DEFAULT_CALL_DEADLINE_MS = 10_000;
export const TAKE_TICKET_DEADLINE_MS = 60_000;

export function callDeadlineMs(channel: ApiChannel): number {
  return channel === 'queue:take-ticket' ? TAKE_TICKET_DEADLINE_MS : DEFAULT_CALL_DEADLINE_MS;
}
