import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { LogFields, Logger } from '../../common/logger';
import { ManualClock } from '../../common/manual-clock';
import { PLATFORM_API_PATHS, type IdentityVerifyRequest } from '../../common/platform-api';
import { fixturePerson } from './seed-appointments';
import { startPlatformSim, type PlatformSim, type PlatformSimOptions } from './platform-sim';
import { faceVerifyRequest } from './test-requests';

/** 2026-11-23 09:00 in Shanghai. */
const START = Date.UTC(2026, 10, 23, 1, 0, 0);

let sim: PlatformSim | null = null;
afterEach(async () => {
  await sim?.stop();
  sim = null;
});

async function started(options: Partial<PlatformSimOptions> = {}): Promise<{ sim: PlatformSim; clock: ManualClock }> {
  const clock = new ManualClock(START);
  sim = await startPlatformSim({ clock, latencyMs: 0, ...options });
  return { sim, clock };
}

interface Reply {
  status: number;
  body: unknown;
  text: string;
}

async function send(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Reply> {
  const res = await fetch(`${sim!.url}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, body, text };
}

const verify = (request: IdentityVerifyRequest): Promise<Reply> => send(PLATFORM_API_PATHS.verifyIdentity, { body: request });
const checkIn = (code: string, key: string): Promise<Reply> => send(PLATFORM_API_PATHS.checkIn, { body: { code }, headers: { 'Idempotency-Key': key } });

async function seededCode(fixture: string): Promise<string> {
  const list = (await send('/sim/platform/appointments')).body as { fixture?: string; code: string }[];
  return list.find((a) => a.fixture === fixture)!.code;
}

describe('the platform simulator: identity', () => {
  it('matches a valid card with a live face, with a score and a transaction id', async () => {
    await started();
    const reply = await verify(faceVerifyRequest('adult'));
    expect(reply.status).toBe(200);
    const body = reply.body as { decision: string; score: number; transactionId: string };
    expect(body.decision).toBe('matched');
    expect(body.score).toBeGreaterThanOrEqual(80);
    expect(body.transactionId).toBe('SIMV-20261123-000001');
  });

  it('refuses an expired card, a face not flagged live, and (fault) a person who is not the holder', async () => {
    await started();
    expect((await verify(faceVerifyRequest('expired'))).body).toMatchObject({ decision: 'notMatched', refusal: 'card', score: 0 });
    expect((await verify(faceVerifyRequest('adult', false))).body).toMatchObject({ decision: 'notMatched', refusal: 'liveness' });
    const broken = faceVerifyRequest('adult');
    broken.card.idNumber = `${broken.card.idNumber.slice(0, 17)}${broken.card.idNumber.endsWith('0') ? '1' : '0'}`;
    expect((await verify(broken)).body).toMatchObject({ decision: 'notMatched', refusal: 'card' });
    await send('/sim/platform/faults', { body: { personNotMatched: true } });
    const notMatched = (await verify(faceVerifyRequest('adult'))).body as { decision: string; refusal: string; score: number };
    expect(notMatched).toMatchObject({ decision: 'notMatched', refusal: 'face' });
    expect(notMatched.score).toBeLessThan(60);
    await send('/sim/platform/faults', { body: { personNotMatched: false, reviewNeeded: true } });
    expect((await verify(faceVerifyRequest('adult'))).body).toMatchObject({ decision: 'reviewNeeded' });
  });

  it('asks the finger verdict function, per request, with the template and the card', async () => {
    const seen: { template: number[]; idNumber: string }[] = [];
    const { sim } = await started({
      fingerVerdict: ({ template, card }) => {
        seen.push({ template: [...template], idNumber: card.idNumber });
        return template[0] === 1 ? 'match' : 'noMatch';
      },
    });
    const withFinger = (first: number): IdentityVerifyRequest => ({ card: faceVerifyRequest('withFingerprints').card, fingerprint: { templateBase64: Buffer.from([first, 2, 3]).toString('base64'), format: 'zfm-char' } });
    expect((await verify(withFinger(1))).body).toMatchObject({ decision: 'matched' });
    expect((await verify(withFinger(9))).body).toMatchObject({ decision: 'notMatched', refusal: 'fingerprint' });
    expect(seen).toEqual([
      { template: [1, 2, 3], idNumber: fixturePerson('withFingerprints').idNumber },
      { template: [9, 2, 3], idNumber: fixturePerson('withFingerprints').idNumber },
    ]);
    sim.setFingerVerdict(() => 'match');
    await send('/sim/platform/faults', { body: { fingerNotMatched: true } });
    expect((await verify(withFinger(1))).body).toMatchObject({ decision: 'notMatched', refusal: 'fingerprint' });
  });

  it('refuses a request of the wrong shape with 400 naming the field, never echoing a value', async () => {
    await started();
    const noJpeg = faceVerifyRequest('adult');
    noJpeg.face!.jpegBase64 = Buffer.from('not a jpeg').toString('base64');
    const reply = await verify(noJpeg);
    expect(reply).toMatchObject({ status: 400, body: { error: 'badRequest', field: 'face.jpegBase64' } });
    const extra = { ...faceVerifyRequest('adult'), nationality: 'x' };
    expect((await verify(extra as IdentityVerifyRequest)).body).toMatchObject({ field: 'nationality' });
    const { card } = faceVerifyRequest('adult');
    const cardOnly = await verify({ card });
    expect(cardOnly).toMatchObject({ status: 400, body: { field: 'face' } });
    expect(cardOnly.text).not.toContain(card.idNumber);
    expect((await send(PLATFORM_API_PATHS.verifyIdentity)).status).toBe(405);
  });
});

describe('the platform simulator: appointments', () => {
  it('seeds the fixture citizens, masked in the listing', async () => {
    await started();
    const list = (await send('/sim/platform/appointments')).body as Record<string, string>[];
    expect(list.map((a) => a.fixture).sort()).toEqual(['adult', 'foreign2023', 'over70', 'permitJ', 'rareCharacter', 'withFingerprints']);
    const adult = list.find((a) => a.fixture === 'adult')!;
    expect(adult).toMatchObject({ businessId: 'social-insurance', windowStart: '2026-11-23T08:30:00+08:00', windowEnd: '2026-11-23T10:30:00+08:00', personMaskedName: '张**', status: 'booked' });
    expect(adult.personMaskedIdNumber).toBe(`5201${'*'.repeat(10)}${fixturePerson('adult').idNumber.slice(-4)}`);
    expect(JSON.stringify(list)).not.toContain(fixturePerson('adult').idNumber);
  });

  it('looks up by code and by ID number (the hall day only)', async () => {
    await started();
    const code = await seededCode('adult');
    expect((await send(PLATFORM_API_PATHS.lookupAppointment, { body: { code } })).body).toMatchObject({ status: 'found', appointment: { code, status: 'booked' } });
    const search = (idNumber: string): Promise<Reply> => send(PLATFORM_API_PATHS.searchAppointments, { body: { idNumber, cardType: 'resident' } });
    expect(((await search(fixturePerson('adult').idNumber)).body as { appointments: unknown[] }).appointments).toHaveLength(1);
    // 陈示例's appointment is tomorrow: not one to check in today.
    expect((await search(fixturePerson('permitJ').idNumber)).body).toEqual({ appointments: [] });
  });

  it('checks in once; a retry under the same key gets the first answer, a replay is already used', async () => {
    await started();
    const code = await seededCode('adult');
    const first = await checkIn(code, 'kiosk01-0001');
    expect(first.body).toMatchObject({ outcome: 'checkedIn', appointment: { status: 'checkedIn', checkedInAt: '2026-11-23T09:00:00+08:00' } });
    expect((await checkIn(code, 'kiosk01-0001')).body).toEqual(first.body);
    expect((await checkIn(code, 'kiosk01-0002')).body).toMatchObject({ outcome: 'alreadyUsed' });
    expect((await checkIn(await seededCode('over70'), 'kiosk01-0001'))).toMatchObject({ status: 409, body: { error: 'idempotencyKeyReused' } });
    expect((await send(PLATFORM_API_PATHS.checkIn, { body: { code } }))).toMatchObject({ status: 400, body: { field: 'Idempotency-Key' } });
  });

  it('answers early, late, forged and unknown, and a created appointment by its window', async () => {
    const { clock } = await started();
    expect((await checkIn(await seededCode('over70'), 'k-early-1')).body).toMatchObject({ outcome: 'early', checkInOpensAt: '2026-11-23T11:30:00+08:00' });
    expect((await checkIn(await seededCode('withFingerprints'), 'k-late-01')).body).toMatchObject({ outcome: 'late' });
    const code = await seededCode('foreign2023');
    const forged = `${code.slice(0, -3)}${code.endsWith('AAA') ? 'BBB' : 'AAA'}`;
    expect((await checkIn(forged, 'k-forged-1')).body).toEqual({ outcome: 'forged' });
    expect((await checkIn('ticket:A001', 'k-unknown-1')).body).toEqual({ outcome: 'unknown' });
    const created = await send('/sim/platform/appointments', { body: { fixture: 'over70', businessId: 'real-estate', windowStart: '2026-11-23T14:00:00+08:00', windowEnd: '2026-11-23T14:30:00+08:00' } });
    expect(created.status).toBe(201);
    const createdCode = (created.body as { code: string }).code;
    expect((await checkIn(createdCode, 'k-created-1')).body).toMatchObject({ outcome: 'early', checkInOpensAt: '2026-11-23T13:30:00+08:00' });
    clock.set(Date.parse('2026-11-23T13:30:00+08:00'));
    expect((await checkIn(createdCode, 'k-created-2')).body).toMatchObject({ outcome: 'checkedIn' });
  });

  it('refuses a bad appointment, naming the field', async () => {
    await started();
    const post = (body: unknown): Promise<Reply> => send('/sim/platform/appointments', { body });
    const window = { businessId: 'social-insurance', windowStart: '2026-11-23T14:00:00+08:00', windowEnd: '2026-11-23T15:00:00+08:00' };
    expect((await post({ ...window, fixture: 'nobody' })).body).toMatchObject({ field: 'fixture' });
    expect((await post({ ...window, idNumber: '520115199003150010', name: '某某' })).body).toMatchObject({ field: 'idNumber' });
    expect((await post({ ...window, fixture: 'adult', windowEnd: '2026-11-23T13:00:00+08:00' })).body).toMatchObject({ field: 'windowEnd' });
    expect((await post({ ...window, fixture: 'adult', windowStart: '2026-11-23T14:00:00' })).body).toMatchObject({ field: 'windowStart' });
    expect((await post({ ...window, fixture: 'adult', room: 3 })).body).toMatchObject({ field: 'room' });
    const ok = await post({ ...window, idNumber: fixturePerson('adult').idNumber, name: '张示例' });
    expect(ok.status).toBe(201);
    expect(ok.text).not.toContain(fixturePerson('adult').idNumber);
  });
});

describe('the platform simulator: faults and latency over HTTP', () => {
  it('reports its state; faults are set partially, refused by name, and cleared', async () => {
    const { sim } = await started({ latencyMs: undefined });
    expect((await send('/sim/platform')).body).toMatchObject({ faults: { latencyMs: [300, 800], timeout: false, serverError: false }, appointments: 6, held: 0 });
    expect((await send('/sim/platform/faults', { body: { serverError: 502, latencyMs: [0, 0] } })).body).toMatchObject({ serverError: 502, timeout: false, latencyMs: [0, 0] });
    expect(await send('/sim/platform/faults', { body: { noSuchFault: true } })).toMatchObject({ status: 400, body: { field: 'noSuchFault' } });
    expect(sim.faults().serverError).toBe(502);
    expect((await send('/sim/platform/faults', { method: 'DELETE' })).body).toMatchObject({ serverError: false, latencyMs: [300, 800] });
  });

  it('a server error answers 5xx before doing anything', async () => {
    await started();
    const code = await seededCode('adult');
    await send('/sim/platform/faults', { body: { serverError: true } });
    expect(await checkIn(code, 'k-5xx-0001')).toMatchObject({ status: 503, body: { error: 'serviceUnavailable' } });
    await send('/sim/platform/faults', { method: 'DELETE' });
    expect((await checkIn(code, 'k-5xx-0002')).body).toMatchObject({ outcome: 'checkedIn' });
  });

  it('a malformed reply is a 200 whose body is not JSON', async () => {
    await started();
    await send('/sim/platform/faults', { body: { malformedReply: true } });
    const reply = await verify(faceVerifyRequest('adult'));
    expect(reply.status).toBe(200);
    expect(reply.body).toBeUndefined();
    expect(reply.text.length).toBeGreaterThan(0);
  });

  it('answers after the drawn latency of clock time, not before', async () => {
    const { sim, clock } = await started({ latencyMs: 500 });
    const pending = verify(faceVerifyRequest('adult'));
    await sim.whenHeld(1);
    clock.advance(499);
    expect(sim.heldRequests()).toBe(1);
    clock.advance(1);
    expect(sim.heldRequests()).toBe(0);
    expect((await pending).body).toMatchObject({ decision: 'matched' });
  });

  it('with the default latency, every answer comes between 300 and 800 ms of clock time', async () => {
    const { sim, clock } = await started({ latencyMs: undefined, seed: 11 });
    for (let i = 0; i < 5; i++) {
      const pending = send(PLATFORM_API_PATHS.lookupAppointment, { body: { code: 'not-a-code' } });
      await sim.whenHeld(1);
      clock.advance(299);
      expect(sim.heldRequests()).toBe(1);
      clock.advance(501);
      expect(sim.heldRequests()).toBe(0);
      expect((await pending).body).toEqual({ status: 'unknown' });
    }
  });

  it('the timeout fault does the work and never answers; the client giving up releases it', async () => {
    const { sim } = await started();
    const code = await seededCode('adult');
    await send('/sim/platform/faults', { body: { timeout: true } });
    const abort = new AbortController();
    const pending = fetch(`${sim.url}${PLATFORM_API_PATHS.checkIn}`, { method: 'POST', headers: { 'content-type': 'application/json', 'Idempotency-Key': 'k-timeout-1' }, body: JSON.stringify({ code }), signal: abort.signal });
    await sim.whenHeld(1);
    abort.abort();
    await expect(pending).rejects.toThrow();
    await send('/sim/platform/faults', { method: 'DELETE' });
    expect((await checkIn(code, 'k-timeout-2')).body).toMatchObject({ outcome: 'alreadyUsed' });
    const calls = ((await send('/sim/platform')).body as { calls: { outcome: string; status: number | null }[] }).calls;
    expect(calls.find((c) => c.outcome.includes('no reply'))).toMatchObject({ status: null, outcome: 'checkedIn (no reply: timeout fault)' });
  });

  it('reset clears faults, re-seeds from the clock and empties the call log', async () => {
    const { clock } = await started();
    await checkIn(await seededCode('adult'), 'k-reset-01');
    await send('/sim/platform/faults', { body: { timeout: true } });
    clock.advance(24 * 3600_000);
    const state = (await send('/sim/platform/reset', { method: 'POST' })).body;
    expect(state).toMatchObject({ faults: { timeout: false }, appointments: 6, calls: [] });
    const adult = ((await send('/sim/platform/appointments')).body as Record<string, string>[]).find((a) => a.fixture === 'adult');
    expect(adult).toMatchObject({ windowStart: '2026-11-24T08:30:00+08:00', status: 'booked' });
  });

  it('refuses a Host that is not loopback and unknown paths', async () => {
    await started();
    const statusWithHost = (host: string): Promise<number> =>
      new Promise((resolve, reject) => {
        const req = request(`${sim!.url}/sim/platform`, { headers: { Host: host } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
    expect(await statusWithHost('rebound.example:80')).toBe(403);
    expect(await statusWithHost('localhost')).toBe(200);
    expect((await send('/sim/platform', { headers: { Origin: 'https://evil.example' } })).status).toBe(403);
    expect((await send('/sim/nothing')).status).toBe(404);
  });

  it('logs no ID number and no name', async () => {
    const lines: string[] = [];
    const log: Logger = {
      trace: () => undefined,
      debug: () => undefined,
      info: (msg: string, fields?: LogFields) => void lines.push(msg + JSON.stringify(fields ?? {})),
      warn: (msg: string, fields?: LogFields) => void lines.push(msg + JSON.stringify(fields ?? {})),
      error: (msg: string, fields?: LogFields) => void lines.push(msg + JSON.stringify(fields ?? {})),
      child: () => log,
      isEnabled: () => true,
    };
    await started({ log });
    const person = fixturePerson('adult');
    await verify(faceVerifyRequest('adult'));
    await send(PLATFORM_API_PATHS.searchAppointments, { body: { idNumber: person.idNumber, cardType: 'resident' } });
    expect(lines.length).toBeGreaterThanOrEqual(2);
    const all = lines.join('\n');
    expect(all).not.toContain(person.idNumber);
    expect(all).not.toContain(person.name);
  });
});
