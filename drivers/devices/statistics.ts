/**
 * Device statistics that persist across restarts (ARCHITECTURE.md §3): lines printed, cuts, jobs, errors.
 * The store is injected (the host keeps it in its database); counters are saved at most once per
 * `flushEvery` increments and on demand, so a busy printer does not write on every line.
 */
import type { DeviceStatistics } from './device-types';

export interface StatisticsStore {
  load(deviceId: string): DeviceStatistics;
  save(deviceId: string, statistics: DeviceStatistics): void;
}

export class MemoryStatisticsStore implements StatisticsStore {
  private readonly data = new Map<string, DeviceStatistics>();
  load(deviceId: string): DeviceStatistics {
    return { ...(this.data.get(deviceId) ?? {}) };
  }
  save(deviceId: string, statistics: DeviceStatistics): void {
    this.data.set(deviceId, { ...statistics });
  }
}

export class DeviceCounters {
  private readonly values: DeviceStatistics;
  private unsaved = 0;
  private dirty = false;

  constructor(
    private readonly deviceId: string,
    private readonly store: StatisticsStore,
    private readonly flushEvery = 20,
  ) {
    this.values = store.load(deviceId);
  }

  add(counter: string, by = 1): void {
    this.values[counter] = (this.values[counter] ?? 0) + by;
    if (++this.unsaved >= this.flushEvery) this.flush();
  }

  /**
   * Counts without bringing the next save closer: for what grows on every status poll (bytes sent), so an
   * idle device does not write its statistics every few seconds. Saved with the next save.
   */
  addQuietly(counter: string, by = 1): void {
    this.values[counter] = (this.values[counter] ?? 0) + by;
    this.dirty = true;
  }

  flush(): void {
    if (this.unsaved === 0 && !this.dirty) return;
    this.store.save(this.deviceId, this.values);
    this.unsaved = 0;
    this.dirty = false;
  }

  snapshot(): DeviceStatistics {
    return { ...this.values };
  }
}
