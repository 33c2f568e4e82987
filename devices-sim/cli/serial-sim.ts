/**
 * One simulated ESC/POS printer in its own process, on a real serial path (ARCHITECTURE.md §5: "the
 * simulator in another process on a socat pty pair, the host opening the other end with serialport"):
 *
 *   socat -d -d pty,raw,echo=0 pty,raw,echo=0        # prints two /dev/pts/N paths
 *   node --import tsx devices-sim/cli/serial-sim.ts --path /dev/pts/3 --model generic-escpos-80 \
 *        [--id ticket-printer] [--line-ms 0] [--control-port 0] [--baud 115200] [--paper full|low|out]
 *
 * Prints one line "sim ready <controlUrl>" once the port is open and the control API listens on 127.0.0.1.
 */
import { SerialTransport } from '../../drivers/transport/serial-transport';
import { createSimControlServer, listenOnLoopback } from '../control-api';
import { SimEscPosPrinter } from '../escpos/sim-escpos-printer';
import { SimRegistry } from '../sim-registry';
// The CLI is a composition root of its own (like main/composition.ts), so it may take the host's clock.
import { AdjustableClock } from '../../main/host/clock/adjustable-clock';
import { parseSerialSimArgs } from './serial-sim-args';

async function main(): Promise<void> {
  const args = parseSerialSimArgs(process.argv.slice(2));
  const clock = new AdjustableClock();
  const printer = new SimEscPosPrinter({
    id: args.id,
    model: args.model,
    transport: new SerialTransport({ path: args.path, baudRate: args.baudRate }),
    clock,
    lineTimeMs: args.lineMs,
    paper: args.paper,
    log: (level, msg, fields) => process.stderr.write(`${level} ${msg} ${JSON.stringify(fields ?? {})}\n`),
  });
  await printer.start();
  const control = await listenOnLoopback(createSimControlServer({ registry: new SimRegistry([printer]), clock }), args.controlPort);
  process.stdout.write(`sim ready ${control.url}\n`);

  let stopping = false;
  const shutdown = (): void => {
    if (stopping) return;
    stopping = true;
    void Promise.allSettled([control.close(), printer.stop()]).then(() => {
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
