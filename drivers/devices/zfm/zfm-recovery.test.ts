import { describe, expect, it } from 'vitest';
import { concatBytes, hex, UP_CHAR_PACKETS, UP_CHAR_STREAM } from '../../protocol/zfm/fixtures';
import { ACKS_QUOTED, TEMPLATE_512 } from '../../protocol/zfm/fixtures';
import { makeRig, settle } from './fake-module.test-support';

const toHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
const damaged = (frame: Uint8Array, at = frame.length - 1): Uint8Array => {
  const copy = frame.slice();
  copy[at]! ^= 0x01;
  return copy;
};

/** A rig whose finger lies on the sensor, opened. */
async function fingerRig() {
  const r = await makeRig();
  await r.open();
  r.fake.finger = true;
  return r;
}

describe('ZfmFingerprintReader: recovers from damaged and lost replies (zfm-link.ts)', () => {
  it('an ack with a bad checksum is retried once the late-reply window has passed; one capture', async () => {
    const r = await fingerRig();
    r.fake.script('img2Tz', damaged(ACKS_QUOTED.ok));
    const capturing = r.reader.captureTemplate();
    await r.advance(0);
    expect(r.reader.statistics().badChecksums).toBe(1);
    await r.run(900, 100); // inside the window (lateReplyMs 1000): nothing is sent again yet
    expect(r.fake.count('img2Tz')).toBe(1);
    await r.run(200, 100);
    await expect(capturing).resolves.toMatchObject({ template: TEMPLATE_512 });
    expect(r.fake.count('img2Tz')).toBe(2);
    expect(r.reader.statistics()).toMatchObject({ retries: 1, captures: 1 });
    await r.reader.close();
  });

  it('a lost GenImg ack times out; its late arrival is dropped as stale; GenImg is simply sent again', async () => {
    const r = await fingerRig();
    r.fake.script('genImg', null);
    const capturing = r.reader.captureTemplate();
    await r.advance(0);
    await r.run(1000, 100); // the model's image time-out
    expect(r.reader.statistics().retries).toBe(1);
    void r.pair.device.write(ACKS_QUOTED.ok);
    await settle();
    expect(r.reader.statistics().staleReplies).toBe(1);
    await r.advance(0);
    await expect(capturing).resolves.toMatchObject({ template: TEMPLATE_512 });
    expect(r.fake.count('genImg')).toBe(2);
    await r.reader.close();
  });

  it('confirmation 01 (the module got a damaged packet, §3.3) is retried at once', async () => {
    const r = await fingerRig();
    r.fake.script('upChar', hex('EF 01 FF FF FF FF 07 00 03 01 00 0B'));
    const capturing = r.reader.captureTemplate();
    await r.advance(0);
    await expect(capturing).resolves.toMatchObject({ template: TEMPLATE_512 });
    expect(r.fake.requests.slice(-4)).toEqual(['genImg', 'img2Tz', 'upChar', 'upChar']);
    await r.reader.close();
  });

  it('a template stream with a damaged data packet: UpChar again; the rest of the broken stream is dropped and zeroed', async () => {
    const r = await fingerRig();
    r.fake.script('upChar', [UP_CHAR_PACKETS[0]!, UP_CHAR_PACKETS[1]!, damaged(UP_CHAR_PACKETS[2]!, 40), UP_CHAR_PACKETS[3]!, UP_CHAR_PACKETS[4]!]);
    const capturing = r.reader.captureTemplate();
    await r.advance(0);
    await expect(capturing).resolves.toMatchObject({ template: TEMPLATE_512 });
    expect(r.fake.count('upChar')).toBe(2);
    expect(r.reader.statistics()).toMatchObject({ retries: 1, strayPackets: 2 });
    await r.reader.close();
  });

  it('a template stream cut off (no end packet) times out and UpChar is sent again', async () => {
    const r = await fingerRig();
    r.fake.script('upChar', UP_CHAR_PACKETS.slice(0, 4));
    const capturing = r.reader.captureTemplate();
    await r.advance(0);
    await r.run(900, 100);
    expect(r.fake.count('upChar')).toBe(1);
    await r.run(200, 100);
    await expect(capturing).resolves.toMatchObject({ template: TEMPLATE_512 });
    expect(r.fake.count('upChar')).toBe(2);
    await r.reader.close();
  });

  it('random bytes before an ack, an oversized length field and a cut-off ack: each recovered from', async () => {
    const r = await fingerRig();
    const noise = hex('00 EF 13 77 EF 01 FF 42 EF EF 01 FF FF FF FF 05 00');
    r.fake.script('genImg', [noise, ACKS_QUOTED.ok]);
    r.fake.script('img2Tz', concatBytes(hex('EF 01 FF FF FF FF 07 FF FF'), ACKS_QUOTED.ok));
    r.fake.script('upChar', ACKS_QUOTED.ok.subarray(0, 10)); // header, length and the code: the checksum never comes
    const capturing = r.reader.captureTemplate();
    await r.run(5000, 100);
    await expect(capturing).resolves.toMatchObject({ template: TEMPLATE_512 });
    expect(r.reader.statistics()).toMatchObject({ badLengths: 1, truncatedReplies: 1 });
    expect(r.reader.statistics().garbageBytes).toBeGreaterThanOrEqual(noise.length);
    await r.reader.close();
  });

  it('gives up after the bounded retries with garbledReply (technician); the next press is captured', async () => {
    const r = await fingerRig();
    const bad = damaged(ACKS_QUOTED.ok);
    r.fake.script('img2Tz', bad, bad, bad);
    const failing = r.reader.captureTemplate();
    await r.run(4000, 100);
    await expect(failing).rejects.toMatchObject({ code: 'garbledReply', actor: 'technician', message: expect.stringMatching(/checksum/) });
    expect(r.fake.count('img2Tz')).toBe(3);
    r.fake.script('genImg', ACKS_QUOTED.noFinger); // lifted …
    const again = r.reader.captureTemplate();
    await r.advance(0);
    await expect(again).resolves.toMatchObject({ template: TEMPLATE_512 }); // … and pressed again
    await r.reader.close();
  });
});

/** mulberry32, so a failing round repeats. */
function seeded(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

describe('ZfmFingerprintReader: seeded line damage around the template stream', () => {
  it('noise before, inside or after the stream, or one flipped byte, in random chunks: every capture ends with the template', async () => {
    const r = await fingerRig();
    const HEADERISH = [0xef, 0x01, 0xff, 0x07, 0x02, 0x08, 0x00];
    for (let round = 0; round < 40; round++) {
      const rand = seeded(1000 + round);
      const noise = Uint8Array.from({ length: 1 + rand(40) }, () => (rand(2) === 0 ? HEADERISH[rand(HEADERISH.length)]! : rand(256)));
      const packets = UP_CHAR_PACKETS.map((p) => p.slice());
      const kind = rand(3);
      if (kind === 0) packets.splice(rand(packets.length + 1), 0, noise);
      else if (kind === 1) packets[rand(packets.length)]![rand(UP_CHAR_PACKETS[1]!.length)]! ^= 1 << rand(8);
      else packets.push(noise);
      const line = concatBytes(...packets);
      const chunks: Uint8Array[] = [];
      for (let at = 0; at < line.length; ) {
        const n = 1 + rand(200);
        chunks.push(line.subarray(at, at + n));
        at += n;
      }
      if (round > 0) r.fake.script('genImg', ACKS_QUOTED.noFinger);
      r.fake.script('upChar', chunks);
      let outcome: unknown;
      r.reader.captureTemplate().then((c) => (outcome = c), (e: unknown) => (outcome = e));
      for (let t = 0; outcome === undefined && t < 20_000; t += 100) await r.advance(100);
      expect(outcome, `round ${round}`).toMatchObject({ template: TEMPLATE_512 });
      (outcome as { wipe(): void }).wipe();
    }
    expect(r.reader.statistics()).toMatchObject({ captures: 40 });
    expect(r.reader.statistics().retries).toBeGreaterThan(10); // most rounds broke the stream: UpChar was sent again
    const all = JSON.stringify(r.lines);
    for (let at = 0; at < TEMPLATE_512.length - 4; at += 37) expect(all).not.toContain(toHex(TEMPLATE_512.subarray(at, at + 4)));
    await r.reader.close();
  });
});

describe('ZfmFingerprintReader: framing and masking', () => {
  it('takes the template whatever way the UpChar reply is split: at every byte, and byte by byte', async () => {
    const r = await fingerRig();
    const splits: Uint8Array[][] = [];
    for (let i = 1; i < UP_CHAR_STREAM.length; i++) splits.push([UP_CHAR_STREAM.subarray(0, i), UP_CHAR_STREAM.subarray(i)]);
    splits.push(Array.from(UP_CHAR_STREAM, (_, i) => UP_CHAR_STREAM.subarray(i, i + 1)));
    for (const [n, chunks] of splits.entries()) {
      if (n > 0) r.fake.script('genImg', ACKS_QUOTED.noFinger); // the finger lifted and pressed again between captures
      r.fake.script('upChar', chunks);
      const capturing = r.reader.captureTemplate();
      await r.advance(0);
      const capture = await capturing;
      expect(capture.template).toEqual(TEMPLATE_512);
      capture.wipe();
    }
    expect(r.reader.statistics()).toMatchObject({ captures: splits.length });
    expect(r.reader.statistics().retries).toBeUndefined();
    await r.reader.close();
  });

  it('trace dumps mask every template byte, sent (DownChar) or received (UpChar), and the password', async () => {
    const r = await makeRig({ password: 0x12345678 });
    await r.open();
    r.fake.finger = true;
    const capturing = r.reader.captureTemplate();
    await r.advance(0);
    const capture = await capturing;
    r.fake.script('genImg', ACKS_QUOTED.noFinger);
    const comparing = r.reader.compareWithTemplate(capture.template);
    await r.advance(0);
    await comparing;
    capture.wipe();
    const dumps = r.lines.filter((l) => l.msg === 'tx' || l.msg === 'rx').map((l) => String(l.fields?.hex));
    expect(dumps).toContain('EF 01 FF FF FF FF 01 00 07 13 ** ** ** ** 01 2F'); // VfyPwd 12345678
    const data = dumps.filter((d) => d.startsWith('EF 01 FF FF FF FF 02') || d.startsWith('EF 01 FF FF FF FF 08'));
    expect(data).toHaveLength(8); // 4 received, 4 sent
    for (const d of data) expect(d.split(' ').slice(9, 9 + 128).every((t) => t === '**')).toBe(true);
    const all = JSON.stringify(r.lines);
    for (let at = 0; at < TEMPLATE_512.length - 4; at += 61) expect(all).not.toContain(toHex(TEMPLATE_512.subarray(at, at + 4)));
    expect(all).not.toContain('"template"');
    await r.reader.close();
  });
});
