/**
 * 指纹核验 end to end in the host (issue 14 §4, §5, §8): the ID-card reader, the fingerprint module and their
 * simulators, and the simulated platform on loopback judging the template as composition.ts wires it (the
 * simulated module's finger is the card holder's, or another's: the `finger` action's `matches`). The module
 * cannot read the card's fingerprint data (protocols.md §1.7): the platform compares.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SILENT_LOGGER } from '../../common/logger';
import { ManualClock } from '../../common/manual-clock';
import { SimGa467Reader } from '../../devices-sim/ga467/sim-ga467-reader';
import { INSTANT_TIMING } from '../../devices-sim/ga467/reader-timing';
import { PlatformSim } from '../../devices-sim/platform/platform-sim';
import { INSTANT_TIMING as INSTANT_MODULE } from '../../devices-sim/zfm/module-timing';
import { SimZfmFingerprint } from '../../devices-sim/zfm/sim-zfm-fingerprint';
import { simTemplateMatchesCard } from '../../devices-sim/zfm/sim-template';
import { Ga467IdCardReader } from '../../drivers/devices/ga467/ga467-id-card-reader';
import { ZfmFingerprintReader } from '../../drivers/devices/zfm/zfm-fingerprint-reader';
import { createMemoryPair } from '../../drivers/transport/memory-pair';
import { IdentityService } from '../../main/host/identity/identity-service';
import { IdentityVerification } from '../../main/host/identity/identity-verification';
import { openKioskKey } from '../../main/host/identity/kiosk-key';
import { PlatformClient } from '../../main/host/platform/platform-client';
import { SessionService } from '../../main/host/session/session-service';
import { elapse, runUntil } from '../drivers/escpos-fake-clock-rig';

const clock = new ManualClock(Date.parse('2026-12-01T10:00:00+08:00'));
const dir = mkdtempSync(join(tmpdir(), 'identity-finger-'));
let platformSim: PlatformSim;
const stops: Array<() => Promise<void> | void> = [];

beforeAll(async () => {
  platformSim = new PlatformSim({ clock, port: 0, fingerVerdict: ({ template }) => (simTemplateMatchesCard(template) === true ? 'match' : 'noMatch') });
  await platformSim.start();
});
afterAll(async () => {
  for (const stop of stops.reverse()) await stop();
  await platformSim.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Real I/O (the platform on loopback) needs real turns of the loop between steps of the manual clock. */
async function driveUntil(done: () => boolean): Promise<void> {
  for (let i = 0; i < 2000 && !done(); i++) {
    await new Promise((r) => setTimeout(r, 1));
    await elapse(clock, 50, 10);
  }
  if (!done()) throw new Error('did not settle');
}

async function kiosk() {
  const cardPair = createMemoryPair('reader');
  const readerSim = new SimGa467Reader({ id: 'id-card-reader', model: 'generic-ga467', transport: cardPair.device, clock, baud: 0, timing: INSTANT_TIMING });
  const reader = new Ga467IdCardReader({ id: 'id-card-reader', model: 'generic-ga467', transport: cardPair.host, clock, pollIntervalMs: 200 });
  const fingerPair = createMemoryPair('fingerprint');
  const moduleSim = new SimZfmFingerprint({ id: 'fingerprint', model: 'generic-zfm', transport: fingerPair.device, clock, baud: 0, timing: INSTANT_MODULE });
  const module = new ZfmFingerprintReader({ id: 'fingerprint', model: 'generic-zfm', transport: fingerPair.host, clock });
  const session = new SessionService(clock, { idleTimeoutMs: 600_000, countdownMs: 10_000, attractAfterMs: 30_000 }, SILENT_LOGGER);
  const platform = new PlatformClient({ baseUrl: () => platformSim.url, kioskId: 'gy-zwfw', clock });
  const verification = new IdentityVerification({
    clock,
    log: SILENT_LOGGER,
    timeZone: 'Asia/Shanghai',
    camera: () => undefined,
    analyzer: () => Promise.reject(new Error('no face step here')),
    platform: () => platform,
    random: Math.random,
    fingerprint: () => module,
    staffHours: {},
    calendar: { holidays: [], workdays: [] },
    callStaff: () => undefined,
  });
  const identity = new IdentityService({
    clock,
    log: SILENT_LOGGER,
    config: { priorityAge: 70, readCardTimeoutMs: 600_000, earlyCardHoldMs: 0, takeCardReminderMs: 15_000, cardLeftAlertAfterMs: 30_000, staffOnDuty: {} },
    timeZone: 'Asia/Shanghai',
    reader: () => reader,
    session,
    key: openKioskKey(dir),
    alerts: { raise: () => undefined, clear: () => undefined },
    verification,
  });
  await readerSim.start();
  await moduleSim.start();
  for (const device of [reader, module]) {
    const opening = device.open();
    await runUntil(clock, () => device.lifecycle !== 'closed');
    await opening;
    await device.enable();
  }
  identity.attachReader();
  stops.push(async () => {
    identity.dispose();
    session.dispose();
    await reader.close().catch(() => undefined);
    await module.close().catch(() => undefined);
    await readerSim.stop();
    await moduleSim.stop();
  });
  return { identity, session, readerSim, moduleSim };
}

describe('指纹核验 with the fingerprint module and the simulated platform', () => {
  it('identifies the citizen whose finger the platform matches with the card, offering the method only with module and platform', async () => {
    const k = await kiosk();
    expect(k.identity.state().methods).toMatchObject({ fingerprint: true, face: false });
    k.identity.begin('ticket', 'fingerprint');
    k.readerSim.actions().card!.start!({ fixture: 'withFingerprints' });
    await runUntil(clock, () => k.identity.state().step === 'finger');
    expect(k.identity.state().finger).toEqual({ prompt: 'place' });
    k.moduleSim.actions().finger!.start!({ quality: 'good', matches: true });
    await driveUntil(() => ['identified', 'refused'].includes(k.identity.state().step));
    expect(k.identity.state()).toMatchObject({ step: 'identified', verifiedBy: 'fingerprint', citizen: { name: '刘示例' } });
    expect(platformSim.recentCalls().filter((c) => c.endpoint === 'verifyIdentity').at(-1)?.status).toBe(200);
  }, 60_000);

  it('refuses a finger that is not the card holder’s, with the platform’s word, and keeps the card for another way', async () => {
    const k = await kiosk();
    k.identity.begin('ticket', 'fingerprint');
    k.readerSim.actions().card!.start!({ fixture: 'adult' });
    await runUntil(clock, () => k.identity.state().step === 'finger');
    k.moduleSim.actions().finger!.start!({ quality: 'good', matches: false });
    await driveUntil(() => ['identified', 'refused'].includes(k.identity.state().step));
    expect(k.identity.state()).toMatchObject({ step: 'refused', error: { code: 'fingerMismatch' }, citizen: { name: '张示例' } });
    expect(k.identity.bound(k.session.state().sessionId!)).toBeNull();
  }, 60_000);
});
