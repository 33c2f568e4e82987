import { describe, expect, it } from 'vitest';
import { errorInfo } from '../../../common/errors';
import { makeSession, makeSnapshot, makeTicket } from '../test-support/fixtures';
import { appReducer, INITIAL_APP_STATE, sessionEnded, type AppAction, type AppState } from './app-state';
import { INITIAL_FLOW } from './flow';
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

describe('appReducer', () => {
  it('ignores host events until the first snapshot', () => {
    const state = run(INITIAL_APP_STATE, { type: 'host/event', event: { type: 'clock:changed', nowMs: 5 }, localMs: 0 });
    expect(state).toBe(INITIAL_APP_STATE);
  });

  it('extrapolates host time from the last sync', () => {
    const { clock } = run(loaded, { type: 'host/event', event: { type: 'clock:changed', nowMs: 1_000_000 }, localMs: 200 }).host;
    expect(clock && hostNowMs(clock, 1_200)).toBe(1_001_000);
  });

  it('clears the flow in the same update that ends the session', () => {
    const inFlow = run(loaded, { type: 'flow/set-language', language: 'en' }, { type: 'flow/businesses' });
    expect(inFlow.flow.screen.name).toBe('businesses');
    const ended = run(inFlow, { type: 'host/session', session: makeSession({ phase: 'home' }) });
    expect(ended.flow).toBe(INITIAL_FLOW);
    expect(ended.host.snapshot?.session.phase).toBe('home');
  });

  it('keeps the flow across session updates of the same session', () => {
    const inFlow = run(loaded, { type: 'flow/businesses' });
    const countdown = run(inFlow, { type: 'host/session', session: makeSession({ phase: 'countdown', sessionId: 'S1', countdownEndsAt: 1 }) });
    expect(countdown.flow.screen.name).toBe('businesses');
  });

  it('applies a take-ticket answer only to the request on screen', () => {
    const printing = run(loaded, { type: 'flow/businesses' }, { type: 'flow/ticket-requested', businessId: 'b', requestId: 'r1' });
    expect(printing.flow.screen).toEqual({ name: 'printing', businessId: 'b', requestId: 'r1' });
    // While printing, nothing navigates away and no second request starts.
    expect(run(printing, { type: 'flow/home' }).flow.screen.name).toBe('printing');
    expect(run(printing, { type: 'flow/ticket-requested', businessId: 'b', requestId: 'r2' }).flow.screen).toEqual(printing.flow.screen);
    const stale = run(printing, { type: 'flow/ticket-settled', requestId: 'other', result: { outcome: 'issued', ticket: makeTicket() } });
    expect(stale.flow.screen.name).toBe('printing');
    const failed = run(printing, { type: 'flow/ticket-failed', requestId: 'r1', error: errorInfo('timeout') });
    expect(failed.flow.screen).toEqual({ name: 'outcome', businessId: 'b', requestId: 'r1', outcome: { outcome: 'apiError', error: errorInfo('timeout') } });
    // Retry is the same request again; a different id from the outcome screen is not a retry.
    expect(run(failed, { type: 'flow/ticket-requested', businessId: 'b', requestId: 'r9' }).flow.screen.name).toBe('outcome');
    const retried = run(failed, { type: 'flow/ticket-requested', businessId: 'b', requestId: 'r1' });
    const issued = run(retried, { type: 'flow/ticket-settled', requestId: 'r1', result: { outcome: 'issued', ticket: makeTicket() } });
    expect(issued.flow.screen).toEqual({ name: 'ticket', ticket: makeTicket() });
  });
});
