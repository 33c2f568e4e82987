/**
 * The driver table (ARCHITECTURE.md §8.14): for every driver and every model it lists, the device and the
 * simulator the table builds speak to each other over a memory pair and do the driver's job (a printer
 * confirms a ticket, a reader reads a card); the configuration half and the factories name the same drivers.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../common/clock';
import { ManualClock } from '../../common/manual-clock';
import { samplePdf } from '../../devices-sim/ipp/sample-pdf';
import type { DocumentCamera } from '../../drivers/devices/document-camera/document-camera-types';
import type { DocumentPrinter } from '../../drivers/devices/document-printer-types';
import type { Locker } from '../../drivers/devices/locker/locker-types';
import { AdjustableClock } from '../host/clock/adjustable-clock';
import { SILENT_LOGGER } from '../../common/logger';
import type { TicketPrinter } from '../../drivers/devices/printer-types';
import { MemoryStatisticsStore } from '../../drivers/devices/statistics';
import { createMemoryPair } from '../../drivers/transport/memory-pair';
import { createReportMemoryPair } from '../../drivers/transport/report-memory-pair';
import { wipeFrame, type FaceCamera } from '../../drivers/devices/face-camera-types';
import type { BarcodeScanner, Scan } from '../../drivers/devices/scanner-types';
import type { DeviceRole } from '../../common/device';
import type { Device } from '../../drivers/devices/device-types';
import type { FingerprintReader } from '../../drivers/devices/fingerprint-types';
import type { IdCardReader } from '../../drivers/devices/id-card-types';
import type { RobotBase } from '../../drivers/devices/robot-base/robot-base-types';
import { DRIVER_CONFIGS, DRIVER_NAMES, type DriverName } from './driver-configs';
import { DRIVERS, type DeviceContext, type RunnableSim } from './driver-table';
import { isPrintedTicket } from '../../devices-sim/sim-device';

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Drives a fake clock until `promise` settles; a device on an address (real HTTP) runs on real time instead. */
async function drive<T>(clock: Clock, promise: Promise<T>): Promise<T> {
  if (!(clock instanceof ManualClock)) return promise;
  let done = false;
  void promise.finally(() => (done = true)).catch(() => undefined);
  for (let i = 0; !done && i < 4000; i++) {
    clock.advance(5);
    for (let j = 0; j < 4; j++) await turn();
  }
  return promise;
}

/** What each driver's device does with its simulator; a driver added to the table without one is a type error. */
const JOBS: { [K in DriverName]: { what: string; roles: DeviceRole[]; run(device: Device, sim: RunnableSim, clock: Clock): Promise<void> } } = {
  escpos: {
    what: 'confirm a ticket',
    roles: ['ticketPrinter'],
    async run(device, sim, clock) {
      const result = await drive(clock, (device as TicketPrinter).print({ jobId: 'j1', cut: 'full', blocks: [{ kind: 'text', text: 'A001' }] }));
      expect(result).toEqual({ outcome: 'confirmed' });
      expect(sim.printed().filter(isPrintedTicket).map((t) => [t.lines[0], t.cut])).toEqual([['A001', true]]);
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
  zfm: {
    what: 'capture a finger',
    roles: ['fingerprintReader'],
    async run(device, sim, clock) {
      const reader = device as FingerprintReader;
      sim.actions().finger!.start!({ quality: 'good', matches: true });
      const capture = await drive(clock, reader.captureTemplate({ timeoutMs: 60_000 }));
      expect(capture.template).toHaveLength(reader.templateBytes);
      capture.wipe();
    },
  },
  hidpos: {
    what: 'read a QR code',
    roles: ['barcodeScanner'],
    async run(device, sim) {
      const scanner = device as BarcodeScanner;
      await scanner.enable();
      const scanned = new Promise<Scan>((resolve) => scanner.onScan(resolve));
      sim.actions().scan!.start!({ data: 'APT1.example.code', symbology: 'qr' });
      const scan = await scanned;
      expect([scan.data, scan.symbology]).toEqual(['APT1.example.code', 'qr']);
      scan.wipe();
    },
  },
  robotline: {
    what: 'walk to a window and arrive',
    roles: ['robotBase'],
    async run(device, _sim, clock) {
      const robot = device as RobotBase;
      const arrived = new Promise<string>((resolve) => robot.onArrived(resolve));
      await robot.enable(); // its STATUS heartbeat keeps the base's watchdog quiet (docs/robot-protocol.md §6)
      expect(await drive(clock, robot.goTo('A1'))).toEqual({ routeM: 13 });
      expect(await drive(clock, arrived)).toBe('A1');
    },
  },
  facecam: {
    what: 'grab a frame of the simulated scene',
    roles: ['faceCamera'],
    async run(device, sim, clock) {
      const camera = device as FaceCamera;
      sim.actions().scene!.start!({ scene: 'live' });
      const frame = await drive(clock, camera.grab({ timeoutMs: 5_000 }));
      expect([frame.width, frame.height, frame.data.length]).toEqual([320, 240, 320 * 240 * 3]);
      wipeFrame(frame);
      expect(frame.data.every((b) => b === 0)).toBe(true);
    },
  },
  ipp: {
    what: 'print a one-page PDF to job-state completed',
    roles: ['documentPrinter'],
    async run(device, sim) {
      const printer = device as DocumentPrinter;
      const pdf = await samplePdf([['驱动表测试页 driver table test page']]);
      const result = await printer.print({ jobName: 'CRT-DRIVERTABLE0001', pdf, pages: 1 }, { timeoutMs: 20_000 });
      expect(result).toMatchObject({ outcome: 'completed' });
      expect(sim.printed().map((p) => ('jobName' in p ? [p.jobName, p.pages, p.jobState] : null))).toEqual([['CRT-DRIVERTABLE0001', 1, 'completed']]);
    },
  },
  hlb: {
    what: 'open a door, confirmed by the board',
    roles: ['locker'],
    async run(device, sim, clock) {
      expect(await drive(clock, (device as Locker).openDoor(1))).toEqual({ compartment: 1, confirmedBy: 'reply' });
      expect(sim.status().locker?.doorsOpen).toEqual([1]);
    },
  },
  doccam: {
    what: 'show a preview frame of the plate',
    roles: ['documentCamera'],
    async run(device) {
      const camera = device as DocumentCamera;
      const frame = await new Promise<{ width: number; height: number; jpeg: Uint8Array }>((resolve) => {
        const stream = camera.preview((f) => {
          stream.stop();
          resolve(f);
        });
      });
      expect(frame.width).toBeGreaterThan(0);
      expect([frame.jpeg[0], frame.jpeg[1]]).toEqual([0xff, 0xd8]);
    },
  },
};

/** The device and the simulator of one driver on the link it speaks (driver-table.ts `link`). */
function build(name: DriverName, ctx: DeviceContext): { device: Device; sim: RunnableSim } {
  const driver = DRIVERS[name];
  switch (driver.link) {
    case 'frames': {
      const sim = driver.createSimulator(ctx);
      return { sim, device: driver.createDevice(ctx, sim) };
    }
    case 'url': {
      const sim = driver.createSimulator({ ...ctx, lineTimeMs: 0 });
      return { sim, device: driver.createDevice(ctx, () => sim.url) };
    }
    case 'reports': {
      const pair = createReportMemoryPair('p');
      return { sim: driver.createSimulator({ ...ctx, transport: pair.device }), device: driver.createDevice(ctx, pair.host) };
    }
    default: {
      const pair = createMemoryPair('p');
      return { sim: driver.createSimulator({ ...ctx, transport: pair.device, lineTimeMs: 0 }), device: driver.createDevice(ctx, pair.host) };
    }
  }
}

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
        // Devices on an address speak real HTTP to a loopback server: real time, not a fake clock's steps.
        const clock = DRIVERS[name].link === 'url' ? new AdjustableClock() : new ManualClock();
        const ctx: DeviceContext = { id: 'p', roles: JOBS[name].roles, model, options: {}, clock, log: SILENT_LOGGER, statistics: new MemoryStatisticsStore(), timeZone: 'Asia/Shanghai' };
        const { sim, device } = build(name, ctx);
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
