import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger';

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, destination };
}

describe('host logger', () => {
  it('namespaces children and masks ID numbers in messages and nested fields', () => {
    const { lines, destination } = capture();
    const log = createLogger({ level: 'info', destination }).child('device').child('reader-1');
    log.info('card read for 520102199001011234', { holder: { id: '52010219900101123X' }, count: 1 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ ns: 'device:reader-1', msg: 'card read for 5201**********1234', holder: { id: '5201**********123X' }, count: 1 });
    expect(JSON.stringify(lines)).not.toContain('19900101');
    expect(JSON.stringify(lines).match(/"ns"/g)).toHaveLength(1);
  });

  it('masks below any depth, in Error objects, long integers, bigints and glued text (§8.7, §8.8)', () => {
    const { lines, destination } = capture();
    const log = createLogger({ level: 'info', destination }).child('reader-520102199001011234');
    const deep = { a: { b: { c: { d: { e: { f: { g: { h: { i: { id: '520102199001011234' } } } } } } } } } };
    const error = Object.assign(new Error('no record for 520102199001011234', { cause: new Error('sfz520102199001011234') }), { holder: '520102199001011234' });
    log.info('looked up sfz520102199001011234', { deep, error, asNumber: 520102900101123, asBigint: 520102199001011234n, count: 2 });
    expect(lines).toHaveLength(1);
    const text = JSON.stringify(lines);
    expect(text).not.toContain('19900101');
    expect(text).not.toContain('90010112');
    expect(lines[0]).toMatchObject({
      ns: 'reader-5201**********1234',
      msg: 'looked up sfz5201**********1234',
      error: { message: 'no record for 5201**********1234', holder: '5201**********1234', cause: { message: 'sfz5201**********1234' } },
      asNumber: '5201*******1123',
      asBigint: '5201**********1234',
      count: 2,
    });
    expect((lines[0]?.error as { stack: string }).stack).toContain('no record for 5201**********1234');
  });

  it('drops levels below the configured one and says so through isEnabled', () => {
    const { lines, destination } = capture();
    const log = createLogger({ level: 'warn', destination });
    log.info('quiet');
    log.warn('loud');
    expect(lines.map((l) => l.msg)).toEqual(['loud']);
    expect(log.isEnabled('trace')).toBe(false);
    expect(log.isEnabled('error')).toBe(true);
  });
});
