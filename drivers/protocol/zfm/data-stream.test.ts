import { describe, expect, it } from 'vitest';
import { maskedHex } from '../../../common/hex-dump';
import * as C from './constants';
import { DataStreamAssembler, encodeDataPackets, type DataStreamStep } from './data-stream';
import { ACKS_QUOTED, TEMPLATE_512, UP_CHAR_PACKETS, UP_CHAR_STREAM, chunkings, concatBytes } from './fixtures';
import { encodePacket } from './packet';
import { ZfmPacketDecoder, type ZfmDecoderEvent } from './packet-decoder';

const DATA_PACKETS = UP_CHAR_PACKETS.slice(1);
const eventsOf = (...frames: Uint8Array[]): ZfmDecoderEvent[] => new ZfmPacketDecoder().push(concatBytes(...frames));
const feed = (assembler: DataStreamAssembler, events: ZfmDecoderEvent[]): DataStreamStep[] => events.map((e) => assembler.push(e));

describe('DataStreamAssembler (protocols.md §3.2 UpChar/UpImage, §3.4 sizes)', () => {
  it('reassembles the UpChar stream into the 512-byte template, at every split of the wire', () => {
    for (const chunks of chunkings(UP_CHAR_STREAM)) {
      const decoder = new ZfmPacketDecoder();
      const events = chunks.flatMap((c) => decoder.push(c));
      expect(events[0]).toMatchObject({ type: 'packet', packet: { pid: C.PID_ACK } });
      const steps = feed(new DataStreamAssembler({ kind: 'template', packetBytes: 128 }), events.slice(1));
      expect(steps.map((s) => s.state)).toEqual(['more', 'more', 'more', 'done']);
      expect(steps[3]).toEqual({ state: 'done', kind: 'template', data: TEMPLATE_512, packets: 4 });
    }
  });

  it('reassembles a whole image (36 864 bytes, §3.4) at every packet size', () => {
    const image = Uint8Array.from({ length: C.IMAGE_BYTES }, (_, i) => (i * 13) & 0xff);
    for (const size of C.DATA_PACKET_SIZES) {
      const frames = encodeDataPackets(image, size);
      expect(frames).toHaveLength(C.IMAGE_BYTES / size);
      const steps = feed(new DataStreamAssembler({ kind: 'image', packetBytes: size }), eventsOf(...frames));
      expect(steps.at(-1)).toEqual({ state: 'done', kind: 'image', data: image, packets: frames.length });
    }
  });

  it('fails a stream whose end packet comes first, or that goes on after its end', () => {
    const endFirst = feed(new DataStreamAssembler({ kind: 'template' }), eventsOf(DATA_PACKETS[3] as Uint8Array, DATA_PACKETS[0] as Uint8Array));
    expect(endFirst[0]).toMatchObject({ state: 'failed', reason: 'wrongLength', error: 'invalidData' });
    expect(endFirst[1]).toMatchObject({ state: 'failed', reason: 'afterEnd' });
    const done = new DataStreamAssembler({ kind: 'template' });
    feed(done, eventsOf(...DATA_PACKETS));
    expect(done.done).toBe(true);
    expect(done.push(eventsOf(ACKS_QUOTED.ok)[0] as ZfmDecoderEvent)).toMatchObject({ state: 'failed', reason: 'afterEnd' });
  });

  it('fails when an ack, garbage or a broken packet comes between data packets', () => {
    const [d0, d1, d2, d3] = DATA_PACKETS as [Uint8Array, Uint8Array, Uint8Array, Uint8Array];
    const withAck = feed(new DataStreamAssembler({ kind: 'template' }), eventsOf(d0, ACKS_QUOTED.ok, d1, d2, d3));
    expect(withAck[1]).toMatchObject({ state: 'failed', reason: 'interrupted', error: 'garbledReply' });
    const withGarbage = feed(new DataStreamAssembler({ kind: 'template' }), eventsOf(d0, Uint8Array.of(0x55), d1));
    expect(withGarbage[1]).toMatchObject({ state: 'failed', reason: 'interrupted' });
    const broken = Uint8Array.from(d1);
    broken[50] = (broken[50] as number) ^ 0x01;
    const withBad = feed(new DataStreamAssembler({ kind: 'template' }), eventsOf(d0, broken, d2, d3));
    expect(withBad[1]).toMatchObject({ state: 'failed', reason: 'corrupted' });
    expect(withBad.slice(2).every((s) => s.state === 'failed')).toBe(true);
  });

  it('detects reordering where it shows: a short packet before the end', () => {
    const data = TEMPLATE_512.subarray(0, 500); // 128 + 128 + 128 + 116
    const frames = encodeDataPackets(data, 128);
    const short = encodePacket(C.PID_DATA, data.subarray(384));
    const steps = feed(new DataStreamAssembler({ kind: 'template', expectedBytes: 500, packetBytes: 128 }), eventsOf(short, ...frames.slice(0, 3)));
    expect(steps[1]).toMatchObject({ state: 'failed', reason: 'wrongPacketSize' });
    const oversized = encodePacket(C.PID_DATA, new Uint8Array(256));
    expect(feed(new DataStreamAssembler({ kind: 'template', packetBytes: 128 }), eventsOf(oversized))[0]).toMatchObject({ reason: 'wrongPacketSize' });
  });

  it('stops a stream whose end packet never comes once it passes the expected size (memory stays bounded)', () => {
    const assembler = new DataStreamAssembler({ kind: 'template' });
    const endless = encodePacket(C.PID_DATA, new Uint8Array(128).fill(7));
    const steps = Array.from({ length: 10 }, () => assembler.push(eventsOf(endless)[0] as ZfmDecoderEvent));
    expect(steps.slice(0, 4).map((s) => s.state)).toEqual(['more', 'more', 'more', 'more']);
    expect(steps[4]).toMatchObject({ state: 'failed', reason: 'tooLong' });
    expect(steps.slice(5).every((s) => s.state === 'failed' && s.reason === 'afterEnd')).toBe(true);
  });

  it('fails an end packet that leaves the template short', () => {
    const steps = feed(new DataStreamAssembler({ kind: 'template' }), eventsOf(...DATA_PACKETS.slice(0, 2), encodePacket(C.PID_END_OF_DATA, new Uint8Array(128))));
    expect(steps[2]).toMatchObject({ state: 'failed', reason: 'wrongLength', detail: '384 bytes, expected 512' });
  });

  it('takes the module’s own template size (F1 "256-byte template", §3.4)', () => {
    const steps = feed(new DataStreamAssembler({ kind: 'template', expectedBytes: C.TEMPLATE_BYTES_F1 }), eventsOf(...encodeDataPackets(TEMPLATE_512.subarray(0, 256), 256)));
    expect(steps).toEqual([{ state: 'done', kind: 'template', data: TEMPLATE_512.subarray(0, 256), packets: 1 }]);
  });

  it('refuses options outside §3.1/§3.4', () => {
    expect(() => new DataStreamAssembler({ kind: 'image', packetBytes: 100 })).toThrow();
    expect(() => new DataStreamAssembler({ kind: 'image', expectedBytes: 0 })).toThrow();
  });
});

describe('encodeDataPackets (§3.2: PID 02 packets, the last PID 08)', () => {
  it('builds the fixture’s UpChar data packets byte for byte', () => {
    expect(encodeDataPackets(TEMPLATE_512, 128)).toEqual(DATA_PACKETS);
  });

  it('sends a short tail as the end packet, a single packet as the end packet alone', () => {
    expect(encodeDataPackets(new Uint8Array(70), 32).map((f) => [f[C.PID_OFFSET], f.length - 11])).toEqual([[2, 32], [2, 32], [8, 6]]);
    expect(encodeDataPackets(new Uint8Array(10), 32).map((f) => f[C.PID_OFFSET])).toEqual([8]);
    expect(() => encodeDataPackets(new Uint8Array(0))).toThrow();
    expect(() => encodeDataPackets(new Uint8Array(10), 48)).toThrow();
  });

  it('never lets a template byte into a dump: every data byte of the stream is masked', () => {
    const decoder = new ZfmPacketDecoder();
    const dumps = decoder.push(UP_CHAR_STREAM).flatMap((e) => (e.type === 'packet' ? [maskedHex(e.packet.frame, e.packet.personal)] : []));
    expect(dumps[0]).toBe('EF 01 FF FF FF FF 07 00 03 00 00 0A');
    for (const dump of dumps.slice(1)) {
      const parts = dump.split(' ');
      expect(parts.slice(9, -2).every((p) => p === '**')).toBe(true);
      expect(parts).toHaveLength(139);
    }
  });
});
