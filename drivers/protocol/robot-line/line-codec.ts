/**
 * HRL/1 lines to and from text (docs/robot-protocol.md §2 – §5). Pure: no I/O. Encoding always appends the
 * optional checksum `*HH` (§2.3: XOR of every byte before the `*`, two upper-case hex digits) and `\n`;
 * parsing accepts a line with or without it, and refuses one whose checksum does not match.
 */
import { FAULT_CODES, MAX_SEQ, NO_POINT, POINT_ID, VERBS, type RobotFaultCode } from './constants';
import type { RobotCommand, RobotEvent, RobotFrame } from './frames';

export function checksum(text: string): string {
  let x = 0;
  for (let i = 0; i < text.length; i++) x ^= text.charCodeAt(i) & 0xff;
  return x.toString(16).toUpperCase().padStart(2, '0');
}

function ascii(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) throw new RangeError(`HRL/1 lines are printable ASCII; got code ${c} in ${JSON.stringify(text)}`);
    out[i] = c;
  }
  return out;
}

/** One line as sent: the text, `*HH` (unless `withChecksum` is false, as a person types it), `\n`. */
export function encodeLine(text: string, withChecksum = true): Uint8Array {
  const body = ascii(withChecksum ? `${text}*${checksum(text)}` : text);
  const out = new Uint8Array(body.length + 1);
  out.set(body);
  out[body.length] = 0x0a;
  return out;
}

function checkPoint(point: string): string {
  if (!POINT_ID.test(point)) throw new RangeError(`not an HRL/1 point id (letters, digits, _ . -, at most 32): ${JSON.stringify(point)}`);
  return point;
}

function checkSeq(seq: number): number {
  if (!Number.isInteger(seq) || seq < 0 || seq > MAX_SEQ) throw new RangeError(`a sequence tag is 0 … ${MAX_SEQ}; got ${seq}`);
  return seq;
}

/** 12.5 → "12.5": metres with one decimal (§4.1). */
const metres = (m: number): string => (Math.round(m * 10) / 10 + 0).toFixed(1);

export function commandText(seq: number, command: RobotCommand): string {
  const tail = command.verb === 'GOTO' ? ` ${checkPoint(command.point)}` : '';
  return `#${checkSeq(seq)} ${command.verb}${tail}`;
}

export function okText(seq: number, fields: Readonly<Record<string, string | number>> = {}): string {
  const parts = Object.entries(fields).map(([k, v]) => `${k}=${v}`);
  return [`#${checkSeq(seq)} OK`, ...parts].join(' ');
}

export function errText(seq: number, code: string, text = ''): string {
  return `#${checkSeq(seq)} ERR ${code}${text ? ` ${text}` : ''}`;
}

export function eventText(event: RobotEvent): string {
  switch (event.name) {
    case 'POS':
      return `! POS ${event.floor} ${metres(event.xM)} ${metres(event.yM)} ${event.point === undefined ? NO_POINT : checkPoint(event.point)}`;
    case 'ARRIVED':
      return `! ARRIVED ${checkPoint(event.point)}`;
    case 'BATTERY':
      return `! BATTERY ${Math.max(0, Math.min(100, Math.round(event.percent)))} ${event.low ? 'LOW' : 'OK'}`;
    case 'STOPPED':
      return `! STOPPED ${event.point === undefined ? NO_POINT : checkPoint(event.point)}`;
    case 'FAULT':
      return `! FAULT ${event.code}`;
    default:
      return `! ${event.name}`;
  }
}

export const encodeCommand = (seq: number, command: RobotCommand): Uint8Array => encodeLine(commandText(seq, command));
export const encodeEvent = (event: RobotEvent): Uint8Array => encodeLine(eventText(event));

const SEQ = /^#(\d{1,4})$/u;
const INT = /^-?\d{1,3}$/u;
const NUM = /^-?\d{1,5}(\.\d{1,3})?$/u;

function parseCommand(seq: number, verb: string, args: string[]): RobotFrame {
  const upper = verb.toUpperCase();
  if (!(VERBS as readonly string[]).includes(upper)) return { type: 'refused', seq, code: 'BADCMD', text: `unknown command ${verb}` };
  if (upper === 'GOTO') {
    if (args.length !== 1 || !POINT_ID.test(args[0]!)) return { type: 'refused', seq, code: 'BADARG', text: 'GOTO takes one point id' };
    return { type: 'command', seq, command: { verb: 'GOTO', point: args[0]! } };
  }
  if (args.length > 0) return { type: 'refused', seq, code: 'BADARG', text: `${upper} takes no arguments` };
  return { type: 'command', seq, command: { verb: upper } as RobotCommand };
}

const optionalPoint = (token: string): string | undefined => (token === NO_POINT ? undefined : token);

function parseEvent(name: string, args: string[]): RobotEvent | null {
  const point = args[0];
  const pointOk = point !== undefined && (POINT_ID.test(point) || point === NO_POINT);
  switch (name) {
    case 'POS': {
      const [floor, x, y, at] = args;
      if (args.length !== 4 || !INT.test(floor!) || !NUM.test(x!) || !NUM.test(y!) || !pointOk) return null;
      const event: RobotEvent = { name: 'POS', floor: Number(floor), xM: Number(x), yM: Number(y) };
      const p = optionalPoint(at!);
      return p === undefined ? event : { ...event, point: p };
    }
    case 'ARRIVED':
      return args.length === 1 && point !== NO_POINT && pointOk ? { name: 'ARRIVED', point: point! } : null;
    case 'STOPPED': {
      if (args.length !== 1 || !pointOk) return null;
      const p = optionalPoint(point!);
      return p === undefined ? { name: 'STOPPED' } : { name: 'STOPPED', point: p };
    }
    case 'BATTERY': {
      const [pct, state] = args;
      if (args.length !== 2 || !/^\d{1,3}$/u.test(pct!) || Number(pct) > 100 || (state !== 'LOW' && state !== 'OK')) return null;
      return { name: 'BATTERY', percent: Number(pct), low: state === 'LOW' };
    }
    case 'FAULT':
      return args.length === 1 && (FAULT_CODES as readonly string[]).includes(point!) ? { name: 'FAULT', code: point as RobotFaultCode } : null;
    case 'BLOCKED':
    case 'CLEAR':
    case 'DOCKED':
    case 'READY':
      return { name };
    default:
      return null;
  }
}

/** KEY=value tokens; a token without `=` stands as KEY with an empty value. */
function fieldsOf(tokens: string[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const t of tokens) {
    const at = t.indexOf('=');
    if (at < 0) fields[t] = '';
    else fields[t.slice(0, at)] = t.slice(at + 1);
  }
  return fields;
}

/** One line without its terminator (§2); `length` counts its bytes for garbage reports. */
export function parseLine(raw: string): RobotFrame {
  const length = raw.length;
  let text = raw;
  const sum = /\*([0-9A-Fa-f]{2})$/u.exec(text);
  if (sum) {
    text = text.slice(0, -3);
    if (checksum(text) !== sum[1]!.toUpperCase()) {
      const tag = SEQ.exec(text.trim().split(/ +/u)[0] ?? '');
      return tag ? { type: 'garbage', reason: 'checksum', length, seq: Number(tag[1]) } : { type: 'garbage', reason: 'checksum', length };
    }
  }
  const tokens = text.trim().split(/ +/u);
  const [head, second, ...rest] = tokens;
  if (head === '!' && second !== undefined) {
    const event = parseEvent(second, rest);
    return event ? { type: 'event', event } : { type: 'garbage', reason: 'unknownEvent', length };
  }
  const tag = SEQ.exec(head ?? '');
  if (!tag || second === undefined) return { type: 'garbage', reason: 'unreadable', length };
  const seq = Number(tag[1]);
  if (seq > MAX_SEQ) return { type: 'garbage', reason: 'unreadable', length };
  if (second === 'OK') return { type: 'ok', seq, fields: fieldsOf(rest) };
  if (second === 'ERR') {
    const [code, ...words] = rest;
    if (code === undefined) return { type: 'garbage', reason: 'unreadable', length };
    return { type: 'err', seq, code, text: words.join(' ') };
  }
  return parseCommand(seq, second, rest);
}
