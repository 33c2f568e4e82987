/**
 * HLB/1 frames to and from bytes (docs/locker-protocol.md §2, §3). Pure: no I/O. A frame is header, board
 * address, command, lock, data length, data, and the BCC: the XOR of every byte before it (§2.2). The
 * request and reply readers check lengths and ranges the way a board's firmware would; what the codec cannot
 * know (how many locks a board has) is the board's to refuse.
 */
import * as C from './constants';
import type { LockerReply, LockerRequest, LockState, OpenResult, RawFrame } from './frames';

export function bcc(bytes: Uint8Array, end = bytes.length): number {
  let x = 0;
  for (let i = 0; i < end; i++) x ^= bytes[i]!;
  return x;
}

function byte(name: string, value: number, min = 0, max = 0xff): number {
  if (!Number.isInteger(value) || value < min || value > max) throw new RangeError(`${name} must be ${min} … ${max}; got ${value}`);
  return value;
}

export function encodeFrame(frame: RawFrame): Uint8Array {
  if (frame.data.length > C.MAX_DATA_BYTES) throw new RangeError(`at most ${C.MAX_DATA_BYTES} data bytes; got ${frame.data.length}`);
  const out = new Uint8Array(C.FRAME_OVERHEAD + frame.data.length);
  out[0] = frame.direction === 'request' ? C.HEADER_REQUEST : C.HEADER_REPLY;
  out[1] = byte('address', frame.address, C.MIN_ADDRESS, C.MAX_ADDRESS);
  out[2] = byte('command', frame.command);
  out[3] = byte('lock', frame.lock, 0, C.MAX_LOCKS_PER_BOARD);
  out[4] = frame.data.length;
  out.set(frame.data, 5);
  out[out.length - 1] = bcc(out, out.length - 1);
  return out;
}

const REQUEST_BYTE: Readonly<Record<LockerRequest['cmd'], number>> = {
  status: C.CMD.STATUS,
  open: C.CMD.OPEN,
  readLock: C.CMD.READ_LOCK,
  light: C.CMD.LIGHT,
  version: C.CMD.VERSION,
};

export function requestFrame(address: number, request: LockerRequest): RawFrame {
  const command = REQUEST_BYTE[request.cmd];
  switch (request.cmd) {
    case 'status':
    case 'version':
      return { direction: 'request', address, command, lock: C.WHOLE_BOARD, data: new Uint8Array(0) };
    case 'light':
      return { direction: 'request', address, command, lock: byte('lock', request.lock, 1, C.MAX_LOCKS_PER_BOARD), data: Uint8Array.of(C.LIGHT_MODE[request.mode]) };
    default:
      return { direction: 'request', address, command, lock: byte('lock', request.lock, 1, C.MAX_LOCKS_PER_BOARD), data: new Uint8Array(0) };
  }
}

export const encodeRequest = (address: number, request: LockerRequest): Uint8Array => encodeFrame(requestFrame(address, request));

/** §3.1: lock n is bit (n − 1) % 8 of byte ⌊(n − 1) / 8⌋, least significant bit first. */
export function bitmap(locks: number, set: readonly number[]): Uint8Array {
  const out = new Uint8Array(Math.ceil(locks / 8));
  for (const n of set) {
    byte('lock', n, 1, locks);
    out[(n - 1) >> 3]! |= 1 << ((n - 1) & 7);
  }
  return out;
}

export function unbitmap(bytes: Uint8Array, locks: number): number[] {
  const out: number[] = [];
  for (let n = 1; n <= locks; n++) if ((bytes[(n - 1) >> 3]! >> ((n - 1) & 7)) & 1) out.push(n);
  return out;
}

const RESULT_BYTE: Readonly<Record<OpenResult, number>> = { opened: C.OPEN_RESULT.OPENED, stillClosed: C.OPEN_RESULT.STILL_CLOSED, coilFault: C.OPEN_RESULT.COIL_FAULT };
const ascii = (text: string): number[] =>
  Array.from(text, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20 || code > 0x7e) throw new RangeError(`printable ASCII only: ${JSON.stringify(text)}`);
    return code;
  });
const bit = (v: boolean): number => (v ? 1 : 0);

export function replyFrame(address: number, reply: LockerReply): RawFrame {
  const frame = (command: number, lock: number, data: number[] | Uint8Array): RawFrame => ({ direction: 'reply', address, command, lock, data: Uint8Array.from(data) });
  switch (reply.cmd) {
    case 'status': {
      byte('locks', reply.locks, 1, C.MAX_LOCKS_PER_BOARD);
      return frame(C.CMD.STATUS, C.WHOLE_BOARD, [reply.locks, ...bitmap(reply.locks, reply.doorsOpen), ...bitmap(reply.locks, reply.occupied), ...bitmap(reply.locks, reply.faults)]);
    }
    case 'open':
      return frame(C.CMD.OPEN, reply.lock, [RESULT_BYTE[reply.result], bit(reply.doorOpen)]);
    case 'readLock':
      return frame(C.CMD.READ_LOCK, reply.lock, [bit(reply.doorOpen), bit(reply.occupied), bit(reply.fault)]);
    case 'light':
      return frame(C.CMD.LIGHT, reply.lock, []);
    case 'version': {
      const [major, minor] = reply.firmware.split('.').map(Number);
      return frame(C.CMD.VERSION, C.WHOLE_BOARD, [reply.protocol, reply.locks, byte('firmware major', major ?? NaN), byte('firmware minor', minor ?? 0), ...ascii(reply.model)]);
    }
    case 'error':
      return frame(reply.command | C.ERROR_FLAG, reply.lock, [reply.code]);
  }
}

export const encodeReply = (address: number, reply: LockerReply): Uint8Array => encodeFrame(replyFrame(address, reply));

/** An error reply to `frame` with the named code (§3.6). */
export const errorReply = (frame: RawFrame, error: C.BoardErrorName): LockerReply => ({ cmd: 'error', command: frame.command, lock: frame.lock, error, code: C.ERROR_CODE[error] });

export type RequestReading = { ok: true; request: LockerRequest } | { ok: false; error: C.BoardErrorName };

/** A request frame as a board reads it (§3): unknown commands, lock 0 where a lock is needed, bad data refused. */
export function parseRequest(frame: RawFrame): RequestReading {
  const { command, lock, data } = frame;
  const wholeBoard = command === C.CMD.STATUS || command === C.CMD.VERSION;
  const known = (Object.values(C.CMD) as number[]).includes(command);
  if (!known) return { ok: false, error: 'UNKNOWN_COMMAND' };
  if (wholeBoard ? lock !== C.WHOLE_BOARD : lock === C.WHOLE_BOARD) return { ok: false, error: 'BAD_LOCK' };
  if (command === C.CMD.LIGHT) {
    const mode = (Object.keys(C.LIGHT_MODE) as C.LightMode[]).find((m) => C.LIGHT_MODE[m] === data[0]);
    if (data.length !== 1 || mode === undefined) return { ok: false, error: 'BAD_DATA' };
    return { ok: true, request: { cmd: 'light', lock, mode } };
  }
  if (data.length !== 0) return { ok: false, error: 'BAD_DATA' };
  if (command === C.CMD.STATUS) return { ok: true, request: { cmd: 'status' } };
  if (command === C.CMD.VERSION) return { ok: true, request: { cmd: 'version' } };
  return { ok: true, request: { cmd: command === C.CMD.OPEN ? 'open' : 'readLock', lock } };
}

const flag = (v: number | undefined): boolean | undefined => (v === 0 ? false : v === 1 ? true : undefined);
const RESULTS = new Map<number, OpenResult>(Object.entries(RESULT_BYTE).map(([k, v]) => [v, k as OpenResult]));
const ERROR_NAMES = new Map<number, C.BoardErrorName>(Object.entries(C.ERROR_CODE).map(([k, v]) => [v, k as C.BoardErrorName]));

function lockState(data: Uint8Array): LockState | null {
  const [door, item, fault] = [flag(data[0]), flag(data[1]), flag(data[2])];
  if (data.length !== 3 || door === undefined || item === undefined || fault === undefined) return null;
  return { doorOpen: door, occupied: item, fault };
}

/** A reply frame as the host reads it (§3); null for one whose form is wrong (counted and dropped). */
export function parseReply(frame: RawFrame): LockerReply | null {
  const { command, lock, data } = frame;
  if (command & C.ERROR_FLAG) {
    if (data.length !== 1) return null;
    return { cmd: 'error', command: command & ~C.ERROR_FLAG, lock, error: ERROR_NAMES.get(data[0]!) ?? 'unknown', code: data[0]! };
  }
  switch (command) {
    case C.CMD.STATUS: {
      const locks = data[0] ?? 0;
      const k = Math.ceil(locks / 8);
      if (lock !== C.WHOLE_BOARD || locks < 1 || locks > C.MAX_LOCKS_PER_BOARD || data.length !== 1 + 3 * k) return null;
      const part = (i: number): number[] => unbitmap(data.subarray(1 + i * k, 1 + (i + 1) * k), locks);
      return { cmd: 'status', locks, doorsOpen: part(0), occupied: part(1), faults: part(2) };
    }
    case C.CMD.OPEN: {
      const result = RESULTS.get(data[0] ?? -1);
      const door = flag(data[1]);
      if (data.length !== 2 || result === undefined || door === undefined || lock === C.WHOLE_BOARD) return null;
      return { cmd: 'open', lock, result, doorOpen: door };
    }
    case C.CMD.READ_LOCK: {
      const state = lockState(data);
      return state && lock !== C.WHOLE_BOARD ? { cmd: 'readLock', lock, ...state } : null;
    }
    case C.CMD.LIGHT:
      return data.length === 0 && lock !== C.WHOLE_BOARD ? { cmd: 'light', lock } : null;
    case C.CMD.VERSION: {
      if (data.length < 4 || lock !== C.WHOLE_BOARD) return null;
      const model = data.subarray(4);
      if (model.some((b) => b < 0x20 || b > 0x7e)) return null;
      return { cmd: 'version', protocol: data[0]!, locks: data[1]!, firmware: `${data[2]}.${data[3]}`, model: String.fromCharCode(...model) };
    }
    default:
      return null;
  }
}
