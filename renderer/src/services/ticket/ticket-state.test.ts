import { describe, expect, it } from 'vitest';
import { errorInfo } from '../../../../common/errors';
import { makeTicket } from '../../test-support/fixtures';
import { INITIAL_TICKET_STATE, isPrinting, ticketReducer, type TicketAction, type TicketState } from './ticket-state';

const run = (state: TicketState, ...actions: TicketAction[]): TicketState => actions.reduce(ticketReducer, state);

describe('the take-ticket slice', () => {
  it('applies a take-ticket answer only to the request on screen', () => {
    const printing = run(INITIAL_TICKET_STATE, { type: 'ticket/requested', businessId: 'b', requestId: 'r1' });
    expect(printing.screen).toEqual({ name: 'printing', businessId: 'b', requestId: 'r1' });
    expect(isPrinting(printing)).toBe(true);
    // While printing, no second request starts and the list is not shown again.
    expect(run(printing, { type: 'ticket/requested', businessId: 'b', requestId: 'r2' })).toBe(printing);
    expect(run(printing, { type: 'ticket/businesses' })).toBe(printing);
    const stale = run(printing, { type: 'ticket/settled', requestId: 'other', result: { outcome: 'issued', ticket: makeTicket() } });
    expect(stale.screen.name).toBe('printing');
    const failed = run(printing, { type: 'ticket/failed', requestId: 'r1', error: errorInfo('timeout') });
    expect(failed.screen).toEqual({ name: 'outcome', businessId: 'b', requestId: 'r1', outcome: { outcome: 'apiError', error: errorInfo('timeout') } });
    expect(isPrinting(failed)).toBe(false);
    // Retry is the same request again; a different id from the outcome screen is not a retry.
    expect(run(failed, { type: 'ticket/requested', businessId: 'b', requestId: 'r9' }).screen.name).toBe('outcome');
    const retried = run(failed, { type: 'ticket/requested', businessId: 'b', requestId: 'r1' });
    const issued = run(retried, { type: 'ticket/settled', requestId: 'r1', result: { outcome: 'issued', ticket: makeTicket() } });
    expect(issued.screen).toEqual({ name: 'ticket', ticket: makeTicket(), requestId: 'r1' });
  });

  it('a presented ticket follows the delivery events of its own request only (protocols.md §2.6)', () => {
    const printing = run(INITIAL_TICKET_STATE, { type: 'ticket/requested', businessId: 'b', requestId: 'r1' });
    const presented = run(printing, { type: 'ticket/settled', requestId: 'r1', result: { outcome: 'issued', ticket: makeTicket({ delivery: 'presented' }) } });
    expect(run(presented, { type: 'ticket/delivery', requestId: 'r0', delivery: 'retracted' })).toBe(presented);
    const taken = run(presented, { type: 'ticket/delivery', requestId: 'r1', delivery: 'taken' });
    expect(taken.screen).toMatchObject({ name: 'ticket', requestId: 'r1', ticket: { delivery: 'taken' } });
    expect(run(taken, { type: 'ticket/delivery', requestId: 'r1', delivery: 'retracted' })).toBe(taken); // once gone, gone
  });

  it('a refusal shows the outcome; 重新取号 goes back to the business list for a fresh request', () => {
    const refused = run(
      INITIAL_TICKET_STATE,
      { type: 'ticket/requested', businessId: 'b', requestId: 'r1' },
      { type: 'ticket/settled', requestId: 'r1', result: { outcome: 'refused', error: errorInfo('dailyCapReached') } },
    );
    expect(refused.screen).toMatchObject({ name: 'outcome', outcome: { outcome: 'refused' } });
    expect(run(refused, { type: 'ticket/businesses' })).toEqual(INITIAL_TICKET_STATE);
  });
});
