/**
 * The smart locker's entry of the driver table (locker-config.ts, locker-driver.ts): its options schema
 * takes what docs/locker-protocol.md §7 documents and refuses the rest, and the device and the simulator it
 * builds from one entry open a door together, on the same boards.
 */
import Ajv from 'ajv';
import { afterEach, describe, expect, it } from 'vitest';
import { SILENT_LOGGER } from '../../common/logger';
import { ManualClock } from '../../common/manual-clock';
import type { Locker } from '../../drivers/devices/locker/locker-types';
import { MemoryStatisticsStore } from '../../drivers/devices/statistics';
import { createMemoryPair } from '../../drivers/transport/memory-pair';
import { settle } from '../../test/drivers/escpos-fake-clock-rig';
import type { ByteDriverFactories, DeviceContext } from './driver-table';
import { LOCKER_CONFIG } from './locker-config';
import { LOCKER_FACTORIES } from './locker-driver';

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const s of stops.splice(0).reverse()) await s();
});

describe('hlb driver entry', () => {
  const validate = new Ajv({ useDefaults: true }).compile(LOCKER_CONFIG.optionsSchema);

  it('takes the documented options and refuses others', () => {
    expect(validate({ boards: [{ address: 1, locks: 12 }, { address: 2, locks: 24 }], pollMs: 500, openConfirmMs: 2000, simCloseAfterMs: 3000 })).toBe(true);
    expect(validate({ boards: [{ address: 0, locks: 12 }] })).toBe(false);
    expect(validate({ boards: [{ address: 1, locks: 25 }] })).toBe(false);
    expect(validate({ boards: [] })).toBe(false);
    expect(validate({ pollMs: 10 })).toBe(false);
    expect(validate({ colour: 'red' })).toBe(false);
    expect(LOCKER_CONFIG.transports).toEqual(['sim', 'serial', 'tcp']);
  });

  it('builds a device and a simulator that open a door together on two boards', async () => {
    const clock = new ManualClock();
    const pair = createMemoryPair('locker');
    const options = { boards: [{ address: 3, locks: 4 }, { address: 4, locks: 4 }] };
    const ctx: DeviceContext = { id: 'locker', roles: ['locker'], model: 'generic-hlb', options, clock, log: SILENT_LOGGER, statistics: new MemoryStatisticsStore(), timeZone: 'Asia/Shanghai' };
    const factories = LOCKER_FACTORIES as ByteDriverFactories;
    const sim = factories.createSimulator({ ...ctx, transport: pair.device });
    const locker = factories.createDevice(ctx, pair.host) as Locker;
    stops.push(async () => {
      await locker.close();
      await sim.stop();
    });
    await sim.start();
    await settle(clock, locker.open());
    expect(locker.status.device).toBe('online');
    expect(await settle(clock, locker.openDoor(8))).toEqual({ compartment: 8, confirmedBy: 'reply' });
    expect(sim.status().locker?.doorsOpen).toEqual([8]);
  });

  it('refuses two boards at one address when the device is built', () => {
    const ctx = { id: 'locker', roles: ['locker' as const], model: 'generic-hlb', options: { boards: [{ address: 1, locks: 4 }, { address: 1, locks: 4 }] }, clock: new ManualClock(), log: SILENT_LOGGER, statistics: new MemoryStatisticsStore(), timeZone: 'Asia/Shanghai' };
    expect(() => (LOCKER_FACTORIES as ByteDriverFactories).createDevice(ctx, createMemoryPair('x').host)).toThrow(/two boards at address 1/u);
  });
});
