import { describe, expect, it } from 'vitest';
import { SW3 } from '../../protocol/ga467/constants';
import { FINGERPRINT, PHOTO } from '../../protocol/ga467/fixtures';
import { encodeResponse } from '../../protocol/ga467/frame-encoder';
import { GA467_READER_MODELS, type Ga467ReaderModel } from '../../protocol/ga467/reader-models';
import { PEOPLE, residentBlock } from '../../protocol/ga467/text-block.test-support';
import type { DeviceError } from '../device-error';
import { makeRig, settle } from './fake-reader.test-support';

/** A reader whose select was seen answering 81 once the card is lifted (a site-checked row, §1.3 [C]). */
const SELECT_PROBE: Ga467ReaderModel = { ...GA467_READER_MODELS['generic-ga467']!, id: 'test-select-probe', removalProbe: 'select', removalProbeReason: 'test' };

const person = PEOPLE.residentLongTerm;

describe('Ga467IdCardReader: polling find → select → read (protocols.md §1.9)', () => {
  it('opens with a SAM check, then reads a placed card: presented, then read, the card parsed', async () => {
    const r = await makeRig();
    await r.open();
    expect(r.reader.status).toEqual({ device: 'online', cardReader: { sam: 'ok' } });
    r.fake.place(residentBlock());
    const reading = r.reader.readCard();
    await r.advance(0);
    const card = await reading;
    expect(r.fake.requests).toEqual(['samStatus', 'findCard', 'selectCard', 'readTextPhoto']);
    expect(r.events).toEqual(['presented', 'read:resident']);
    expect(card.text).toMatchObject({ kind: 'resident', name: person.name, idNumber: person.idNumber, validUntil: 'longTerm' });
    expect(card.photo).toEqual(PHOTO);
    expect(card.fingerprint).toBeUndefined();
    expect(r.reader.statistics()).toMatchObject({ reads: 1, cardsPresented: 1 });
    expect(r.reader.statistics().bytesReceived).toBeGreaterThanOrEqual(1295);
    card.wipe();
    expect(card.wiped).toBe(true);
    expect(card.photo.every((b) => b === 0)).toBe(true);
    expect(card.text.kind).toBe('problem');
    await r.reader.close();
    expect(r.clock.pendingTimers()).toBe(0);
  });

  it('with no card, keeps polling find at the model interval and raises nothing; readCard ends at its bound', async () => {
    const r = await makeRig();
    await r.open();
    await r.reader.enable();
    const reading = r.reader.readCard({ timeoutMs: 2500 });
    await r.run(2600, 100);
    await expect(reading).rejects.toMatchObject({ code: 'timeout' });
    expect(r.fake.requests.filter((c) => c === 'findCard').length).toBeGreaterThanOrEqual(3);
    expect(r.fake.requests.every((c) => c === 'samStatus' || c === 'findCard')).toBe(true);
    expect(r.events).toEqual([]);
    await r.reader.close();
  });

  it('a card lifted during the read (SW3 41) fails the read with cardRemoved (citizen), no double event', async () => {
    const r = await makeRig();
    await r.open();
    r.fake.place(residentBlock());
    r.fake.script('readTextPhoto', encodeResponse(SW3.READ_FAILED));
    const reading = r.reader.readCard();
    await r.advance(0);
    const err = await reading.catch((e: unknown) => e as DeviceError);
    expect(err).toMatchObject({ code: 'cardRemoved', actor: 'citizen' });
    // generic row: removal is never claimed, even on 41 (reader-models.ts `none`)
    expect(r.events).toEqual(['presented', 'failed:cardRemoved']);
    expect(r.reader.statistics()['readFailures.cardRemoved']).toBe(1);
    // Still unread on the antenna: the next poll finds and reads it.
    const again = r.reader.readCard();
    await r.advance(0);
    await expect(again).resolves.toMatchObject({ text: { kind: 'resident' } });
    await r.reader.close();
  });

  it('SAM absent at open (SW3 60): open resolves, status hardwareError / sam error, reads refused samError (technician)', async () => {
    const r = await makeRig();
    r.fake.samOk = false;
    await r.open();
    expect(r.reader.status).toEqual({ device: 'hardwareError', cardReader: { sam: 'error' } });
    await expect(r.reader.readCard()).rejects.toMatchObject({ code: 'samError', actor: 'technician' });
    const health = await r.reader.healthCheck('external');
    expect(health).toMatchObject({ ok: false, error: { code: 'samError', actor: 'technician' } });
    // Polls repeat the SAM check, not find; a SAM that answers again brings the reader online.
    await r.reader.enable();
    await r.advance(0);
    expect(r.fake.requests).not.toContain('findCard');
    r.fake.samOk = true;
    await r.run(1000, 100);
    expect(r.reader.status).toEqual({ device: 'online', cardReader: { sam: 'ok' } });
    expect(r.reader.statistics().samErrors).toBe(1);
    await r.reader.close();
  });
});

describe('Ga467IdCardReader: removal after a read (§1.9 find answers 80 either way)', () => {
  it("removalProbe 'select': select polls after the read, 81 once the card is lifted → removed", async () => {
    const r = await makeRig(SELECT_PROBE);
    await r.open();
    expect(r.reader.detectsRemoval).toBe(true);
    r.fake.place(residentBlock());
    await r.reader.enable();
    await r.advance(0);
    expect(r.reader.status.cardReader).toEqual({ sam: 'ok', cardPresent: true });
    const afterRead = r.fake.requests.length;
    await r.run(2000, 100);
    expect(r.fake.requests.slice(afterRead).every((c) => c === 'selectCard')).toBe(true);
    expect(r.events).toEqual(['presented', 'read:resident']);
    r.fake.lift();
    await r.run(1000, 100);
    expect(r.events).toEqual(['presented', 'read:resident', 'removed']);
    expect(r.reader.status.cardReader).toEqual({ sam: 'ok', cardPresent: false });
    await r.run(1000, 100);
    expect(r.fake.requests[r.fake.requests.length - 1]).toBe('findCard');
    await r.reader.close();
  });

  it("removalProbe 'none': never claims removal and reports no cardPresent; a card put down again is read again", async () => {
    const r = await makeRig('generic-ga467');
    await r.open();
    expect(r.reader.detectsRemoval).toBe(false);
    r.fake.place(residentBlock());
    await r.reader.enable();
    await r.advance(0);
    r.fake.lift();
    await r.run(3000, 100);
    expect(r.events).toEqual(['presented', 'read:resident']);
    expect(r.fake.requests.filter((c) => c === 'selectCard').length).toBe(1);
    expect(r.reader.status.cardReader).toEqual({ sam: 'ok' });
    r.fake.place(residentBlock());
    await r.run(1000, 100);
    expect(r.events).toEqual(['presented', 'read:resident', 'presented', 'read:resident']);
    await r.reader.close();
  });
});

describe('Ga467IdCardReader: bounded commands, disconnect', () => {
  it('readCard is aborted at once by its signal and leaves no timers behind', async () => {
    const r = await makeRig();
    await r.open();
    const controller = new AbortController();
    const reading = r.reader.readCard({ signal: controller.signal });
    await r.advance(0);
    controller.abort();
    await expect(reading).rejects.toMatchObject({ code: 'canceled' });
    await r.advance(0);
    expect(r.clock.pendingTimers()).toBe(0); // not enabled: polling stopped with the last waiter
    await r.reader.close();
  });

  it('a reader that stops answering goes offline and silent after bounded retries, and online again when it answers', async () => {
    const r = await makeRig();
    await r.open();
    r.fake.script('findCard', null, null, null);
    await r.reader.enable();
    const reading = r.reader.readCard({ timeoutMs: 5000 });
    await r.run(5100, 100);
    await expect(reading).rejects.toMatchObject({ code: 'timeout' });
    expect(r.reader.silent).toBe(true);
    expect(r.reader.status.device).toBe('offline');
    expect(r.reader.statistics()['exchangeFailures.timeout']).toBe(1);
    await r.run(3000, 100);
    expect(r.reader.silent).toBe(false);
    expect(r.reader.status.device).toBe('online');
    await r.reader.close();
  });

  it('disconnect: noDevice, waiters told, not silent', async () => {
    const r = await makeRig();
    await r.open();
    const reading = r.reader.readCard();
    await r.advance(0);
    r.pair.device.unplug();
    await expect(reading).rejects.toMatchObject({ code: 'noDevice' });
    expect(r.reader.status.device).toBe('noDevice');
    expect(r.reader.silent).toBe(false);
    expect(r.reader.lifecycle).toBe('closed');
    expect(r.clock.pendingTimers()).toBe(0);
  });

  it('readCard with fingerprint is refused on a model without 30 10', async () => {
    const r = await makeRig('generic-ga467');
    await r.open();
    await expect(r.reader.readCard({ withFingerprint: true })).rejects.toMatchObject({ code: 'unsupported' });
    await r.reader.close();
  });

  it('reads the fingerprint with 30 10 where the model has it (yinansoft-a905), and wipe zeroes it', async () => {
    const r = await makeRig('yinansoft-a905');
    await r.open();
    r.fake.place(residentBlock());
    const reading = r.reader.readCard({ withFingerprint: true });
    await r.advance(0);
    const card = await reading;
    expect(r.fake.requests).toEqual(['samStatus', 'findCard', 'selectCard', 'readTextPhotoFingerprint']);
    expect(card.fingerprint).toEqual(FINGERPRINT);
    card.wipe();
    expect(card.fingerprint?.every((b) => b === 0)).toBe(true);
    await r.reader.close();
  });

  it('reopens after a disconnect and reads again; interactive health check reports only the card kind', async () => {
    const r = await makeRig();
    await r.open();
    r.pair.device.unplug();
    await settle();
    r.pair.device.replug();
    await r.open();
    expect(r.reader.status).toEqual({ device: 'online', cardReader: { sam: 'ok' } });
    r.fake.place(residentBlock());
    const health = r.reader.healthCheck('interactive');
    await r.advance(0);
    const report = await health;
    expect(report.ok).toBe(true);
    expect(report.findings).toContain('test read: resident card');
    expect(JSON.stringify(report)).not.toContain(person.name);
    await r.reader.close();
  });
});
