/**
 * 请取走您的身份证 after a session that read a card (issue 14 §9): on a reader that sees the card lifted
 * (reader-models.ts `removalProbe: select`), until it is, and a card still there after `cardLeftAlertAfterMs`
 * raises `cardLeft` for staff; on one that cannot, for `takeCardReminderMs`, and no "card left" is ever
 * claimed. The reminder itself says nothing personal.
 */
import type { Clock, TimerHandle } from '../../../common/clock';
import type { TakeCardReminder } from '../../../common/identity';
import type { IdCardReader } from '../../../drivers/devices/id-card-types';
import type { IdentityConfig } from '../config/config-types';

export interface CardLeftAlerts {
  raise(deviceId: string, code: 'cardLeft', message: string): void;
  clear(deviceId: string, code: 'cardLeft'): void;
}

export class TakeCardReminders {
  private timer: TimerHandle | null = null;
  private current: TakeCardReminder | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly config: Pick<IdentityConfig, 'takeCardReminderMs' | 'cardLeftAlertAfterMs'>,
    private readonly alerts: CardLeftAlerts,
    private readonly onChange: (reminder: TakeCardReminder | null) => void,
  ) {}

  /** The session that read a card ended with the card maybe still on `reader`. */
  start(reader: IdCardReader): void {
    this.stopTimer();
    if (!reader.detectsRemoval) {
      this.set({ left: false });
      this.timer = this.clock.setTimer(this.config.takeCardReminderMs, () => this.clear());
      return;
    }
    if (reader.status.cardReader?.cardPresent !== true) return;
    this.set({ left: false });
    this.timer = this.clock.setTimer(this.config.cardLeftAlertAfterMs, () => {
      this.timer = null;
      if (reader.status.cardReader?.cardPresent !== true) return this.clear();
      this.alerts.raise(reader.id, 'cardLeft', '身份证遗留在读卡器上，请代为保管并登记');
      this.set({ left: true });
    });
  }

  /** The card was lifted (where seen): the reminder and any cardLeft alert go. */
  lifted(reader: IdCardReader): void {
    this.alerts.clear(reader.id, 'cardLeft');
    this.clear();
  }

  /** A new card was read, or the reminder's time is up. */
  clear(): void {
    this.stopTimer();
    this.set(null);
  }

  dispose(): void {
    this.stopTimer();
  }

  private set(reminder: TakeCardReminder | null): void {
    if (reminder === null && this.current === null) return;
    this.current = reminder;
    this.onChange(reminder);
  }

  private stopTimer(): void {
    this.timer?.cancel();
    this.timer = null;
  }
}
