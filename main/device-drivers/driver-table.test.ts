/**
 * The driver table (ARCHITECTURE.md §8.14): for every driver and every model it lists, the device and the
 * simulator the table builds speak to each other over a memory pair and do the driver's job (a printer
 * confirms a ticket, a reader reads a card); the configuration half and the factories name the same drivers.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../common/manual-clock';
import { SILENT_LOGGER } from '../../common/logger';
import type { TicketPrinter } from '../../drivers/devices/printer-types';
import { MemoryStatisticsStore } from '../../drivers/devices/statistics';
import { createMemoryPair } from '../../drivers/transport/memory-pair';
import type { DeviceRole } from '../../common/device';
import type { Device } from '../../drivers/devices/device-types';
import type { IdCardReader } from '../../drivers/devices/id-card-types';
import { DRIVER_CONFIGS, DRIVER_NAMES, type DriverName } from './driver-configs';
import { DRIVERS, type DeviceContext, type RunnableSim } from './driver-table';

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function drive<T>(clock: ManualClock, promise: Promise<T>): Promise<T> {
  let done = false;
  void promise.finally(() => (done = true)).catch(() => undefined);
  for (let i = 0; !done && i < 4000; i++) {
    clock.advance(5);
    for (let j = 0; j < 4; j++) await turn();
  }
  return promise;
}

/** What each driver's device does with its simulator; a driver added to the table without one is a type error. */
const JOBS: { [K in DriverName]: { what: string; roles: DeviceRole[]; run(device: Device, sim: RunnableSim, clock: ManualClock): Promise<void> } } = {
  escpos: {
    what: 'confirm a ticket',
    roles: ['ticketPrinter'],
    async run(device, sim, clock) {
      const result = await drive(clock, (device as TicketPrinter).print({ jobId: 'j1', cut: 'full', blocks: [{ kind: 'text', text: 'A001' }] }));
      expect(result).toEqual({ outcome: 'confirmed' });
      expect(sim.printed().map((t) => [t.lines[0], t.cut])).toEqual([['A001', true]]);
    },
  },
  ga467: {
    what: 'read a card',
    roles: ['idCardReader'],
    async run(device, sim, clock) {
      const reader = device as IdCardReader;
      const read = reader.readCard({ timeoutMs: 60_000 });
      sim.actions().card!.start!({ fixture: 'adult' });
      const card = await drive(clock, read);
      expect(card.text).toMatchObject({ kind: 'resident' });
      card.wipe();
    },
  },
};

describe('the driver table', () => {
  it('has factories for exactly the drivers the configuration knows', () => {
    expect(Object.keys(DRIVERS).sort()).toEqual([...DRIVER_NAMES].sort());
    for (const name of DRIVER_NAMES) {
      const entry = DRIVERS[name];
      expect(entry.models).toContain(entry.defaultModel);
      expect(entry.transports).toContain('sim');
      expect(entry.models).toBe(DRIVER_CONFIGS[name].models);
    }
  });

  for (const name of DRIVER_NAMES) {
    for (const model of DRIVERS[name].models) {
      it(`${name} ${model}: the device and the simulator it builds ${JOBS[name].what}`, async () => {
        const clock = new ManualClock();
        const pair = createMemoryPair('p');
        const ctx: DeviceContext = { id: 'p', roles: JOBS[name].roles, model, options: {}, clock, log: SILENT_LOGGER, statistics: new MemoryStatisticsStore(), timeZone: 'Asia/Shanghai' };
        const sim: RunnableSim = DRIVERS[name].createSimulator({ ...ctx, transport: pair.device, lineTimeMs: 0 });
        const device = DRIVERS[name].createDevice(ctx, pair.host);
        stops.push(async () => {
          await device.close().catch(() => undefined);
          await sim.stop();
        });
        await sim.start();
        await drive(clock, device.open());
        expect(device.model).toBe(model);
        await JOBS[name].run(device, sim, clock);
      });
    }
  }
});
