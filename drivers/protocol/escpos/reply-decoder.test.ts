import { describe, it, expect } from 'vitest';
import { chunkings, concatBytes, hex, REPLIES } from './fixtures';
import { EscPosReplyDecoder, MAX_BLOCK_REPLY_BYTES, isPaperStatusByte, type EscPosReply, type EscPosReplyDecoderOptions } from './reply-decoder';
import { interpretAsb } from './status-bits';

/** Feeds the chunks; adjacent garbage replies are merged, since they may be collapsed per push call. */
function decode(chunks: Uint8Array[], options?: EscPosReplyDecoderOptions): EscPosReply[] {
  const decoder = new EscPosReplyDecoder(options);
  const out: EscPosReply[] = [];
  for (const chunk of chunks) {
    for (const reply of decoder.push(chunk)) {
      const last = out[out.length - 1];
      if (reply.type === 'garbage' && last?.type === 'garbage') out[out.length - 1] = { type: 'garbage', bytes: concatBytes(last.bytes, reply.bytes) };
      else out.push(reply);
    }
  }
  return out;
}

const asb = (bytes: Uint8Array): EscPosReply => ({ type: 'asb', bytes, status: interpretAsb(bytes) });

const GOLDEN_STREAM = concatBytes(
  Uint8Array.of(REPLIES.healthy),
  REPLIES.asbHealthy,
  REPLIES.processIdT001,
  Uint8Array.of(REPLIES.rollNearEnd),
  REPLIES.asbOfflineCoverOpenPaperEnd,
  Uint8Array.of(REPLIES.rollEnd, REPLIES.n1Offline, REPLIES.n2CoverOpenFeedError, REPLIES.n1TicketNotTaken),
);
/** The golden stream carries a Cashino bit-7 reply, so it is read as a model with the ticket-taken bit. */
const CASHINO = { ticketTakenBit: true };
const GOLDEN_REPLIES: EscPosReply[] = [
  { type: 'realtimeStatus', byte: 0x12 },
  asb(REPLIES.asbHealthy),
  { type: 'processId', id: 'T001' },
  { type: 'realtimeStatus', byte: 0x1e },
  asb(REPLIES.asbOfflineCoverOpenPaperEnd),
  { type: 'realtimeStatus', byte: 0x72 },
  { type: 'realtimeStatus', byte: 0x1a },
  { type: 'realtimeStatus', byte: 0x5e },
  { type: 'realtimeStatus', byte: 0x92 },
];

describe('EscPosReplyDecoder (protocols.md §2.4, §2.5, §2.7)', () => {
  it('tells the golden replies apart by the first-byte rule', () => {
    expect(decode([GOLDEN_STREAM], CASHINO)).toEqual(GOLDEN_REPLIES);
  });

  it('accepts DLE EOT bit 7 only for models that report a ticket in the mouth (§2.4, §2.6)', () => {
    const stream = Uint8Array.of(REPLIES.n1TicketNotTaken, REPLIES.healthy, 0x90);
    expect(decode([stream])).toEqual([
      { type: 'garbage', bytes: hex('92') },
      { type: 'realtimeStatus', byte: 0x12 },
      { type: 'garbage', bytes: hex('90') },
    ]);
    expect(decode([stream], CASHINO)).toEqual([
      { type: 'realtimeStatus', byte: 0x92 },
      { type: 'realtimeStatus', byte: 0x12 },
      { type: 'garbage', bytes: hex('90') },
    ]);
  });

  it('gives the same replies split at every offset and byte by byte', () => {
    for (const chunks of chunkings(GOLDEN_STREAM)) expect(decode(chunks, CASHINO)).toEqual(GOLDEN_REPLIES);
  });

  it('gives the same replies split at every pair of offsets', () => {
    for (let i = 1; i < GOLDEN_STREAM.length; i++) {
      for (let j = i + 1; j < GOLDEN_STREAM.length; j++) {
        const chunks = [GOLDEN_STREAM.subarray(0, i), GOLDEN_STREAM.subarray(i, j), GOLDEN_STREAM.subarray(j)];
        expect(decode(chunks, CASHINO)).toEqual(GOLDEN_REPLIES);
      }
    }
  });

  it('holds a half ASB block or process ID until the rest arrives', () => {
    const decoder = new EscPosReplyDecoder();
    expect(decoder.push(hex('38 00'))).toEqual([]);
    expect(decoder.midReply).toBe(true);
    expect(decoder.push(hex('0C'))).toEqual([]);
    expect(decoder.push(hex('00 37 22 54'))).toEqual([asb(REPLIES.asbOfflineCoverOpenPaperEnd)]);
    expect(decoder.push(hex('30 30 31'))).toEqual([]);
    expect(decoder.push(hex('00 12'))).toEqual([{ type: 'processId', id: 'T001' }, { type: 'realtimeStatus', byte: 0x12 }]);
    expect(decoder.midReply).toBe(false);
  });

  it('reports garbage and resynchronises on the next byte', () => {
    const stream = hex('AA 12 FF FF 37 41 12 37 22 54 30 30 31 00');
    const expected: EscPosReply[] = [
      { type: 'garbage', bytes: hex('AA') },
      { type: 'realtimeStatus', byte: 0x12 },
      { type: 'garbage', bytes: hex('FF FF 37 41') },
      { type: 'realtimeStatus', byte: 0x12 },
      { type: 'processId', id: 'T001' },
    ];
    for (const chunks of chunkings(stream)) expect(decode(chunks)).toEqual(expected);
  });

  it('collapses consecutive garbage within one push', () => {
    expect(new EscPosReplyDecoder().push(hex('00 01 03 80'))).toEqual([{ type: 'garbage', bytes: hex('00 01 03 80') }]);
  });

  it('reports other 37 blocks and malformed process IDs as garbage', () => {
    const stream = hex('37 20 41 00 37 22 54 30 31 00 37 22 54 30 30 01 00 37 36 33 1F 33 1F 31 1F 30 00 12');
    expect(decode(chunkings(stream).at(-1)!)).toEqual([
      { type: 'garbage', bytes: stream.subarray(0, -1) },
      { type: 'realtimeStatus', byte: 0x12 },
    ]);
    expect(new EscPosReplyDecoder().push(stream)).toEqual([
      { type: 'garbage', bytes: hex('37 20 41 00') },
      { type: 'garbage', bytes: hex('37 22 54 30 31 00') },
      { type: 'garbage', bytes: hex('37 22 54 30 30 01 00') },
      { type: 'garbage', bytes: hex('37 36 33 1F 33 1F 31 1F 30 00') },
      { type: 'realtimeStatus', byte: 0x12 },
    ]);
  });

  it('bounds a process-ID reply whose NUL never comes', () => {
    const decoder = new EscPosReplyDecoder();
    const endless = concatBytes(hex('37 22'), new Uint8Array(200).fill(0x41));
    const replies = decoder.push(endless);
    expect(replies).toEqual([{ type: 'garbage', bytes: endless }]);
    expect(decoder.midReply).toBe(false);
    const split = decode(chunkings(endless).at(-1)!);
    expect(split).toEqual([{ type: 'garbage', bytes: endless }]);
    expect(decoder.push(concatBytes(new Uint8Array(MAX_BLOCK_REPLY_BYTES).fill(0x41), hex('12')))).toEqual([
      { type: 'garbage', bytes: new Uint8Array(MAX_BLOCK_REPLY_BYTES).fill(0x41) },
      { type: 'realtimeStatus', byte: 0x12 },
    ]);
  });

  it('reads a bit-4-clear byte as GS r only when one was announced, one per announcement', () => {
    const decoder = new EscPosReplyDecoder();
    expect(decoder.push(hex('00'))).toEqual([{ type: 'garbage', bytes: hex('00') }]);
    decoder.expectPaperStatus();
    decoder.expectPaperStatus();
    expect(decoder.push(hex('12 0C 1E 00 00'))).toEqual([
      { type: 'realtimeStatus', byte: 0x12 },
      { type: 'paperStatus', byte: 0x0c },
      { type: 'realtimeStatus', byte: 0x1e },
      { type: 'paperStatus', byte: 0x00 },
      { type: 'garbage', bytes: hex('00') },
    ]);
  });

  it('reset() drops a half reply and pending GS r announcements', () => {
    const decoder = new EscPosReplyDecoder();
    decoder.expectPaperStatus();
    expect(decoder.push(hex('10 00'))).toEqual([]);
    decoder.reset();
    expect(decoder.midReply).toBe(false);
    expect(decoder.push(hex('12 03'))).toEqual([{ type: 'realtimeStatus', byte: 0x12 }, { type: 'garbage', bytes: hex('03') }]);
  });

  it('takes only the GS r reply’s form as one (00, 03, 0C, 0F): any other byte while one is owed is garbage', () => {
    const valid = Array.from({ length: 256 }, (_, b) => b).filter(isPaperStatusByte);
    expect(valid).toEqual([0x00, 0x03, 0x0c, 0x0f]);
    const decoder = new EscPosReplyDecoder({ ticketTakenBit: true, asb: false });
    decoder.expectPaperStatus();
    expect(decoder.push(hex('05 0C'))).toEqual([{ type: 'garbage', bytes: hex('05') }, { type: 'paperStatus', byte: 0x0c }]);
  });

  it('without ASB (models.ts asb false) a byte that would start an ASB block is garbage', () => {
    expect(new EscPosReplyDecoder({ asb: false }).push(hex('10 12'))).toEqual([{ type: 'garbage', bytes: hex('10') }, { type: 'realtimeStatus', byte: 0x12 }]);
    expect(new EscPosReplyDecoder().push(hex('10 12')).length).toBe(0); // an ASB block under way
  });

  it('abandonPartial turns a half reply into garbage, and what follows is read afresh', () => {
    const decoder = new EscPosReplyDecoder();
    expect(decoder.push(hex('37 22 30'))).toEqual([]);
    expect(decoder.abandonPartial()).toEqual([{ type: 'garbage', bytes: hex('37 22 30') }]);
    expect(decoder.abandonPartial()).toEqual([]);
    expect(decoder.push(hex('12'))).toEqual([{ type: 'realtimeStatus', byte: 0x12 }]);
  });

  it('presenter models: 10 0F and four bytes are one full status, at every split; a lone 10 is garbage, read afresh', () => {
    const full = Uint8Array.of(0x10, 0x0f, 0x20, 0x00, 0x10, 0x12);
    const stream = concatBytes(full, Uint8Array.of(0x10, 0x12), full);
    const expected: EscPosReply[] = [
      { type: 'fullStatus', bytes: full },
      { type: 'garbage', bytes: Uint8Array.of(0x10) },
      { type: 'realtimeStatus', byte: 0x12 },
      { type: 'fullStatus', bytes: full },
    ];
    for (const chunks of chunkings(stream)) expect(decode(chunks, { fullStatus: true })).toEqual(expected);
    // Without the option (and without ASB) 10 0F … is nothing this decoder knows.
    expect(decode([full], { asb: false })[0]?.type).toBe('garbage');
  });
});
