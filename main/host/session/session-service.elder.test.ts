import { describe, expect, it } from 'vitest';
import { SILENT_LOGGER } from '../../../common/logger';
import { ManualClock } from '../../../common/manual-clock';
import type { SessionState } from '../../../common/session';
import { SessionService, type SessionTimings } from './session-service';

const timings: SessionTimings = { idleTimeoutMs: 60_000, countdownMs: 10_000, attractAfterMs: 30_000, elderIdleTimeoutMs: 180_000, elderCountdownMs: 30_000 };

function rig(t: SessionTimings = timings) {
  const clock = new ManualClock(Date.UTC(2026, 10, 23, 2, 0));
  const service = new SessionService(clock, t, SILENT_LOGGER);
  const pushed: SessionState[] = [];
  const ended: string[] = [];
  service.onChanged((s) => pushed.push(s));
  service.onEnded((_id, reason) => ended.push(reason));
  return { clock, service, pushed, ended };
}

describe('SessionService: 长辈模式 (issue 16 §7)', () => {
  it('is off, with the ordinary timings, until the citizen turns it on', () => {
    const { service } = rig();
    expect(service.state()).toMatchObject({ elder: false, idleTimeoutMs: 60_000, countdownMs: 10_000 });
    expect(service.activity()).toMatchObject({ elder: false, idleTimeoutMs: 60_000 });
  });

  it('on: pushes the state, and the session idles 180 s and counts down 30 s', () => {
    const { clock, service, pushed, ended } = rig();
    const id = service.activity().sessionId;
    clock.advance(50_000);
    const on = service.setElder(true);
    expect(on).toMatchObject({ phase: 'active', sessionId: id, elder: true, idleTimeoutMs: 180_000, countdownMs: 30_000 });
    expect(pushed.at(-1)).toEqual(on);
    clock.advance(179_999);
    expect(service.state().phase).toBe('active');
    clock.advance(1);
    expect(service.state()).toMatchObject({ phase: 'countdown', countdownEndsAt: clock.now() + 30_000, elder: true });
    clock.advance(29_999);
    expect(service.state().phase).toBe('countdown');
    clock.advance(1);
    expect(ended).toEqual(['idle']);
  });

  it('is off again when the session ends, for the next citizen', () => {
    const { clock, service, pushed } = rig();
    service.activity();
    service.setElder(true);
    const home = service.end('citizen');
    expect(home).toMatchObject({ phase: 'home', elder: false, idleTimeoutMs: 60_000, countdownMs: 10_000 });
    expect(pushed.at(-1)).toMatchObject({ phase: 'home', elder: false });
    service.activity();
    clock.advance(60_000);
    expect(service.state()).toMatchObject({ phase: 'countdown', elder: false });
  });

  it('off again: the ordinary timings from that moment', () => {
    const { clock, service } = rig();
    service.setElder(true);
    clock.advance(100_000);
    expect(service.setElder(false)).toMatchObject({ elder: false, idleTimeoutMs: 60_000 });
    clock.advance(60_000);
    expect(service.state().phase).toBe('countdown');
  });

  it('turned on from the home screen starts the session; during a countdown it counts as a touch', () => {
    const { clock, service, ended } = rig();
    service.end('staff');
    expect(service.setElder(true)).toMatchObject({ phase: 'active', elder: true });
    expect(service.state().sessionId).not.toBeNull();
    service.setElder(false);
    clock.advance(60_000);
    expect(service.state().phase).toBe('countdown');
    expect(service.setElder(true)).toMatchObject({ phase: 'active', countdownEndsAt: null, elder: true });
    expect(ended).toEqual([]); // nobody was in session when staff reset it
  });

  it('without elder timings in the configuration: 180 s and 30 s', () => {
    const { clock, service } = rig({ idleTimeoutMs: 60_000, countdownMs: 10_000, attractAfterMs: 30_000 });
    expect(service.setElder(true)).toMatchObject({ idleTimeoutMs: 180_000, countdownMs: 30_000 });
    clock.advance(180_000);
    expect(service.state()).toMatchObject({ phase: 'countdown', countdownEndsAt: clock.now() + 30_000 });
  });

  it('a held job still keeps the elder session from timing out', async () => {
    const { clock, service } = rig();
    service.setElder(true);
    let finish!: () => void;
    const held = service.hold(new Promise<void>((r) => (finish = r)));
    clock.advance(400_000);
    expect(service.state().phase).toBe('active');
    finish();
    await held;
    clock.advance(180_000);
    expect(service.state().phase).toBe('countdown');
  });
});
