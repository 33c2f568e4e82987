/**
 * Tickets bound to an identity (issue 14 §7; domain.md "one active ticket per ID per business"): the HMAC
 * of the ID number is stored, never the number; a business with `oneTicketPerId` refuses a second active
 * ticket of the same HMAC on the same day and says which number is held; a finished one frees it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KioskConfig } from '../config/config-types';
import { loadConfig } from '../config/load-config';
import { type QueueDb, openQueueDb } from './queue-db';
import { QueueService } from './queue-service';
import type { ReserveResult } from './queue-types';
import { clockAt } from './test-manual-clock';

const SI = 'social-insurance';
const HF = 'housing-fund';
const ALICE = 'a'.repeat(64);
const BOB = 'b'.repeat(64);

let dir: string;
let db: QueueDb;
let config: KioskConfig;
let queue: QueueService;
let n = 0;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-queue-id-'));
  db = openQueueDb(join(dir, 'kiosk.sqlite'));
  config = structuredClone(loadConfig({ env: {} }));
  config.queue.ticketsPerMinute = 10_000;
  queue = new QueueService({ db, config, clock: clockAt('2026-11-23T02:00:00Z') });
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const take = (businessId: string, idHmac?: string): ReserveResult =>
  queue.reserve({ businessId, requestId: `r${++n}`, sessionId: 's', ...(idHmac && { idHmac }) });

function numberOf(result: ReserveResult): string {
  if (result.kind !== 'reserved') throw new Error(`not reserved: ${JSON.stringify(result)}`);
  return result.ticket.number;
}

describe('one active ticket per ID per business', () => {
  it('refuses the same ID a second ticket of a business, naming the one it holds; other businesses and IDs go on', () => {
    const first = numberOf(take(SI, ALICE));
    expect(take(SI, ALICE)).toEqual({ kind: 'refused', code: 'ticketAlreadyHeld', heldNumber: first });
    expect(take(HF, ALICE).kind).toBe('reserved');
    expect(take(SI, BOB).kind).toBe('reserved');
    expect(take(SI).kind).toBe('reserved'); // anonymous tickets are not bound
    expect(db.prepare('SELECT id_hmac FROM tickets WHERE number = ?').pluck().get(first)).toBe(ALICE);
  });

  it('frees the ID when its ticket was voided, and still counts an uncertain one (it may be in the tray)', () => {
    const held = take(SI, ALICE);
    if (held.kind !== 'reserved') throw new Error('not reserved');
    queue.settle(held.ticket.id, 'voided', { errorCode: 'paperOut', partial: false });
    const second = take(SI, ALICE);
    if (second.kind !== 'reserved') throw new Error('not reserved');
    queue.settle(second.ticket.id, 'uncertain', { errorCode: 'timeout' });
    expect(take(SI, ALICE)).toMatchObject({ kind: 'refused', code: 'ticketAlreadyHeld', heldNumber: second.ticket.number });
  });

  it('lets a business switch the rule off', () => {
    config.queue.businesses.find((b) => b.id === SI)!.oneTicketPerId = false;
    take(SI, ALICE);
    expect(take(SI, ALICE).kind).toBe('reserved');
  });
});
