import { describe, expect, it } from 'vitest';
import { BAD_LINES, COMMAND_LINES, EVENT_LINES, REPLY_LINES, chunkings, wire } from './fixtures';
import type { RobotFrame } from './frames';
import { checksum, commandText, encodeCommand, encodeEvent, encodeLine, errText, eventText, okText, parseLine } from './line-codec';
import { RobotLineDecoder } from './line-decoder';
import { parseStatusFields, statusFields } from './status-fields';

const text = (bytes: Uint8Array): string => String.fromCharCode(...bytes);
const decodeAll = (chunks: Uint8Array[]): RobotFrame[] => {
  const decoder = new RobotLineDecoder();
  return chunks.flatMap((c) => decoder.push(c));
};

describe('HRL/1 lines (docs/robot-protocol.md §2 – §4)', () => {
  it('encodes the golden commands and events with their checksums and LF', () => {
    for (const { line, frame } of COMMAND_LINES) {
      if (frame.type !== 'command') throw new Error('fixture');
      expect(text(encodeCommand(frame.seq, frame.command))).toBe(`${line}\n`);
    }
    for (const { line, frame } of EVENT_LINES) {
      if (frame.type !== 'event') throw new Error('fixture');
      expect(text(encodeEvent(frame.event))).toBe(`${line}\n`);
    }
  });

  it('encodes the golden replies', () => {
    for (const { line, frame } of REPLY_LINES) {
      const body = frame.type === 'ok' ? okText(frame.seq, frame.fields) : frame.type === 'err' ? errText(frame.seq, frame.code, frame.text) : '';
      expect(text(encodeLine(body))).toBe(`${line}\n`);
    }
  });

  it('parses every golden line, and the same lines without their checksum', () => {
    for (const { line, frame } of [...COMMAND_LINES, ...REPLY_LINES, ...EVENT_LINES, ...BAD_LINES]) {
      expect(parseLine(line)).toEqual(frame);
      const bare = line.replace(/\*[0-9A-F]{2}$/u, '');
      if (frame.type !== 'garbage') expect(parseLine(bare)).toEqual(frame);
    }
  });

  it('computes the XOR checksum as NMEA does', () => {
    expect(checksum('#1 HELLO')).toBe('70');
    expect(checksum('')).toBe('00');
  });

  it('takes lower-case verbs typed by hand, and several spaces', () => {
    expect(parseLine('#7 goto  A3')).toEqual({ type: 'command', seq: 7, command: { verb: 'GOTO', point: 'A3' } });
  });

  it('refuses to encode what the protocol cannot carry', () => {
    expect(() => commandText(1, { verb: 'GOTO', point: 'A 3' })).toThrow(RangeError);
    expect(() => commandText(10_000, { verb: 'STATUS' })).toThrow(RangeError);
    expect(() => eventText({ name: 'ARRIVED', point: '窗口' })).toThrow(RangeError);
    expect(() => encodeLine('#1 OK 窗口')).toThrow(RangeError);
  });

  it('rounds positions to one decimal and clamps battery percentages', () => {
    expect(eventText({ name: 'POS', floor: -1, xM: 3.14159, yM: -0.01 })).toBe('! POS -1 3.1 0.0 -');
    expect(eventText({ name: 'BATTERY', percent: 104.2, low: false })).toBe('! BATTERY 100 OK');
  });
});

describe('RobotLineDecoder', () => {
  const stream = wire([...REPLY_LINES, ...EVENT_LINES]);
  const expected = [...REPLY_LINES, ...EVENT_LINES].map((l) => l.frame);

  it('gives the golden frames from the stream whole, split at every offset, and byte by byte', () => {
    for (const chunks of chunkings(stream)) expect(decodeAll(chunks)).toEqual(expected);
  });

  it('accepts CR LF and a lone CR, and skips empty lines', () => {
    const crlf = Uint8Array.from('\r\n#13 OK*05\r\n\r\n! CLEAR\r', (c) => c.charCodeAt(0));
    for (const chunks of chunkings(crlf)) {
      expect(decodeAll(chunks)).toEqual([
        { type: 'ok', seq: 13, fields: {} },
        { type: 'event', event: { name: 'CLEAR' } },
      ]);
    }
  });

  it('drops a line over 128 bytes up to its end, once, and reads the next one', () => {
    const long = Uint8Array.from(`#1 GOTO ${'A'.repeat(200)}\n! READY\n`, (c) => c.charCodeAt(0));
    for (const chunks of chunkings(long)) {
      expect(decodeAll(chunks)).toEqual([
        { type: 'garbage', reason: 'tooLong', length: 208 },
        { type: 'event', event: { name: 'READY' } },
      ]);
    }
  });

  it('reports a line with bytes outside printable ASCII as unreadable', () => {
    expect(decodeAll([Uint8Array.of(0x23, 0x31, 0x20, 0xff, 0x00, 0x0a, 0x21, 0x20, 0x43, 0x4c, 0x45, 0x41, 0x52, 0x0a)])).toEqual([
      { type: 'garbage', reason: 'unreadable', length: 5 },
      { type: 'event', event: { name: 'CLEAR' } },
    ]);
  });

  it('holds a half line until its end, and forgets it on reset', () => {
    const d = new RobotLineDecoder();
    expect(d.push(Uint8Array.from('#13 O', (c) => c.charCodeAt(0)))).toEqual([]);
    expect(d.pendingBytes).toBe(5);
    d.reset();
    expect(d.push(Uint8Array.from('K\n', (c) => c.charCodeAt(0)))).toEqual([{ type: 'garbage', reason: 'unreadable', length: 1 }]);
  });

  it('reads malformed events and replies as garbage, never as frames', () => {
    for (const line of ['! POS 1 x 3.0 A3', '! POS 1 2.0 3.0', '! BATTERY 140 OK', '! BATTERY 40 MAYBE', '! FAULT WOBBLE', '! ARRIVED -', '#12', '#12 ERR', '#99999 OK', '!']) {
      expect(parseLine(line).type).toBe('garbage');
    }
  });
});

describe('STATUS fields (§3.2)', () => {
  it('reads the golden STATUS reply', () => {
    const frame = REPLY_LINES[1]!.frame;
    if (frame.type !== 'ok') throw new Error('fixture');
    expect(parseStatusFields(frame.fields)).toEqual({ batteryPercent: 82, charging: false, docked: true, obstacle: false, moving: false, fault: 'NONE', position: { floor: 1, xM: 2, yM: 1, point: 'dock' } });
  });

  it('writes what it reads, and leaves out what it cannot read', () => {
    const s = { batteryPercent: 61, charging: false, docked: false, obstacle: true, moving: false, fault: 'NONE' as const, position: { floor: 1, xM: 12.5, yM: 3, point: 'c-2' } };
    expect(okText(14, statusFields(s))).toBe(REPLY_LINES[2]!.line.slice(0, -3));
    expect(parseStatusFields(statusFields(s))).toEqual(s);
    expect(parseStatusFields({ BAT: '101', CHG: 'yes', FAULT: 'WOBBLE', POS: '1,2,3', NEW: 'x' })).toEqual({});
    expect(parseStatusFields({ POS: '2,4.0,9.5,-' })).toEqual({ position: { floor: 2, xM: 4, yM: 9.5 } });
  });
});
