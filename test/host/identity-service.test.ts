/**
 * The host's citizen identity (issue 14 §2, §7, §9) with the real driver and the reader simulator on a memory
 * pair and the manual clock: a card accepted or refused, age and priority computed in the host, the card laid
 * early, and everything read wiped when the session ends however it ends; card removal and the card-left alert
 * only on a model whose select sees it, 请取走您的身份证 on every model.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../common/manual-clock';
import type { IdentityView } from '../../common/identity';
import { SILENT_LOGGER } from '../../common/logger';
import { SimGa467Reader } from '../../devices-sim/ga467/sim-ga467-reader';
import { INSTANT_TIMING } from '../../devices-sim/ga467/reader-timing';
import { Ga467IdCardReader } from '../../drivers/devices/ga467/ga467-id-card-reader';
import type { CardRead } from '../../drivers/devices/id-card-types';
import { ga467ReaderModel } from '../../drivers/protocol/ga467/reader-models';
import { createMemoryPair } from '../../drivers/transport/memory-pair';
import type { IdentityConfig } from '../../main/host/config/config-types';
import { IdentityService, type IdentityServiceDeps } from '../../main/host/identity/identity-service';
import { openKioskKey } from '../../main/host/identity/kiosk-key';
import { SessionService } from '../../main/host/session/session-service';
import { elapse, runUntil } from '../drivers/escpos-fake-clock-rig';

const CONFIG: IdentityConfig = { priorityAge: 70, readCardTimeoutMs: 60_000, earlyCardHoldMs: 30_000, takeCardReminderMs: 15_000, cardLeftAlertAfterMs: 30_000, staffOnDuty: {} };
const stops: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

async function rig(model = 'generic-ga467', config: Partial<IdentityConfig> = {}, verification: IdentityServiceDeps['verification'] = CARD_ONLY) {
  const clock = new ManualClock(Date.parse('2026-12-01T10:00:00+08:00'));
  const pair = createMemoryPair('reader');
  const removalProbe = ga467ReaderModel(model).removalProbe;
  const sim = new SimGa467Reader({ id: 'id-card-reader', model, transport: pair.device, clock, baud: 0, timing: INSTANT_TIMING, removalProbe });
  const reader = new Ga467IdCardReader({ id: 'id-card-reader', model, transport: pair.host, clock, pollIntervalMs: 200 });
  const session = new SessionService(clock, { idleTimeoutMs: 60_000, countdownMs: 10_000, attractAfterMs: 30_000 }, SILENT_LOGGER);
  const dir = mkdtempSync(join(tmpdir(), 'identity-'));
  const alerts: string[] = [];
  const identity = new IdentityService({
    clock,
    log: SILENT_LOGGER,
    config: { ...CONFIG, ...config },
    timeZone: 'Asia/Shanghai',
    reader: () => reader,
    session,
    key: openKioskKey(dir),
    alerts: { raise: (id, code) => alerts.push(`raise ${id} ${code}`), clear: (id, code) => alerts.push(`clear ${id} ${code}`) },
    verification,
  });
  const reads: CardRead[] = [];
  reader.onCardRead((card) => reads.push(card));
  const views: IdentityView[] = [];
  identity.onChanged((v) => views.push(v));
  const ends: string[] = [];
  session.onEnded((_id, reason) => ends.push(reason));
  stops.push(async () => {
    identity.dispose();
    session.dispose();
    await reader.close().catch(() => undefined);
    await sim.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  await sim.start();
  const opening = reader.open();
  await runUntil(clock, () => reader.lifecycle !== 'closed');
  await opening;
  await reader.enable();
  identity.attachReader();
  const lay = (fixture: string) => sim.actions().card!.start!({ fixture });
  const lift = () => sim.actions().card!.stop!();
  return { clock, sim, reader, session, identity, reads, views, ends, alerts, lay, lift };
}

/** No camera, no fingerprint module, no platform: the card alone, and 人工核验. */
const CARD_ONLY: IdentityServiceDeps['verification'] = {
  methods: () => ({ face: false, fingerprint: false, staff: true }),
  offers: (m) => m === 'card' || m === 'staff',
  run: async (m) => (m === 'card' ? { ok: true, transactionId: 'card-only' } : { ok: false, staff: { onDuty: false } }),
};

const zeroed = (card: CardRead): boolean => card.wiped && card.photo.every((b) => b === 0);

describe('IdentityService', () => {
  it('asks for the card, accepts the over-70 citizen with priority, binds by HMAC, and wipes it all at the end', async () => {
    const r = await rig();
    expect(r.identity.begin('appointment', 'card')).toMatchObject({ step: 'placeCard', purpose: 'appointment', method: 'card' });
    r.lay('over70');
    await runUntil(r.clock, () => r.identity.state().step === 'identified');
    expect(r.views.map((v) => v.step)).toContain('reading');
    const view = r.identity.state();
    expect(view.citizen).toEqual({ name: '王示例', idNumberMasked: '5201**********0027', cardKind: 'resident', age: 78, priority: true });
    const sessionId = r.session.state().sessionId!;
    const bound = r.identity.bound(sessionId)!;
    expect(bound.priority).toBe(true);
    expect(bound.idHmac).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(bound)).not.toContain('52010219480620');

    r.session.end('done');
    expect(r.identity.bound(sessionId)).toBeNull();
    expect(zeroed(r.reads[0]!)).toBe(true);
    // A reader that cannot see removal: every session that read a card ends with 请取走您的身份证, no alert.
    expect(r.identity.state()).toMatchObject({ step: 'idle', purpose: null, method: null, takeCard: { left: false } });
    expect(r.identity.state().citizen).toBeUndefined();
    await elapse(r.clock, CONFIG.takeCardReminderMs + 100, 100);
    expect(r.identity.state().takeCard).toBeNull();
    expect(r.alerts).toEqual([]);
  });

  it('gives an ordinary adult no priority, and the same HMAC for the same card on every read', async () => {
    const r = await rig();
    r.identity.begin('appointment', 'card');
    r.lay('adult');
    await runUntil(r.clock, () => r.identity.state().step === 'identified');
    expect(r.identity.state().citizen).toMatchObject({ age: 36, priority: false });
    const first = r.identity.bound(r.session.state().sessionId!)!.idHmac;
    r.session.end('done');
    r.identity.begin('appointment', 'card');
    r.lay('adult');
    await runUntil(r.clock, () => r.identity.state().step === 'identified');
    expect(r.identity.bound(r.session.state().sessionId!)!.idHmac).toBe(first);
  });

  it('refuses an expired card with its reason, keeping nothing of it', async () => {
    const r = await rig();
    r.identity.begin('appointment', 'card');
    r.lay('expired');
    await runUntil(r.clock, () => r.identity.state().step === 'refused');
    expect(r.identity.state()).toMatchObject({ step: 'refused', error: { code: 'cardExpired', actor: 'citizen' } });
    expect(r.identity.state().citizen).toBeUndefined();
    expect(r.identity.bound(r.session.state().sessionId!)).toBeNull();
    expect(zeroed(r.reads[0]!)).toBe(true);
  });

  it('says no card came when the step times out, and a cancel stops the wait', async () => {
    const r = await rig('generic-ga467', { readCardTimeoutMs: 10_000 });
    r.identity.begin('appointment', 'card');
    await elapse(r.clock, 10_500, 100);
    expect(r.identity.state()).toMatchObject({ step: 'refused', error: { code: 'cardNotPresented' } });
    r.identity.begin('appointment', 'card');
    expect(r.identity.cancel()).toMatchObject({ step: 'idle' });
    r.lay('adult');
    await runUntil(r.clock, () => r.reads.length === 1);
    expect(r.identity.state().step).toBe('idle');
  });

  it('uses a card laid before the card step, and wipes it when the step never comes', async () => {
    const r = await rig();
    r.lay('adult');
    await runUntil(r.clock, () => r.reads.length === 1);
    expect(r.session.state().phase).toBe('active'); // laying a card is a touch
    expect(r.reads[0]!.wiped).toBe(false);
    expect(r.identity.begin('appointment', 'card')).toMatchObject({ step: 'identified', citizen: { name: '张示例' } });
    r.session.end('done');

    r.lay('over70');
    await runUntil(r.clock, () => r.reads.length === 2);
    await elapse(r.clock, CONFIG.earlyCardHoldMs + 100, 100);
    expect(zeroed(r.reads[1]!)).toBe(true);
    expect(r.identity.begin('appointment', 'card').step).toBe('placeCard');
  });

  it('wipes on the idle timeout like any other end', async () => {
    const r = await rig();
    r.identity.begin('appointment', 'card');
    r.lay('rareCharacter');
    await runUntil(r.clock, () => r.identity.state().step === 'identified');
    expect(r.identity.state().citizen!.name).toBe('李\uE3C5示');
    await elapse(r.clock, 71_000, 500);
    expect(r.ends).toEqual(['idle']);
    expect(zeroed(r.reads[0]!)).toBe(true);
    expect(r.identity.state().citizen).toBeUndefined();
  });

  describe('on a reader whose select sees the card lifted', () => {
    const MODEL = 'generic-ga467-select-probe';

    it('ends an identified session when the card is lifted, but not in the middle of a print', async () => {
      const r = await rig(MODEL);
      r.identity.begin('appointment', 'card');
      r.lay('adult');
      await runUntil(r.clock, () => r.identity.state().step === 'identified');
      let finish!: () => void;
      const printing = r.session.hold(new Promise<void>((resolve) => (finish = resolve)));
      r.lift();
      await runUntil(r.clock, () => r.reader.status.cardReader?.cardPresent === false);
      expect(r.ends).toEqual([]);
      finish();
      await printing;

      r.lay('adult');
      await runUntil(r.clock, () => r.reads.length === 2);
      expect(r.identity.begin('appointment', 'card').step).toBe('identified');
      r.lift();
      await runUntil(r.clock, () => r.ends.length === 1);
      expect(r.ends).toEqual(['cardRemoved']);
      expect(r.identity.state()).toMatchObject({ step: 'idle', purpose: null, takeCard: null });
      expect(r.identity.state().citizen).toBeUndefined();
      expect(zeroed(r.reads[1]!)).toBe(true);
    });

    it('raises cardLeft when the card still lies there after its session, and clears it once lifted', async () => {
      const r = await rig(MODEL);
      r.identity.begin('appointment', 'card');
      r.lay('over70');
      await runUntil(r.clock, () => r.identity.state().step === 'identified');
      r.session.end('done');
      expect(r.identity.state().takeCard).toEqual({ left: false });
      await elapse(r.clock, CONFIG.cardLeftAlertAfterMs + 500, 100);
      expect(r.alerts).toEqual(['raise id-card-reader cardLeft']);
      expect(r.identity.state().takeCard).toEqual({ left: true });
      r.lift();
      await runUntil(r.clock, () => r.identity.state().takeCard === null);
      expect(r.alerts).toEqual(['raise id-card-reader cardLeft', 'clear id-card-reader cardLeft']);
      expect(r.ends).toEqual(['done']);
    });
  });
});

describe('IdentityService: proving the card is the citizen’s', () => {
  /** A verification the test settles by hand, recording what it was asked. */
  function scripted() {
    const asked: string[] = [];
    let settle!: (r: Awaited<ReturnType<IdentityServiceDeps['verification']['run']>>) => void;
    let step!: Parameters<IdentityServiceDeps['verification']['run']>[3];
    const verification: IdentityServiceDeps['verification'] = {
      methods: () => ({ face: true, fingerprint: true, staff: true }),
      offers: () => true,
      run: (method, card, _sessionId, onStep) => {
        asked.push(`${method} ${card.type}`);
        step = onStep;
        return new Promise((resolve) => (settle = resolve));
      },
    };
    return { verification, asked, settle: (r: Parameters<typeof settle>[0]) => settle(r), step: (s: Parameters<typeof step>[0]) => step(s) };
  }

  it('binds a ticket only once the face is verified, showing each prompt of the face step on the way', async () => {
    const v = scripted();
    const r = await rig('generic-ga467', {}, v.verification);
    expect(r.identity.begin('ticket', 'face')).toMatchObject({ step: 'placeCard', method: 'face', methods: { face: true, fingerprint: true, staff: true } });
    r.lay('over70');
    await runUntil(r.clock, () => r.identity.state().step === 'face');
    expect(r.identity.state()).toMatchObject({ step: 'face', face: { prompt: 'noFace' }, citizen: { name: '王示例' } });
    expect(v.asked).toEqual(['face resident']);
    const sessionId = r.session.state().sessionId!;
    expect(r.identity.bound(sessionId)).toBeNull();
    v.step({ face: { prompt: 'turnLeft', challenge: { index: 0, total: 3 } } });
    expect(r.identity.state().face).toEqual({ prompt: 'turnLeft', challenge: { index: 0, total: 3 } });
    v.step('verifying');
    expect(r.identity.state().step).toBe('verifying');
    v.settle({ ok: true, transactionId: 'T1' });
    await runUntil(r.clock, () => r.identity.state().step === 'identified');
    expect(r.identity.state()).toMatchObject({ verifiedBy: 'face', citizen: { priority: true } });
    expect(r.identity.bound(sessionId)).toMatchObject({ priority: true });
  });

  it('keeps the accepted card when the face is refused, so another method is tried without laying it again', async () => {
    const v = scripted();
    const r = await rig('generic-ga467', {}, v.verification);
    r.identity.begin('ticket', 'face');
    r.lay('adult');
    await runUntil(r.clock, () => r.identity.state().step === 'face');
    v.settle({ ok: false, error: { code: 'livenessFailed', actor: 'citizen' } });
    await runUntil(r.clock, () => r.identity.state().step === 'refused');
    expect(r.identity.state().error?.code).toBe('livenessFailed');
    expect(r.identity.bound(r.session.state().sessionId!)).toBeNull();
    expect(r.identity.begin('ticket', 'fingerprint')).toMatchObject({ step: 'finger', finger: { prompt: 'place' } });
    expect(v.asked).toEqual(['face resident', 'fingerprint resident']);
    expect(r.reads).toHaveLength(1); // not read again
    v.settle({ ok: true, transactionId: 'T2' });
    await runUntil(r.clock, () => r.identity.state().step === 'identified');
    expect(r.identity.state().verifiedBy).toBe('fingerprint');
  });

  it('人工核验: a priority ticket when staff are on duty; when they are not, says when they are back and binds nothing', async () => {
    const v = scripted();
    const r = await rig('generic-ga467', {}, v.verification);
    r.identity.begin('ticket', 'staff');
    r.lay('adult');
    await runUntil(r.clock, () => r.identity.state().step === 'verifying');
    v.settle({ ok: false, staff: { onDuty: false, backAt: '2026-12-02 09:00' } });
    await runUntil(r.clock, () => r.identity.state().step === 'staffCheck');
    expect(r.identity.state().staff).toEqual({ onDuty: false, backAt: '2026-12-02 09:00' });
    expect(r.identity.bound(r.session.state().sessionId!)).toBeNull();
    r.identity.begin('ticket', 'staff');
    v.settle({ ok: true, transactionId: 'staff' });
    await runUntil(r.clock, () => r.identity.state().step === 'identified');
    expect(r.identity.state()).toMatchObject({ verifiedBy: 'staff', staff: { onDuty: true } });
    expect(r.identity.bound(r.session.state().sessionId!)).toMatchObject({ priority: false, staffCheck: true });
  });

  it('refuses a method the kiosk cannot offer, and a ticket on the card alone', async () => {
    const r = await rig();
    expect(r.identity.begin('ticket', 'face')).toMatchObject({ step: 'refused', error: { code: 'serviceUnavailable' } });
    expect(r.identity.begin('ticket', 'card')).toMatchObject({ step: 'refused', error: { code: 'serviceUnavailable' } });
    expect(r.identity.state().methods).toEqual({ face: false, fingerprint: false, staff: true });
  });

  it('wipes the card and its verification when the citizen leaves the service, though the session goes on', async () => {
    const v = scripted();
    const r = await rig('generic-ga467', {}, v.verification);
    r.identity.begin('ticket', 'face');
    r.lay('adult');
    await runUntil(r.clock, () => r.identity.state().step === 'face');
    v.settle({ ok: false, error: { code: 'livenessFailed', actor: 'citizen' } });
    await runUntil(r.clock, () => r.identity.state().step === 'refused');
    const sessionId = r.session.state().sessionId;
    expect(r.identity.end()).toMatchObject({ step: 'idle', takeCard: { left: false } });
    expect(r.identity.state().citizen).toBeUndefined();
    expect(zeroed(r.reads[0]!)).toBe(true);
    expect(r.session.state().sessionId).toBe(sessionId); // the session goes on: the next touch is the same one
    expect(r.identity.begin('ticket', 'face').step).toBe('placeCard'); // the card must be laid again
  });

  it('stops the face step when the session ends in the middle of it, and wipes the card', async () => {
    const v = scripted();
    const r = await rig('generic-ga467', {}, v.verification);
    r.identity.begin('ticket', 'face');
    r.lay('adult');
    await runUntil(r.clock, () => r.identity.state().step === 'face');
    r.session.end('idle');
    v.settle({ ok: true, transactionId: 'late' }); // a late answer after the end changes nothing
    await elapse(r.clock, 100, 10);
    expect(r.identity.state().step).toBe('idle');
    expect(zeroed(r.reads[0]!)).toBe(true);
  });
});
