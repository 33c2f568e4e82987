import { describe, expect, it } from 'vitest';
import { parseSerialSimArgs } from './serial-sim-args';

describe('parseSerialSimArgs', () => {
  it('reads the documented flags with their defaults', () => {
    expect(parseSerialSimArgs(['--path', '/dev/pts/4'])).toEqual({
      driver: 'escpos',
      path: '/dev/pts/4',
      model: 'generic-escpos-80',
      id: 'ticket-printer',
      lineMs: undefined,
      controlPort: 0,
      baudRate: 115200,
      paper: 'full',
      card: undefined,
    });
    expect(parseSerialSimArgs(['--path', '/dev/pts/4', '--model', 'cashino-kp628e', '--line-ms', '0', '--control-port', '8123', '--paper', 'low'])).toMatchObject({
      model: 'cashino-kp628e',
      lineMs: 0,
      controlPort: 8123,
      paper: 'low',
    });
  });

  it('takes the ID-card reader with its own defaults and a fixture card', () => {
    expect(parseSerialSimArgs(['--driver', 'ga467', '--path', '/dev/pts/5', '--card', 'over70'])).toMatchObject({
      driver: 'ga467',
      id: 'id-card-reader',
      model: 'generic-ga467',
      baudRate: 115200,
      card: 'over70',
    });
  });

  it.each([
    [[], /--path/],
    [['--driver', 'laser', '--path', 'x'], /--driver/],
    [['--driver', 'ga467', '--path', 'x', '--paper', 'low'], /--paper is for --driver escpos/],
    [['--path', 'x', '--card', 'over70'], /--card is for --driver ga467/],
    [['--driver', 'ga467', '--path', 'x', '--card', 'nobody'], /--card must be one of/],
    [['--path', 'x', '--line-ms', '-1'], /--line-ms/],
    [['--path', 'x', '--control-port', '70000'], /--control-port/],
    [['--path', 'x', '--paper', 'torn'], /--paper/],
    [['--path', 'x', '--bogus'], /bogus/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseSerialSimArgs(argv)).toThrow(message);
  });
});
