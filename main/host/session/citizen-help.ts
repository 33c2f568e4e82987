/**
 * 长辈模式 and 呼叫帮助 (issue 16 §7, domain.md "Elder-friendly"): elder mode is a setting of the host's
 * session (the idle timer gives longer); a press on 呼叫帮助 raises one staff alert naming this kiosk and the
 * hall time, never the citizen. Presses within `repeatAfterMs` of the last alert raise no other: staff are on
 * their way, and the citizen is told so again.
 */
import type { Alert } from '../../../common/alerts';
import type { Clock } from '../../../common/clock';
import type { HelpCallResult } from '../../../common/guides-api';
import { formatLocalDateTime } from '../../../common/local-time';
import type { Logger } from '../../../common/logger';
import type { SessionState } from '../../../common/session';
import type { CitizenHelpPort } from '../api/guide-handlers';
import type { AuditEntry } from '../audit/audit-log';

/** A second press within this long raises no second alert. */
export const HELP_REPEAT_AFTER_MS = 60_000;
/** The alert bus's device id for alerts about the kiosk as a whole. */
export const KIOSK_ALERT_DEVICE = 'kiosk';

export interface CitizenHelpDeps {
  session: { setElder(on: boolean): SessionState };
  alerts: { event(deviceId: string, code: Alert['code'], ref: string, message: string): void };
  clock: Clock;
  /** The kiosk's name in 简体中文 (config `hall.kioskName['zh-CN']`), so staff know where to go. */
  kioskName: string;
  timeZone: string;
  log: Logger;
  /** The audit trail (main/host/audit/audit-trail.ts `record`), when there is one. */
  audit?: (entry: AuditEntry) => void;
  repeatAfterMs?: number;
}

export class CitizenHelp implements CitizenHelpPort {
  /** Monotonic time (clock.elapsedMs) of the last alert: a clock set back by hand cannot silence the button. */
  private lastRaisedAt: number | null = null;

  constructor(private readonly deps: CitizenHelpDeps) {}

  setElder(on: boolean): SessionState {
    return this.deps.session.setElder(on);
  }

  callHelp(): HelpCallResult {
    const { clock, log } = this.deps;
    const elapsed = clock.elapsedMs();
    if (this.lastRaisedAt !== null && elapsed - this.lastRaisedAt < (this.deps.repeatAfterMs ?? HELP_REPEAT_AFTER_MS)) {
      log.info('help pressed again: staff were already called', { sinceMs: elapsed - this.lastRaisedAt });
      return { raised: true };
    }
    this.lastRaisedAt = elapsed;
    const ref = `${this.deps.kioskName} ${formatLocalDateTime(clock.now(), this.deps.timeZone)}`;
    this.deps.alerts.event(KIOSK_ALERT_DEVICE, 'helpRequested', ref, `${this.deps.kioskName}：有市民按下“呼叫帮助”，请到本机协助`);
    try {
      this.deps.audit?.({ actor: 'citizen', action: 'help.call', subject: KIOSK_ALERT_DEVICE, detail: { ref } });
    } catch (err) {
      log.error('help call not audited', { error: err });
    }
    return { raised: true };
  }
}
