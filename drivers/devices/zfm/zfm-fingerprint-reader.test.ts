import { describe, expect, it } from 'vitest';
import { ACKS_CONSTRUCTED, TEMPLATE_512 } from '../../protocol/zfm/fixtures';
import { ack, makeRig } from './fake-module.test-support';

describe('ZfmFingerprintReader: open and capture (protocols.md §3.2)', () => {
  it('opens with VfyPwd and ReadSysPara, then captures: GenImg until a finger, Img2Tz, UpChar; wipe zeroes the template', async () => {
    const r = await makeRig();
    await r.open();
    expect(r.reader.status).toEqual({ device: 'online', fingerprint: {} });
    const capturing = r.reader.captureTemplate({ events: r.events });
    await r.run(600, 50);
    expect(r.reader.status.fingerprint).toEqual({ fingerPresent: false });
    r.fake.finger = true;
    const placedAt = r.clock.now();
    await r.run(300, 50);
    const capture = await capturing;
    expect(r.fake.requests.slice(0, 4)).toEqual(['vfyPwd', 'readSysPara', 'templateNum', 'genImg']);
    expect(r.fake.requests.slice(-3)).toEqual(['genImg', 'img2Tz', 'upChar']);
    expect(r.fake.count('genImg')).toBeGreaterThanOrEqual(3); // polled every fingerPollMs (200 ms) while no finger
    expect(r.prompts).toEqual(['place', 'detected', 'lift']);
    expect(capture.template).toEqual(TEMPLATE_512);
    expect(capture.quality).toEqual({ presses: 1, imagingRetries: 0 });
    expect(capture.capturedAt).toBeGreaterThanOrEqual(placedAt);
    expect(capture.capturedAt).toBeLessThanOrEqual(r.clock.now());
    expect(JSON.stringify(capture)).toBe('{"templateBytes":512,"quality":{"presses":1,"imagingRetries":0},"wiped":false}');
    expect(r.reader.status).toEqual({ device: 'online', fingerprint: { fingerPresent: true } });
    capture.wipe();
    capture.wipe();
    expect(capture.wiped).toBe(true);
    expect(capture.template.every((b) => b === 0)).toBe(true);
    expect(r.reader.statistics()).toMatchObject({ captures: 1 });
    await r.reader.close();
    expect(r.clock.pendingTimers()).toBe(0);
  });

  it('no finger within the time-out: fingerNotPresented (citizen), and only GenImg was sent', async () => {
    const r = await makeRig();
    await r.open();
    const capturing = r.reader.captureTemplate({ timeoutMs: 2000 });
    await r.run(2300, 100);
    await expect(capturing).rejects.toMatchObject({ code: 'fingerNotPresented', actor: 'citizen' });
    expect(r.fake.requests.slice(3).every((op) => op === 'genImg')).toBe(true);
    expect(r.reader.statistics()['captureFailures.fingerNotPresented']).toBe(1);
    await r.reader.close();
  });

  it('a poor image is fingerPoorQuality; the next capture asks to lift the finger first, then takes a new press', async () => {
    const r = await makeRig();
    await r.open();
    r.fake.finger = true;
    r.fake.poor = true;
    const first = r.reader.captureTemplate({ events: r.events });
    await r.advance(0);
    await expect(first).rejects.toMatchObject({ code: 'fingerPoorQuality', actor: 'citizen', message: expect.stringMatching(/Too few feature points \(confirmation 07, §3.3\)/) });
    r.fake.poor = false;
    r.prompts.length = 0;
    const second = r.reader.captureTemplate({ events: r.events });
    await r.run(600, 50);
    expect(r.prompts).toEqual(['lift']); // the same press is not taken again
    expect(r.fake.count('img2Tz')).toBe(1);
    r.fake.finger = false;
    await r.run(250, 50);
    r.fake.finger = true;
    await r.run(250, 50);
    await expect(second).resolves.toMatchObject({ quality: { presses: 1 } });
    expect(r.prompts).toEqual(['lift', 'place', 'detected', 'lift']);
    await r.reader.close();
  });

  it('two presses: lift between them, Match (score 100), RegModel; presses that differ are fingerPoorQuality', async () => {
    const r = await makeRig();
    await r.open();
    r.fake.finger = true;
    const capturing = r.reader.captureTemplate({ presses: 2, events: r.events });
    await r.run(250, 50);
    r.fake.finger = false;
    await r.run(250, 50);
    r.fake.finger = true;
    await r.run(250, 50);
    const capture = await capturing;
    expect(capture.quality).toEqual({ presses: 2, matchScore: 100, imagingRetries: 0 });
    expect(r.prompts).toEqual(['place', 'detected', 'lift', 'place', 'detected', 'lift']);
    expect(r.fake.requests.filter((op) => op !== 'genImg').slice(-5)).toEqual(['img2Tz', 'img2Tz', 'match', 'regModel', 'upChar']);
    r.fake.sameFinger = false;
    const differing = r.reader.captureTemplate({ presses: 2 });
    for (let i = 0; i < 2; i++) {
      r.fake.finger = false;
      await r.run(250, 50);
      r.fake.finger = true;
      await r.run(250, 50);
    }
    await expect(differing).rejects.toMatchObject({ code: 'fingerPoorQuality', message: expect.stringMatching(/two presses do not match/) });
    await r.reader.close();
  });

  it('compareWithTemplate: a press, DownChar of the reference in 128-byte data packets, then Match', async () => {
    const r = await makeRig();
    await r.open();
    r.fake.finger = true;
    const comparing = r.reader.compareWithTemplate(TEMPLATE_512);
    await r.advance(0);
    await expect(comparing).resolves.toEqual({ matched: true, score: 100 });
    expect(r.fake.requests.slice(-8)).toEqual(['genImg', 'img2Tz', 'downChar', 'data', 'data', 'data', 'data', 'match']);
    expect(Uint8Array.from(r.fake.downloaded.flatMap((p) => [...p]))).toEqual(TEMPLATE_512);
    r.fake.sameFinger = false;
    const other = r.reader.compareWithTemplate(TEMPLATE_512);
    await r.run(250, 50); // the finger compared must be lifted and pressed again
    r.fake.finger = false;
    await r.run(250, 50);
    r.fake.finger = true;
    await r.run(250, 50);
    await expect(other).resolves.toEqual({ matched: false, score: 0 });
    await expect(r.reader.compareWithTemplate(new Uint8Array(100))).rejects.toMatchObject({ code: 'invalidData' });
    await r.reader.close();
  });
});

describe('ZfmFingerprintReader: the module answers a fault (§3.3)', () => {
  it('GenImg 03 three times in a row: hardwareError (technician), status hardwareError until GenImg works again', async () => {
    const r = await makeRig();
    await r.open();
    r.fake.finger = true;
    r.fake.script('genImg', ack(0x03), ack(0x03), ack(0x03));
    const capturing = r.reader.captureTemplate();
    await r.run(600, 50);
    await expect(capturing).rejects.toMatchObject({ code: 'hardwareError', actor: 'technician', message: expect.stringMatching(/3 times in a row/) });
    expect(r.reader.status.device).toBe('hardwareError');
    await r.reader.enable();
    await r.run(1100, 100);
    expect(r.reader.status.device).toBe('online');
    // One or two 03s are a smudge, not a fault: counted, and the capture goes on.
    r.fake.finger = false;
    await r.run(1100, 100);
    r.fake.finger = true;
    r.fake.script('genImg', ack(0x03));
    const next = r.reader.captureTemplate();
    await r.run(1500, 100);
    await expect(next).resolves.toMatchObject({ quality: { imagingRetries: 1 } });
    await r.reader.close();
  });

  it('a wrong password (13) at open: hardwareError status, captures refused; 21 later re-verifies and goes on', async () => {
    const r = await makeRig();
    r.fake.script('vfyPwd', ack(0x13));
    await r.open();
    expect(r.reader.status.device).toBe('hardwareError');
    await expect(r.reader.captureTemplate()).rejects.toMatchObject({ code: 'hardwareError', message: expect.stringMatching(/Wrong password/) });
    await r.reader.enable();
    await r.run(1100, 100); // polls repeat the module check; the module now takes the password
    expect(r.reader.status.device).toBe('online');
    await r.reader.disable();
    r.fake.finger = true;
    r.fake.script('genImg', ACKS_CONSTRUCTED.passwordNeeded);
    const capturing = r.reader.captureTemplate();
    await r.advance(0);
    await capturing;
    expect(r.fake.requests.slice(-5)).toEqual(['genImg', 'vfyPwd', 'genImg', 'img2Tz', 'upChar']);
    await r.reader.close();
  });

  it('a confirmation code §3.3 does not list is hardwareError naming it', async () => {
    const r = await makeRig();
    await r.open();
    r.fake.finger = true;
    r.fake.script('img2Tz', ACKS_CONSTRUCTED.unknownCode42);
    const capturing = r.reader.captureTemplate();
    await r.advance(0);
    await expect(capturing).rejects.toMatchObject({ code: 'hardwareError', message: 'extract features: Unknown confirmation code 42 (confirmation 42, §3.3)' });
    await r.reader.close();
  });
});

describe('ZfmFingerprintReader: health checks, abort, silence, disconnect', () => {
  it('external: password, parameters and an empty library; interactive: a test capture, wiped, and a library search', async () => {
    const r = await makeRig();
    await r.open();
    const external = r.reader.healthCheck('external');
    await r.advance(0);
    expect(await external).toMatchObject({ ok: true, findings: expect.arrayContaining(['no template stored on the module']) });
    r.fake.finger = true;
    const interactive = r.reader.healthCheck('interactive');
    await r.run(200, 50);
    const report = await interactive;
    expect(report).toMatchObject({ ok: true, findings: expect.arrayContaining(['test capture: 512-byte template, 0 imaging retries', 'no stored template matches (§3.2 Search)']) });
    expect(r.fake.requests[r.fake.requests.length - 1]).toBe('search');
    expect((await r.reader.healthCheck('internal')).ok).toBe(true);
    await r.reader.close();
  });

  it('a capture is aborted at once by its signal and leaves no timers behind', async () => {
    const r = await makeRig();
    await r.open();
    const controller = new AbortController();
    const capturing = r.reader.captureTemplate({ signal: controller.signal });
    await r.run(300, 50);
    controller.abort();
    await expect(capturing).rejects.toMatchObject({ code: 'canceled' });
    await r.run(300, 50);
    expect(r.clock.pendingTimers()).toBe(0);
    await r.reader.close();
  });

  it('a module that stops answering goes offline and silent after bounded retries, and online again when it answers', async () => {
    const r = await makeRig();
    await r.open();
    r.fake.script('genImg', null);
    await r.reader.enable();
    await r.run(3000, 100); // one lost ack: retried after the late-reply window, not an outage
    expect(r.reader.statistics()).toMatchObject({ retries: 1 });
    expect(r.reader.silent).toBe(false);
    expect(r.reader.status.device).toBe('online');
    r.fake.mute = true;
    for (let t = 0; !r.reader.silent && t < 20_000; t += 100) await r.advance(100);
    expect(r.reader.status.device).toBe('offline');
    expect(r.reader.statistics()['exchangeFailures.timeout']).toBe(1);
    r.fake.mute = false;
    for (let t = 0; r.reader.silent && t < 20_000; t += 100) await r.advance(100);
    expect(r.reader.status.device).toBe('online');
    await r.reader.close();
  });

  it('disconnect: noDevice, the capture told, closed; reopened it captures again', async () => {
    const r = await makeRig();
    await r.open();
    const capturing = r.reader.captureTemplate();
    await r.advance(0);
    r.pair.device.unplug();
    await expect(capturing).rejects.toMatchObject({ code: 'noDevice' });
    expect(r.reader.status.device).toBe('noDevice');
    expect(r.reader.lifecycle).toBe('closed');
    r.pair.device.replug();
    await r.open();
    r.fake.finger = true;
    const again = r.reader.captureTemplate();
    await r.advance(0);
    await expect(again).resolves.toMatchObject({ template: TEMPLATE_512 });
    expect(r.fake.requests.filter((op) => op === 'vfyPwd')).toHaveLength(2);
    await r.reader.close();
  });
});
