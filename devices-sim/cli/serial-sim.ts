/**
 * One simulated device in its own process, on a real serial path (ARCHITECTURE.md §5: "the simulator in
 * another process on a socat pty pair, the host opening the other end with serialport"):
 *
 *   socat -d -d pty,raw,echo=0 pty,raw,echo=0        # prints two /dev/pts/N paths
 *   node --import tsx devices-sim/cli/serial-sim.ts --path /dev/pts/3 [--driver escpos|ga467] [--model M] \
 *        [--id ID] [--control-port 0] [--baud 115200]
 *        escpos: [--line-ms 0] [--paper full|low|out|jammed]     ga467: [--card over70]
 *
 * Prints one line "sim ready <controlUrl>" once the port is open and the control API listens on 127.0.0.1.
 * The device is driven there by its registry id (docs/operations.md), as in the kiosk's own training mode.
 */
import { SerialTransport } from '../../drivers/transport/serial-transport';
import { createSimControlServer, listenOnLoopback } from '../control-api';
import { SimEscPosPrinter } from '../escpos/sim-escpos-printer';
import type { SimLog } from '../escpos/reply-channel';
import { SimGa467Reader } from '../ga467/sim-ga467-reader';
import { SimRegistry } from '../sim-registry';
// The CLI is a composition root of its own (like main/composition.ts), so it may take the host's clock.
import { AdjustableClock } from '../../main/host/clock/adjustable-clock';
import { parseSerialSimArgs, type SerialSimArgs } from './serial-sim-args';

type Clock = AdjustableClock;

function createSim(args: SerialSimArgs, clock: Clock, log: SimLog): SimEscPosPrinter | SimGa467Reader {
  const transport = new SerialTransport({ path: args.path, baudRate: args.baudRate });
  switch (args.driver) {
    case 'escpos':
      return new SimEscPosPrinter({ id: args.id, model: args.model, transport, clock, lineTimeMs: args.lineMs, paper: args.paper, log });
    case 'ga467':
      return new SimGa467Reader({ id: args.id, model: args.model, transport, clock, baud: args.baudRate, ...(args.card && { card: args.card }), log });
  }
}

async function main(): Promise<void> {
  const args = parseSerialSimArgs(process.argv.slice(2));
  const clock = new AdjustableClock();
  const sim = createSim(args, clock, (level, msg, fields) => process.stderr.write(`${level} ${msg} ${JSON.stringify(fields ?? {})}\n`));
  await sim.start();
  const control = await listenOnLoopback(createSimControlServer({ registry: new SimRegistry([sim]), clock }), args.controlPort);
  process.stdout.write(`sim ready ${control.url}\n`);

  let stopping = false;
  const shutdown = (): void => {
    if (stopping) return;
    stopping = true;
    void Promise.allSettled([control.close(), sim.stop()]).then(() => {
      process.exit(0);
    });
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((err: unknown) => {
  process.stderr.write(`serial-sim: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
