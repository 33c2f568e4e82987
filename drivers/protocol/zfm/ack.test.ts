import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../common/errors';
import * as C from './constants';
import { decodeAck } from './ack';
import type { ZfmCommand } from './commands';
import { CONFIRMATION_CODES, describeConfirmationCode } from './confirmation-codes';
import { ACKS_CONSTRUCTED, ACKS_QUOTED, hex } from './fixtures';

const payloadOf = (frame: Uint8Array): Uint8Array => frame.subarray(C.PREFIX_BYTES, frame.length - 2);
const ack = (command: ZfmCommand, frame: Uint8Array) => decodeAck(command, frame[C.PID_OFFSET] as number, payloadOf(frame));
const SEARCH: ZfmCommand = { op: 'search', buffer: 1, start: 0, count: 0xa3 };

describe('decodeAck (protocols.md §3.2 ack data, §3.3 codes)', () => {
  it('reads the quoted acks: OK, no finger, search hit on page 5 with score 100', () => {
    expect(ack({ op: 'genImg' }, ACKS_QUOTED.ok)).toEqual({ type: 'ack', code: 0, meaning: 'OK', known: true, error: undefined, extra: {} });
    expect(ack({ op: 'genImg' }, ACKS_QUOTED.noFinger)).toEqual({ type: 'ack', code: 2, meaning: 'No finger on the sensor', known: true, error: 'fingerNotPresented', extra: {} });
    expect(ack(SEARCH, ACKS_QUOTED.searchHitPage5Score100)).toMatchObject({ code: 0, extra: { pageId: 5, score: 100 } });
    expect(ack({ ...SEARCH, op: 'highSpeedSearch' }, ACKS_QUOTED.searchHitPage5Score100)).toMatchObject({ extra: { pageId: 5, score: 100 } });
  });

  it('reads Match score, template count, the index table and ReadSysPara', () => {
    expect(ack({ op: 'match' }, ACKS_CONSTRUCTED.matchScore100)).toMatchObject({ code: 0, extra: { score: 100 } });
    expect(ack({ op: 'templateNum' }, ACKS_CONSTRUCTED.templateCount3)).toMatchObject({ extra: { templateCount: 3 } });
    expect(ack({ op: 'readIndexTable', indexPage: 0 }, ACKS_CONSTRUCTED.indexTable)).toMatchObject({ extra: { usedSlots: [0, 1, 2, 15, 248] } });
    expect(ack({ op: 'readIndexTable', indexPage: 2 }, ACKS_CONSTRUCTED.indexTable)).toMatchObject({ extra: { usedSlots: [512, 513, 514, 527, 760] } });
    expect(ack({ op: 'readSysPara' }, ACKS_CONSTRUCTED.sysPara)).toMatchObject({
      code: 0,
      extra: { sysPara: { statusRegister: 0, systemId: 9, capacity: 163, securityLevel: 5, address: 0xffffffff, packetSizeCode: 2, packetBytes: 128, baudMultiplier: 6, baudRate: 57600 } },
    });
  });

  it('leaves a ReadSysPara packet size code outside 0–3 without a byte count', () => {
    const payload = payloadOf(ACKS_CONSTRUCTED.sysPara).slice();
    payload[14] = 4;
    expect(decodeAck({ op: 'readSysPara' }, C.PID_ACK, payload)).toMatchObject({ extra: { sysPara: { packetSizeCode: 4, packetBytes: undefined } } });
  });

  it('reads no data after a failing code: no match, nothing found', () => {
    expect(ack({ op: 'match' }, ACKS_CONSTRUCTED.noMatch)).toEqual({ type: 'ack', code: 8, meaning: 'No match (Match)', known: true, error: 'fingerMismatch', extra: {} });
    expect(ack(SEARCH, ACKS_CONSTRUCTED.searchNotFound)).toMatchObject({ code: 9, error: 'fingerMismatch', extra: {} });
    expect(ack({ op: 'genImg' }, ACKS_CONSTRUCTED.passwordNeeded)).toMatchObject({ code: 0x21, error: 'deviceNotReady' });
  });

  it('names an unknown confirmation code and treats it as a hardware error', () => {
    expect(ack({ op: 'genImg' }, ACKS_CONSTRUCTED.unknownCode42)).toEqual({ type: 'ack', code: 0x42, meaning: 'Unknown confirmation code 42', known: false, error: 'hardwareError', extra: {} });
    for (let code = 0; code < 256; code++) {
      const described = describeConfirmationCode(code);
      expect(described.known).toBe(CONFIRMATION_CODES.has(code));
      expect(described.error === undefined).toBe(code === 0);
    }
  });

  it('calls malformed: not an ack, no code, an OK short of the promised data', () => {
    expect(decodeAck({ op: 'genImg' }, C.PID_DATA, hex('00'))).toMatchObject({ type: 'malformed', error: 'garbledReply' });
    expect(decodeAck({ op: 'genImg' }, C.PID_ACK, new Uint8Array(0))).toMatchObject({ type: 'malformed', error: 'garbledReply' });
    expect(ack({ op: 'match' }, ACKS_QUOTED.ok)).toMatchObject({ type: 'malformed', reason: 'match ack OK with 0 data bytes, expected 2' });
    expect(ack(SEARCH, ACKS_CONSTRUCTED.matchScore100)).toMatchObject({ type: 'malformed' });
    expect(decodeAck({ op: 'readSysPara' }, C.PID_ACK, hex('00 00 00'))).toMatchObject({ type: 'malformed' });
  });

  it('ignores bytes beyond what §3.2 lists', () => {
    expect(decodeAck({ op: 'match' }, C.PID_ACK, hex('00 00 64 AA BB'))).toMatchObject({ type: 'ack', extra: { score: 100 } });
  });
});

describe('CONFIRMATION_CODES (protocols.md §3.3)', () => {
  it('lists exactly the 23 codes of §3.3', () => {
    const listed = [0x00, 0x01, 0x02, 0x03, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x10, 0x11, 0x13, 0x15, 0x18, 0x1a, 0x1d, 0x20, 0x21];
    expect([...CONFIRMATION_CODES.keys()].sort((a, b) => a - b)).toEqual(listed);
  });

  it('maps each to a code of the closed set; finger problems to the finger codes', () => {
    for (const [code, info] of CONFIRMATION_CODES) {
      if (code !== 0) expect(ERROR_CODES).toContain(info.error);
    }
    expect(CONFIRMATION_CODES.get(0x02)?.error).toBe('fingerNotPresented');
    for (const code of [0x03, 0x06, 0x07, 0x0a]) expect(CONFIRMATION_CODES.get(code)?.error).toBe('fingerPoorQuality');
    for (const code of [0x08, 0x09]) expect(CONFIRMATION_CODES.get(code)?.error).toBe('fingerMismatch');
  });
});
