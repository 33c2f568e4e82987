import { describe, expect, it } from 'vitest';
import * as C from './constants';
import { COMMAND_TABLE, commandPayload, encodeCommand, parseCommand, type ZfmCommand } from './commands';
import { COMMANDS, COMMANDS_CONSTRUCTED, hex } from './fixtures';
import { ZfmEncodeError } from './packet';

const ALL = [...COMMANDS, ...COMMANDS_CONSTRUCTED];

describe('encodeCommand (protocols.md §3.2)', () => {
  it.each(ALL)('$name encodes to the golden frame', ({ command, frame }) => {
    expect(encodeCommand(command)).toEqual(frame);
  });

  it('covers every instruction the brief lists: GenImg … ReadSysPara', () => {
    const ops = new Set(ALL.map((c) => c.command.op));
    for (const op of ['genImg', 'img2Tz', 'match', 'search', 'regModel', 'store', 'loadChar', 'upChar', 'downChar', 'upImage', 'vfyPwd', 'readSysPara']) {
      expect(ops.has(op as ZfmCommand['op'])).toBe(true);
    }
  });

  it('puts parameters big-endian: buffer 2, start 0102, count 03E8', () => {
    expect(commandPayload({ op: 'search', buffer: 2, start: 0x0102, count: 1000 })).toEqual(hex('04 02 01 02 03 E8'));
    expect(encodeCommand({ op: 'img2Tz', buffer: 2 }, 0x00000001)).toEqual(hex('EF 01 00 00 00 01 01 00 04 02 02 00 09'));
  });

  it('refuses parameters out of range instead of sending a wrong frame', () => {
    const bad: unknown[] = [
      { op: 'img2Tz', buffer: 3 },
      { op: 'img2Tz', buffer: 0 },
      { op: 'store', buffer: 1, page: 0x10000 },
      { op: 'store', buffer: 1, page: -1 },
      { op: 'search', buffer: 1, start: 0, count: 1.5 },
      { op: 'readIndexTable', indexPage: 4 },
      { op: 'vfyPwd', password: 2 ** 32 },
      { op: 'setSysPara', register: 7, value: 1 },
      { op: 'upChar' },
    ];
    for (const command of bad) expect(() => encodeCommand(command as ZfmCommand)).toThrow(ZfmEncodeError);
  });
});

describe('parseCommand (simulator side, §3.2)', () => {
  it.each(ALL)('$name parses back from its payload', ({ command, frame }) => {
    expect(parseCommand(frame.subarray(C.PREFIX_BYTES, frame.length - 2))).toEqual({ type: 'command', command });
  });

  it('round-trips every op of the table', () => {
    for (const op of Object.keys(COMMAND_TABLE) as ZfmCommand['op'][]) {
      const command = { op, buffer: 2, start: 7, count: 9, page: 300, password: 0xdeadbeef, indexPage: 3, register: 5, value: 3 };
      const payload = commandPayload(command as ZfmCommand);
      const parsed = parseCommand(payload);
      expect(parsed.type).toBe('command');
      if (parsed.type === 'command') expect(commandPayload(parsed.command)).toEqual(payload);
    }
  });

  it('names unknown instructions and wrong parameters without throwing', () => {
    expect(parseCommand(hex('35 01 80 02 00'))).toEqual({ type: 'unknownInstruction', instruction: C.INS_AURA_LED_CONFIG });
    expect(parseCommand(new Uint8Array(0))).toEqual({ type: 'unknownInstruction', instruction: -1 });
    expect(parseCommand(hex('02'))).toMatchObject({ type: 'badParameters', op: 'img2Tz' });
    expect(parseCommand(hex('02 01 00'))).toMatchObject({ type: 'badParameters', op: 'img2Tz' });
    expect(parseCommand(hex('02 03'))).toMatchObject({ type: 'badParameters', op: 'img2Tz', reason: 'buffer 3 is outside 1–2' });
    expect(parseCommand(hex('17 01'))).toMatchObject({ type: 'badParameters', op: 'handShake' });
  });
});
