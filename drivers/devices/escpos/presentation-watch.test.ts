/** Telling a taken ticket from a retracted one by time (presentation-watch.ts, protocols.md §2.6). */
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../common/manual-clock';
import type { TicketRemoval } from '../printer-types';
import { PresentationWatch } from './presentation-watch';

function watch() {
  const clock = new ManualClock();
  const w = new PresentationWatch(clock, 1500, 3000);
  const seen: TicketRemoval[] = [];
  return { clock, w, seen, present: () => w.presented(60_000, (how) => seen.push(how)) };
}

describe('PresentationWatch', () => {
  it('taken: seen in the mouth, then gone well before the time-out', () => {
    const { clock, w, seen, present } = watch();
    present();
    w.observe(true);
    clock.advance(20_000);
    w.observe(false);
    expect(seen).toEqual(['taken']);
    expect(w.watching).toBe(false);
  });

  it('retracted: gone at the time-out, or inside the slack before it', () => {
    const { clock, w, seen, present } = watch();
    present();
    w.observe(true);
    clock.advance(59_000); // within 1.5 s of the 60 s time-out: no longer surely a hand
    w.observe(false);
    expect(seen).toEqual(['retracted']);
  });

  it('an empty mouth before the ticket was ever seen in it is not "taken": unknown once neverSeenMs passed', () => {
    const { clock, w, seen, present } = watch();
    present();
    clock.advance(500);
    w.observe(false); // the paper is still on its way to the sensor
    expect(seen).toEqual([]);
    w.observe(undefined);
    clock.advance(2600);
    w.observe(false);
    expect(seen).toEqual(['unknown']);
  });

  it('a newer ticket or a lost printer ends the watch as unknown, once', () => {
    const { w, seen, present } = watch();
    present();
    w.observe(true);
    expect(w.inMouth).toBe(true);
    present();
    w.end('unknown');
    expect(seen).toEqual(['unknown', 'unknown']);
    w.end('unknown');
    expect(seen).toHaveLength(2);
  });
});
