import { describe, expect, it } from 'vitest';
import { WedgeBurstDetector, type WedgeDecision, type WedgeKey } from './wedge-burst';

/** Keys `gapMs` apart from t = 1000; "⏎" is Enter, "⇧" a Shift keydown. */
function keys(text: string, gapMs: number, start = 1000): WedgeKey[] {
  return [...text].map((ch, i) => ({ key: ch === '⏎' ? 'Enter' : ch === '⇧' ? 'Shift' : ch, timeStamp: start + i * gapMs }));
}

function run(detector: WedgeBurstDetector, events: WedgeKey[]): { scans: string[]; typed: string; passed: string[]; decisions: WedgeDecision[] } {
  const scans: string[] = [];
  const passed: string[] = [];
  let typed = '';
  const decisions = events.map((e) => {
    const d = detector.push(e);
    typed += d.release;
    if (d.scan !== undefined) scans.push(d.scan);
    if (d.action === 'pass') passed.push(e.key);
    return d;
  });
  return { scans, typed, passed, decisions };
}

describe('WedgeBurstDetector', () => {
  it('a scanner burst (5 ms apart) ended by Enter is a scan; every key of it is swallowed', () => {
    const r = run(new WedgeBurstDetector(), keys('YY20261123A0042⏎', 5));
    expect(r.scans).toEqual(['YY20261123A0042']);
    expect(r.typed).toBe('');
    expect(r.passed).toEqual([]);
  });

  it('a person typing (120 ms apart) is no scan: each character is given back, Enter goes through', () => {
    const d = new WedgeBurstDetector();
    const r = run(d, keys('A0042⏎', 120));
    expect(r.scans).toEqual([]);
    expect(r.typed + d.flush()).toBe('A0042');
    expect(r.passed).toEqual(['Enter']);
  });

  it('exactly at the gap still counts; one millisecond over breaks the burst', () => {
    expect(run(new WedgeBurstDetector({ maxGapMs: 30 }), keys('ABCDEF⏎', 30)).scans).toEqual(['ABCDEF']);
    const over = run(new WedgeBurstDetector({ maxGapMs: 30 }), keys('ABCDEF⏎', 31));
    expect(over.scans).toEqual([]);
    expect(over.typed).toBe('ABCDEF');
  });

  it('too short a burst is typing (a fast pair of keys, then Enter)', () => {
    const r = run(new WedgeBurstDetector({ minLength: 6 }), keys('12345⏎', 5));
    expect(r.scans).toEqual([]);
    expect(r.typed).toBe('12345');
    expect(r.passed).toEqual(['Enter']);
  });

  it('typing then a scan: the typed part is released when the burst starts, the scan is only the burst', () => {
    const typing = keys('ab', 150, 0);
    const scan = keys('A0042XYZ⏎', 4, 1000);
    const r = run(new WedgeBurstDetector(), [...typing, ...scan]);
    expect(r.typed).toBe('ab');
    expect(r.scans).toEqual(['A0042XYZ']);
  });

  it('ignores Shift keydowns for timing and reads Shift + a lowercase key as the capital', () => {
    const events: WedgeKey[] = [
      { key: 'Shift', timeStamp: 0 },
      { key: 'y', shiftKey: true, timeStamp: 3 },
      { key: 'Shift', timeStamp: 20 },
      { key: 'Y', shiftKey: true, timeStamp: 30 },
      ...keys('202611', 5, 35),
      { key: 'Enter', timeStamp: 70 },
    ];
    const r = run(new WedgeBurstDetector(), events);
    expect(r.scans).toEqual(['YY202611']);
    expect(r.passed).toEqual(['Shift', 'Shift']);
  });

  it('another key (Backspace, an arrow), a Ctrl chord, an IME or a repeat breaks a burst and gives the held characters back', () => {
    for (const breaker of [{ key: 'Backspace' }, { key: 'ArrowLeft' }, { key: 'v', ctrlKey: true }, { key: 'a', isComposing: true }, { key: 'a', repeat: true }]) {
      const d = new WedgeBurstDetector();
      const r = run(d, [...keys('ABC', 5), { ...breaker, timeStamp: 20 }, ...keys('DEF⏎', 5, 25)]);
      expect(r.scans, breaker.key).toEqual([]);
      expect(r.typed, breaker.key).toBe('ABCDEF');
      expect(r.passed, breaker.key).toEqual([breaker.key, 'Enter']);
    }
  });

  it('flush() gives back what is held (the caller\'s timer: no key came in time)', () => {
    const d = new WedgeBurstDetector();
    run(d, keys('A00', 5));
    expect(d.holding).toBe(3);
    expect(d.flush()).toBe('A00');
    expect(d.holding).toBe(0);
    expect(run(d, keys('⏎', 5, 2000)).passed).toEqual(['Enter']);
  });

  it('takes Chinese and other single characters a wedge may type, and lets a stuck key go past maxLength', () => {
    expect(run(new WedgeBurstDetector({ minLength: 2 }), keys('预约号𠀀⏎', 5)).scans).toEqual(['预约号𠀀']);
    const d = new WedgeBurstDetector({ maxLength: 10 });
    const r = run(d, keys('x'.repeat(15), 2));
    expect(r.typed + d.flush()).toBe('x'.repeat(15));
  });
});
