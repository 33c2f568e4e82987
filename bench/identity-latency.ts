/**
 * Card placed → identity on screen (issue 14 item 12, row 1) on the real pieces the host composes: the
 * IdentityService and SessionService, the Ga467IdCardReader driver (opened and enabled, polling as the device
 * manager leaves it) and the SimGa467Reader on a memory pair, at the simulator's default wire time (115200 baud,
 * 8N1) and default processing times (reader-timing.ts: find and select 20 ms each, the read 800 ms), on the
 * host's real-time AdjustableClock. Each round: the card step begins, the `adult` card is laid, the service
 * publishes `identified`, the session ends (wiping it), the card is lifted.
 *
 * The poll interval: the model row polls find every 1000 ms (reader-models.ts), so a card laid at a random
 * moment waits 0–1000 ms for the next find. That wait is the reader's cadence, not host work, so the measured
 * time starts at the write of the find request that saw the card (answered `9F`) and covers find → select →
 * read and the host's handling up to `identified`. The bench polls every POLL_INTERVAL_MS only to keep rounds
 * short; the time from laying the card is reported too, for what it is (it holds this short poll wait).
 *
 * Baseline, from the frames of that very read (wire-tap.ts): the reply bytes' wire time at 115200 baud and the
 * simulator's processing time per command; overhead = measured − both. The requests' wire time is shown apart
 * (the memory pair does not delay requests). A second baseline, in some rounds: the same waits as a chain of
 * timers on the same clock with no work, i.e. what timer rounding alone adds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SILENT_LOGGER } from '../common/logger';
import { DEFAULT_BAUD, DEFAULT_TIMING, processingMs, wireMs } from '../devices-sim/ga467/reader-timing';
import { SimGa467Reader } from '../devices-sim/ga467/sim-ga467-reader';
import { Ga467IdCardReader } from '../drivers/devices/ga467/ga467-id-card-reader';
import { createMemoryPair } from '../drivers/transport/memory-pair';
import type { Clock } from '../common/clock';
import { AdjustableClock } from '../main/host/clock/adjustable-clock';
import type { KioskConfig } from '../main/host/config/config-types';
import { loadConfig } from '../main/host/config/load-config';
import { IdentityService } from '../main/host/identity/identity-service';
import { IdentityVerification } from '../main/host/identity/identity-verification';
import { openKioskKey } from '../main/host/identity/kiosk-key';
import { SessionService } from '../main/host/session/session-service';
import { exchanges, simulatedWaitMs, WireTap, type Exchange } from './wire-tap';

/** The bench's poll interval (the model row's is 1000 ms); it does not enter the measured time, see above. */
export const POLL_INTERVAL_MS = 25;
const MODEL = 'generic-ga467';
/** The card alone identifies for an appointment check-in (common/identity.ts VerificationMethod `card`). */
const PURPOSE = 'appointment';
const BITS_PER_BYTE_8N1 = 10;
/** One round in this many also times the timer-chain baseline (each costs a read's length of waiting). */
const CHAIN_EVERY = 10;

export interface IdentityLatency {
  /** find that saw the card → identified, ms. */
  fromFind: number[];
  /** card laid → identified, ms (holds the wait for the next poll at POLL_INTERVAL_MS). */
  fromLaid: number[];
  /** The simulator's waits for the same exchanges (processing + reply wire), ms. */
  simulated: number[];
  /** fromFind − simulated, ms. */
  overhead: number[];
  /** A timer chain of the same waits on the same clock, minus their sum, ms. */
  timerLateness: number[];
  /** One read's exchanges (identical every round: checked). */
  wait: ReturnType<typeof simulatedWaitMs>;
  commands: string[];
}

/** The waits the simulator makes for `list`, in order: processing, then the reply's wire time, per exchange. */
function waitsOf(list: readonly Exchange[]): number[] {
  return list.flatMap((x) => [processingMs(DEFAULT_TIMING, x.command), wireMs(x.replyBytes, DEFAULT_BAUD)]);
}

/** Runs the waits one after another on `clock`; returns how much later than their sum the chain ended. */
async function timerChainLateness(clock: Clock, waits: readonly number[]): Promise<number> {
  const t0 = performance.now();
  for (const ms of waits) await new Promise<void>((resolve) => clock.setTimer(ms, resolve));
  return performance.now() - t0 - waits.reduce((a, b) => a + b, 0);
}

/**
 * The real verification with no camera, finger reader or platform: the card-only check the appointment check-in
 * uses (`method: 'card'`), so `identified` follows the accepted card with no face or finger step after it.
 */
export function cardOnlyVerification(clock: Clock, config: KioskConfig): IdentityVerification {
  return new IdentityVerification({
    clock,
    log: SILENT_LOGGER,
    timeZone: config.hall.timeZone,
    camera: () => undefined,
    analyzer: () => Promise.reject(new Error('no face step in this benchmark')),
    platform: () => null,
    random: () => 0,
    fingerprint: () => undefined,
    staffHours: config.identity.staffOnDuty,
    calendar: config.queue.calendar,
    callStaff: () => undefined,
  });
}

export async function identityLatency(rounds: number): Promise<IdentityLatency> {
  const dir = mkdtempSync(join(tmpdir(), 'hallkiosk-idbench-'));
  const clock = new AdjustableClock();
  const config = loadConfig({ env: {} });
  const pair = createMemoryPair('id-card-reader');
  const sim = new SimGa467Reader({ id: 'id-card-reader', model: MODEL, transport: pair.device, clock, baud: DEFAULT_BAUD, timing: DEFAULT_TIMING });
  const tap = new WireTap(pair.host, DEFAULT_BAUD / BITS_PER_BYTE_8N1);
  const reader = new Ga467IdCardReader({ id: 'id-card-reader', model: MODEL, transport: tap, clock, pollIntervalMs: POLL_INTERVAL_MS });
  const session = new SessionService(clock, config.session, SILENT_LOGGER);
  const identity = new IdentityService({
    clock,
    log: SILENT_LOGGER,
    config: config.identity,
    timeZone: config.hall.timeZone,
    reader: () => reader,
    session,
    key: openKioskKey(dir),
    alerts: { raise: () => undefined, clear: () => undefined },
    verification: cardOnlyVerification(clock, config),
  });
  let waiting: { resolve(atMs: number): void; reject(err: Error): void } | null = null;
  identity.onChanged((view) => {
    if (view.step === 'identified') waiting?.resolve(performance.now());
    else if (view.step === 'refused') waiting?.reject(new Error(`card refused: ${JSON.stringify(view.error)}`));
  });
  const card = sim.actions().card!;
  try {
    await sim.start();
    await reader.open();
    await reader.enable();
    identity.attachReader();
    const result: IdentityLatency = { fromFind: [], fromLaid: [], simulated: [], overhead: [], timerLateness: [], wait: simulatedWaitMs([], DEFAULT_TIMING, DEFAULT_BAUD), commands: [] };
    for (let i = 0; i < rounds; i++) {
      const done = new Promise<number>((resolve, reject) => (waiting = { resolve, reject }));
      identity.begin(PURPOSE, 'card');
      const laidAt = performance.now();
      card.start!({ fixture: 'adult' });
      const identifiedAt = await done;
      waiting = null;
      // The read: the last find (the one answered 9F, perhaps sent just before the card was laid) and what followed.
      const all = exchanges(tap.events);
      tap.events.length = 0;
      const findIndex = all.map((x) => x.command?.type).lastIndexOf('findCard');
      const read = all.slice(findIndex);
      const commands = read.map((x) => x.command?.type ?? 'unknown');
      if (commands.join() !== 'findCard,selectCard,readTextPhoto') throw new Error(`round ${i}: unexpected exchanges ${commands.join()}`);
      const wait = simulatedWaitMs(read, DEFAULT_TIMING, DEFAULT_BAUD);
      if (i > 0 && (wait.replyBytes !== result.wait.replyBytes || wait.requestBytes !== result.wait.requestBytes)) throw new Error(`round ${i}: the read's frames changed size`);
      result.wait = wait;
      result.commands = commands;
      const fromFind = identifiedAt - (read[0] as Exchange).sentAtMs;
      const simulated = wait.processingMs + wait.replyWireMs;
      result.fromFind.push(fromFind);
      result.fromLaid.push(identifiedAt - laidAt);
      result.simulated.push(simulated);
      result.overhead.push(fromFind - simulated);
      session.end('done');
      card.stop!();
      if (i % CHAIN_EVERY === 0) result.timerLateness.push(await timerChainLateness(clock, waitsOf(read)));
    }
    return result;
  } finally {
    identity.dispose();
    session.dispose();
    await reader.close().catch(() => undefined);
    await sim.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
