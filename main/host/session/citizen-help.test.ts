import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../common/alerts';
import { SILENT_LOGGER } from '../../../common/logger';
import { ManualClock } from '../../../common/manual-clock';
import type { SessionState } from '../../../common/session';
import { AlertBus } from '../alerts/alert-bus';
import type { AuditEntry } from '../audit/audit-log';
import { CitizenHelp } from './citizen-help';
import { SessionService } from './session-service';

function rig(audit: (entry: AuditEntry) => void = () => undefined) {
  // 10:05 in Shanghai.
  const clock = new ManualClock(Date.UTC(2026, 10, 23, 2, 5));
  const alerts = new AlertBus(clock, SILENT_LOGGER);
  const session = new SessionService(clock, { idleTimeoutMs: 60_000, countdownMs: 10_000, attractAfterMs: 30_000, elderIdleTimeoutMs: 180_000, elderCountdownMs: 30_000 }, SILENT_LOGGER);
  const raised: Alert[] = [];
  alerts.onAlert((a) => raised.push(a));
  const pushed: SessionState[] = [];
  session.onChanged((s) => pushed.push(s));
  const help = new CitizenHelp({ session, alerts, clock, kioskName: '一楼 2 号自助机', timeZone: 'Asia/Shanghai', log: SILENT_LOGGER, audit });
  return { clock, session, help, raised, pushed };
}

describe('CitizenHelp (issue 16 §7)', () => {
  it('setElder is the session’s: the state comes back and is pushed as session:changed', () => {
    const { help, pushed } = rig();
    expect(help.setElder(true)).toMatchObject({ phase: 'active', elder: true, idleTimeoutMs: 180_000 });
    expect(pushed.at(-1)).toMatchObject({ elder: true });
    expect(help.setElder(false)).toMatchObject({ elder: false, idleTimeoutMs: 60_000 });
  });

  it('呼叫帮助 raises one staff event naming the kiosk and the hall time, nothing of the citizen', () => {
    const { help, raised } = rig();
    expect(help.callHelp()).toEqual({ raised: true });
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ actor: 'staff', kind: 'event', code: 'helpRequested', deviceId: 'kiosk', active: true, ref: '一楼 2 号自助机 2026-11-23 10:05' });
    expect(raised[0]?.message).toContain('一楼 2 号自助机');
  });

  it('a second press within 60 s raises no other alert but still answers raised; after 60 s it raises again', () => {
    const { clock, help, raised } = rig();
    help.callHelp();
    clock.advance(59_999);
    expect(help.callHelp()).toEqual({ raised: true });
    expect(raised).toHaveLength(1);
    clock.advance(1);
    expect(help.callHelp()).toEqual({ raised: true });
    expect(raised.map((a) => a.ref)).toEqual(['一楼 2 号自助机 2026-11-23 10:05', '一楼 2 号自助机 2026-11-23 10:06']);
  });

  it('is audited when there is a trail, and an audit failure does not stop the alert', () => {
    const entries: AuditEntry[] = [];
    const { help } = rig((e) => entries.push(e));
    help.callHelp();
    expect(entries).toEqual([{ actor: 'citizen', action: 'help.call', subject: 'kiosk', detail: { ref: '一楼 2 号自助机 2026-11-23 10:05' } }]);
    const failing = rig(() => {
      throw new Error('disk full');
    });
    expect(failing.help.callHelp()).toEqual({ raised: true });
    expect(failing.raised).toHaveLength(1);
  });
});
