import { describe, expect, it } from 'vitest';
import { encodeCommand } from '../../drivers/protocol/zfm/commands';
import { DataStreamAssembler, encodeDataPackets } from '../../drivers/protocol/zfm/data-stream';
import { ACKS_CONSTRUCTED, ACKS_QUOTED, COMMANDS, COMMANDS_CONSTRUCTED, hex } from '../../drivers/protocol/zfm/fixtures';
import { encodePacket } from '../../drivers/protocol/zfm/packet';
import { ZfmPacketDecoder } from '../../drivers/protocol/zfm/packet-decoder';
import { fingerprintRig, packetsOf, type FingerprintRig } from '../test-support/fingerprint-rig';
import { DEFAULT_TIMING } from './module-timing';
import { simTemplate, simTemplateFinger } from './sim-template';

const bytes = (u: Uint8Array): number[] => [...u];
const frame = (name: string): Uint8Array => [...COMMANDS, ...COMMANDS_CONSTRUCTED].find((c) => c.name === name)!.frame;

/** GenImg then Img2Tz into `buffer`, both OK. */
async function press(rig: FingerprintRig, buffer: 1 | 2 = 1): Promise<void> {
  expect(await rig.code({ op: 'genImg' })).toBe(0x00);
  expect(await rig.code({ op: 'img2Tz', buffer })).toBe(0x00);
}

/** The template an UpChar reply carries, through the drivers' assembler. */
function uploaded(reply: number[]): Uint8Array {
  const events = new ZfmPacketDecoder().push(Uint8Array.from(reply));
  expect(events[0]).toMatchObject({ type: 'packet', packet: { pid: 0x07, payload: Uint8Array.of(0x00) } });
  const assembler = new DataStreamAssembler({ kind: 'template', packetBytes: 128 });
  let last;
  for (const e of events.slice(1)) last = assembler.push(e);
  if (last?.state !== 'done') throw new Error(`stream ${JSON.stringify(last)}`);
  return last.data;
}

describe('each instruction answers the §3.2 / §3.3 golden acks', () => {
  it('VfyPwd, GenImg with and without a finger, ReadSysPara, TempleteNum, HandShake', async () => {
    const rig = await fingerprintRig();
    expect(await rig.ask(frame('VfyPwd 00000000'))).toEqual(bytes(ACKS_QUOTED.ok));
    expect(await rig.ask(frame('GenImg'))).toEqual(bytes(ACKS_QUOTED.noFinger));
    rig.module.placeFinger({ quality: 'good', matches: true });
    expect(await rig.ask(frame('GenImg'))).toEqual(bytes(ACKS_QUOTED.ok));
    expect(await rig.ask(frame('ReadSysPara'))).toEqual(bytes(ACKS_CONSTRUCTED.sysPara));
    expect(await rig.ask(frame('HandShake'))).toEqual(bytes(ACKS_QUOTED.ok));
    expect(await rig.ask(frame('TempleteNum'))).toEqual(bytes(hex('EF 01 FF FF FF FF 07 00 05 00 00 00 00 0C')));
  });

  it('Img2Tz: 15 before any image, 00 for a good one, 07 then 06 for a poor one', async () => {
    const rig = await fingerprintRig();
    expect(await rig.code({ op: 'img2Tz', buffer: 1 })).toBe(0x15);
    rig.module.placeFinger({ quality: 'poor', matches: true });
    expect(await rig.code({ op: 'genImg' })).toBe(0x00);
    expect(await rig.code({ op: 'img2Tz', buffer: 1 })).toBe(0x07);
    expect(await rig.code({ op: 'img2Tz', buffer: 1 })).toBe(0x06);
    rig.module.placeFinger({ quality: 'good', matches: true });
    expect(await rig.ask(frame('GenImg'))).toEqual(bytes(ACKS_QUOTED.ok));
    expect(await rig.ask(frame('Img2Tz buffer 1'))).toEqual(bytes(ACKS_QUOTED.ok));
  });

  it('UpChar: the OK ack, then 4 packets of 128 bytes carrying the finger\'s deterministic template, however it is split', async () => {
    const rig = await fingerprintRig();
    rig.module.placeFinger({ quality: 'good', matches: true });
    await press(rig);
    const reply = await rig.ask(frame('UpChar buffer 1'));
    expect(reply).toHaveLength(12 + 4 * (128 + 11));
    expect(packetsOf(reply).map((p) => p.pid)).toEqual([0x07, 0x02, 0x02, 0x02, 0x08]);
    expect(uploaded(reply)).toEqual(simTemplate('cardHolder'));
    for (let i = 1; i < reply.length; i++) {
      const decoder = new ZfmPacketDecoder();
      const events = [...decoder.push(Uint8Array.from(reply.slice(0, i))), ...decoder.push(Uint8Array.from(reply.slice(i)))];
      expect(events.map((e) => e.type)).toEqual(['packet', 'packet', 'packet', 'packet', 'packet']);
    }
    rig.module.placeFinger({ quality: 'good', matches: false });
    await press(rig);
    const other = uploaded(await rig.ask(frame('UpChar buffer 1')));
    expect(simTemplateFinger(other)).toBe('other');
    expect(other).not.toEqual(simTemplate('cardHolder'));
  });

  it('Match and RegModel: two presses of one finger score 100 and merge; of two fingers 08 and 0A', async () => {
    const rig = await fingerprintRig();
    rig.module.placeFinger({ quality: 'good', matches: true });
    await press(rig, 1);
    await press(rig, 2);
    expect(await rig.ask(frame('Match'))).toEqual(bytes(ACKS_CONSTRUCTED.matchScore100));
    expect(await rig.ask(frame('RegModel'))).toEqual(bytes(ACKS_QUOTED.ok));
    rig.module.placeFinger({ quality: 'good', matches: false });
    await press(rig, 2);
    expect(await rig.ask(frame('Match'))).toEqual(bytes(ACKS_CONSTRUCTED.noMatch));
    expect(await rig.code({ op: 'regModel' })).toBe(0x0a);
  });

  it('DownChar takes a template in data packets (no ack after them, F2); Match then compares it', async () => {
    const rig = await fingerprintRig();
    rig.module.placeFinger({ quality: 'good', matches: true });
    await press(rig, 1);
    expect(await rig.ask(encodeCommand({ op: 'downChar', buffer: 2 }))).toEqual(bytes(ACKS_QUOTED.ok));
    for (const p of encodeDataPackets(simTemplate('other'))) expect(await rig.ask(p)).toEqual([]);
    expect(await rig.code({ op: 'match' })).toBe(0x08);
    await rig.code({ op: 'downChar', buffer: 2 });
    for (const p of encodeDataPackets(simTemplate('cardHolder'))) await rig.send(p);
    expect(await rig.code({ op: 'match' })).toBe(0x00);
    // A stream cut short by a command leaves the buffer empty: nothing to match.
    await rig.code({ op: 'downChar', buffer: 2 });
    await rig.send(encodeDataPackets(simTemplate('cardHolder'))[0]!);
    expect(await rig.code({ op: 'match' })).toBe(0x08);
  });

  it('Store, Search (§3.2 quoted hit on page 5, score 100), not found (09), TempleteNum, Empty', async () => {
    const rig = await fingerprintRig();
    rig.module.placeFinger({ quality: 'good', matches: true });
    await press(rig);
    expect(await rig.ask(frame('Search 1, 0, 163'))).toEqual(bytes(ACKS_CONSTRUCTED.searchNotFound));
    expect(await rig.code({ op: 'store', buffer: 1, page: 5 })).toBe(0x00);
    expect(await rig.code({ op: 'store', buffer: 1, page: 163 })).toBe(0x0b);
    expect(await rig.ask(frame('Search 1, 0, 163'))).toEqual(bytes(ACKS_QUOTED.searchHitPage5Score100));
    expect(rig.module.statistics().storedTemplates).toBe(1);
    expect(await rig.ask(frame('Empty'))).toEqual(bytes(ACKS_QUOTED.ok));
    expect(rig.module.statistics().storedTemplates).toBe(0);
  });
});

describe('address and password (§3.1)', () => {
  it('a module with a password answers 21 until VfyPwd gives it; a wrong one is 13', async () => {
    const rig = await fingerprintRig({ password: 0x12345678 });
    expect(await rig.ask(frame('GenImg'))).toEqual(bytes(ACKS_CONSTRUCTED.passwordNeeded));
    expect(await rig.code({ op: 'vfyPwd', password: 0 })).toBe(0x13);
    expect(await rig.ask(frame('VfyPwd 12345678'))).toEqual(bytes(ACKS_QUOTED.ok));
    expect(await rig.ask(frame('GenImg'))).toEqual(bytes(ACKS_QUOTED.noFinger));
  });

  it('a module at another address ignores packets to FFFFFFFF and answers from its own', async () => {
    const rig = await fingerprintRig({ address: 0x0a0b0c0d });
    expect(await rig.ask(frame('GenImg'))).toEqual([]);
    const reply = await rig.ask(encodeCommand({ op: 'genImg' }, 0x0a0b0c0d));
    expect(reply.slice(0, 6)).toEqual([0xef, 0x01, 0x0a, 0x0b, 0x0c, 0x0d]);
    expect(packetsOf(reply, 0x0a0b0c0d)[0]!.payload).toEqual(Uint8Array.of(0x02));
  });
});

describe('bad input from the host', () => {
  it('a command split at any byte is answered once', async () => {
    const rig = await fingerprintRig();
    const vfy = frame('VfyPwd 00000000');
    for (let i = 1; i < vfy.length; i++) {
      await rig.send(vfy.subarray(0, i));
      expect(rig.received).toEqual([]);
      expect(await rig.ask(vfy.subarray(i))).toEqual(bytes(ACKS_QUOTED.ok));
    }
  });

  it('a damaged checksum, an unknown instruction and bad parameters answer 01; noise and bad lengths nothing', async () => {
    const rig = await fingerprintRig();
    const damaged = frame('GenImg').slice();
    damaged[damaged.length - 1]! ^= 0x01;
    expect(await rig.ask(damaged)).toEqual(bytes(hex('EF 01 FF FF FF FF 07 00 03 01 00 0B')));
    expect(await rig.code({ op: 'handShake' })).toBe(0x00);
    expect(await rig.ask(encodePacket(0x01, Uint8Array.of(0x35, 1, 0x7d, 1, 0)))).toEqual(bytes(hex('EF 01 FF FF FF FF 07 00 03 01 00 0B')));
    expect(await rig.ask(encodePacket(0x01, Uint8Array.of(0x02, 0x03)))).toEqual(bytes(hex('EF 01 FF FF FF FF 07 00 03 01 00 0B'))); // Img2Tz buffer 3
    expect(await rig.ask(hex('00 13 EF 01 77 EF 01 FF FF FF FF 01 FF FF'))).toEqual([]);
    expect(await rig.ask(frame('GenImg'))).toEqual(bytes(ACKS_QUOTED.noFinger)); // and it goes on answering
  });
});

describe('faults in the status words', () => {
  it('sensor imageFail answers 03 to GenImg with a finger; receiveError 01 to everything; both are hardwareError', async () => {
    const rig = await fingerprintRig({ finger: { quality: 'good', matches: true } });
    expect(rig.module.setFaults({ sensor: 'imageFail' })).toEqual({ device: 'hardwareError', fingerprint: { fingerPresent: true } });
    expect(await rig.code({ op: 'genImg' })).toBe(0x03);
    rig.module.setFaults({ sensor: 'ok', receiveError: true });
    expect(await rig.code({ op: 'vfyPwd', password: 0 })).toBe(0x01);
    rig.module.clearFaults();
    expect(rig.module.status().device).toBe('online');
    expect(await rig.code({ op: 'genImg' })).toBe(0x00);
  });

  it('badChecksum damages the next reply only (for UpChar its end packet); noReply and garbage answer no packet', async () => {
    const rig = await fingerprintRig({ finger: { quality: 'good', matches: true } });
    await press(rig);
    rig.module.setFaults({ badChecksum: true });
    const events = new ZfmPacketDecoder().push(Uint8Array.from(await rig.ask(frame('UpChar buffer 1'))));
    expect(events.map((e) => e.type)).toEqual(['packet', 'packet', 'packet', 'packet', 'badChecksum', 'garbage']);
    expect(await rig.ask(frame('GenImg'))).toEqual(bytes(ACKS_QUOTED.ok));
    rig.module.setFaults({ noReply: true });
    expect(await rig.ask(frame('GenImg'))).toEqual([]);
    rig.module.setFaults({ noReply: false, garbage: true });
    const noise = await rig.ask(frame('GenImg'));
    expect(noise.length).toBeGreaterThanOrEqual(1);
    expect(noise.length).toBeLessThanOrEqual(3);
    expect(new ZfmPacketDecoder().push(Uint8Array.from(noise)).every((e) => e.type !== 'packet')).toBe(true);
  });

  it('slowMs holds replies back on the clock; unplugged disconnects the host end and is noDevice', async () => {
    const rig = await fingerprintRig({ faults: { slowMs: 500 } });
    expect(await rig.ask(frame('GenImg'))).toEqual([]);
    await rig.advance(499);
    expect(rig.take()).toEqual([]);
    await rig.advance(1);
    expect(rig.take()).toEqual(bytes(ACKS_QUOTED.noFinger));
    const gone: string[] = [];
    rig.pair.host.onDisconnect((r) => gone.push(r));
    expect(rig.module.setFaults({ unplugged: true }).device).toBe('noDevice');
    expect(gone).toEqual(['unplugged']);
  });

  it('refuses unknown faults and bad values, naming the field', () => {
    const attempts: Array<[unknown, string | undefined]> = [[{ paper: 'out' }, 'paper'], [{ sensor: 'broken' }, 'sensor'], [{ slowMs: -1 }, 'slowMs'], [{ garbage: 'yes' }, 'garbage'], [{}, undefined], [[], undefined]];
    return fingerprintRig().then((rig) => {
      for (const [body, field] of attempts) {
        let caught: unknown;
        try {
          rig.module.setFaults(body);
        } catch (err) {
          caught = err;
        }
        expect(caught, JSON.stringify(body)).toMatchObject({ name: 'SimFaultError', field });
      }
      expect(rig.module.status().device).toBe('online');
    });
  });
});

describe('time on the injected clock (module-timing.ts)', () => {
  it('GenImg takes its processing time, then 12 bytes of wire time at 57600 baud; UpChar 568 bytes', async () => {
    const rig = await fingerprintRig({ baud: 57600, timing: DEFAULT_TIMING, finger: { quality: 'good', matches: true } });
    await rig.send(frame('GenImg'));
    await rig.advance(DEFAULT_TIMING.imageMs + 2); // 12 × 10 / 57600 s ≈ 2.08 ms
    expect(rig.take()).toEqual([]);
    await rig.advance(1);
    expect(rig.take()).toEqual(bytes(ACKS_QUOTED.ok));
    await rig.send(frame('Img2Tz buffer 1'));
    await rig.advance(DEFAULT_TIMING.extractMs + 3);
    rig.take();
    await rig.send(frame('UpChar buffer 1'));
    await rig.advance(DEFAULT_TIMING.commandMs + 98); // 568 × 10 / 57600 s ≈ 98.6 ms
    expect(rig.take()).toEqual([]);
    await rig.advance(1);
    expect(rig.take()).toHaveLength(568);
  });

  it('reset: healthy, no finger, library and buffers wiped, counters at zero', async () => {
    const rig = await fingerprintRig({ finger: { quality: 'good', matches: true }, faults: { receiveError: true } });
    rig.module.reset();
    expect(rig.module.status()).toEqual({ device: 'online', fingerprint: { fingerPresent: false } });
    expect(await rig.code({ op: 'upChar', buffer: 1 })).toBe(0x0d);
    expect(rig.module.statistics()).toMatchObject({ requests: 1, storedTemplates: 0 });
    expect(rig.module.fingerMatches()).toBeUndefined();
  });
});
