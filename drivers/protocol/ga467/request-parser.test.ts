import { describe, expect, it } from 'vitest';
import { recogniseRequest } from './commands';
import { MAX_REQUEST_LEN } from './constants';
import { BEARPI_RESET_SAM, chunkings, concatBytes, hex, REQUESTS } from './fixtures';
import { Ga467RequestParser, type Ga467RequestEvent } from './request-parser';
import { collect } from './test-support';

const parse = (chunks: Uint8Array[], abandonAtEnd = false): Ga467RequestEvent[] => collect(new Ga467RequestParser(), chunks, abandonAtEnd);
const requests = (events: Ga467RequestEvent[]) => events.flatMap((e) => (e.type === 'request' ? [e.frame] : []));
const garbage = (bytes: Uint8Array): Ga467RequestEvent => ({ type: 'garbage', bytes, personal: [{ start: 0, end: bytes.length }] });

const GOLDEN = Object.values(REQUESTS);
const GOLDEN_STREAM = concatBytes(...GOLDEN);

describe('Ga467RequestParser (protocols.md §1.1, §1.2)', () => {
  it('reads CMD, PARA and DATA of every §1.2 request', () => {
    const frames = requests(parse([GOLDEN_STREAM]));
    expect(frames.map((f) => f.raw)).toEqual(GOLDEN);
    expect(frames.map((f) => [f.cmd, f.para, f.len])).toEqual([
      [0x10, 0xff, 3], [0x11, 0xff, 3], [0x12, 0xff, 3], [0x20, 0x01, 3], [0x20, 0x02, 3], [0x30, 0x01, 3],
      [0x30, 0x03, 3], [0x30, 0x10, 3], [0x60, 0x00, 3], [0x60, 0x04, 3], [0x61, 0xff, 4],
    ]);
    expect(frames.at(-1)!.data).toEqual(hex('50'));
    expect(frames.slice(0, -1).every((f) => f.data.length === 0)).toBe(true);
  });

  it('gives the same requests split at every offset and byte by byte', () => {
    const whole = parse([GOLDEN_STREAM]);
    for (const chunks of chunkings(GOLDEN_STREAM)) expect(parse(chunks)).toEqual(whole);
  });

  it('recognises each golden request as its command, and not the BearPi reset', () => {
    expect(requests(parse([GOLDEN_STREAM])).map((f) => recogniseRequest(f)?.type)).toEqual([
      'resetSam', 'samStatus', 'readSamId', 'findCard', 'selectCard', 'readTextPhoto', 'readLatestAddress',
      'readTextPhotoFingerprint', 'setBaudRate', 'setBaudRate', 'setRfFrameSize',
    ]);
    const bearPi = requests(parse([BEARPI_RESET_SAM]))[0]!;
    expect(bearPi).toMatchObject({ cmd: 0x01, para: 0xff });
    expect(recogniseRequest(bearPi)).toBeUndefined();
  });

  it('reports a bad checksum (the simulator answers 10) and resynchronises', () => {
    const bad = hex('AA AA AA 96 69 00 03 20 01 23');
    const stream = concatBytes(hex('00 13'), bad, REQUESTS.selectCard);
    const expected: Ga467RequestEvent[] = [
      garbage(hex('00 13')),
      { type: 'badChecksum', head: bad.subarray(0, 9), len: 3, expected: 0x22, received: 0x23 },
      garbage(bad.subarray(5)),
      { type: 'request', frame: requests(parse([REQUESTS.selectCard]))[0]! },
    ];
    for (const chunks of chunkings(stream)) expect(parse(chunks)).toEqual(expected);
  });

  it('reports a bad Len (the simulator answers 11): too short, or above MAX_REQUEST_LEN', () => {
    expect(parse([hex('AA AA AA 96 69 00 02 20 01'), REQUESTS.findCard])[0]).toEqual({ type: 'badLength', len: 2, reason: 'tooShort' });
    const long = hex('AA AA AA 96 69 05 08 30 01');
    const events = parse([long, REQUESTS.findCard]);
    expect(events).toEqual([
      { type: 'badLength', len: 0x508, reason: 'tooLong' },
      garbage(long.subarray(5)),
      { type: 'request', frame: requests(parse([REQUESTS.findCard]))[0]! },
    ]);
    const parser = new Ga467RequestParser();
    expect(parser.capacity).toBe(7 + MAX_REQUEST_LEN);
    parser.push(concatBytes(hex('AA AA AA 96 69 00 40'), new Uint8Array(60)));
    expect(parser.buffered).toBe(67);
  });

  it('abandonPartial() reports a request cut off after its header', () => {
    expect(parse([REQUESTS.setRfFrameSize80.subarray(0, 9)], true)).toEqual([
      { type: 'truncated', head: REQUESTS.setRfFrameSize80.subarray(0, 9), len: 4, received: 9 },
      garbage(REQUESTS.setRfFrameSize80.subarray(5, 9)),
    ]);
  });
});
