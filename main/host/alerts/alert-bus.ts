/**
 * One alert bus (ARCHITECTURE.md §8.8): device errors become alerts `{ actor, deviceId, code, message }`
 * that staff screens, telemetry and the journal subscribe to. Two kinds:
 * - conditions (paper out, cover open, …): `raise` the same (device, code) twice keeps one active alert;
 *   `clear` publishes the cleared alert once;
 * - events (one ticket printed partly, or with an uncertain outcome): `event` publishes each one, keyed by
 *   its `ref` (the ticket), so the second uncertain ticket is announced like the first. The latest events
 *   are kept for `recentEvents()`; the same (device, code, ref) is published once. An event stays active
 *   until somebody dealt with it: `resolveEvent` (staff settled the uncertain ticket, issue 13 §3) publishes
 *   it once more, inactive.
 */
import type { Alert } from '../../../common/alerts';
import type { Clock } from '../../../common/clock';
import { ERROR_ACTOR } from '../../../common/errors';
import type { Logger } from '../../../common/logger';

/** How many events `recentEvents()` keeps (a day of a busy hall's print trouble, bounded). */
export const RECENT_EVENTS = 200;

export class AlertBus {
  private readonly activeAlerts = new Map<string, Alert>();
  private readonly events = new Map<string, Alert>();
  private readonly listeners = new Set<(alert: Alert) => void>();

  constructor(
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  /** An ongoing condition begins (deduplicated per device and code). */
  raise(deviceId: string, code: Alert['code'], message: string): void {
    const key = `${deviceId}\u0000${code}`;
    if (this.activeAlerts.has(key)) return;
    const alert: Alert = { actor: actorOf(code), deviceId, code, message, at: this.clock.now(), active: true, kind: 'condition' };
    this.activeAlerts.set(key, alert);
    this.log.warn('alert raised', { actor: alert.actor, deviceId, code, message });
    this.publish(alert);
  }

  /** An ongoing condition ended. */
  clear(deviceId: string, code: Alert['code']): void {
    const key = `${deviceId}\u0000${code}`;
    const alert = this.activeAlerts.get(key);
    if (!alert) return;
    this.activeAlerts.delete(key);
    this.log.info('alert cleared', { deviceId, code });
    this.publish({ ...alert, active: false, at: this.clock.now() });
  }

  /** A one-off outcome about `ref` (e.g. the ticket "2026-11-23 A003"): published once per (device, code, ref). */
  event(deviceId: string, code: Alert['code'], ref: string, message: string): void {
    const key = `${deviceId}\u0000${code}\u0000${ref}`;
    if (this.events.has(key)) return;
    const alert: Alert = { actor: actorOf(code), deviceId, code, message, at: this.clock.now(), active: true, kind: 'event', ref };
    this.events.set(key, alert);
    if (this.events.size > RECENT_EVENTS) this.events.delete(this.events.keys().next().value as string);
    this.log.warn('alert event', { actor: alert.actor, deviceId, code, ref, message });
    this.publish(alert);
  }

  /**
   * Somebody dealt with what the events about `ref` asked for (staff settled that ticket): each active one
   * is published again with `active: false`, and stays in `recentEvents()` as resolved. Returns how many.
   */
  resolveEvent(code: Alert['code'], ref: string): number {
    let resolved = 0;
    for (const [key, alert] of this.events) {
      if (alert.code !== code || alert.ref !== ref || !alert.active) continue;
      const done: Alert = { ...alert, active: false, at: this.clock.now() };
      this.events.set(key, done);
      this.log.info('alert event resolved', { deviceId: alert.deviceId, code, ref });
      this.publish(done);
      resolved++;
    }
    return resolved;
  }

  /** The conditions in force now. */
  active(): Alert[] {
    return [...this.activeAlerts.values()];
  }

  /** The latest events, oldest first. */
  recentEvents(): Alert[] {
    return [...this.events.values()];
  }

  onAlert(listener: (alert: Alert) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private publish(alert: Alert): void {
    for (const l of [...this.listeners]) l(alert);
  }
}

function actorOf(code: Alert['code']): Alert['actor'] {
  return code === 'paperLow' || code === 'helpRequested' ? 'staff' : ERROR_ACTOR[code];
}
