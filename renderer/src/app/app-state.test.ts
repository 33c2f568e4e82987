import { describe, expect, it } from 'vitest';
import { errorInfo } from '../../../common/errors';
import { makeSession, makeSnapshot, makeTicket } from '../test-support/fixtures';
import { INITIAL_SERVICE_SLICES } from '../services/registry';
import { INITIAL_TICKET_STATE, type TicketAction, type TicketState } from '../services/ticket/ticket-state';
import { INITIAL_SHELL } from '../shell/shell-state';
import { appReducer, INITIAL_APP_STATE, sessionEnded, type AppAction, type AppState } from './app-state';
import { hostNowMs } from './host-view';

const run = (state: AppState, ...actions: AppAction[]): AppState => actions.reduce(appReducer, state);
const loaded = run(INITIAL_APP_STATE, { type: 'host/snapshot', snapshot: makeSnapshot(), localMs: 100 });

describe('sessionEnded', () => {
  const active = makeSession({ phase: 'active', sessionId: 'S1' });
  it('is true when the phase falls back to home or attract, or the session id changes', () => {
    expect(sessionEnded(active, makeSession({ phase: 'home' }))).toBe(true);
    expect(sessionEnded(makeSession({ phase: 'countdown', sessionId: 'S1' }), makeSession({ phase: 'attract' }))).toBe(true);
    expect(sessionEnded(makeSession({ phase: 'home' }), makeSession({ phase: 'attract' }))).toBe(true);
    expect(sessionEnded(active, makeSession({ phase: 'active', sessionId: 'S2' }))).toBe(true);
  });
  it('is false while the same session goes on, or when one starts', () => {
    expect(sessionEnded(active, makeSession({ phase: 'countdown', sessionId: 'S1' }))).toBe(false);
    expect(sessionEnded(makeSession({ phase: 'home' }), active)).toBe(false);
    expect(sessionEnded(makeSession({ phase: 'attract' }), makeSession({ phase: 'home' }))).toBe(false);
    expect(sessionEnded(undefined, active)).toBe(false);
  });
});

const ticket = (action: TicketAction): AppAction => ({ type: 'service/action', service: 'takeTicket', action });
const ticketSlice = (state: AppState): TicketState => state.services.takeTicket as TicketState;

describe('appReducer', () => {
  it('ignores host events until the first snapshot', () => {
    const state = run(INITIAL_APP_STATE, { type: 'host/event', event: { type: 'clock:changed', nowMs: 5 }, localMs: 0 });
    expect(state).toBe(INITIAL_APP_STATE);
  });

  it('extrapolates host time from the last sync', () => {
    const { clock } = run(loaded, { type: 'host/event', event: { type: 'clock:changed', nowMs: 1_000_000 }, localMs: 200 }).host;
    expect(clock && hostNowMs(clock, 1_200)).toBe(1_001_000);
  });

  it('clears route, language and every service slice in the same update that ends the session', () => {
    const inFlow = run(
      loaded,
      { type: 'shell/set-language', language: 'en' },
      { type: 'shell/open', service: 'takeTicket' },
      ticket({ type: 'ticket/requested', businessId: 'b', requestId: 'r1' }),
      ticket({ type: 'ticket/failed', requestId: 'r1', error: errorInfo('timeout') }),
    );
    expect(inFlow.shell).toEqual({ route: { name: 'service', service: 'takeTicket' }, language: 'en' });
    expect(ticketSlice(inFlow).screen.name).toBe('outcome');
    const ended = run(inFlow, { type: 'host/session', session: makeSession({ phase: 'home' }) });
    expect(ended.shell).toBe(INITIAL_SHELL);
    expect(ended.services).toBe(INITIAL_SERVICE_SLICES);
    expect(ended.host.snapshot?.session.phase).toBe('home');
    expect(run(inFlow, { type: 'shell/reset' }).services).toBe(INITIAL_SERVICE_SLICES);
  });

  it('clears the flow when the host is lost but says 暂停服务 in the citizen\'s language, until a snapshot shows their session ended', () => {
    const session = makeSession({ phase: 'active', sessionId: 'S1' });
    const inSession = run(INITIAL_APP_STATE, { type: 'host/snapshot', snapshot: makeSnapshot({ session }), localMs: 100 });
    const inFlow = run(
      inSession,
      { type: 'shell/set-language', language: 'en' },
      { type: 'shell/open', service: 'takeTicket' },
      ticket({ type: 'ticket/requested', businessId: 'b', requestId: 'r1' }),
    );
    const lost = run(inFlow, { type: 'host/lost' });
    expect(lost.host.lost).toBe(true);
    expect(lost.shell).toEqual({ ...INITIAL_SHELL, language: 'en' });
    expect(lost.services).toBe(INITIAL_SERVICE_SLICES);
    const back = (s: typeof session) => run(lost, { type: 'host/snapshot', snapshot: makeSnapshot({ session: s }), localMs: 200 });
    expect(back(session).shell.language, 'the same session goes on').toBe('en');
    expect(back(makeSession({ phase: 'attract' })).shell).toBe(INITIAL_SHELL);
    expect(back(makeSession({ phase: 'active', sessionId: 'S2' })).shell).toBe(INITIAL_SHELL);
  });

  it('keeps the screen and settings across session updates of the same session', () => {
    const inFlow = run(loaded, { type: 'shell/set-language', language: 'en' }, { type: 'shell/open', service: 'takeTicket' });
    const countdown = run(inFlow, { type: 'host/session', session: makeSession({ phase: 'countdown', sessionId: 'S1', countdownEndsAt: 1 }) });
    expect(countdown.shell).toBe(inFlow.shell);
    expect(countdown.services).toBe(inFlow.services);
  });

  it('opens a service only from home, at its first screen, and goes home unless the service is busy', () => {
    const opened = run(loaded, { type: 'shell/open', service: 'takeTicket' });
    expect(opened.shell.route).toEqual({ name: 'service', service: 'takeTicket' });
    expect(ticketSlice(opened)).toEqual(INITIAL_TICKET_STATE);
    expect(run(opened, { type: 'shell/open', service: 'takeTicket' })).toBe(opened);

    const printing = run(opened, ticket({ type: 'ticket/requested', businessId: 'b', requestId: 'r1' }));
    expect(run(printing, { type: 'shell/home' })).toBe(printing);
    const answered = run(printing, ticket({ type: 'ticket/settled', requestId: 'r1', result: { outcome: 'issued', ticket: makeTicket() } }));
    const home = run(answered, { type: 'shell/home' });
    expect(home.shell.route).toEqual({ name: 'home' });
    expect(ticketSlice(home)).toEqual(INITIAL_TICKET_STATE);
  });

  it("a service's actions reach its slice only while it is on screen (a late answer after home changes nothing)", () => {
    const atHome = run(loaded, ticket({ type: 'ticket/requested', businessId: 'b', requestId: 'r1' }));
    expect(atHome).toBe(loaded);
  });
});
