import { describe, expect, it } from 'vitest';
import type { DeviceStatusDelta } from '../../common/device';
import { StatusHolder } from './device-status';
import { LifecycleState } from './lifecycle';
import { DeviceCounters, MemoryStatisticsStore } from './statistics';

describe('StatusHolder', () => {
  it('publishes only the fields that changed', () => {
    const holder = new StatusHolder({ device: 'starting', printer: { paper: 'full', coverOpen: false } });
    const deltas: DeviceStatusDelta[] = [];
    holder.onChanged((d) => deltas.push(d));
    holder.update({ device: 'online', printer: { paper: 'full', coverOpen: false } });
    holder.update({ device: 'online', printer: { paper: 'low' } });
    expect(holder.update({ device: 'online', printer: { paper: 'low' } })).toBeNull();
    expect(deltas).toEqual([{ device: 'online' }, { printer: { paper: 'low' } }]);
    expect(holder.status).toEqual({ device: 'online', printer: { paper: 'low', coverOpen: false } });
  });
  it('keeps one block per role, each merged and published on its own (ARCHITECTURE.md §8.14)', () => {
    const holder = new StatusHolder({ device: 'online' });
    const deltas: DeviceStatusDelta[] = [];
    holder.onChanged((d) => deltas.push(d));
    holder.update({ cardReader: { cardPresent: false, sam: 'ok' } });
    holder.update({ cardReader: { cardPresent: true }, fingerprint: { fingerPresent: false } });
    expect(holder.update({ cardReader: { cardPresent: true } })).toBeNull();
    expect(deltas).toEqual([{ cardReader: { cardPresent: false, sam: 'ok' } }, { cardReader: { cardPresent: true }, fingerprint: { fingerPresent: false } }]);
    expect(holder.status).toEqual({ device: 'online', cardReader: { cardPresent: true, sam: 'ok' }, fingerprint: { fingerPresent: false } });
    expect(holder.status).not.toHaveProperty('printer'); // absent: this device has no printer
  });
});

describe('LifecycleState', () => {
  it('walks closed → open → claimed → enabled and refuses a second owner', () => {
    const life = new LifecycleState();
    expect(() => life.claim('p', 'session')).toThrow(/open it/);
    life.opened();
    life.claim('p', 'session');
    expect(life.value).toBe('claimed');
    expect(() => life.claim('p', 'technician')).toThrowError(expect.objectContaining({ code: 'busy' }));
    life.enable('p');
    expect(life.value).toBe('enabled');
    life.disable();
    life.release('session');
    expect(life.value).toBe('open');
    life.claim('p', 'technician');
    expect(life.claimedBy).toBe('technician');
  });
});

describe('DeviceCounters', () => {
  it('persists counters in batches and reloads them', () => {
    const store = new MemoryStatisticsStore();
    const counters = new DeviceCounters('p', store, 3);
    counters.add('lines', 2);
    counters.add('cuts');
    expect(store.load('p')).toEqual({});
    counters.add('lines');
    expect(store.load('p')).toEqual({ lines: 3, cuts: 1 });
    counters.add('cuts');
    counters.flush();
    expect(new DeviceCounters('p', store).snapshot()).toEqual({ lines: 3, cuts: 2 });
  });
});
