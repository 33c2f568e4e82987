import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../common/alerts';
import { SILENT_LOGGER } from '../../../common/logger';
import { ManualClock } from '../../../common/manual-clock';
import { AlertBus } from './alert-bus';

describe('AlertBus', () => {
  it('routes each code to its actor, de-duplicates, and publishes the clearing once', () => {
    const bus = new AlertBus(new ManualClock(0), SILENT_LOGGER);
    const seen: Alert[] = [];
    bus.onAlert((a) => seen.push(a));
    bus.raise('ticket-printer', 'paperOut', '取号机缺纸');
    bus.raise('ticket-printer', 'paperOut', '取号机缺纸');
    bus.raise('ticket-printer', 'cutterError', '切刀故障');
    expect(bus.active().map((a) => [a.code, a.actor])).toEqual([['paperOut', 'staff'], ['cutterError', 'technician']]);
    bus.clear('ticket-printer', 'paperOut');
    bus.clear('ticket-printer', 'paperOut');
    expect(seen.map((a) => `${a.code}:${a.active}`)).toEqual(['paperOut:true', 'cutterError:true', 'paperOut:false']);
    expect(bus.active()).toHaveLength(1);
  });
});
