import { describe, expect, it } from 'vitest';
import { DEFAULT_MOTION, livePose } from './head-motion';

const closureAt = (ms: number): number => livePose('blink', ms).closure;
const shutSpans = (untilMs: number): Array<[number, number]> => {
  const spans: Array<[number, number]> = [];
  for (let ms = 0; ms <= untilMs; ms += 10) {
    const shut = closureAt(ms) > 0.5;
    const open = spans.at(-1);
    if (shut && (open === undefined || open[1] !== ms - 10)) spans.push([ms, ms]);
    else if (shut && open) open[1] = ms;
  }
  return spans;
};

describe('the simulated citizen', () => {
  it('reacts, blinks, and blinks again after uneven pauses while the screen still asks', () => {
    expect(closureAt(DEFAULT_MOTION.reactionMs - 10)).toBe(0);
    const spans = shutSpans(8000);
    expect(spans.length).toBeGreaterThanOrEqual(5);
    const gaps = spans.slice(1).map((s, i) => s[0] - (spans[i] as [number, number])[0]);
    expect(new Set(gaps).size).toBeGreaterThan(2); // not a metronome
    for (const [from, to] of spans) expect(to - from).toBeLessThan(400); // each blink a blink (Soukupová & Čech)
  });

  it('turns the asked way and back, again while asked; stays neutral when not asked', () => {
    const turns = (prompt: 'turnLeft' | 'turnRight') => [1000, 1100, 5000].map((ms) => livePose(prompt, ms).turn);
    expect(turns('turnLeft').every((t) => t >= 0)).toBe(true);
    expect(turns('turnRight').every((t) => t <= 0)).toBe(true);
    const held = (ms: number) => Math.abs(livePose('turnLeft', ms).turn) === 1;
    const heldTimes = Array.from({ length: 600 }, (_, i) => i * 10).filter(held);
    expect(heldTimes.some((ms) => ms < 1500) && heldTimes.some((ms) => ms > 2500)).toBe(true);
    expect(livePose('neutral', 1000)).toEqual({ turn: 0, closure: 0 });
  });
});
