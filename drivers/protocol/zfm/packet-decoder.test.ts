import { describe, expect, it } from 'vitest';
import * as C from './constants';
import { ACKS_CONSTRUCTED, ACKS_QUOTED, COMMANDS, UP_CHAR_PACKETS, UP_CHAR_STREAM, chunkings, concatBytes, hex } from './fixtures';
import { encodePacket } from './packet';
import { ZfmPacketDecoder, type ZfmDecoderEvent, type ZfmPacketDecoderOptions } from './packet-decoder';

/** Feeds the chunks, then merges neighbouring garbage counts (a push may split or join them). */
function decode(chunks: Uint8Array[], options?: ZfmPacketDecoderOptions, abandon = false): ZfmDecoderEvent[] {
  const decoder = new ZfmPacketDecoder(options);
  const out: ZfmDecoderEvent[] = [];
  const add = (events: ZfmDecoderEvent[]): void => {
    for (const e of events) {
      const last = out[out.length - 1];
      if (e.type === 'garbage' && last?.type === 'garbage') out[out.length - 1] = { type: 'garbage', length: last.length + e.length };
      else out.push(e);
    }
  };
  for (const chunk of chunks) add(decoder.push(chunk));
  if (abandon) add(decoder.abandonPartial());
  return out;
}

/** What a test compares: the frames of the packets and the other events as they are. */
const summary = (events: ZfmDecoderEvent[]): unknown[] => events.map((e) => (e.type === 'packet' ? { frame: e.packet.frame } : e));
const packets = (...frames: Uint8Array[]): unknown[] => frames.map((frame) => ({ frame }));

describe('ZfmPacketDecoder (protocols.md §3.1)', () => {
  const commandStream = concatBytes(...COMMANDS.map((c) => c.frame));
  const ackStream = concatBytes(...Object.values(ACKS_QUOTED), ...Object.values(ACKS_CONSTRUCTED));

  it('splits the golden commands (host → module) and acks (module → host) into their packets', () => {
    expect(summary(decode([commandStream]))).toEqual(packets(...COMMANDS.map((c) => c.frame)));
    expect(summary(decode([ackStream]))).toEqual(packets(...Object.values(ACKS_QUOTED), ...Object.values(ACKS_CONSTRUCTED)));
  });

  it('fills address, PID and payload', () => {
    const [event] = decode([ACKS_QUOTED.searchHitPage5Score100]);
    expect(event).toEqual({
      type: 'packet',
      packet: { address: 0xffffffff, pid: C.PID_ACK, payload: hex('00 00 05 00 64'), frame: ACKS_QUOTED.searchHitPage5Score100, personal: [] },
    });
  });

  it('gives the same packets split at every offset and byte by byte', () => {
    for (const stream of [ackStream, UP_CHAR_STREAM]) {
      const expected = summary(decode([stream]));
      for (const chunks of chunkings(stream)) expect(summary(decode(chunks))).toEqual(expected);
    }
  });

  it('gives the same packets split at every pair of offsets (acks)', () => {
    const stream = concatBytes(ACKS_QUOTED.noFinger, ACKS_CONSTRUCTED.matchScore100, ACKS_QUOTED.ok);
    const expected = packets(ACKS_QUOTED.noFinger, ACKS_CONSTRUCTED.matchScore100, ACKS_QUOTED.ok);
    for (let i = 1; i < stream.length; i++) {
      for (let j = i + 1; j < stream.length; j++) {
        expect(summary(decode([stream.subarray(0, i), stream.subarray(i, j), stream.subarray(j)]))).toEqual(expected);
      }
    }
  });

  it('does not look for headers inside a good packet: the template carries a whole ack frame', () => {
    expect(summary(decode([UP_CHAR_STREAM]))).toEqual(packets(...UP_CHAR_PACKETS));
  });

  it('counts garbage before and between packets and resynchronises on the next EF 01', () => {
    const stream = concatBytes(hex('00 EF 55 EF EF'), ACKS_QUOTED.ok, hex('EF 01 FF 12'), ACKS_QUOTED.noFinger, hex('01 EF'));
    const expected = [{ type: 'garbage', length: 5 }, ...packets(ACKS_QUOTED.ok), { type: 'garbage', length: 4 }, ...packets(ACKS_QUOTED.noFinger), { type: 'garbage', length: 2 }];
    for (const chunks of chunkings(stream)) expect(summary(decode(chunks, undefined, true))).toEqual(expected);
  });

  it('takes a header only with a known PID (01/02/07/08)', () => {
    const stream = concatBytes(hex('EF 01 FF FF FF FF 03 00 03 00 00 06'), ACKS_QUOTED.ok);
    expect(summary(decode([stream]))).toEqual([{ type: 'garbage', length: 12 }, ...packets(ACKS_QUOTED.ok)]);
  });

  it('takes only the expected address, or any with address "any"', () => {
    const other = encodePacket(C.PID_ACK, hex('00'), 0x00000001);
    expect(summary(decode([other, ACKS_QUOTED.ok]))).toEqual([{ type: 'garbage', length: other.length }, ...packets(ACKS_QUOTED.ok)]);
    expect(summary(decode([other], { address: 1 }))).toEqual(packets(other));
    expect(summary(decode([other, ACKS_QUOTED.ok], { address: 'any' }))).toEqual(packets(other, ACKS_QUOTED.ok));
  });

  it('reports a wrong checksum as an event and still finds the packet behind it', () => {
    const bad = Uint8Array.from(ACKS_QUOTED.noFinger);
    bad[bad.length - 1] = 0x0d;
    const stream = concatBytes(bad, ACKS_QUOTED.ok);
    const expected = [{ type: 'badChecksum', pid: 7, length: 3, expected: 0x000c, received: 0x000d }, { type: 'garbage', length: 12 }, ...packets(ACKS_QUOTED.ok)];
    for (const chunks of chunkings(stream)) expect(summary(decode(chunks))).toEqual(expected);
  });

  it('finds a real packet swallowed by a false header whose length ran over it', () => {
    // A false header claiming 40 bytes: the real ack lies inside its span; the checksum fails, the rest is read again.
    const falseHeader = hex('EF 01 FF FF FF FF 07 00 28');
    const stream = concatBytes(falseHeader, ACKS_QUOTED.ok, new Uint8Array(40).fill(0x33));
    const events = summary(decode([stream]));
    expect(events[0]).toMatchObject({ type: 'badChecksum', pid: 7, length: 0x28 });
    expect(events).toContainEqual({ frame: ACKS_QUOTED.ok });
  });

  it('refuses a length field above 258 (the largest data packet, §3.1 size code 3) or below 3', () => {
    for (const length of [0x0103, 0xffff, 0x0002, 0x0000]) {
      const stream = concatBytes(hex(`EF 01 FF FF FF FF 02 ${(length >> 8).toString(16).padStart(2, '0')} ${(length & 0xff).toString(16).padStart(2, '0')}`), ACKS_QUOTED.ok);
      const expected = [{ type: 'badLength', pid: 2, length }, { type: 'garbage', length: 9 }, ...packets(ACKS_QUOTED.ok)];
      for (const chunks of chunkings(stream)) expect(summary(decode(chunks))).toEqual(expected);
    }
    const biggest = encodePacket(C.PID_DATA, new Uint8Array(256).fill(0xef));
    expect(summary(decode([biggest]))).toEqual(packets(biggest));
  });

  it('holds a truncated packet, then on abandonPartial reports it and reads its bytes again', () => {
    const decoder = new ZfmPacketDecoder();
    const cut = ACKS_CONSTRUCTED.sysPara.subarray(0, 20);
    expect(decoder.push(cut)).toEqual([]);
    expect(decoder.midPacket).toBe(true);
    expect(decoder.bufferedBytes).toBe(20);
    expect(decoder.abandonPartial()).toEqual([{ type: 'truncated', pid: 7, length: 0x13, received: 20 }, { type: 'garbage', length: 20 }]);
    expect(decoder.midPacket).toBe(false);
    expect(decoder.abandonPartial()).toEqual([]);
    expect(summary(decoder.push(ACKS_QUOTED.ok))).toEqual(packets(ACKS_QUOTED.ok));
  });

  it('abandonPartial recovers a whole packet held behind a cut-off one, and a header cut before its length', () => {
    const stream = concatBytes(ACKS_CONSTRUCTED.sysPara.subarray(0, 12), ACKS_QUOTED.noFinger);
    const decoder = new ZfmPacketDecoder();
    expect(decoder.push(stream)).toEqual([]);
    const events = summary(decoder.abandonPartial());
    expect(events).toEqual([{ type: 'truncated', pid: 7, length: 0x13, received: 24 }, { type: 'garbage', length: 12 }, ...packets(ACKS_QUOTED.noFinger)]);
    expect(summary(decode([hex('EF 01 FF FF')], undefined, true))).toEqual([{ type: 'garbage', length: 4 }]);
  });

  it('reset() forgets a half packet silently', () => {
    const decoder = new ZfmPacketDecoder();
    decoder.push(ACKS_QUOTED.ok.subarray(0, 7));
    decoder.reset();
    expect(decoder.midPacket).toBe(false);
    expect(summary(decoder.push(ACKS_QUOTED.ok.subarray(7)))).toEqual([{ type: 'garbage', length: 5 }]);
  });

  it('never holds more than one maximal frame, whatever arrives', () => {
    const decoder = new ZfmPacketDecoder();
    const endless = concatBytes(hex('EF 01 FF FF FF FF 02 01 02'), new Uint8Array(5000).fill(0xef));
    for (let i = 0; i < endless.length; i += 7) {
      decoder.push(endless.subarray(i, i + 7));
      expect(decoder.bufferedBytes).toBeLessThanOrEqual(C.MAX_FRAME_BYTES);
    }
  });
});
