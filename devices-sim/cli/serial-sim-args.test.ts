import { describe, expect, it } from 'vitest';
import { parseSerialSimArgs } from './serial-sim-args';

describe('parseSerialSimArgs', () => {
  it('reads the documented flags with their defaults', () => {
    expect(parseSerialSimArgs(['--path', '/dev/pts/4'])).toEqual({
      path: '/dev/pts/4',
      model: 'generic-escpos-80',
      id: 'ticket-printer',
      lineMs: undefined,
      controlPort: 0,
      baudRate: 115200,
      paper: 'full',
    });
    expect(parseSerialSimArgs(['--path', '/dev/pts/4', '--model', 'cashino-kp628e', '--line-ms', '0', '--control-port', '8123', '--paper', 'low'])).toMatchObject({
      model: 'cashino-kp628e',
      lineMs: 0,
      controlPort: 8123,
      paper: 'low',
    });
  });

  it.each([
    [[], /--path/],
    [['--path', 'x', '--line-ms', '-1'], /--line-ms/],
    [['--path', 'x', '--control-port', '70000'], /--control-port/],
    [['--path', 'x', '--paper', 'torn'], /--paper/],
    [['--path', 'x', '--bogus'], /bogus/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseSerialSimArgs(argv)).toThrow(message);
  });
});
