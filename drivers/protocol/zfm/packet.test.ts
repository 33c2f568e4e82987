import { describe, expect, it } from 'vitest';
import { maskedHex } from '../../../common/hex-dump';
import * as C from './constants';
import { ACKS_CONSTRUCTED, ACKS_QUOTED, COMMANDS, COMMANDS_CONSTRUCTED, UP_CHAR_PACKETS, hex } from './fixtures';
import { checksum, encodePacket, personalRanges, ZfmEncodeError } from './packet';

const payloadOf = (frame: Uint8Array): Uint8Array => frame.subarray(C.PREFIX_BYTES, frame.length - 2);

describe('encodePacket (protocols.md §3.1)', () => {
  const golden = [...COMMANDS.map((c) => c.frame), ...COMMANDS_CONSTRUCTED.map((c) => c.frame), ...Object.values(ACKS_QUOTED), ...Object.values(ACKS_CONSTRUCTED), ...UP_CHAR_PACKETS];

  it('rebuilds every golden frame from its PID and payload', () => {
    for (const frame of golden) expect(encodePacket(frame[C.PID_OFFSET] as number, payloadOf(frame))).toEqual(frame);
  });

  it('length = payload + 2; checksum = low 16 bits of PID + length bytes + payload, header and address left out', () => {
    expect(encodePacket(C.PID_COMMAND, hex('01'))).toEqual(hex('EF 01 FF FF FF FF 01 00 03 01 00 05'));
    expect(encodePacket(C.PID_COMMAND, hex('01'), 0x12345678)).toEqual(hex('EF 01 12 34 56 78 01 00 03 01 00 05'));
    expect(checksum(0x07, 0x0007, hex('00 00 05 00 64'))).toBe(0x0077);
  });

  it('keeps the low 16 bits of the sum', () => {
    expect(checksum(C.PID_DATA, 258, new Uint8Array(256).fill(0xff))).toBe(2 + 1 + 2 + 256 * 255); // the most a real packet sums to
    expect(checksum(0xff, 0xffff, new Uint8Array(256).fill(0xff))).toBe(0xff * 259 - 0x10000);
  });

  it('refuses an unknown PID, an empty or oversized payload and a bad address', () => {
    expect(() => encodePacket(0x03, hex('01'))).toThrow(ZfmEncodeError);
    expect(() => encodePacket(C.PID_DATA, new Uint8Array(0))).toThrow(ZfmEncodeError);
    expect(() => encodePacket(C.PID_DATA, new Uint8Array(257))).toThrow(ZfmEncodeError);
    expect(encodePacket(C.PID_DATA, new Uint8Array(256))).toHaveLength(C.MAX_FRAME_BYTES);
    expect(() => encodePacket(C.PID_COMMAND, hex('01'), 2 ** 32)).toThrow(ZfmEncodeError);
    expect(() => encodePacket(C.PID_COMMAND, hex('01'), -1)).toThrow(ZfmEncodeError);
  });
});

describe('personalRanges (ARCHITECTURE.md §8.7)', () => {
  it('marks the whole payload of data and end packets, so maskedHex shows only the frame around it', () => {
    const data = encodePacket(C.PID_DATA, hex('11 22 33'));
    expect(personalRanges(data)).toEqual([{ start: 9, end: 12 }]);
    expect(maskedHex(data, personalRanges(data))).toBe('EF 01 FF FF FF FF 02 00 05 ** ** ** 00 6D');
    const end = UP_CHAR_PACKETS[4] as Uint8Array;
    const dump = maskedHex(end, personalRanges(end));
    expect(dump.startsWith('EF 01 FF FF FF FF 08 00 82 ** ')).toBe(true);
    expect(dump.split(' ').filter((p) => p === '**')).toHaveLength(128);
  });

  it('marks a password, and nothing in other commands or acks', () => {
    const vfy = COMMANDS_CONSTRUCTED[0]?.frame as Uint8Array;
    expect(maskedHex(vfy, personalRanges(vfy))).toBe('EF 01 FF FF FF FF 01 00 07 13 ** ** ** ** 01 2F');
    for (const { frame } of COMMANDS.filter((c) => c.command.op !== 'vfyPwd')) expect(personalRanges(frame)).toEqual([]);
    expect(personalRanges(ACKS_CONSTRUCTED.sysPara)).toEqual([]);
  });

  it('copes with frames too short to have a payload', () => {
    expect(personalRanges(hex('EF 01 FF FF FF FF 02 00'))).toEqual([]);
    expect(personalRanges(hex('EF 01 FF FF FF FF 01 00 07 13 12'))).toEqual([{ start: 10, end: 10 }]);
  });
});
