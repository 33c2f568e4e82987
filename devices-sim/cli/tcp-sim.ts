/**
 * One simulated network ESC/POS printer in its own process (issue 13 §2), like a LAN printer on port 9100:
 *
 *   node --import tsx devices-sim/cli/tcp-sim.ts [--host 127.0.0.1] [--port 9100] [--model generic-escpos-80] \
 *        [--id ticket-printer] [--line-ms 1] [--control-port 0] [--paper full|low|out]
 *
 * Prints one line "sim ready tcp://<host>:<port> <controlUrl>" once it listens and the control API is up on
 * 127.0.0.1. The kiosk's configuration then names it: { "kind": "tcp", "host": "<host>", "port": <port> }.
 */
import { createSimControlServer, listenOnLoopback } from '../control-api';
import { SimRegistry } from '../sim-registry';
import { TcpSimServer } from '../tcp/tcp-sim-server';
// The CLI is a composition root of its own (like main/composition.ts), so it may take the host's clock.
import { AdjustableClock } from '../../main/host/clock/adjustable-clock';
import { parseTcpSimArgs } from './tcp-sim-args';

async function main(): Promise<void> {
  const args = parseTcpSimArgs(process.argv.slice(2));
  const clock = new AdjustableClock();
  const sim = await TcpSimServer.start({
    clock,
    id: args.id,
    model: args.model,
    host: args.host,
    port: args.port,
    lineTimeMs: args.lineMs,
    paper: args.paper,
    log: (level, msg, fields) => process.stderr.write(`${level} ${msg} ${JSON.stringify(fields ?? {})}\n`),
  });
  const control = await listenOnLoopback(createSimControlServer({ registry: new SimRegistry([sim.printer]), clock }), args.controlPort);
  process.stdout.write(`sim ready tcp://${sim.host}:${sim.port} ${control.url}\n`);

  let stopping = false;
  const shutdown = (): void => {
    if (stopping) return;
    stopping = true;
    void Promise.allSettled([control.close(), sim.close()]).then(() => process.exit(0));
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((err: unknown) => {
  process.stderr.write(`tcp-sim: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
