import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { LogFields, Logger } from '../../../common/logger';
import { ManualClock } from '../../../common/manual-clock';
import { startPlatformSim, type PlatformSim } from '../../../devices-sim/platform/platform-sim';
import { fixturePerson } from '../../../devices-sim/platform/seed-appointments';
import { faceVerifyRequest } from '../../../devices-sim/platform/test-requests';
import { PlatformClient, type PlatformClientOptions } from './platform-client';
import { checkInRefusalError, identityRefusalError, lookupRefusalError } from './platform-refusals';

/** 2026-11-23 09:00 in Shanghai. */
const START = Date.UTC(2026, 10, 23, 1, 0, 0);

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function rig(options: Partial<PlatformClientOptions> = {}): Promise<{ sim: PlatformSim; client: PlatformClient; clock: ManualClock }> {
  const clock = new ManualClock(START);
  const sim = await startPlatformSim({ clock, latencyMs: 0 });
  closers.push(() => sim.stop());
  const client = new PlatformClient({ baseUrl: sim.url, kioskId: 'kiosk-01', clock, timeoutMs: 5_000, identityTimeoutMs: 9_000, ...options });
  return { sim, client, clock };
}

const codeOf = (sim: PlatformSim, fixture: string): string => sim.appointments().find((a) => a.fixture === fixture)!.code;

/** A server that answers every request with `reply` (a platform sending something unexpected). */
async function oddServer(reply: { status: number; type: string; body: string }): Promise<string> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(reply.status, { 'content-type': reply.type });
    res.end(reply.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('PlatformClient: identity', () => {
  it('matched: the decision, score and transaction id; no refusal', async () => {
    const { client } = await rig();
    const reply = await client.verifyIdentity(faceVerifyRequest('adult'));
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(reply.value).toMatchObject({ decision: 'matched', transactionId: 'SIMV-20261123-000001' });
    expect(identityRefusalError(reply.value)).toBeNull();
  });

  it('notMatched (the person is not the holder): faceMismatch, with the transaction in the detail', async () => {
    const { sim, client } = await rig();
    sim.setFaults({ personNotMatched: true });
    const reply = await client.verifyIdentity(faceVerifyRequest('adult'));
    if (!reply.ok) throw new Error(reply.error.code);
    expect(reply.value.decision).toBe('notMatched');
    expect(identityRefusalError(reply.value)).toMatchObject({ code: 'faceMismatch', actor: 'citizen', detail: expect.stringContaining('SIMV-20261123-000001') });
  });

  it('a card the registry refuses, a face not live, a finger, and a grey-zone score each have their code', async () => {
    const { sim, client } = await rig();
    const refusal = async (request = faceVerifyRequest('adult')): Promise<string | undefined> => {
      const reply = await client.verifyIdentity(request);
      if (!reply.ok) throw new Error(reply.error.code);
      return identityRefusalError(reply.value)?.code;
    };
    expect(await refusal(faceVerifyRequest('expired'))).toBe('identityNotVerified');
    expect(await refusal(faceVerifyRequest('adult', false))).toBe('livenessFailed');
    sim.setFingerVerdict(() => 'noMatch');
    expect(await refusal({ ...faceVerifyRequest('withFingerprints'), fingerprint: { templateBase64: 'AQID', format: 'zfm-char' } })).toBe('fingerMismatch');
    sim.setFaults({ reviewNeeded: true });
    expect(await refusal()).toBe('identityReviewNeeded');
  });
});

describe('PlatformClient: failures of the call itself', () => {
  it('a timeout: no answer within the limit on the clock → platformTimeout', async () => {
    const { sim, client, clock } = await rig();
    sim.setFaults({ timeout: true });
    const pending = client.verifyIdentity(faceVerifyRequest('adult'));
    await sim.whenHeld(1);
    clock.advance(8_999);
    expect(sim.heldRequests()).toBe(1);
    clock.advance(1);
    expect(await pending).toEqual({ ok: false, error: { code: 'platformTimeout', actor: 'software', detail: 'no answer within 9000 ms' } });
  });

  it('a slow answer within the limit is an answer', async () => {
    const { sim, client, clock } = await rig();
    sim.setFaults({ latencyMs: 4_999 });
    const pending = client.lookupAppointment(codeOf(sim, 'adult'));
    await sim.whenHeld(1);
    clock.advance(4_999);
    expect(await pending).toMatchObject({ ok: true, value: { status: 'found' } });
  });

  it('5xx → platformUnavailable, naming the status for the technician', async () => {
    const { sim, client } = await rig();
    sim.setFaults({ serverError: 502 });
    expect(await client.findAppointments({ idNumber: fixturePerson('adult').idNumber, cardType: 'resident' })).toEqual({
      ok: false,
      error: { code: 'platformUnavailable', actor: 'technician', detail: expect.stringContaining('HTTP 502') },
    });
  });

  it('a malformed body (cut short, or JSON of the wrong shape) → platformUnavailable', async () => {
    const { sim, client } = await rig();
    sim.setFaults({ malformedReply: true });
    expect(await client.verifyIdentity(faceVerifyRequest('adult'))).toMatchObject({ ok: false, error: { code: 'platformUnavailable', detail: expect.stringContaining('malformed') } });
    const wrongShape = new PlatformClient({ baseUrl: await oddServer({ status: 200, type: 'application/json', body: '{"decision":"probably","score":90,"transactionId":"T1"}' }), kioskId: 'k', clock: new ManualClock() });
    expect(await wrongShape.verifyIdentity(faceVerifyRequest('adult'))).toMatchObject({ ok: false, error: { code: 'platformUnavailable', detail: 'malformed reply: decision is not one of matched, notMatched, reviewNeeded' } });
    const html = new PlatformClient({ baseUrl: await oddServer({ status: 200, type: 'text/html', body: '<h1>login</h1>' }), kioskId: 'k', clock: new ManualClock() });
    expect(await html.checkIn(codeOf(sim, 'adult'), { idempotencyKey: 'k-html-001' })).toMatchObject({ ok: false, error: { code: 'platformUnavailable' } });
  });

  it('no platform listening → platformUnavailable', async () => {
    const { sim, client } = await rig();
    const code = codeOf(sim, 'adult');
    await sim.stop();
    expect(await client.lookupAppointment(code)).toMatchObject({ ok: false, error: { code: 'platformUnavailable', detail: expect.stringContaining('no connection') } });
  });

  it('the caller\'s AbortSignal ends the call → canceled', async () => {
    const { sim, client } = await rig();
    sim.setFaults({ timeout: true });
    const abort = new AbortController();
    const pending = client.verifyIdentity(faceVerifyRequest('adult'), { signal: abort.signal });
    await sim.whenHeld(1);
    abort.abort();
    expect(await pending).toEqual({ ok: false, error: { code: 'canceled', actor: 'citizen' } });
  });

  it('refuses a base URL that would send ID numbers in clear text', () => {
    const clock = new ManualClock();
    expect(() => new PlatformClient({ baseUrl: 'http://platform.gov.example', kioskId: 'k', clock })).toThrow(RangeError);
    expect(() => new PlatformClient({ baseUrl: 'https://platform.gov.example/gw/', kioskId: 'k', clock })).not.toThrow();
    expect(() => new PlatformClient({ baseUrl: 'http://127.0.0.1:9', kioskId: 'k', clock })).not.toThrow();
  });

  it('reads a base URL given as a function at each call, refusing a clear-text one then', async () => {
    const { sim } = await rig();
    let baseUrl = sim.url;
    const client = new PlatformClient({ baseUrl: () => baseUrl, kioskId: 'k', clock: new ManualClock() });
    expect(await client.lookupAppointment(codeOf(sim, 'adult'))).toMatchObject({ ok: true, value: { status: 'found' } });
    baseUrl = 'http://platform.gov.example';
    expect(await client.lookupAppointment(codeOf(sim, 'adult'))).toMatchObject({ ok: false, error: { code: 'platformUnavailable', detail: expect.stringContaining('must be https') } });
  });
});

describe('PlatformClient: appointments', () => {
  it('finds the card holder\'s appointments of the day, and one by its code', async () => {
    const { sim, client } = await rig();
    const found = await client.findAppointments({ idNumber: fixturePerson('adult').idNumber, cardType: 'resident' });
    expect(found).toMatchObject({ ok: true, value: [{ code: codeOf(sim, 'adult'), businessId: 'social-insurance', personMaskedName: '张**', status: 'booked' }] });
    const byCode = await client.lookupAppointment(codeOf(sim, 'adult'));
    if (!byCode.ok) throw new Error(byCode.error.code);
    expect(lookupRefusalError(byCode.value)).toBeNull();
  });

  it('checks in, and a retry under the same key after a timeout gets the first answer', async () => {
    const { sim, client, clock } = await rig();
    const code = codeOf(sim, 'adult');
    sim.setFaults({ timeout: true });
    const lost = client.checkIn(code, { idempotencyKey: 'kiosk-01-ci-0001' });
    await sim.whenHeld(1);
    clock.advance(5_000);
    expect(await lost).toMatchObject({ ok: false, error: { code: 'platformTimeout' } });
    sim.clearFaults();
    const retry = await client.checkIn(code, { idempotencyKey: 'kiosk-01-ci-0001' });
    if (!retry.ok) throw new Error(retry.error.code);
    expect(retry.value).toMatchObject({ outcome: 'checkedIn', appointment: { status: 'checkedIn', checkedInAt: '2026-11-23T09:00:00+08:00' } });
    expect(checkInRefusalError(retry.value)).toBeNull();
  });

  it('a replayed code (checked in before, a new key) → appointmentUsed', async () => {
    const { sim, client } = await rig();
    const code = codeOf(sim, 'adult');
    await client.checkIn(code, { idempotencyKey: 'kiosk-01-ci-0001' });
    const replay = await client.checkIn(code, { idempotencyKey: 'kiosk-01-ci-0002' });
    if (!replay.ok) throw new Error(replay.error.code);
    expect(checkInRefusalError(replay.value)).toEqual({ code: 'appointmentUsed', actor: 'citizen' });
    const seeded = await client.checkIn(codeOf(sim, 'rareCharacter'), { idempotencyKey: 'kiosk-01-ci-0003' });
    expect(seeded.ok && seeded.value.outcome).toBe('alreadyUsed');
  });

  it('a forged code → appointmentForged; text that is no code → appointmentUnknown without asking the platform', async () => {
    const { sim, client } = await rig();
    const code = codeOf(sim, 'adult');
    const [prefix, payload, sig] = code.split('.');
    const otherPayload = Buffer.from(JSON.stringify({ v: 1, i: 'ZZZZZZZZZZ', b: 'social-insurance', s: 0, e: 1 })).toString('base64url');
    const forged = await client.checkIn(`${prefix}.${otherPayload}.${sig}`, { idempotencyKey: 'kiosk-01-ci-0004' });
    if (!forged.ok) throw new Error(forged.error.code);
    expect(checkInRefusalError(forged.value)?.code).toBe('appointmentForged');
    const alteredSig = `${sig!.slice(0, 3)}${sig![3] === 'A' ? 'B' : 'A'}${sig!.slice(4)}`;
    const lookedUp = await client.lookupAppointment(`${prefix}.${payload}.${alteredSig}`);
    expect(lookedUp.ok && lookupRefusalError(lookedUp.value)?.code).toBe('appointmentForged');
    const calls = sim.recentCalls().length;
    const notACode = await client.checkIn('https://health.example/code?id=1', { idempotencyKey: 'kiosk-01-ci-0005' });
    expect(notACode.ok && checkInRefusalError(notACode.value)?.code).toBe('appointmentUnknown');
    expect(sim.recentCalls().length).toBe(calls);
    expect(() => client.checkIn(code, { idempotencyKey: 'short' })).toThrow(RangeError);
  });

  it('early until check-in opens, then checked in; late once the window has ended (the clock moved)', async () => {
    const { sim, client, clock } = await rig();
    const early = await client.checkIn(codeOf(sim, 'over70'), { idempotencyKey: 'kiosk-01-ci-0010' });
    if (!early.ok) throw new Error(early.error.code);
    expect(early.value).toMatchObject({ outcome: 'early', checkInOpensAt: '2026-11-23T11:30:00+08:00' });
    expect(checkInRefusalError(early.value)?.code).toBe('appointmentEarly');
    clock.set(Date.parse('2026-11-23T11:29:59+08:00'));
    const stillEarly = await client.checkIn(codeOf(sim, 'over70'), { idempotencyKey: 'kiosk-01-ci-0011' });
    expect(stillEarly.ok && stillEarly.value.outcome).toBe('early');
    clock.set(Date.parse('2026-11-23T11:30:00+08:00'));
    const open = await client.checkIn(codeOf(sim, 'over70'), { idempotencyKey: 'kiosk-01-ci-0012' });
    expect(open.ok && open.value.outcome).toBe('checkedIn');
    // 张示例's window ends at 10:30: past it now.
    const late = await client.checkIn(codeOf(sim, 'adult'), { idempotencyKey: 'kiosk-01-ci-0013' });
    if (!late.ok) throw new Error(late.error.code);
    expect(checkInRefusalError(late.value)).toEqual({ code: 'appointmentLate', actor: 'citizen' });
  });
});

describe('PlatformClient: personal data', () => {
  it('never logs the ID number or the name, also when calls fail', async () => {
    const lines: string[] = [];
    const write = (msg: string, fields?: LogFields): void => void lines.push(msg + JSON.stringify(fields ?? {}));
    const log: Logger = { trace: write, debug: write, info: write, warn: write, error: write, child: () => log, isEnabled: () => true };
    const { sim, client } = await rig({ log });
    const person = fixturePerson('adult');
    await client.verifyIdentity(faceVerifyRequest('adult'));
    await client.findAppointments({ idNumber: person.idNumber, cardType: 'resident' });
    sim.setFaults({ serverError: true });
    await client.findAppointments({ idNumber: person.idNumber, cardType: 'resident' });
    sim.setFaults({ serverError: false, malformedReply: true });
    await client.verifyIdentity(faceVerifyRequest('adult'));
    expect(lines.length).toBe(4);
    expect(lines.join('\n')).not.toContain(person.idNumber);
    expect(lines.join('\n')).not.toContain(person.name);
  });

  it('sends the kiosk id, a request id and the idempotency key as headers', async () => {
    const seen: Record<string, string | undefined>[] = [];
    const server = createServer((req, res) => {
      seen.push({ kiosk: req.headers['x-kiosk-id'] as string, request: req.headers['x-request-id'] as string, key: req.headers['idempotency-key'] as string });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"outcome":"unknown"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise((resolve) => server.close(() => resolve())));
    const client = new PlatformClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, kioskId: 'kiosk-07', clock: new ManualClock(), newRequestId: () => 'req-00000001' });
    expect(await client.checkIn('APT1.x.y', { idempotencyKey: 'kiosk-07-ci-0001' })).toEqual({ ok: true, value: { outcome: 'unknown' } });
    expect(seen).toEqual([{ kiosk: 'kiosk-07', request: 'req-00000001', key: 'kiosk-07-ci-0001' }]);
  });
});
