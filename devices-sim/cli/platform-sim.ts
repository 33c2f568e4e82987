/**
 * The simulated government platform (devices-sim/platform/platform-sim.ts) in its own process, so that a
 * training kiosk can reach it as it reaches the real one, over loopback HTTP, and nothing the platform keeps
 * (its fake citizens, their appointments) lives in the kiosk's own heap (issue 14 §9's wipe test):
 *
 *   node --import tsx devices-sim/cli/platform-sim.ts [--port 0] [--seed 1] [--latency-ms 300-800 | 0]
 *
 * Prints one line "platform ready <url>" once it listens on 127.0.0.1. The kiosk's configuration then names
 * it, in training mode only (config-checks.ts): { "platform": { "baseUrl": "<url>" } }. The platform's own
 * control routes (/sim/platform/*, docs/platform-api.md) are served on the same port. Its clock is its own:
 * the kiosk's POST /sim/clock does not move it.
 */
import { simTemplateMatchesCard } from '../zfm/sim-template';
import { PlatformSim } from '../platform/platform-sim';
// The CLI is a composition root of its own (like main/composition.ts), so it may take the host's clock.
import { AdjustableClock } from '../../main/host/clock/adjustable-clock';
import { parsePlatformSimArgs } from './platform-sim-args';

async function main(): Promise<void> {
  const args = parsePlatformSimArgs(process.argv.slice(2));
  const sim = new PlatformSim({
    clock: new AdjustableClock(),
    port: args.port,
    seed: args.seed,
    latencyMs: args.latencyMs,
    // As the kiosk's own training platform judges them (composition.ts): the card holder's finger, or another.
    fingerVerdict: ({ template }) => (simTemplateMatchesCard(template) === true ? 'match' : 'noMatch'),
  });
  await sim.start();
  process.stdout.write(`platform ready ${sim.url}\n`);

  let stopping = false;
  const shutdown = (): void => {
    if (stopping) return;
    stopping = true;
    void sim.stop().finally(() => process.exit(0));
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((err: unknown) => {
  process.stderr.write(`platform-sim: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
