import { describe, expect, it } from 'vitest';
import { errorInfo } from '../../../../common/errors';
import { makeTicket } from '../../test-support/fixtures';
import { guidesReducer, INITIAL_GUIDES_STATE, isGuidesBusy, topPage, type GuidesAction, type GuidesState } from './guides-state';

const run = (state: GuidesState, ...actions: GuidesAction[]): GuidesState => actions.reduce(guidesReducer, state);

describe('guidesReducer', () => {
  it('pages stack up and 返回 goes one back, never past the guide home', () => {
    const state = run(INITIAL_GUIDES_STATE, { type: 'guides/push', page: { name: 'browse', request: { by: 'bundles' } } }, { type: 'guides/push', page: { name: 'guide', kind: 'bundle', id: 'newborn' } });
    expect(topPage(state)).toEqual({ name: 'guide', kind: 'bundle', id: 'newborn' });
    const back = run(state, { type: 'guides/back' }, { type: 'guides/back' });
    expect(back.stack).toEqual([{ name: 'home' }]);
    expect(run(back, { type: 'guides/back' })).toBe(back);
  });

  it('keeps the section chosen on a page, so coming back shows it again', () => {
    const state = run(INITIAL_GUIDES_STATE, { type: 'guides/push', page: { name: 'guide', kind: 'item', id: 'X' } }, { type: 'guides/section', section: 'where' });
    const again = run(state, { type: 'guides/push', page: { name: 'guide', kind: 'policy', id: 'P' } }, { type: 'guides/back' });
    expect(topPage(again)).toEqual({ name: 'guide', kind: 'item', id: 'X', section: 'where' });
  });

  it('prints one checklist at a time and ignores a stale answer', () => {
    const printing = run(INITIAL_GUIDES_STATE, { type: 'guides/print-requested', key: 'item:X', requestId: 'r1' });
    expect(isGuidesBusy(printing)).toBe(true);
    expect(run(printing, { type: 'guides/print-requested', key: 'item:X', requestId: 'r2' })).toBe(printing);
    expect(run(printing, { type: 'guides/print-settled', requestId: 'other', result: { outcome: 'issued' } })).toBe(printing);
    const done = run(printing, { type: 'guides/print-settled', requestId: 'r1', result: { outcome: 'issued' } });
    expect(done.print).toEqual({ key: 'item:X', requestId: 'r1', phase: 'settled', result: { outcome: 'issued' } });
    expect(isGuidesBusy(done)).toBe(false);
    const again = run(done, { type: 'guides/print-requested', key: 'item:X', requestId: 'r2' });
    expect(again.print?.requestId).toBe('r2');
    expect(run(again, { type: 'guides/print-failed', requestId: 'r2', error: errorInfo('offline') }).print?.phase).toBe('failed');
  });

  it('取号 runs the ticket flow on top of the guide; busy, and no way back, while it prints', () => {
    const printing = run(
      INITIAL_GUIDES_STATE,
      { type: 'guides/push', page: { name: 'guide', kind: 'item', id: 'X' } },
      { type: 'guides/ticket-open' },
      { type: 'guides/ticket', action: { type: 'ticket/requested', businessId: 'b', requestId: 'r1' } },
    );
    expect(isGuidesBusy(printing)).toBe(true);
    expect(run(printing, { type: 'guides/back' })).toBe(printing);
    const issued = run(printing, { type: 'guides/ticket', action: { type: 'ticket/settled', requestId: 'r1', result: { outcome: 'issued', ticket: makeTicket() } } });
    expect(isGuidesBusy(issued)).toBe(false);
    expect(topPage(run(issued, { type: 'guides/back' }))).toEqual({ name: 'guide', kind: 'item', id: 'X' });
  });

  it('a robot:go that failed is kept on its trip page only', () => {
    const trip = run(INITIAL_GUIDES_STATE, { type: 'guides/push', page: { name: 'trip', to: 'A3' } });
    expect(topPage(run(trip, { type: 'guides/trip-failed', to: 'A3', error: errorInfo('timeout') }))).toEqual({ name: 'trip', to: 'A3', error: errorInfo('timeout') });
    expect(run(trip, { type: 'guides/trip-failed', to: 'B1', error: errorInfo('timeout') })).toBe(trip);
  });
});
