import { describe, expect, it } from 'vitest';
import { SILENT_LOGGER } from '../../../common/logger';
import { ManualClock } from '../../../common/manual-clock';
import type { SessionState } from '../../../common/session';
import { SessionService } from './session-service';

const timings = { idleTimeoutMs: 60_000, countdownMs: 10_000, attractAfterMs: 30_000 };

function rig() {
  const clock = new ManualClock(Date.UTC(2026, 10, 23, 2, 0));
  const service = new SessionService(clock, timings, SILENT_LOGGER);
  const phases: string[] = [];
  const ended: string[] = [];
  service.onChanged((s: SessionState) => phases.push(s.phase));
  service.onEnded((id, reason) => ended.push(`${id}:${reason}`));
  return { clock, service, phases, ended };
}

describe('SessionService (host-owned idle timer on the injected clock)', () => {
  it('idle 60 s → 10 s countdown → home with the session wiped → attract', () => {
    const { clock, service, phases, ended } = rig();
    expect(service.state().phase).toBe('attract');
    const started = service.activity();
    expect(started.phase).toBe('active');
    const id = started.sessionId;
    clock.advance(59_999);
    expect(service.state().phase).toBe('active');
    clock.advance(1);
    expect(service.state()).toMatchObject({ phase: 'countdown', countdownEndsAt: clock.now() + 10_000 });
    clock.advance(10_000);
    expect(service.state()).toMatchObject({ phase: 'home', sessionId: null, countdownEndsAt: null });
    expect(ended).toEqual([`${id}:idle`]);
    clock.advance(30_000);
    expect(service.state().phase).toBe('attract');
    expect(phases).toEqual(['active', 'countdown', 'home', 'attract']);
  });

  it('a touch during the countdown keeps the same session and restarts the idle time', () => {
    const { clock, service, ended } = rig();
    const id = service.activity().sessionId;
    clock.advance(65_000);
    expect(service.state().phase).toBe('countdown');
    expect(service.activity()).toMatchObject({ phase: 'active', sessionId: id, countdownEndsAt: null });
    clock.advance(59_000);
    expect(service.state().phase).toBe('active');
    expect(ended).toEqual([]);
  });

  it('a session is not timed out while a held job runs, and idles normally after', async () => {
    const { clock, service } = rig();
    service.activity();
    let finish!: () => void;
    const held = service.hold(new Promise<void>((r) => (finish = r)));
    clock.advance(120_000);
    expect(service.state().phase).toBe('active');
    finish();
    await held;
    clock.advance(60_000);
    expect(service.state().phase).toBe('countdown');
  });

  it('endAfter ends the session after the ticket has been shown; a new touch starts a new id', () => {
    const { clock, service, ended } = rig();
    const first = service.activity().sessionId;
    service.endAfter(20_000, 'done');
    clock.advance(20_000);
    expect(ended).toEqual([`${first}:done`]);
    const second = service.activity().sessionId;
    expect(second).not.toBe(first);
  });

  it('a ticket shown from inside a hold ends the session after ticketShownMs, not after the idle time', async () => {
    const { clock, service, ended } = rig();
    const id = service.activity().sessionId;
    // What the ticket issuer does: the print runs under hold, and on success it calls endAfter.
    await service.hold(Promise.resolve().then(() => service.endAfter(20_000, 'done')));
    clock.advance(19_999);
    expect(service.state().phase).toBe('active');
    clock.advance(1);
    expect(service.state()).toMatchObject({ phase: 'home', sessionId: null });
    expect(ended).toEqual([`${id}:done`]);
  });

  it("a ticket confirmed after its session ended does not cut the next citizen's session short", () => {
    const { clock, service, ended } = rig();
    const first = service.activity().sessionId as string;
    service.end('citizen'); // the first citizen left (or staff reset) while the ticket was printing
    const second = service.activity().sessionId;
    service.endAfter(20_000, 'done', first);
    clock.advance(20_000);
    expect(service.state()).toMatchObject({ phase: 'active', sessionId: second });
    expect(ended).toEqual([`${first}:citizen`]);
  });

  it('a touch on the ticket screen cancels the scheduled end and restarts the idle time', async () => {
    const { clock, service, ended } = rig();
    service.activity();
    await service.hold(Promise.resolve().then(() => service.endAfter(20_000, 'done')));
    clock.advance(10_000);
    service.activity();
    clock.advance(59_999);
    expect(service.state().phase).toBe('active');
    clock.advance(1);
    expect(service.state().phase).toBe('countdown');
    expect(ended).toEqual([]);
  });
});
