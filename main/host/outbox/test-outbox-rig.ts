/**
 * What the outbox tests share (issue 17 §5): a data folder and a key folder apart, an outbox opened on them
 * with a manual clock and fixed jitter, and a fake platform that de-duplicates by idempotency key as the
 * platform simulator does, counting acceptances.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../../common/manual-clock';
import { openOutbox, type OpenOutboxOptions } from './open-outbox';
import type { Outbox } from './outbox';
import type { OutboxAlert, SendOutcome } from './outbox-types';

export interface OutboxRig {
  root: string;
  dataDir: string;
  keyFile: string;
  clock: ManualClock;
  alerts: OutboxAlert[];
  open(extra?: Partial<OpenOutboxOptions>): Outbox;
  dispose(): void;
}

export function makeRig(): OutboxRig {
  const root = mkdtempSync(join(tmpdir(), 'outbox-'));
  const rig: OutboxRig = {
    root,
    dataDir: join(root, 'data'),
    keyFile: join(root, 'keys', 'outbox.key'),
    clock: new ManualClock(),
    alerts: [],
    open: (extra) =>
      openOutbox({
        dataDir: rig.dataDir,
        keyFile: rig.keyFile,
        mode: 'production',
        clock: rig.clock,
        random: () => 0,
        retry: { baseMs: 1_000, maxMs: 16_000, jitter: 0.5 },
        onAlert: (a) => rig.alerts.push(a),
        ...extra,
      }),
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
  return rig;
}

/** A platform that accepts each idempotency key once and answers a replay with the first reply. */
export class FakePlatform {
  readonly accepted = new Map<string, { acceptanceNo: string; payload: unknown }>();
  readonly calls: string[] = [];
  down = false;
  refuse = false;

  get acceptances(): number {
    return this.accepted.size;
  }

  /** The platform side only: accepts (or replays) and returns the reply. */
  accept(payload: unknown, key: string): { acceptanceNo: string } {
    const seen = this.accepted.get(key);
    if (seen) return { acceptanceNo: seen.acceptanceNo };
    const acceptanceNo = `SL${String(this.accepted.size + 1).padStart(6, '0')}`;
    this.accepted.set(key, { acceptanceNo, payload });
    return { acceptanceNo };
  }

  send = async (payload: unknown, key: string): Promise<SendOutcome> => {
    this.calls.push(key);
    await Promise.resolve();
    if (this.down) return { outcome: 'retry', error: 'platformUnavailable' };
    if (this.refuse) return { outcome: 'rejected', error: 'formInvalid' };
    return { outcome: 'acknowledged', reply: this.accept(payload, key) };
  };
}
