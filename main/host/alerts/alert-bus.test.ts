import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../common/alerts';
import { SILENT_LOGGER } from '../../../common/logger';
import { ManualClock } from '../../../common/manual-clock';
import { AlertBus, RECENT_EVENTS } from './alert-bus';

function rig() {
  const bus = new AlertBus(new ManualClock(0), SILENT_LOGGER);
  const seen: Alert[] = [];
  bus.onAlert((a) => seen.push(a));
  return { bus, seen };
}

describe('AlertBus', () => {
  it('routes each code to its actor, de-duplicates conditions, and publishes the clearing once', () => {
    const { bus, seen } = rig();
    bus.raise('ticket-printer', 'paperOut', '取号机缺纸');
    bus.raise('ticket-printer', 'paperOut', '取号机缺纸');
    bus.raise('ticket-printer', 'cutterError', '切刀故障');
    expect(bus.active().map((a) => [a.code, a.actor])).toEqual([['paperOut', 'staff'], ['cutterError', 'technician']]);
    bus.clear('ticket-printer', 'paperOut');
    bus.clear('ticket-printer', 'paperOut');
    expect(seen.map((a) => `${a.code}:${a.active}`)).toEqual(['paperOut:true', 'cutterError:true', 'paperOut:false']);
    expect(bus.active()).toHaveLength(1);
  });

  it('publishes every ticket event, keyed by the ticket, not only the first of its code', () => {
    const { bus, seen } = rig();
    bus.event('ticket-printer', 'printUncertain', '2026-11-23 A001', 'A001 号票打印结果不确定，请核实');
    bus.event('ticket-printer', 'printUncertain', '2026-11-23 A002', 'A002 号票打印结果不确定，请核实');
    bus.event('ticket-printer', 'printIncomplete', '2026-11-23 A003', 'A003 号票打印不完整');
    bus.event('ticket-printer', 'printUncertain', '2026-11-23 A002', 'again'); // the same ticket: once
    bus.event('ticket-printer', 'printUncertain', '2026-11-24 A001', 'A001 号票打印结果不确定，请核实'); // next day's A001
    expect(seen.map((a) => `${a.kind}:${a.code}:${a.ref}:${a.actor}`)).toEqual([
      'event:printUncertain:2026-11-23 A001:staff',
      'event:printUncertain:2026-11-23 A002:staff',
      'event:printIncomplete:2026-11-23 A003:staff',
      'event:printUncertain:2026-11-24 A001:staff',
    ]);
    expect(bus.recentEvents().map((a) => a.ref)).toEqual(['2026-11-23 A001', '2026-11-23 A002', '2026-11-23 A003', '2026-11-24 A001']);
    expect(bus.active()).toEqual([]); // events are not conditions: they never block or clear anything
  });

  it('keeps only the latest events', () => {
    const { bus } = rig();
    for (let i = 0; i < RECENT_EVENTS + 5; i++) bus.event('p', 'printUncertain', `t${i}`, 'm');
    expect(bus.recentEvents()).toHaveLength(RECENT_EVENTS);
    expect(bus.recentEvents()[0]?.ref).toBe('t5');
  });
  it('resolves a ticket’s events once staff dealt with it: published again inactive, kept as resolved', () => {
    const { bus, seen } = rig();
    bus.event('ticket-printer', 'printUncertain', '2026-11-23 A001', 'A001 号票打印结果不确定');
    bus.event('ticket-printer', 'printUncertain', '2026-11-23 A002', 'A002 号票打印结果不确定');
    expect(bus.resolveEvent('printUncertain', '2026-11-23 A001')).toBe(1);
    expect(bus.resolveEvent('printUncertain', '2026-11-23 A001')).toBe(0);
    expect(bus.resolveEvent('printIncomplete', '2026-11-23 A002')).toBe(0);
    expect(seen.map((a) => `${a.ref}:${a.active}`)).toEqual(['2026-11-23 A001:true', '2026-11-23 A002:true', '2026-11-23 A001:false']);
    expect(bus.recentEvents().map((a) => `${a.ref}:${a.active}`)).toEqual(['2026-11-23 A001:false', '2026-11-23 A002:true']);
  });
});
