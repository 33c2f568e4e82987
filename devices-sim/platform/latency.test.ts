import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../seeded-random';
import { DEFAULT_LATENCY_MS, drawLatencyMs } from './latency';

describe('the platform latency (issue 14 item 8: 300–800 ms by default)', () => {
  const draws = (seed: number, n: number): number[] => {
    const rng = new SeededRandom(seed);
    return Array.from({ length: n }, () => drawLatencyMs(rng, DEFAULT_LATENCY_MS));
  };

  it('stays within the bounds and spreads over the whole range', () => {
    const sample = draws(7, 2000);
    expect(Math.min(...sample)).toBeGreaterThanOrEqual(300);
    expect(Math.max(...sample)).toBeLessThanOrEqual(800);
    // Uniform: both ends are reached closely, and each fifth of the range gets its share.
    expect(Math.min(...sample)).toBeLessThan(310);
    expect(Math.max(...sample)).toBeGreaterThan(790);
    const fifths = [0, 0, 0, 0, 0];
    for (const ms of sample) fifths[Math.min(4, Math.floor((ms - 300) / 100))]! += 1;
    for (const count of fifths) expect(count).toBeGreaterThan(300);
    const mean = sample.reduce((a, b) => a + b, 0) / sample.length;
    expect(mean).toBeGreaterThan(530);
    expect(mean).toBeLessThan(570);
  });

  it('is the same for the same seed and differs for another', () => {
    expect(draws(3, 50)).toEqual(draws(3, 50));
    expect(draws(3, 50)).not.toEqual(draws(4, 50));
  });

  it('a fixed delay is that delay, and [0, 0] answers at once', () => {
    const rng = new SeededRandom(1);
    expect(drawLatencyMs(rng, [450, 450])).toBe(450);
    expect(drawLatencyMs(rng, [0, 0])).toBe(0);
  });
});
