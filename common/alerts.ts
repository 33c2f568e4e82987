/**
 * Alerts (ARCHITECTURE.md §8.8): every device error becomes one of these on the host's alert bus, routed
 * by `actor` to the person who must act. Staff screens, telemetry and the journal subscribe.
 */
import type { Actor, ErrorCode } from './errors';

export interface Alert {
  actor: Actor;
  deviceId: string;
  code: ErrorCode | 'paperLow';
  /** Plain words for staff (zh-CN), never personal data. */
  message: string;
  /** Clock time it was raised. */
  at: number;
  /** False once the condition cleared. */
  active: boolean;
}
