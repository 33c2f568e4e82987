import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMING } from '../devices-sim/ga467/reader-timing';
import { encodeCommand } from '../drivers/protocol/ga467/commands';
import { FIND_DATA_LENGTH, READ_TEXT_PHOTO_FRAME_LENGTH, SELECT_DATA_LENGTH, SW3 } from '../drivers/protocol/ga467/constants';
import { encodeResponse } from '../drivers/protocol/ga467/frame-encoder';
import { createMemoryPair } from '../drivers/transport/memory-pair';
import { exchanges, simulatedWaitMs, WireTap, type TapEvent } from './wire-tap';

const find = encodeCommand({ type: 'findCard' });
const select = encodeCommand({ type: 'selectCard' });
const read = encodeCommand({ type: 'readTextPhoto' });
const findReply = encodeResponse(SW3.CARD_FOUND, new Uint8Array(FIND_DATA_LENGTH));
const selectReply = encodeResponse(SW3.SUCCESS, new Uint8Array(SELECT_DATA_LENGTH));

describe('the identity benchmark accounts for the frames actually exchanged (issue 14 item 12)', () => {
  it('pairs each request with the reply bytes that followed it, chunks summed', () => {
    const events: TapEvent[] = [
      { dir: 'request', atMs: 0, bytes: find },
      { dir: 'reply', atMs: 21, length: findReply.length },
      { dir: 'request', atMs: 22, bytes: select },
      { dir: 'reply', atMs: 43, length: 10 },
      { dir: 'reply', atMs: 44, length: selectReply.length - 10 },
      { dir: 'request', atMs: 45, bytes: read },
      { dir: 'reply', atMs: 957, length: READ_TEXT_PHOTO_FRAME_LENGTH },
    ];
    const list = exchanges(events);
    expect(list.map((x) => [x.command?.type, x.requestBytes, x.replyBytes])).toEqual([
      ['findCard', find.length, findReply.length],
      ['selectCard', select.length, selectReply.length],
      ['readTextPhoto', read.length, READ_TEXT_PHOTO_FRAME_LENGTH],
    ]);
    const wait = simulatedWaitMs(list, DEFAULT_TIMING, 115200);
    expect(wait.processingMs).toBe(DEFAULT_TIMING.cardMs * 2 + DEFAULT_TIMING.readMs);
    expect(wait.replyWireMs).toBeCloseTo(((findReply.length + selectReply.length + 1295) * 10 * 1000) / 115200, 9);
    expect(wait.requestWireMs).toBeCloseTo(((find.length + select.length + read.length) * 10 * 1000) / 115200, 9);
  });

  it('gives an unrecognised frame the simulator\'s short answer time', () => {
    const list = exchanges([{ dir: 'request', atMs: 0, bytes: Uint8Array.of(1, 2, 3) }]);
    expect(list[0]?.command).toBeUndefined();
    expect(simulatedWaitMs(list, DEFAULT_TIMING, 115200).processingMs).toBe(DEFAULT_TIMING.commandMs);
  });

  it('passes bytes through both ways, noting requests and only the length of replies', async () => {
    const pair = createMemoryPair('tap');
    let t = 0;
    const tap = new WireTap(pair.host, 11520, () => ++t);
    const seen: number[] = [];
    tap.onData((chunk) => seen.push(chunk.length));
    const got: number[] = [];
    pair.device.onData((chunk) => got.push(chunk.length));
    await tap.open();
    await pair.device.open();
    await tap.write(find);
    await pair.device.write(findReply);
    await Promise.resolve();
    await Promise.resolve();
    expect(got).toEqual([find.length]);
    expect(seen).toEqual([findReply.length]);
    expect(tap.events).toEqual([
      { dir: 'request', atMs: 1, bytes: find },
      { dir: 'reply', atMs: 2, length: findReply.length },
    ]);
    expect(tap.bytesPerSecond).toBe(11520);
  });
});
