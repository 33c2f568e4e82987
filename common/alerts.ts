/**
 * Alerts (ARCHITECTURE.md §8.8): every device error becomes one of these on the host's alert bus, routed
 * by `actor` to the person who must act. Staff screens, telemetry and the journal subscribe.
 */
import type { Actor, ErrorCode } from './errors';

export interface Alert {
  actor: Actor;
  deviceId: string;
  /** `helpRequested`: a citizen pressed 呼叫帮助 (issue 16 §7), for staff. */
  code: ErrorCode | 'paperLow' | 'helpRequested';
  /** Plain words for staff (zh-CN), never personal data. */
  message: string;
  /** Clock time it was raised. */
  at: number;
  /** False once the condition cleared. An event stays true until somebody dealt with it (staff settled the ticket). */
  active: boolean;
  /**
   * `condition` (also when absent): an ongoing device state, raised once and cleared when it ends.
   * `event`: a one-off outcome (one ticket's partial or uncertain print), published once per `ref`.
   */
  kind?: 'condition' | 'event';
  /** What an event is about, e.g. the ticket `2026-11-23 A003` (hall day and number); no personal data. */
  ref?: string;
}
