/**
 * The fingerprint module's `finger` action (issue 14 item 4): validated on its own, and over the real HTTP
 * control API on 127.0.0.1 as devices-sim/control-api.test.ts does for the ID-card reader's `card`.
 */
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryPair } from '../../drivers/transport/memory-pair';
import { createSimControlServer, listenOnLoopback, type LoopbackListener } from '../control-api';
import { SimActionError } from '../sim-device';
import { SimRegistry } from '../sim-registry';
import { fingerprintRig } from '../test-support/fingerprint-rig';
import { ManualClock } from '../test-support/manual-clock';
import { parseFingerRequest } from './finger-request';
import { SimZfmFingerprint } from './sim-zfm-fingerprint';
import { simTemplate, simTemplateMatchesCard } from './sim-template';

interface Reply {
  status: number;
  body: any;
}

const open: LoopbackListener[] = [];
afterEach(async () => {
  for (const l of open.splice(0)) await l.close();
});

function refusal(fn: () => unknown): SimActionError {
  try {
    fn();
  } catch (err) {
    if (err instanceof SimActionError) return err;
    throw err;
  }
  throw new Error('expected a SimActionError');
}

async function httpRig() {
  const clock = new ManualClock();
  const pair = createMemoryPair('fingerprint');
  const module = new SimZfmFingerprint({ id: 'fingerprint', model: 'generic-zfm', transport: pair.device, clock, baud: 0 });
  await module.start();
  const listener = await listenOnLoopback(createSimControlServer({ registry: new SimRegistry([module]), clock }));
  open.push(listener);
  const call = (method: string, path: string, body?: string | object): Promise<Reply> =>
    new Promise((resolve, reject) => {
      const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
      const req = request(`${listener.url}${path}`, { method, headers: text !== undefined ? { 'Content-Type': 'application/json' } : {} });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, body: raw ? JSON.parse(raw) : undefined });
        });
      });
      req.on('error', reject);
      req.end(text);
    });
  return { module, call };
}

describe('the finger request body', () => {
  it('defaults to a good, matching finger; takes either field alone', () => {
    expect(parseFingerRequest({})).toEqual({ quality: 'good', matches: true });
    expect(parseFingerRequest(undefined)).toEqual({ quality: 'good', matches: true });
    expect(parseFingerRequest({ quality: 'poor' })).toEqual({ quality: 'poor', matches: true });
    expect(parseFingerRequest({ matches: false })).toEqual({ quality: 'good', matches: false });
  });

  it.each([
    [{ quality: 'excellent' }, 'quality'],
    [{ quality: 1 }, 'quality'],
    [{ matches: 'yes' }, 'matches'],
    [{ matches: null }, 'matches'],
    [{ finger: 'thumb' }, 'finger'],
  ])('refuses %j as a bad request naming "%s"', (body, field) => {
    const err = refusal(() => parseFingerRequest(body));
    expect(err.badRequest).toBe(true);
    expect(err.message).toContain(`"${field}"`);
  });

  it('refuses a body that is not an object', () => {
    expect(refusal(() => parseFingerRequest([])).badRequest).toBe(true);
    expect(refusal(() => parseFingerRequest('good')).badRequest).toBe(true);
  });
});

describe('the finger action on the simulator', () => {
  it('lays a finger (GenImg 00), replaces it, lifts it (GenImg 02); DELETE with none is a 409-style refusal', async () => {
    const rig = await fingerprintRig();
    const finger = rig.module.actions().finger!;
    expect(finger.start!({})).toEqual({ device: 'online', fingerprint: { fingerPresent: true } });
    expect(await rig.code({ op: 'genImg' })).toBe(0x00);
    finger.start!({ quality: 'poor', matches: false });
    expect(await rig.code({ op: 'genImg' })).toBe(0x00);
    expect(await rig.code({ op: 'img2Tz', buffer: 1 })).toBe(0x07);
    expect(rig.module.fingerMatches()).toBe(false);
    expect(finger.stop!()).toEqual({ device: 'online', fingerprint: { fingerPresent: false } });
    expect(await rig.code({ op: 'genImg' })).toBe(0x02);
    expect(rig.module.fingerMatches()).toBe(false); // the last finger laid stays what the platform will be asked about
    expect(refusal(() => finger.stop!())).toMatchObject({ badRequest: false, message: 'no finger lies on the sensor' });
  });

  it('simTemplateMatchesCard says what the platform answers for a template the module made, and nothing for other bytes', () => {
    expect(simTemplateMatchesCard(simTemplate('cardHolder'))).toBe(true);
    expect(simTemplateMatchesCard(simTemplate('other'))).toBe(false);
    expect(simTemplateMatchesCard(simTemplate('cardHolder', 256))).toBe(true);
    const tampered = simTemplate('cardHolder');
    tampered[300]! ^= 0x01;
    expect(simTemplateMatchesCard(tampered)).toBeUndefined();
    expect(simTemplateMatchesCard(new Uint8Array(512))).toBeUndefined();
  });
});

describe('the finger action over HTTP', () => {
  it('listed with its methods; POST lays a finger, refusals are 400 naming the field; DELETE lifts it, 409 with none', async () => {
    const { call, module } = await httpRig();
    const listed = (await call('GET', '/sim/devices')).body.find((d: { id: string }) => d.id === 'fingerprint');
    expect(listed).toMatchObject({ role: 'fingerprintReader', model: 'generic-zfm', status: { device: 'online', fingerprint: { fingerPresent: false } }, actions: [{ name: 'finger', methods: ['POST', 'DELETE'] }] });
    expect(await call('POST', '/sim/devices/fingerprint/finger', { quality: 'good', matches: false })).toMatchObject({ status: 200, body: { fingerprint: { fingerPresent: true } } });
    expect(module.fingerMatches()).toBe(false);
    expect(await call('POST', '/sim/devices/fingerprint/finger')).toMatchObject({ status: 200, body: { fingerprint: { fingerPresent: true } } });
    expect(module.fingerMatches()).toBe(true);
    const bad = await call('POST', '/sim/devices/fingerprint/finger', { quality: 'wet' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/"quality" must be "good" or "poor"/);
    const unknown = await call('POST', '/sim/devices/fingerprint/finger', { pressure: 3 });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatch(/no field "pressure"/);
    expect(await call('DELETE', '/sim/devices/fingerprint/finger')).toMatchObject({ status: 200, body: { fingerprint: { fingerPresent: false } } });
    expect((await call('DELETE', '/sim/devices/fingerprint/finger')).status).toBe(409);
  });

  it('faults over HTTP use the status words; POST /sim/reset lifts the finger', async () => {
    const { call } = await httpRig();
    expect(await call('POST', '/sim/devices/fingerprint/faults', { sensor: 'imageFail' })).toMatchObject({ status: 200, body: { device: 'hardwareError' } });
    expect((await call('POST', '/sim/devices/fingerprint/faults', { paper: 'out' })).status).toBe(400);
    await call('POST', '/sim/devices/fingerprint/finger', {});
    expect((await call('POST', '/sim/reset')).status).toBeLessThan(300);
    const listed = (await call('GET', '/sim/devices')).body[0];
    expect(listed.status).toEqual({ device: 'online', fingerprint: { fingerPresent: false } });
  });
});
