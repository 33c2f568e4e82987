import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqliteStatisticsStore } from './sqlite-statistics-store';

describe('SqliteStatisticsStore', () => {
  it('saves and reloads counters per device', () => {
    const db = new Database(':memory:');
    const store = new SqliteStatisticsStore(db);
    expect(store.load('p')).toEqual({});
    store.save('p', { lines: 10, cuts: 2 });
    store.save('p', { lines: 12, cuts: 3 });
    expect(new SqliteStatisticsStore(db).load('p')).toEqual({ lines: 12, cuts: 3 });
  });
});
