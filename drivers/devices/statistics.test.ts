import { describe, expect, it } from 'vitest';
import type { DeviceStatistics } from './device-types';
import { DeviceCounters, MemoryStatisticsStore } from './statistics';

class CountingStore extends MemoryStatisticsStore {
  saves = 0;
  override save(deviceId: string, statistics: DeviceStatistics): void {
    this.saves++;
    super.save(deviceId, statistics);
  }
}

describe('DeviceCounters', () => {
  it('saves once per flushEvery counted events, and what it loaded survives', () => {
    const store = new CountingStore();
    store.save('p', { cuts: 5 });
    store.saves = 0;
    const counters = new DeviceCounters('p', store, 3);
    counters.add('cuts');
    counters.add('jobs');
    expect(store.saves).toBe(0);
    counters.add('jobs');
    expect(store.saves).toBe(1);
    expect(store.load('p')).toEqual({ cuts: 6, jobs: 2 });
  });

  it('quiet counters (status-poll bytes) never trigger a save, but are saved with the next one', () => {
    const store = new CountingStore();
    const counters = new DeviceCounters('p', store, 3);
    for (let i = 0; i < 1000; i++) counters.addQuietly('bytesSent', 3);
    expect(store.saves).toBe(0);
    counters.flush();
    expect(store.saves).toBe(1);
    expect(store.load('p')).toEqual({ bytesSent: 3000 });
    counters.flush();
    expect(store.saves).toBe(1); // nothing new: no write
  });
});
