import { describe, expect, it } from 'vitest';
import { encodeCommand, expectedDataLength, recogniseRequest, type Ga467Command } from './commands';
import { REQUESTS } from './fixtures';
import { encodeRequest, encodeResponse } from './frame-encoder';
import { toRequestFrame } from './request-parser';

const GOLDEN: [Ga467Command, Uint8Array][] = [
  [{ type: 'resetSam' }, REQUESTS.resetSam],
  [{ type: 'samStatus' }, REQUESTS.samStatus],
  [{ type: 'readSamId' }, REQUESTS.readSamId],
  [{ type: 'findCard' }, REQUESTS.findCard],
  [{ type: 'selectCard' }, REQUESTS.selectCard],
  [{ type: 'readTextPhoto' }, REQUESTS.readTextPhoto],
  [{ type: 'readLatestAddress' }, REQUESTS.readLatestAddress],
  [{ type: 'readTextPhotoFingerprint' }, REQUESTS.readTextPhotoFingerprint],
  [{ type: 'setBaudRate', baud: 115200 }, REQUESTS.setBaud115200],
  [{ type: 'setBaudRate', baud: 9600 }, REQUESTS.setBaud9600],
  [{ type: 'setRfFrameSize', bytes: 80 }, REQUESTS.setRfFrameSize80],
];

describe('GA 467 commands (protocols.md §1.2)', () => {
  it.each(GOLDEN)('%j encodes to the §1.2 frame and is recognised back', (command, frame) => {
    expect(encodeCommand(command)).toEqual(frame);
    expect(recogniseRequest(toRequestFrame(frame))).toEqual(command);
  });

  it('every baud rate of §1.2 round-trips: 00 = 115200 … 04 = 9600', () => {
    const rates = [115200, 57600, 38400, 19200, 9600] as const;
    rates.forEach((baud, para) => {
      const frame = encodeCommand({ type: 'setBaudRate', baud });
      expect(frame[8]).toBe(para);
      expect(recogniseRequest(toRequestFrame(frame))).toEqual({ type: 'setBaudRate', baud });
    });
  });

  it('does not recognise an unknown CMD/PARA, a baud parameter above 04, or data where none belongs', () => {
    expect(recogniseRequest(toRequestFrame(encodeRequest(0x20, 0x03)))).toBeUndefined();
    expect(recogniseRequest(toRequestFrame(encodeRequest(0x60, 0x05)))).toBeUndefined();
    expect(recogniseRequest(toRequestFrame(encodeRequest(0x20, 0x01, Uint8Array.of(0))))).toBeUndefined();
    expect(recogniseRequest(toRequestFrame(encodeRequest(0x61, 0xff)))).toBeUndefined();
    expect(recogniseRequest(toRequestFrame(encodeRequest(0x61, 0xff, Uint8Array.of(0))))).toBeUndefined();
    expect(recogniseRequest(toRequestFrame(encodeRequest(0x61, 0xff, Uint8Array.of(1, 2))))).toBeUndefined();
    // A response's bytes are not a request: 00 00 is no command.
    expect(recogniseRequest(toRequestFrame(encodeResponse(0x90)))).toBeUndefined();
  });

  it('expectedDataLength tells an unknown command or value (21) from a wrong data length (11)', () => {
    expect(expectedDataLength(0x61, 0xff)).toBe(1);
    expect(expectedDataLength(0x30, 0x10)).toBe(0);
    expect(expectedDataLength(0x60, 0x04)).toBe(0);
    expect(expectedDataLength(0x60, 0x05)).toBeUndefined();
    expect(expectedDataLength(0x30, 0x02)).toBeUndefined();
    expect(expectedDataLength(0x01, 0xff)).toBeUndefined();
  });

  it('refuses values that are not bytes', () => {
    expect(() => encodeCommand({ type: 'setRfFrameSize', bytes: 0 })).toThrow(RangeError);
    expect(() => encodeCommand({ type: 'setRfFrameSize', bytes: 256 })).toThrow(RangeError);
    expect(() => encodeCommand({ type: 'setBaudRate', baud: 4800 as never })).toThrow(RangeError);
    expect(() => encodeRequest(0x100, 0)).toThrow(RangeError);
    expect(() => encodeRequest(0x30, -1)).toThrow(RangeError);
    expect(() => encodeResponse(0x90, new Uint8Array(0xfffc))).toThrow(RangeError);
    expect(encodeResponse(0x90, new Uint8Array(0xfffb)).length).toBe(7 + 0xffff);
  });
});
