/**
 * Host heap after 1,000 simulated identity sessions beside after 10 (issue 14 item 12, row 3), like memory.ts
 * `heapGrowth` for tickets: the composed training kiosk in process (the API, session, identity service, device
 * manager, the GA 467 driver and its simulator on a memory pair), heapUsed after a full GC at each point. Each
 * session: `identity:begin` through the KioskApi (appointment check-in, card only: no face or finger step), the
 * `adult` card laid through the simulator's control action, `identified`, the session ended (the service wipes
 * the card), the card lifted. The clock is a ManualClock moved in small steps with I/O turns between them, so
 * the reader's 1000 ms poll and the simulated 800 ms read take no real time; time plays no part in what the heap
 * keeps.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../common/manual-clock';
import { SILENT_LOGGER } from '../common/logger';
import { composeKiosk } from '../main/composition';
import { loadConfig } from '../main/host/config/load-config';
import { fullGc } from './memory';

const STEP_MS = 25;
/** Clock time a session may take (a poll interval, the read, and margin) before the benchmark gives up. */
const SESSION_LIMIT_MS = 30_000;

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Moves the clock on in small steps, letting the memory pair's hops run between them, until `done()`. */
async function drive(clock: ManualClock, done: () => boolean, what: string): Promise<void> {
  for (let t = 0; !done(); t += STEP_MS) {
    if (t > SESSION_LIMIT_MS) throw new Error(`${what}: not within ${SESSION_LIMIT_MS} ms of clock time`);
    clock.advance(STEP_MS);
    for (let i = 0; i < 4; i++) await turn();
  }
}

async function settle<T>(clock: ManualClock, promise: Promise<T>, what: string): Promise<T> {
  let over = false;
  const watched = promise.finally(() => (over = true));
  await drive(clock, () => over, what);
  return watched;
}

export async function identityHeapGrowth(total = 1000, early = 10): Promise<{ earlyBytes: number; lateBytes: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hallkiosk-idheap-'));
  // A weekday morning in the hall (10:00 Asia/Shanghai): the adult fixture's card is valid.
  const clock = new ManualClock(Date.parse('2026-12-01T10:00:00+08:00'));
  const kiosk = composeKiosk({ config: loadConfig({ env: {} }), dataDir, clock, log: SILENT_LOGGER, simLineTimeMs: 0 });
  await settle(clock, kiosk.start(), 'kiosk start');
  const card = kiosk.sims?.get('id-card-reader')?.actions().card;
  if (!card?.start || !card.stop) throw new Error('the training kiosk has no simulated id-card-reader with a card action');
  let earlyBytes = 0;
  try {
    for (let i = 1; i <= total; i++) {
      const reply = await kiosk.api.handle({ kind: 'request', id: i, channel: 'identity:begin', request: { purpose: 'appointment', method: 'card' } }, { via: 'ipc', clientId: 'bench' });
      if (!reply.ok || (reply.result as { step: string }).step !== 'placeCard') throw new Error(`session ${i}: ${JSON.stringify(reply)}`);
      card.start({ fixture: 'adult' });
      await drive(clock, () => kiosk.identity.state().step !== 'placeCard' && kiosk.identity.state().step !== 'reading', `session ${i}`);
      if (kiosk.identity.state().step !== 'identified') throw new Error(`session ${i}: ${JSON.stringify(kiosk.identity.state())}`);
      kiosk.session.end('done');
      card.stop();
      if (i === early) {
        fullGc();
        earlyBytes = process.memoryUsage().heapUsed;
      }
    }
    fullGc();
    return { earlyBytes, lateBytes: process.memoryUsage().heapUsed };
  } finally {
    await settle(clock, kiosk.stop(), 'kiosk stop');
    rmSync(dataDir, { recursive: true, force: true });
  }
}
