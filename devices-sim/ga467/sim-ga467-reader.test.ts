import { describe, expect, it } from 'vitest';
import { encodeRequest, encodeResponse } from '../../drivers/protocol/ga467/frame-encoder';
import { BEARPI_RESET_SAM, chunkings, concatBytes, FINGERPRINT, hex, LATEST_ADDRESS, PHOTO, REQUESTS, RESPONSES, TEXT_BLOCK } from '../../drivers/protocol/ga467/fixtures';
import { Ga467ResponseDecoder } from '../../drivers/protocol/ga467/response-decoder';
import { parseReadData } from '../../drivers/protocol/ga467/response-layout';
import { parseTextBlock } from '../../drivers/protocol/ga467/text-block';
import { readerRig, type ReaderRig } from '../test-support/reader-rig';
import { fixtureCard } from './fixture-citizens';
import type { SimCard } from './fixture-citizens';

const GOLDEN_CARD: SimCard = { kind: 'resident', text: TEXT_BLOCK, photo: PHOTO };
const bytes = (u: Uint8Array): number[] => [...u];

/** find → select → read on the card lying there; returns the read reply. */
async function findSelectRead(rig: ReaderRig, read: Uint8Array = REQUESTS.readTextPhoto): Promise<number[]> {
  expect(await rig.ask(REQUESTS.findCard)).toEqual(bytes(RESPONSES.findOk));
  expect(await rig.ask(REQUESTS.selectCard)).toEqual(bytes(RESPONSES.selectOk));
  return rig.ask(read);
}

function decodeOne(reply: number[]) {
  const events = new Ga467ResponseDecoder().push(Uint8Array.from(reply));
  expect(events).toHaveLength(1);
  const event = events[0]!;
  if (event.type !== 'response') throw new Error(`expected a response, got ${event.type}`);
  return event.frame;
}

describe('each command answers the §1.3 / §1.4 golden frames', () => {
  it('SAM status, reset, SAM ID, baud rate and RF frame size', async () => {
    const rig = await readerRig();
    expect(await rig.ask(REQUESTS.samStatus)).toEqual(bytes(RESPONSES.statusOk));
    expect(await rig.ask(REQUESTS.resetSam)).toEqual(bytes(RESPONSES.statusOk));
    expect(await rig.ask(REQUESTS.readSamId)).toEqual(bytes(RESPONSES.samId));
    expect(await rig.ask(REQUESTS.setBaud9600)).toEqual(bytes(RESPONSES.statusOk));
    expect(await rig.ask(REQUESTS.setRfFrameSize80)).toEqual(bytes(RESPONSES.statusOk));
  });

  it('find, select and read text + photo: the 1295-byte frame with the captured header', async () => {
    const rig = await readerRig();
    expect(await rig.ask(REQUESTS.findCard)).toEqual(bytes(RESPONSES.findFailed));
    rig.reader.placeCard(GOLDEN_CARD);
    expect(await findSelectRead(rig)).toEqual(bytes(RESPONSES.readTextPhoto));
  });

  it('read with fingerprint: 2321 bytes; a card without answers fingerprint length 0 (§1.4)', async () => {
    const rig = await readerRig();
    rig.reader.placeCard({ ...GOLDEN_CARD, fingerprint: FINGERPRINT });
    expect(await findSelectRead(rig, REQUESTS.readTextPhotoFingerprint)).toEqual(bytes(RESPONSES.readTextPhotoFingerprint));
    rig.reader.placeCard(GOLDEN_CARD);
    expect(await findSelectRead(rig, REQUESTS.readTextPhotoFingerprint)).toEqual(bytes(RESPONSES.readTextPhotoNoFingerprint));
  });

  it('read with fingerprint on a card without: SW3 91 on a noContent model, 21 on a reader without fingerprints', async () => {
    const noContent = await readerRig({ noFingerprint: 'noContent' });
    noContent.reader.placeCard(GOLDEN_CARD);
    expect(await findSelectRead(noContent, REQUESTS.readTextPhotoFingerprint)).toEqual(bytes(RESPONSES.latestAddressNone)); // 00 04 00 00 91 95
    const plain = await readerRig({ readsFingerprints: false });
    plain.reader.placeCard(GOLDEN_CARD);
    expect(await findSelectRead(plain, REQUESTS.readTextPhotoFingerprint)).toEqual(bytes(RESPONSES.commandError));
  });

  it('read latest address: 70 bytes, or SW3 91 when the card has none; 41 before a select', async () => {
    const rig = await readerRig();
    rig.reader.placeCard({ ...GOLDEN_CARD, latestAddress: LATEST_ADDRESS });
    expect(await rig.ask(REQUESTS.readLatestAddress)).toEqual(bytes(RESPONSES.readFailed));
    await findSelectRead(rig);
    expect(await rig.ask(REQUESTS.readLatestAddress)).toEqual(bytes(RESPONSES.latestAddress));
    rig.reader.placeCard(GOLDEN_CARD);
    await findSelectRead(rig);
    expect(await rig.ask(REQUESTS.readLatestAddress)).toEqual(bytes(RESPONSES.latestAddressNone));
  });

  it('a fixture card decodes with the drivers\' codec to the fixture\'s own parts', async () => {
    const rig = await readerRig({ card: 'withFingerprints' });
    const frame = decodeOne(await findSelectRead(rig, REQUESTS.readTextPhotoFingerprint));
    expect(frame.sw3).toBe(0x90);
    const parts = parseReadData(frame.data, 'textPhotoFingerprint');
    const card = fixtureCard('withFingerprints');
    expect(parts).toEqual({ ok: true, value: { text: card.text, photo: card.photo, fingerprint: card.fingerprint } });
    expect(parseTextBlock(card.text)).toMatchObject({ kind: 'resident', name: '刘示例' });
  });

  it('answers 10 to a bad checksum, 11 to a bad length or data length, 21 to an unknown command (§7 item 1)', async () => {
    const rig = await readerRig();
    const badChk = REQUESTS.samStatus.slice();
    badChk[9] ^= 0x01;
    expect(await rig.ask(badChk)).toEqual(bytes(RESPONSES.checksumError));
    expect(await rig.ask(hex('AA AA AA 96 69 00 02 11 13'))).toEqual(bytes(RESPONSES.lengthError)); // Len 2 < 3
    expect(await rig.ask(encodeRequest(0x11, 0xff, Uint8Array.of(0x00)))).toEqual(bytes(RESPONSES.lengthError));
    expect(await rig.ask(BEARPI_RESET_SAM)).toEqual(bytes(RESPONSES.commandError));
    expect(await rig.ask(encodeRequest(0x60, 0x05))).toEqual(bytes(RESPONSES.commandError)); // no such baud
    expect(await rig.ask(hex('00 FF 13'))).toEqual([]); // bytes outside a frame: no answer
    expect(await rig.ask(REQUESTS.samStatus)).toEqual(bytes(RESPONSES.statusOk));
  });
});

describe('the card state machine (§1.9)', () => {
  it('needs find before select and select before read', async () => {
    const rig = await readerRig({ card: 'adult' });
    expect(await rig.ask(REQUESTS.selectCard)).toEqual(bytes(RESPONSES.selectFailed));
    expect(await rig.ask(REQUESTS.readTextPhoto)).toEqual(bytes(RESPONSES.readFailed));
    expect(await rig.ask(REQUESTS.findCard)).toEqual(bytes(RESPONSES.findOk));
    expect(await rig.ask(REQUESTS.readTextPhoto)).toEqual(bytes(RESPONSES.readFailed));
    expect(await rig.ask(REQUESTS.findCard)).toEqual(bytes(RESPONSES.findOk)); // found, not read: found again
    expect(await rig.ask(REQUESTS.selectCard)).toEqual(bytes(RESPONSES.selectOk));
    expect(decodeOne(await rig.ask(REQUESTS.readTextPhoto)).sw3).toBe(0x90);
    expect(rig.reader.cardPhase()).toBe('read');
  });

  it('after a read, find answers 80 whether or not the card still lies there, until it is lifted and placed again', async () => {
    const rig = await readerRig({ card: 'adult' });
    await findSelectRead(rig);
    expect(rig.reader.status().cardReader?.cardPresent).toBe(true);
    for (let i = 0; i < 5; i++) expect(await rig.ask(REQUESTS.findCard)).toEqual(bytes(RESPONSES.findFailed));
    expect(await rig.ask(REQUESTS.selectCard)).toEqual(bytes(RESPONSES.selectFailed)); // removalProbe "none"
    expect(await rig.ask(REQUESTS.readTextPhoto)).toEqual(bytes(RESPONSES.readFailed));
    rig.reader.liftCard();
    expect(await rig.ask(REQUESTS.findCard)).toEqual(bytes(RESPONSES.findFailed));
    rig.reader.placeCard(fixtureCard('adult'));
    expect(decodeOne(await findSelectRead(rig)).sw3).toBe(0x90);
  });

  it('a SAM reset does not re-arm find: only a re-presented card does', async () => {
    const rig = await readerRig({ card: 'adult' });
    await findSelectRead(rig);
    await rig.ask(REQUESTS.resetSam);
    expect(await rig.ask(REQUESTS.findCard)).toEqual(bytes(RESPONSES.findFailed));
  });

  it('removalProbe "select": select after a read answers 90 while the card lies there, 81 once lifted', async () => {
    const rig = await readerRig({ card: 'adult', removalProbe: 'select' });
    await findSelectRead(rig);
    expect(await rig.ask(REQUESTS.findCard)).toEqual(bytes(RESPONSES.findFailed));
    expect(await rig.ask(REQUESTS.selectCard)).toEqual(bytes(RESPONSES.selectOk));
    expect(await rig.ask(REQUESTS.findCard)).toEqual(bytes(RESPONSES.findFailed)); // still not re-presented
    rig.reader.liftCard();
    expect(await rig.ask(REQUESTS.selectCard)).toEqual(bytes(RESPONSES.selectFailed));
  });

  it('gives the same replies however the request bytes are split', async () => {
    const stream = concatBytes(REQUESTS.findCard, REQUESTS.selectCard, REQUESTS.readTextPhoto, REQUESTS.readSamId);
    const whole = await readerRig();
    whole.reader.placeCard(GOLDEN_CARD);
    const expected = await whole.ask(stream);
    expect(expected).toEqual(bytes(concatBytes(RESPONSES.findOk, RESPONSES.selectOk, RESPONSES.readTextPhoto, RESPONSES.samId)));
    for (const parts of chunkings(stream)) {
      const rig = await readerRig();
      rig.reader.placeCard(GOLDEN_CARD);
      for (const p of parts) await rig.pair.host.write(p);
      await rig.settle();
      expect(rig.take()).toEqual(expected);
    }
  });
});

describe('timing on the injected clock (§1.9)', () => {
  it('a read takes its processing time plus 1295 bytes at 115200 8N1 (≈ 112 ms) on the wire', async () => {
    const rig = await readerRig({ card: 'adult', baud: 115200, timing: { commandMs: 5, cardMs: 20, readMs: 800 } });
    await rig.send(REQUESTS.findCard);
    await rig.advance(20 + 1.31); // 15 bytes: 1.302 ms
    expect(rig.take()).toEqual(bytes(RESPONSES.findOk));
    await rig.send(REQUESTS.selectCard);
    await rig.advance(22);
    rig.take();
    await rig.send(REQUESTS.readTextPhoto);
    await rig.advance(912); // 800 + 112.41
    expect(rig.received).toHaveLength(0);
    await rig.advance(1);
    expect(rig.take()).toHaveLength(1295);
  });

  it('answers requests one at a time, in order', async () => {
    const rig = await readerRig({ timing: { commandMs: 10, cardMs: 10, readMs: 10 } });
    await rig.send(concatBytes(REQUESTS.samStatus, REQUESTS.findCard));
    await rig.advance(10);
    expect(rig.take()).toEqual(bytes(RESPONSES.statusOk));
    await rig.advance(10);
    expect(rig.take()).toEqual(bytes(RESPONSES.findFailed));
  });

  it('a card lifted while the read is processed makes it fail (41)', async () => {
    const rig = await readerRig({ card: 'adult', timing: { commandMs: 0, cardMs: 0, readMs: 800 } });
    await rig.ask(REQUESTS.findCard);
    await rig.ask(REQUESTS.selectCard);
    await rig.send(REQUESTS.readTextPhoto);
    await rig.advance(400);
    rig.reader.liftCard();
    await rig.advance(400);
    expect(rig.take()).toEqual(bytes(RESPONSES.readFailed));
  });
});

describe('faults (status words)', () => {
  it('sam "selfTestFailed": every command answers 60; status shows the SAM in error', async () => {
    const rig = await readerRig({ card: 'adult' });
    expect(rig.reader.setFaults({ sam: 'selfTestFailed' })).toEqual({ device: 'hardwareError', cardReader: { cardPresent: true, sam: 'error' } });
    for (const r of [REQUESTS.samStatus, REQUESTS.resetSam, REQUESTS.findCard, REQUESTS.selectCard, REQUESTS.readTextPhoto]) {
      expect(await rig.ask(r)).toEqual(bytes(RESPONSES.samSelfTestFailed));
    }
    rig.reader.setFaults({ sam: 'ok' });
    expect(await rig.ask(REQUESTS.samStatus)).toEqual(bytes(RESPONSES.statusOk));
  });

  it('sam "absent": no frame comes back at all', async () => {
    const rig = await readerRig({ faults: { sam: 'absent' } });
    expect(rig.reader.status().cardReader).toEqual({ cardPresent: false, sam: 'error' });
    expect(await rig.ask(REQUESTS.samStatus)).toEqual([]);
    rig.reader.clearFaults();
    expect(await rig.ask(REQUESTS.samStatus)).toEqual(bytes(RESPONSES.statusOk));
  });

  it('liftDuringRead: the next read answers 41 and the card is gone; the fault is spent', async () => {
    const rig = await readerRig({ card: 'adult' });
    rig.reader.setFaults({ liftDuringRead: true });
    expect(await findSelectRead(rig)).toEqual(bytes(RESPONSES.readFailed));
    expect(rig.reader.status().cardReader?.cardPresent).toBe(false);
    rig.reader.placeCard(fixtureCard('adult'));
    expect(decodeOne(await findSelectRead(rig)).sw3).toBe(0x90);
  });

  it('badChecksum: the next reply carries a flipped CHK, the one after is sound', async () => {
    const rig = await readerRig();
    rig.reader.setFaults({ badChecksum: true });
    const bad = await rig.ask(REQUESTS.samStatus);
    expect(bad).toEqual([...bytes(RESPONSES.statusOk).slice(0, -1), 0x94 ^ 0xff]);
    expect(new Ga467ResponseDecoder().push(Uint8Array.from(bad))[0]?.type).toBe('badChecksum');
    expect(await rig.ask(REQUESTS.samStatus)).toEqual(bytes(RESPONSES.statusOk));
  });

  it('noReply: requests are swallowed; cleared, the reader answers again', async () => {
    const rig = await readerRig();
    expect(rig.reader.setFaults({ noReply: true }).device).toBe('hardwareError');
    expect(await rig.ask(REQUESTS.samStatus)).toEqual([]);
    rig.reader.clearFaults();
    expect(await rig.ask(REQUESTS.samStatus)).toEqual(bytes(RESPONSES.statusOk));
  });

  it('unplugged: the host end disconnects and cannot reopen until replugged', async () => {
    const rig = await readerRig();
    const reasons: string[] = [];
    rig.pair.host.onDisconnect((r) => reasons.push(r));
    expect(rig.reader.setFaults({ unplugged: true }).device).toBe('noDevice');
    await rig.settle();
    expect(reasons).toHaveLength(1);
    await expect(rig.pair.host.open()).rejects.toThrow();
    rig.reader.setFaults({ unplugged: false });
    await rig.pair.host.open();
    expect(await rig.ask(REQUESTS.samStatus)).toEqual(bytes(RESPONSES.statusOk));
  });

  it('garbage: answers bytes that are no frame; slowMs holds the reply back on the clock', async () => {
    const rig = await readerRig();
    rig.reader.setFaults({ garbage: true });
    const junk = await rig.ask(REQUESTS.samStatus);
    expect(junk.length).toBeGreaterThan(0);
    expect(new Ga467ResponseDecoder().push(Uint8Array.from(junk)).every((e) => e.type !== 'response')).toBe(true);
    rig.reader.setFaults({ garbage: false, slowMs: 500 });
    expect(await rig.ask(REQUESTS.samStatus)).toEqual([]);
    await rig.advance(500);
    expect(rig.take()).toEqual(bytes(RESPONSES.statusOk));
  });

  it('refuses an unknown fault or a bad value, changing nothing', async () => {
    const rig = await readerRig();
    expect(() => rig.reader.setFaults({ sam: 'gone' })).toThrow(/sam must be/);
    expect(() => rig.reader.setFaults({ paper: 'out' })).toThrow(/no fault "paper"/);
    expect(() => rig.reader.setFaults({ slowMs: -1 })).toThrow(/slowMs/);
    expect(rig.reader.status()).toEqual({ device: 'online', cardReader: { cardPresent: false, sam: 'ok' } });
  });

  it('reset: healthy, no card, nothing pending', async () => {
    const rig = await readerRig({ card: 'adult', faults: { noReply: true }, timing: { commandMs: 50, cardMs: 50, readMs: 50 } });
    rig.reader.clearFaults();
    await rig.send(REQUESTS.samStatus);
    rig.reader.reset();
    await rig.advance(100);
    expect(rig.take()).toEqual([]);
    expect(rig.reader.status()).toEqual({ device: 'online', cardReader: { cardPresent: false, sam: 'ok' } });
    expect(rig.clock.pendingTimers()).toBe(0);
  });
});

describe('encodeResponse agrees with the goldens used above', () => {
  it('find OK and select OK', () => {
    expect(encodeResponse(0x9f, new Uint8Array(4))).toEqual(RESPONSES.findOk);
    expect(encodeResponse(0x90, new Uint8Array(8))).toEqual(RESPONSES.selectOk);
  });
});
