/**
 * Device statistics (ARCHITECTURE.md §3 "Statistics persist"), keyed by device id, in their own file shared
 * by both modes (issue 13 §3): the roll in the printer is the same roll whether the kiosk trains or serves.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { StatisticsStore } from '../../../drivers/devices/statistics';
import type { DeviceStatistics } from '../../../drivers/devices/device-types';

export const DEVICE_STATS_FILE = 'devices.sqlite';

export class SqliteStatisticsStore implements StatisticsStore {
  private readonly select;
  private readonly upsert;

  /**
   * Opens `file` (WAL). A new file takes over the counters an older version kept inside the queue
   * database (`importFrom`), so the roll's count is not lost on upgrade.
   */
  static open(file: string, importFrom?: Database.Database): { store: SqliteStatisticsStore; db: Database.Database } {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    const fresh = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'device_statistics'").get() === undefined;
    const store = new SqliteStatisticsStore(db);
    const old = importFrom?.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'device_statistics'").get();
    if (fresh && importFrom && old) {
      const rows = importFrom.prepare<[], { device_id: string; counters: string }>('SELECT device_id, counters FROM device_statistics').all();
      db.transaction(() => rows.forEach((r) => store.upsert.run(r.device_id, r.counters)))();
    }
    return { store, db };
  }

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
