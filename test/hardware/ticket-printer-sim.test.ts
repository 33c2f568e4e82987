/**
 * The ticketPrinter contract run on the simulator, over the links halls wire (issue 13 §2), so the suite
 * itself is proven to pass before anyone trusts it on hardware: usblp through a socat pty (a model that
 * answers over USB, and one whose USB interface is write-only), and TCP against devices-sim/tcp.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'vitest';
import { SimEscPosPrinter } from '../../devices-sim/escpos/sim-escpos-printer';
import { TcpSimServer } from '../../devices-sim/tcp/tcp-sim-server';
import { EscPosPrinter } from '../../drivers/devices/escpos/escpos-printer';
import { SerialTransport } from '../../drivers/transport/serial-transport';
import { TcpTransport } from '../../drivers/transport/tcp-transport';
import type { Transport } from '../../drivers/transport/transport';
import { UsblpTransport } from '../../drivers/transport/usblp-transport';
import { AdjustableClock } from '../../main/host/clock/adjustable-clock';
import { HAS_SOCAT, startPtyPair } from '../support/socat-pty';
import { describeTicketPrinterContract, type TicketPrinterContractRig } from './ticket-printer.contract';

if (!HAS_SOCAT) process.stderr.write('SKIPPED ticketPrinter contract over usblp (pty): socat is missing (npm test installs it when run as root)\n');

async function openPrinter(model: string, transport: Transport, clock: AdjustableClock): Promise<EscPosPrinter> {
  const printer = new EscPosPrinter({ id: 'ticket-printer', roles: ['ticketPrinter'], model, transport, clock, pollIntervalMs: 200, jobPollMs: 50 });
  await printer.open();
  await printer.enable();
  return printer;
}

const usblpOnPty = (model: string) => async (): Promise<TicketPrinterContractRig> => {
  const dir = mkdtempSync(join(tmpdir(), 'hallkiosk-contract-'));
  const clock = new AdjustableClock();
  const pair = await startPtyPair(dir);
  const sim = new SimEscPosPrinter({ id: 'ticket-printer', model, transport: new SerialTransport({ path: pair.simPath, baudRate: 115200 }), clock, lineTimeMs: 2 });
  await sim.start();
  const transport = new UsblpTransport({ path: pair.hostPath });
  const printer = await openPrinter(model, transport, clock);
  return {
    printer,
    transport,
    printedCount: () => sim.printed().length,
    async dispose() {
      await printer.close();
      await sim.stop();
      await pair.unplug();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

describe.skipIf(!HAS_SOCAT)('over usblp (a socat pty)', () => {
  describeTicketPrinterContract('simulator over usblp, a model that answers over USB (generic-escpos-80)', usblpOnPty('generic-escpos-80'));
  describeTicketPrinterContract('simulator over usblp, a write-only USB model (cashino-kp628e)', usblpOnPty('cashino-kp628e'));
});

describeTicketPrinterContract('simulator over TCP (devices-sim/tcp, epson-tm-t88)', async () => {
  const clock = new AdjustableClock();
  const lan = await TcpSimServer.start({ clock, model: 'epson-tm-t88' });
  const transport = new TcpTransport({ host: '127.0.0.1', port: lan.port });
  const printer = await openPrinter('epson-tm-t88', transport, clock);
  return {
    printer,
    transport,
    printedCount: () => lan.printer.printed().length,
    async dispose() {
      await printer.close();
      await lan.close();
    },
  };
});
