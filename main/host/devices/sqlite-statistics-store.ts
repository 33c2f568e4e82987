/**
 * Device statistics in the host database (ARCHITECTURE.md §3 "Statistics persist"), beside the queue.
 */
import type Database from 'better-sqlite3';
import type { StatisticsStore } from '../../../drivers/devices/statistics';
import type { DeviceStatistics } from '../../../drivers/devices/device-types';

export class SqliteStatisticsStore implements StatisticsStore {
  private readonly select;
  private readonly upsert;

  constructor(db: Database.Database) {
    db.exec('CREATE TABLE IF NOT EXISTS device_statistics (device_id TEXT PRIMARY KEY, counters TEXT NOT NULL)');
    this.select = db.prepare<[string], { counters: string }>('SELECT counters FROM device_statistics WHERE device_id = ?');
    this.upsert = db.prepare('INSERT INTO device_statistics (device_id, counters) VALUES (?, ?) ON CONFLICT(device_id) DO UPDATE SET counters = excluded.counters');
  }

  load(deviceId: string): DeviceStatistics {
    const row = this.select.get(deviceId);
    if (!row) return {};
    try {
      const parsed = JSON.parse(row.counters) as unknown;
      return typeof parsed === 'object' && parsed !== null ? (parsed as DeviceStatistics) : {};
    } catch {
      return {};
    }
  }

  save(deviceId: string, statistics: DeviceStatistics): void {
    this.upsert.run(deviceId, JSON.stringify(statistics));
  }
}
