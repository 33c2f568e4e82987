/**
 * 刷脸 end to end in the host (issue 14 §5, §8): the ID-card reader and its simulator, the simulated face
 * camera, the real face worker (face-api on tfjs wasm) and the simulated platform on loopback, all through
 * IdentityService and IdentityVerification. A live face that follows the prompts is identified; a still
 * photo is refused by the kiosk's liveness; a live face the platform does not match is refused by the platform.
 * The clock is manual and moves only while the worker is idle, so the worker's speed decides nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdentityView } from '../../common/identity';
import { SILENT_LOGGER } from '../../common/logger';
import { ManualClock } from '../../common/manual-clock';
import { SimFaceCamera } from '../../devices-sim/face-camera/sim-face-camera';
import { SimGa467Reader } from '../../devices-sim/ga467/sim-ga467-reader';
import { INSTANT_TIMING } from '../../devices-sim/ga467/reader-timing';
import { PlatformSim } from '../../devices-sim/platform/platform-sim';
import { SeededRandom } from '../../devices-sim/seeded-random';
import { FrameSourceFaceCamera } from '../../drivers/devices/face-camera/frame-source-camera';
import { Ga467IdCardReader } from '../../drivers/devices/ga467/ga467-id-card-reader';
import { createMemoryPair } from '../../drivers/transport/memory-pair';
import { FaceAnalyzer } from '../../main/host/face/face-analyzer';
import { IdentityService } from '../../main/host/identity/identity-service';
import { IdentityVerification } from '../../main/host/identity/identity-verification';
import { openKioskKey } from '../../main/host/identity/kiosk-key';
import { PlatformClient } from '../../main/host/platform/platform-client';
import { SessionService } from '../../main/host/session/session-service';

const clock = new ManualClock(Date.parse('2026-12-01T10:00:00+08:00'));
const dir = mkdtempSync(join(tmpdir(), 'identity-face-'));
let analyzer: FaceAnalyzer;
let platformSim: PlatformSim;
const stops: Array<() => Promise<void> | void> = [];

beforeAll(async () => {
  analyzer = new FaceAnalyzer({ clock });
  platformSim = new PlatformSim({ clock, port: 0, timeZone: 'Asia/Shanghai' });
  await Promise.all([analyzer.start(), platformSim.start()]);
}, 60_000);
afterAll(async () => {
  for (const stop of stops.reverse()) await stop();
  await analyzer.dispose();
  await platformSim.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Moves the clock 100 ms at a time, each step only once the worker is idle and real I/O had a moment. */
async function driveUntil(done: () => boolean, maxSteps = 3000): Promise<void> {
  for (let i = 0; i < maxSteps && !done(); i++) {
    while (analyzer.busy && !done()) await new Promise((r) => setTimeout(r, 2));
    await new Promise((r) => setTimeout(r, 1));
    clock.advance(100);
  }
  if (!done()) throw new Error('did not settle');
}

async function kiosk(scene: 'live' | 'photo', seed: number) {
  const pair = createMemoryPair('reader');
  const readerSim = new SimGa467Reader({ id: 'id-card-reader', model: 'generic-ga467', transport: pair.device, clock, baud: 0, timing: INSTANT_TIMING });
  const reader = new Ga467IdCardReader({ id: 'id-card-reader', model: 'generic-ga467', transport: pair.host, clock, pollIntervalMs: 200 });
  const cameraSim = new SimFaceCamera({ id: 'face-camera', model: 'generic-uvc', clock, scene, seed });
  const camera = new FrameSourceFaceCamera({ id: 'face-camera', driver: 'facecam', model: 'generic-uvc', source: cameraSim, clock });
  const session = new SessionService(clock, { idleTimeoutMs: 600_000, countdownMs: 10_000, attractAfterMs: 30_000 }, SILENT_LOGGER);
  const platform = new PlatformClient({ baseUrl: () => platformSim.url, kioskId: 'gy-zwfw', clock });
  const rng = new SeededRandom(seed);
  const verification = new IdentityVerification({
    clock,
    log: SILENT_LOGGER,
    timeZone: 'Asia/Shanghai',
    camera: () => camera,
    analyzer: () => Promise.resolve(analyzer),
    platform: () => platform,
    random: () => rng.nextUint32() / 2 ** 32,
    fingerprint: () => undefined,
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
  const prompts: string[] = [];
  identity.onChanged((v: IdentityView) => {
    const said = v.step === 'face' ? `face:${v.face?.prompt}` : v.step;
    if (prompts[prompts.length - 1] !== said) prompts.push(said);
  });
  await readerSim.start();
  await cameraSim.start();
  const opening = reader.open();
  await driveUntil(() => reader.lifecycle !== 'closed');
  await opening;
  await reader.enable();
  await camera.open();
  identity.attachReader();
  stops.push(async () => {
    identity.dispose();
    session.dispose();
    await reader.close().catch(() => undefined);
    await camera.close();
    await readerSim.stop();
    await cameraSim.stop();
  });
  return { identity, session, readerSim, cameraSim, prompts };
}

describe('刷脸 with the real face worker and the simulated platform', () => {
  it('identifies the over-70 citizen whose live face follows the prompts, and only then binds the ticket', async () => {
    const k = await kiosk('live', 7);
    expect(k.identity.begin('ticket', 'face').step).toBe('placeCard');
    k.readerSim.actions().card!.start!({ fixture: 'over70' });
    await driveUntil(() => ['identified', 'refused'].includes(k.identity.state().step));
    expect(k.identity.state()).toMatchObject({ step: 'identified', verifiedBy: 'face', citizen: { name: '王示例', priority: true } });
    for (const challenge of ['face:turnLeft', 'face:turnRight', 'face:blink']) expect(k.prompts).toContain(challenge);
    expect(k.prompts.indexOf('verifying')).toBeGreaterThan(k.prompts.indexOf('face:blink') - 1);
    expect(k.identity.bound(k.session.state().sessionId!)).toMatchObject({ priority: true });
    expect(platformSim.recentCalls().filter((c) => c.endpoint === 'verifyIdentity').map((c) => c.status)).toEqual([200]);
  }, 120_000);

  it('refuses a still photo by the kiosk’s own liveness check, before asking the platform', async () => {
    const k = await kiosk('photo', 11);
    const asked = (): number => platformSim.recentCalls().filter((c) => c.endpoint === 'verifyIdentity').length;
    const callsBefore = asked();
    k.identity.begin('ticket', 'face');
    k.readerSim.actions().card!.start!({ fixture: 'adult' });
    await driveUntil(() => ['identified', 'refused'].includes(k.identity.state().step));
    expect(k.identity.state()).toMatchObject({ step: 'refused', error: { code: 'livenessFailed' } });
    expect(asked()).toBe(callsBefore);
    expect(k.identity.bound(k.session.state().sessionId!)).toBeNull();
  }, 120_000);

  it('refuses a live face the platform does not match, with the platform’s word', async () => {
    platformSim.setFaults({ personNotMatched: true });
    try {
      const k = await kiosk('live', 5);
      k.identity.begin('ticket', 'face');
      k.readerSim.actions().card!.start!({ fixture: 'adult' });
      await driveUntil(() => ['identified', 'refused'].includes(k.identity.state().step));
      expect(k.identity.state()).toMatchObject({ step: 'refused', error: { code: 'faceMismatch' } });
    } finally {
      platformSim.clearFaults();
    }
  }, 120_000);
});
