import { describe, expect, it } from 'vitest';
import { chunkings, hex } from './fixtures';
import { RealtimeScanner, breakRealtimeSequences, countStatusRequests, findRealtimeSequence } from './realtime-sequences';

describe('real-time sequences inside data (protocols.md §2.7)', () => {
  it('finds DLE EOT, DLE ENQ and DLE DC4 pairs, nothing else', () => {
    expect(findRealtimeSequence(hex('FF 10 04 01'))).toBe(1);
    expect(findRealtimeSequence(hex('10 05 02'))).toBe(0);
    expect(findRealtimeSequence(hex('00 10 14 08'))).toBe(1);
    expect(findRealtimeSequence(hex('10 10 10 03 04 10'))).toBe(-1);
    expect(findRealtimeSequence(hex('10'))).toBe(-1);
  });

  it('breaks each pair by whitening one dot of its DLE, and never makes a new one', () => {
    const bits = hex('10 04 01 10 10 05 10 14 10');
    expect(breakRealtimeSequences(bits)).toBe(3);
    expect(bits).toEqual(hex('00 04 01 10 00 05 00 14 10'));
    expect(findRealtimeSequence(bits)).toBe(-1);
    for (let b = 0; b < 256; b++) {
      const pair = Uint8Array.of(0x10, b, 0x10, 0x04);
      breakRealtimeSequences(pair);
      expect(findRealtimeSequence(pair)).toBe(-1);
    }
  });

  it('counts the DLE EOT requests a printer would answer (n 1–4)', () => {
    expect(countStatusRequests(hex('10 04 01 AA 10 04 04 10 04 05 10 05 02'))).toBe(2);
  });

  it('the scanner finds them in a raw stream split at any byte, with where each ends', () => {
    const stream = hex('1D 76 30 00 01 00 04 00 10 04 01 10 10 05 02 FF 10 14 08');
    const expected = [
      { kind: 'status', n: 1 },
      { kind: 'recovery', n: 2 },
      { kind: 'dc4', n: 8 },
    ];
    for (const chunks of chunkings(stream)) {
      const scanner = new RealtimeScanner();
      const found: Array<{ kind: string; n: number; at: number }> = [];
      let offset = 0;
      for (const chunk of chunks) {
        for (const rt of scanner.push(chunk)) found.push({ kind: rt.kind, n: rt.n, at: offset + rt.end });
        offset += chunk.length;
      }
      expect(found.map(({ kind, n }) => ({ kind, n }))).toEqual(expected);
      expect(found.map((f) => f.at)).toEqual([11, 15, 19]);
    }
  });
});
