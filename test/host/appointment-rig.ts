/**
 * The appointment check-in's parts for host tests (issue 14 item 7): the real platform simulator on port 0
 * (latency 0, so answers wait only on loopback; its time-outs on the manual clock), the real HID POS scanner
 * driver with SimHidScanner over the report memory pair, the real session, queue (SQLite in a temporary folder),
 * adapter and ticket issuer; only the printer (a scripted TicketPrinter) and the identity (the card fields a
 * card step would hold) stand in.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, vi } from 'vitest';
import type { AppointmentView } from '../../common/appointment';
import { errorInfo } from '../../common/errors';
import { SILENT_LOGGER } from '../../common/logger';
import { ManualClock } from '../../common/manual-clock';
import type { PlatformCardFields } from '../../common/platform-api';
import type { PrintDocument } from '../../common/print-document';
import { SimHidScanner } from '../../devices-sim/hid-scanner/sim-hid-scanner';
import { startPlatformSim, type PlatformSim } from '../../devices-sim/platform/platform-sim';
import { fixturePerson } from '../../devices-sim/platform/seed-appointments';
import { HidPosBarcodeScanner } from '../../drivers/devices/hidpos/hidpos-barcode-scanner';
import type { PrintEvents, PrintResult, TicketPrinter } from '../../drivers/devices/printer-types';
import { createReportMemoryPair } from '../../drivers/transport/report-memory-pair';
import { AppointmentService } from '../../main/host/appointments/appointment-service';
import { loadConfig } from '../../main/host/config/load-config';
import { PlatformClient } from '../../main/host/platform/platform-client';
import { openQueueDb } from '../../main/host/queue/queue-db';
import { QueueService } from '../../main/host/queue/queue-service';
import { SessionService } from '../../main/host/session/session-service';
import { QueueTicketAdapter } from '../../main/host/tickets/queue-adapter';
import { TicketIssuer, type TicketIdentity } from '../../main/host/tickets/ticket-issuer';

/** Monday 2026-11-23 10:00 in Shanghai: every default business is open. */
export const MONDAY_10AM = Date.parse('2026-11-23T10:00:00+08:00');

const stops: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

/** The fixture citizen's card as IdentityService.platformCard gives it. */
export function fixtureCard(fixture: Parameters<typeof fixturePerson>[0]): PlatformCardFields {
  const p = fixturePerson(fixture);
  return { type: p.cardType, idNumber: p.idNumber, name: p.name, validFrom: '2020-01-01', validUntil: 'longTerm' };
}

export interface RigOptions {
  kioskId?: string;
  /** Another kiosk of the same hall, on the same platform. */
  sim?: PlatformSim;
  clock?: ManualClock;
}

export async function appointmentRig(options: RigOptions = {}) {
  const clock = options.clock ?? new ManualClock(MONDAY_10AM);
  const sim = options.sim ?? (await startPlatformSim({ clock, latencyMs: 0 }));
  if (!options.sim) stops.push(() => sim.stop());
  const platform = new PlatformClient({ baseUrl: sim.url, kioskId: options.kioskId ?? 'kiosk-01', clock, timeoutMs: 5_000, log: SILENT_LOGGER });

  const pair = createReportMemoryPair('scanner');
  const scannerSim = new SimHidScanner({ id: 'scanner', model: 'generic-hidpos', transport: pair.device, clock });
  await scannerSim.start();
  const scanner = new HidPosBarcodeScanner({ id: 'scanner', model: 'generic-hidpos', transport: pair.host, clock });
  await scanner.open();
  await scanner.enable();
  stops.push(async () => {
    await scanner.close().catch(() => undefined);
    await scannerSim.stop();
  });

  const dir = mkdtempSync(join(tmpdir(), 'appointments-'));
  const db = openQueueDb(join(dir, 'kiosk.sqlite'));
  stops.push(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const config = structuredClone(loadConfig({ env: {} }));
  config.queue.ticketsPerMinute = 10_000;
  const queue = new QueueService({ db, config, clock });
  const session = new SessionService(clock, { idleTimeoutMs: 60_000, countdownMs: 10_000, attractAfterMs: 30_000 }, SILENT_LOGGER);
  stops.push(() => session.dispose());

  let card: PlatformCardFields | null = null;
  let bound: TicketIdentity | null = null;
  const printed: PrintDocument[] = [];
  let printOutcome: PrintResult = { outcome: 'confirmed' };
  const printer = {
    print: async (doc: PrintDocument, opts?: { events?: PrintEvents }) => {
      if (printOutcome.outcome !== 'notPrinted') opts?.events?.onSending?.();
      printed.push(doc);
      return printOutcome;
    },
  } as unknown as TicketPrinter;
  let available = true;
  const availability = { of: (service: never) => (available ? { service, available: true } : { service, available: false, reason: 'paperOut' as const, role: 'ticketPrinter' as const }) };
  const tickets = new TicketIssuer({
    queue: new QueueTicketAdapter(queue, config),
    printer: () => printer,
    availability,
    session,
    identity: { bound: (sessionId) => (sessionId === session.state().sessionId ? bound : null) },
    ticketShownMs: 20_000,
    log: SILENT_LOGGER,
  });
  const appointments = new AppointmentService({
    clock,
    log: SILENT_LOGGER,
    kioskId: options.kioskId ?? 'kiosk-01',
    timeZone: 'Asia/Shanghai',
    platform: () => platform,
    scanner: () => scanner,
    inputs: () => ({ scanner: scanner.status.device === 'online', card: true }),
    session,
    identity: { platformCard: (sessionId) => (sessionId === session.state().sessionId ? card : null) },
    business: (id) => config.queue.businesses.find((b) => b.id === id),
    businessOpen: (id) => queue.listBusinesses().find((b) => b.id === id)?.open === true,
    availability,
    ticketOf: (requestId) => queue.findByRequest(requestId),
    tickets,
  });
  stops.push(() => appointments.dispose());
  const views: AppointmentView[] = [];
  appointments.onChanged((v) => views.push(v));

  const codeOf = (fixture: string): string => sim.appointments().find((a) => a.fixture === fixture)!.code;
  /** Waits (on loopback, no clock) until the look-up has answered. */
  const settled = async (): Promise<AppointmentView> => {
    await vi.waitFor(() => {
      if (appointments.state().step === 'looking') throw new Error('still looking');
    });
    return appointments.state();
  };
  return {
    clock,
    sim,
    platform,
    scanner,
    scannerSim,
    queue,
    db,
    session,
    tickets,
    appointments,
    views,
    printed,
    codeOf,
    settled,
    /** A label at the scanner, its reports through the driver. */
    scan: async (data: string) => {
      scannerSim.actions().scan!.start!({ data, symbology: 'qr' });
      for (let i = 0; i < 3; i++) await new Promise<void>((resolve) => setImmediate(resolve));
    },
    /** Waits (on loopback, no clock) until the view is at `step`. */
    untilStep: (step: AppointmentView['step']) =>
      vi.waitFor(() => {
        if (appointments.state().step !== step) throw new Error(`not ${step} yet`);
      }),
    /** A card step identified the citizen (identity purpose `appointment`). */
    identify: (fixture: Parameters<typeof fixturePerson>[0], idHmac = 'h'.repeat(64)) => {
      card = fixtureCard(fixture);
      bound = { idHmac, priority: false };
    },
    setPrint: (result: PrintResult) => void (printOutcome = result),
    setPrinterAvailable: (on: boolean) => void (available = on),
    checkInCalls: () => sim.recentCalls().filter((c) => c.endpoint === 'checkIn'),
    paperOut: { outcome: 'notPrinted', error: errorInfo('paperOut') } as PrintResult,
  };
}

export type AppointmentRig = Awaited<ReturnType<typeof appointmentRig>>;

/** The text lines of a printed ticket. */
export function linesOf(doc: PrintDocument): string[] {
  return doc.blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : []));
}
