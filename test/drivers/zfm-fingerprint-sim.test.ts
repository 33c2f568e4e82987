/**
 * The fingerprint module driver against the project's module simulator (issue 14 item 4; ARCHITECTURE.md
 * §5): the two were written apart, each from protocols.md §3, and meet here — on a memory pair with the
 * manual clock for every fault, and once over a real socat pty pair with serialport at 57600 baud.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../common/manual-clock';
import { INSTANT_TIMING } from '../../devices-sim/zfm/module-timing';
import { SimZfmFingerprint, type SimZfmFingerprintOptions } from '../../devices-sim/zfm/sim-zfm-fingerprint';
import { simTemplate, simTemplateMatchesCard } from '../../devices-sim/zfm/sim-template';
import type { CaptureEvents, FingerprintCapture } from '../../drivers/devices/fingerprint-types';
import { ZfmFingerprintReader, type ZfmFingerprintReaderOptions } from '../../drivers/devices/zfm/zfm-fingerprint-reader';
import { createMemoryPair } from '../../drivers/transport/memory-pair';
import { SerialTransport } from '../../drivers/transport/serial-transport';
import { AdjustableClock } from '../../main/host/clock/adjustable-clock';
import { HAS_SOCAT, startPtyPair } from '../support/socat-pty';
import { runUntil, settle } from './escpos-fake-clock-rig';

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

async function memoryRig(simExtra: Partial<SimZfmFingerprintOptions> = {}, readerExtra: Partial<ZfmFingerprintReaderOptions> = {}) {
  const clock = new ManualClock();
  const pair = createMemoryPair('fingerprint');
  const sim = new SimZfmFingerprint({ id: 'fingerprint', model: 'generic-zfm', transport: pair.device, clock, baud: 0, timing: INSTANT_TIMING, ...simExtra });
  const reader = new ZfmFingerprintReader({ id: 'fingerprint', model: 'generic-zfm', transport: pair.host, clock, ...readerExtra });
  stops.push(async () => {
    await reader.close().catch(() => undefined);
    await sim.stop();
  });
  await sim.start();
  await settle(clock, reader.open());
  const finger = sim.actions().finger!;
  /** A capture from start to end on the clock. */
  const capture = (options: Parameters<ZfmFingerprintReader['captureTemplate']>[0] = {}): Promise<FingerprintCapture> => settle(clock, reader.captureTemplate(options), 60_000);
  const failure = (options: Parameters<ZfmFingerprintReader['captureTemplate']>[0] = {}): Promise<unknown> => capture(options).then(() => 'resolved', (e: unknown) => e);
  /** A citizen who does as the prompts say: lifts the finger, and presses `body`'s finger when asked. */
  const citizen = (body: object = {}): CaptureEvents => ({ onLiftFinger: () => sim.liftFinger(), onPlaceFinger: () => void finger.start!(body) });
  return { clock, sim, reader, finger, capture, failure, citizen };
}

describe('ZfmFingerprintReader ↔ SimZfmFingerprint', () => {
  it('captures the finger laid on the simulator; its template says what the platform will answer; wipe zeroes it', async () => {
    const { sim, reader, finger, capture, citizen } = await memoryRig();
    expect(reader.status.device).toBe('online');
    finger.start!({ quality: 'good', matches: true });
    const mine = await capture();
    expect(mine.template).toEqual(simTemplate('cardHolder'));
    expect(simTemplateMatchesCard(mine.template)).toBe(true);
    expect(sim.fingerMatches()).toBe(true);
    expect(reader.status.fingerprint).toEqual({ fingerPresent: true });
    const other = await capture({ events: citizen({ matches: false }) }); // the same finger is not taken twice: lift, press another
    expect(simTemplateMatchesCard(other.template)).toBe(false);
    expect(sim.fingerMatches()).toBe(false);
    mine.wipe();
    other.wipe();
    expect(mine.template.every((b) => b === 0) && other.template.every((b) => b === 0)).toBe(true);
    expect(sim.status().fingerprint).toEqual({ fingerPresent: false }); // lifted when told, at the end of the capture
  });

  it('no finger: fingerNotPresented; a poor one: fingerPoorQuality until it is lifted and pressed again well', async () => {
    const { clock, reader, finger, failure } = await memoryRig();
    expect(await failure({ timeoutMs: 3000 })).toMatchObject({ code: 'fingerNotPresented' });
    finger.start!({ quality: 'poor' });
    expect(await failure()).toMatchObject({ code: 'fingerPoorQuality', actor: 'citizen' });
    const prompts: string[] = [];
    const retrying = reader.captureTemplate({ events: { onLiftFinger: () => prompts.push('lift'), onPlaceFinger: () => prompts.push('place') } });
    await runUntil(clock, () => prompts.length > 0);
    finger.stop!();
    await runUntil(clock, () => prompts.length > 1);
    finger.start!({ quality: 'good' });
    await expect(settle(clock, retrying)).resolves.toMatchObject({ quality: { presses: 1 } });
    expect(prompts).toEqual(['lift', 'place', 'lift']);
  });

  it('two presses are matched and merged (score 100); compareWithTemplate sends a template down and matches it', async () => {
    const { clock, sim, reader, capture, citizen } = await memoryRig();
    const captured = await capture({ presses: 2, events: citizen() });
    expect(captured.quality).toEqual({ presses: 2, matchScore: 100, imagingRetries: 0 });
    expect(captured.template).toEqual(simTemplate('cardHolder'));
    expect(sim.statistics().requests).toBeGreaterThan(8);
    await expect(settle(clock, reader.compareWithTemplate(simTemplate('other'), { events: citizen() }))).resolves.toEqual({ matched: false, score: 0 });
    await expect(settle(clock, reader.compareWithTemplate(captured.template, { events: citizen() }))).resolves.toEqual({ matched: true, score: 100 });
  });

  it('a damaged reply (bad checksum, on the template stream) is recovered from by itself: one capture', async () => {
    const { sim, reader, finger, capture } = await memoryRig();
    finger.start!({});
    sim.setFaults({ badChecksum: true });
    const got = await capture();
    expect(got.template).toEqual(simTemplate('cardHolder'));
    expect(reader.statistics()).toMatchObject({ captures: 1, retries: 1, badChecksums: 1 });
  });

  it('slowMs within the bounds only slows it; noReply and garbage make it offline; cleared, it captures again', async () => {
    const { clock, sim, reader, finger, capture, failure } = await memoryRig();
    finger.start!({});
    sim.setFaults({ slowMs: 400 });
    await expect(capture()).resolves.toMatchObject({ quality: { presses: 1 } });
    for (const fault of [{ noReply: true }, { garbage: true }]) {
      sim.clearFaults();
      sim.setFaults(fault);
      expect(await failure()).toMatchObject({ code: 'timeout' });
      expect(reader.status.device).toBe('offline');
      expect(reader.silent).toBe(true);
      sim.clearFaults();
      sim.liftFinger();
      await reader.enable();
      await runUntil(clock, () => reader.status.device === 'online');
      await reader.disable();
      finger.start!({});
      await expect(capture()).resolves.toMatchObject({ quality: { presses: 1 } });
    }
  });

  it('a failing sensor (03) is hardwareError until it works; receive errors (01) are garbledReply after retries', async () => {
    const { sim, reader, finger, capture, failure } = await memoryRig();
    finger.start!({});
    sim.setFaults({ sensor: 'imageFail' });
    expect(await failure()).toMatchObject({ code: 'hardwareError', actor: 'technician' });
    expect(reader.status.device).toBe('hardwareError');
    sim.setFaults({ sensor: 'ok', receiveError: true });
    expect(await failure()).toMatchObject({ code: 'garbledReply', message: expect.stringMatching(/confirmation 01/) });
    sim.clearFaults();
    await expect(capture()).resolves.toMatchObject({ quality: { presses: 1 } });
    expect(reader.status.device).toBe('online');
  });

  it('an unplugged module is noDevice; plugged back it is reopened by its owner and captures', async () => {
    const { clock, sim, reader, finger, capture } = await memoryRig();
    sim.setFaults({ unplugged: true });
    await runUntil(clock, () => reader.status.device === 'noDevice');
    expect(reader.lifecycle).toBe('closed');
    sim.setFaults({ unplugged: false });
    await settle(clock, reader.open());
    finger.start!({});
    await expect(capture()).resolves.toMatchObject({ template: simTemplate('cardHolder') });
  });

  it('a module with a password: the configured one works; a wrong one is hardwareError (technician) at open', async () => {
    const right = await memoryRig({ password: 0x5a5a5a5a }, { password: 0x5a5a5a5a });
    right.finger.start!({});
    await expect(right.capture()).resolves.toMatchObject({ quality: { presses: 1 } });
    const wrong = await memoryRig({ password: 0x5a5a5a5a });
    expect(wrong.reader.status.device).toBe('hardwareError');
    expect(await wrong.failure()).toMatchObject({ code: 'hardwareError', message: expect.stringMatching(/Wrong password/) });
  });
});

describe.skipIf(!HAS_SOCAT)('over a real serial pty pair at 57600 baud', () => {
  it('captures a finger through serialport on both ends, with the simulator’s timing and wire time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zfm-pty-'));
    const pty = await startPtyPair(dir, 'sim', 'fingerprint');
    const clock = new AdjustableClock();
    const sim = new SimZfmFingerprint({ id: 'fingerprint', model: 'generic-zfm', transport: new SerialTransport({ path: pty.simPath, baudRate: 57600 }), clock });
    const reader = new ZfmFingerprintReader({ id: 'fingerprint', model: 'generic-zfm', transport: new SerialTransport({ path: pty.hostPath, baudRate: 57600 }), clock });
    stops.push(async () => {
      await reader.close().catch(() => undefined);
      await sim.stop().catch(() => undefined);
      await pty.unplug();
      rmSync(dir, { recursive: true, force: true });
    });
    await sim.start();
    await reader.open();
    expect(reader.status.device).toBe('online');
    const capturing = reader.captureTemplate({ timeoutMs: 10_000, events: { onPlaceFinger: () => sim.actions().finger!.start!({}) } });
    const capture = await capturing;
    expect(capture.template).toEqual(simTemplate('cardHolder'));
    capture.wipe();
  }, 30_000);
});
