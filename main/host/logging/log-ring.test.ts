import { describe, expect, it } from 'vitest';
import { createLogger } from './logger';
import { LogRing } from './log-ring';

describe('LogRing', () => {
  it('keeps the latest whole lines, bounded, already masked by the logger', () => {
    const ring = new LogRing(3);
    const log = createLogger({ level: 'info', destination: ring });
    for (let i = 1; i <= 5; i++) log.info(`line ${i}`, { id: '520102199003071234' });
    const lines = ring.recent().map((l) => JSON.parse(l) as { msg: string; id: string });
    expect(lines.map((l) => l.msg)).toEqual(['line 3', 'line 4', 'line 5']);
    expect(lines.every((l) => !l.id.includes('199003071234'))).toBe(true);
  });

  it('joins a line split across writes', () => {
    const ring = new LogRing();
    ring.write('{"a":');
    ring.write('1}\n{"b":2}\n');
    expect(ring.recent()).toEqual(['{"a":1}', '{"b":2}']);
  });
});
