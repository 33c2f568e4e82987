/**
 * The ID-card reader driver against the project's reader simulator (issue 14 §1, §3; ARCHITECTURE.md §5):
 * the two were written apart, each from protocols.md §1 alone, and meet here — on a memory pair with the
 * manual clock for the faults, and once over a real socat pty pair with serialport at 115200 baud.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../common/manual-clock';
import { SimGa467Reader } from '../../devices-sim/ga467/sim-ga467-reader';
import { ADULT } from '../../devices-sim/ga467/fixture-citizens';
import { INSTANT_TIMING } from '../../devices-sim/ga467/reader-timing';
import { Ga467IdCardReader } from '../../drivers/devices/ga467/ga467-id-card-reader';
import type { CardRead } from '../../drivers/devices/id-card-types';
import { displayName, isTextBlockProblem } from '../../drivers/protocol/ga467/card-text';
import { createMemoryPair } from '../../drivers/transport/memory-pair';
import { SerialTransport } from '../../drivers/transport/serial-transport';
import { AdjustableClock } from '../../main/host/clock/adjustable-clock';
import { HAS_SOCAT, startPtyPair } from '../support/socat-pty';
import { runUntil } from './escpos-fake-clock-rig';

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

async function memoryRig() {
  const clock = new ManualClock();
  const pair = createMemoryPair('reader');
  const sim = new SimGa467Reader({ id: 'id-card-reader', model: 'generic-ga467', transport: pair.device, clock, baud: 0, timing: INSTANT_TIMING });
  const reader = new Ga467IdCardReader({ id: 'id-card-reader', model: 'generic-ga467', transport: pair.host, clock, pollIntervalMs: 200 });
  const reads: CardRead[] = [];
  reader.onCardRead((card) => reads.push(card));
  stops.push(async () => {
    await reader.close().catch(() => undefined);
    await sim.stop();
  });
  await sim.start();
  const opening = reader.open();
  await runUntil(clock, () => reader.lifecycle !== 'closed');
  await opening;
  await reader.enable();
  return { clock, sim, reader, reads };
}

const nameOf = (card: CardRead | undefined): string | undefined => (card && !isTextBlockProblem(card.text) ? displayName(card.text) : undefined);

describe('Ga467IdCardReader ↔ SimGa467Reader', () => {
  it('reads the fixture card laid on the simulator, once, and wipes what it read', async () => {
    const { clock, sim, reads } = await memoryRig();
    sim.actions().card!.start!({ fixture: 'adult' });
    await runUntil(clock, () => reads.length === 1);
    expect(nameOf(reads[0])).toBe(ADULT.name);
    expect(reads[0]!.photo).toHaveLength(1024);
    await runUntil(clock, () => sim.statistics().requests > 20); // more polls: the read card is not read again
    expect(reads).toHaveLength(1);
    reads[0]!.wipe();
    expect(reads[0]!.photo.every((b) => b === 0)).toBe(true);
  });

  it('a card lifted during the read fails that read (cardRemoved); laid down again it is read', async () => {
    const { clock, sim, reader, reads } = await memoryRig();
    const failures: string[] = [];
    reader.onReadFailed((e) => failures.push(e.code));
    sim.setFaults({ liftDuringRead: true });
    sim.actions().card!.start!({ fixture: 'over70' });
    await runUntil(clock, () => failures.length > 0);
    expect(failures[0]).toBe('cardRemoved');
    sim.actions().card!.start!({ fixture: 'over70' });
    await runUntil(clock, () => reads.length === 1);
    expect(reads).toHaveLength(1);
  });

  it('a damaged reply (bad checksum) is recovered from by itself: the card is read once', async () => {
    const { clock, sim, reads } = await memoryRig();
    sim.actions().card!.start!({ fixture: 'permitJ' });
    sim.setFaults({ badChecksum: true });
    await runUntil(clock, () => reads.length === 1, 30_000);
    await runUntil(clock, () => sim.statistics().requests > 30);
    expect(reads).toHaveLength(1);
    expect(reads[0]!.text).toMatchObject({ kind: 'hkMacaoTaiwanResidence' });
  });

  it('an unplugged reader is noDevice; plugged back it is reopened by its owner and reads', async () => {
    const { clock, sim, reader, reads } = await memoryRig();
    sim.setFaults({ unplugged: true });
    await runUntil(clock, () => reader.status.device === 'noDevice');
    sim.setFaults({ unplugged: false });
    const reopening = reader.open();
    await runUntil(clock, () => reader.lifecycle !== 'closed');
    await reopening;
    await reader.enable();
    sim.actions().card!.start!({ fixture: 'foreign2023' });
    await runUntil(clock, () => reads.length === 1);
    expect(reads[0]!.text).toMatchObject({ kind: 'foreignPermanent2023' });
  });
});

describe.skipIf(!HAS_SOCAT)('over a real serial pty pair at 115200 baud', () => {
  it('reads a card through serialport on both ends, with the simulator’s wire time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ga467-pty-'));
    const pty = await startPtyPair(dir, 'sim', 'reader');
    const clock = new AdjustableClock();
    const sim = new SimGa467Reader({ id: 'id-card-reader', model: 'generic-ga467', transport: new SerialTransport({ path: pty.simPath, baudRate: 115200 }), clock });
    const reader = new Ga467IdCardReader({ id: 'id-card-reader', model: 'generic-ga467', transport: new SerialTransport({ path: pty.hostPath, baudRate: 115200 }), clock, pollIntervalMs: 100 });
    stops.push(async () => {
      await reader.close().catch(() => undefined);
      await sim.stop().catch(() => undefined);
      await pty.unplug();
      rmSync(dir, { recursive: true, force: true });
    });
    await sim.start();
    await reader.open();
    await reader.enable();
    const read = new Promise<CardRead>((resolve) => reader.onCardRead(resolve));
    sim.actions().card!.start!({ fixture: 'rareCharacter' });
    const card = await read;
    expect(card.text).toMatchObject({ kind: 'resident' });
    expect(nameOf(card)).toContain('\uE3C5');
    card.wipe();
  }, 30_000);
});
