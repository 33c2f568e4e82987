import { describe, expect, it } from 'vitest';
import { SW3 } from '../../protocol/ga467/constants';
import { REQUESTS } from '../../protocol/ga467/fixtures';
import { encodeResponse } from '../../protocol/ga467/frame-encoder';
import { PEOPLE, residentBlock } from '../../protocol/ga467/text-block.test-support';
import { makeRig, settle } from './fake-reader.test-support';

const person = PEOPLE.residentLongTerm;
const count = (requests: string[], type: string): number => requests.filter((c) => c === type).length;
const ucs2Hex = (text: string): string =>
  Array.from(text)
    .flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8])
    .map((b) => b.toString(16).toUpperCase().padStart(2, '0'))
    .join(' ');

describe('Ga467IdCardReader: recovers from damaged and lost replies (sam-link.ts)', () => {
  it('a read reply with a bad checksum is retried once the late-reply window has passed, and read once', async () => {
    const r = await makeRig();
    await r.open();
    r.fake.place(residentBlock());
    const bad = r.fake.readFrame();
    bad[bad.length - 1]! ^= 0xff;
    r.fake.script('readTextPhoto', bad);
    const reading = r.reader.readCard();
    await r.advance(0);
    expect(r.reader.statistics().badChecksums).toBe(1);
    await r.run(900); // inside the late-reply window (lateReplyMs 1000): nothing is sent again yet
    expect(count(r.fake.requests, 'readTextPhoto')).toBe(1);
    await r.run(200);
    await expect(reading).resolves.toMatchObject({ text: { kind: 'resident', idNumber: person.idNumber } });
    expect(count(r.fake.requests, 'readTextPhoto')).toBe(2);
    expect(count(r.fake.requests, 'findCard')).toBe(1); // the read is retried, the cycle not restarted
    expect(r.events).toEqual(['presented', 'read:resident']);
    expect(r.reader.statistics()).toMatchObject({ retries: 1, reads: 1 });
    await r.reader.close();
  });

  it('a lost read reply times out; its late arrival is dropped as stale; the retry reads the card once', async () => {
    const r = await makeRig();
    await r.open();
    r.fake.place(residentBlock());
    r.fake.script('readTextPhoto', null);
    const reading = r.reader.readCard();
    await r.advance(0);
    await r.run(3000, 100); // the model's read time-out (§1.9 CIdReadHelper 3000 ms)
    expect(r.reader.statistics().retries).toBe(1);
    expect(count(r.fake.requests, 'readTextPhoto')).toBe(1);
    // The first read's reply comes late, inside the window: it is dropped as stale, not taken as the answer
    // to the retry; nothing is owed any more, so the retry goes out at once and its own reply is the read.
    void r.pair.device.write(r.fake.readFrame());
    await settle();
    expect(r.reader.statistics().staleReplies).toBe(1);
    await expect(reading).resolves.toMatchObject({ text: { kind: 'resident' } });
    expect(count(r.fake.requests, 'readTextPhoto')).toBe(2);
    expect(r.events).toEqual(['presented', 'read:resident']);
    await r.reader.close();
  });

  it('a read reply that never comes is sent again only after the late-reply window, then read once', async () => {
    const r = await makeRig();
    await r.open();
    r.fake.place(residentBlock());
    r.fake.script('readTextPhoto', null);
    const reading = r.reader.readCard();
    await r.advance(0);
    await r.run(3000 + 900, 100); // the read time-out, then most of the window
    expect(count(r.fake.requests, 'readTextPhoto')).toBe(1);
    await r.run(200, 100);
    await expect(reading).resolves.toMatchObject({ text: { kind: 'resident' } });
    expect(count(r.fake.requests, 'readTextPhoto')).toBe(2);
    expect(r.events).toEqual(['presented', 'read:resident']);
    expect(r.reader.statistics()).toMatchObject({ reads: 1, retries: 1 });
    await r.reader.close();
  });

  it('SW3 10 (the reader got a damaged frame from us, §1.3) is retried at once', async () => {
    const r = await makeRig();
    await r.open();
    r.fake.place(residentBlock());
    r.fake.script('selectCard', encodeResponse(SW3.CHECKSUM_ERROR));
    const reading = r.reader.readCard();
    await r.advance(0);
    await expect(reading).resolves.toMatchObject({ text: { kind: 'resident' } });
    expect(r.fake.requests).toEqual(['samStatus', 'findCard', 'selectCard', 'selectCard', 'readTextPhoto']);
    await r.reader.close();
  });

  it('gives up after the bounded retries with garbledReply, then reads on the next poll', async () => {
    const r = await makeRig();
    await r.open();
    r.fake.place(residentBlock());
    const bad = r.fake.readFrame();
    bad[20]! ^= 0x01;
    r.fake.script('readTextPhoto', bad, bad, bad);
    const failing = r.reader.readCard();
    await r.run(2500, 100);
    await expect(failing).rejects.toMatchObject({ code: 'garbledReply' });
    expect(count(r.fake.requests, 'readTextPhoto')).toBe(3);
    const again = r.reader.readCard();
    await r.run(1500, 100);
    await expect(again).resolves.toMatchObject({ text: { kind: 'resident' } });
    expect(r.events).toEqual(['presented', 'failed:garbledReply', 'presented', 'read:resident']);
    await r.reader.close();
  });
});

describe('Ga467IdCardReader: framing and masking', () => {
  it('reads the card whatever way the read reply is split: at every byte, and byte by byte', async () => {
    const r = await makeRig();
    await r.open();
    r.fake.place(residentBlock());
    const frame = r.fake.readFrame();
    const splits: Uint8Array[][] = [];
    for (let i = 1; i < frame.length; i++) splits.push([frame.subarray(0, i), frame.subarray(i)]);
    splits.push(Array.from(frame, (_, i) => frame.subarray(i, i + 1)));
    for (const chunks of splits) {
      r.fake.place(residentBlock());
      r.fake.script('readTextPhoto', chunks);
      const reading = r.reader.readCard();
      await r.advance(0);
      const card = await reading;
      expect(card.text).toMatchObject({ name: person.name, idNumber: person.idNumber });
      card.wipe();
    }
    expect(r.reader.statistics()).toMatchObject({ reads: splits.length });
    expect(r.reader.statistics().retries).toBeUndefined();
    await r.reader.close();
  });

  it('trace dumps show the frames with text and photo masked: no name or ID number anywhere in the log', async () => {
    const r = await makeRig();
    await r.open();
    r.fake.place(residentBlock());
    const reading = r.reader.readCard();
    await r.advance(0);
    (await reading).wipe();
    const tx = r.lines.filter((l) => l.msg === 'tx').map((l) => l.fields?.hex);
    expect(tx).toContain('AA AA AA 96 69 00 03 30 01 32'); // requests carry no personal data (§1.2)
    expect(tx).toContain(Array.from(REQUESTS.findCard, (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' '));
    const readDump = r.lines.find((l) => l.msg === 'rx' && String(l.fields?.hex).startsWith('AA AA AA 96 69 05 08'));
    const tokens = String(readDump?.fields?.hex).split(' ');
    expect(tokens.slice(0, 14).join(' ')).toBe('AA AA AA 96 69 05 08 00 00 90 01 00 04 00'); // header and lengths visible
    expect(tokens.slice(14, 512).every((t) => t === '**')).toBe(true); // text block and photo (§1.4)
    const all = JSON.stringify(r.lines);
    for (const secret of [person.name, person.idNumber, person.address, ucs2Hex(person.name), ucs2Hex(person.idNumber.slice(0, 6))]) {
      expect(all).not.toContain(secret);
    }
    await r.reader.close();
  });
});
