import { describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../../common/device';
import { ManualClock } from '../../../common/manual-clock';
import { StatusHistory, statusFields } from './status-history';

describe('StatusHistory (issue 15 §3 "status history")', () => {
  it('records changes with their delta and a summary; an unchanged status adds nothing', () => {
    const clock = new ManualClock();
    const h = new StatusHistory({ clock });
    h.record('p', { device: 'starting' });
    clock.advance(1000);
    h.record('p', { device: 'online', printer: { paper: 'full', coverOpen: false } });
    h.record('p', { device: 'online', printer: { paper: 'full', coverOpen: false } });
    clock.advance(1000);
    h.record('p', { device: 'online', printer: { paper: 'low' } });
    const list = h.history('p');
    expect(list.map((e) => e.delta)).toEqual([
      { device: 'starting' },
      { device: 'online', 'printer.paper': 'full', 'printer.coverOpen': 'no' },
      { 'printer.paper': 'low', 'printer.coverOpen': null },
    ]);
    expect(list[2]).toMatchObject({ at: clock.now(), summary: 'device=online printer.paper=low' });
  });

  it('keeps only the status vocabulary: a card is present yes or no, anything else a device adds is left out', () => {
    const odd = { device: 'online', cardReader: { cardPresent: true, sam: 'ok', name: '张三', idNumber: '520102199001011234' }, extra: { x: 1 } } as unknown as DeviceStatus;
    expect(statusFields(odd)).toEqual({ device: 'online', 'cardReader.cardPresent': 'yes', 'cardReader.sam': 'ok' });
    expect(statusFields({ device: 'nonsense' } as unknown as DeviceStatus)).toEqual({});
  });

  it('is bounded per device and follows a status source', () => {
    const clock = new ManualClock();
    const h = new StatusHistory({ clock, capacity: 2 });
    let listener: ((id: string, s: DeviceStatus) => void) | undefined;
    const off = h.attach({ onStatusChanged: (l) => ((listener = l), () => (listener = undefined)) });
    for (const device of ['starting', 'online', 'offline', 'online'] as const) listener!('r', { device });
    expect(h.history('r').map((e) => e.summary)).toEqual(['device=offline', 'device=online']);
    off();
    expect(listener).toBeUndefined();
    expect(Object.keys(h.all())).toEqual(['r']);
  });
});
