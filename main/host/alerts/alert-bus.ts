/**
 * One alert bus (ARCHITECTURE.md §8.8): device errors become alerts `{ actor, deviceId, code, message }`
 * that staff screens, telemetry and the journal subscribe to. Raising the same (device, code) twice keeps
 * one active alert; clearing it publishes the cleared alert once.
 */
import type { Alert } from '../../../common/alerts';
import type { Clock } from '../../../common/clock';
import { ERROR_ACTOR } from '../../../common/errors';
import type { Logger } from '../../../common/logger';

export class AlertBus {
  private readonly activeAlerts = new Map<string, Alert>();
  private readonly listeners = new Set<(alert: Alert) => void>();

  constructor(
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  raise(deviceId: string, code: Alert['code'], message: string): void {
    const key = `${deviceId}\u0000${code}`;
    if (this.activeAlerts.has(key)) return;
    const actor = code === 'paperLow' ? 'staff' : ERROR_ACTOR[code];
    const alert: Alert = { actor, deviceId, code, message, at: this.clock.now(), active: true };
    this.activeAlerts.set(key, alert);
    this.log.warn('alert raised', { actor, deviceId, code, message });
    this.publish(alert);
  }

  clear(deviceId: string, code: Alert['code']): void {
    const key = `${deviceId}\u0000${code}`;
    const alert = this.activeAlerts.get(key);
    if (!alert) return;
    this.activeAlerts.delete(key);
    this.log.info('alert cleared', { deviceId, code });
    this.publish({ ...alert, active: false, at: this.clock.now() });
  }

  active(): Alert[] {
    return [...this.activeAlerts.values()];
  }

  onAlert(listener: (alert: Alert) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private publish(alert: Alert): void {
    for (const l of [...this.listeners]) l(alert);
  }
}
