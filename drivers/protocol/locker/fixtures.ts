/**
 * Golden HLB/1 frames, exactly as docs/locker-protocol.md prints them (BCCs worked out apart from
 * frame-codec.ts), with what each says. Shared by the codec tests, the simulator's and the driver's
 * (ARCHITECTURE.md §4: a bug shared by both sides cannot hide behind them).
 */
import type { LockerReply, LockerRequest } from './frames';

export interface GoldenRequest {
  hex: string;
  address: number;
  request: LockerRequest;
}

export interface GoldenReply {
  hex: string;
  address: number;
  reply: LockerReply;
}

/** Host → board (§3). */
export const REQUESTS: readonly GoldenRequest[] = [
  { hex: '8A 01 30 00 00 BB', address: 1, request: { cmd: 'status' } },
  { hex: '8A 02 30 00 00 B8', address: 2, request: { cmd: 'status' } },
  { hex: '8A 01 31 05 00 BF', address: 1, request: { cmd: 'open', lock: 5 } },
  { hex: '8A 02 31 0C 00 B5', address: 2, request: { cmd: 'open', lock: 12 } },
  { hex: '8A 01 32 05 00 BC', address: 1, request: { cmd: 'readLock', lock: 5 } },
  { hex: '8A 01 33 05 01 02 BE', address: 1, request: { cmd: 'light', lock: 5, mode: 'blink' } },
  { hex: '8A 01 33 05 01 00 BC', address: 1, request: { cmd: 'light', lock: 5, mode: 'off' } },
  { hex: '8A 01 34 00 00 BF', address: 1, request: { cmd: 'version' } },
];

/** Board → host (§3). */
export const REPLIES: readonly GoldenReply[] = [
  { hex: '8B 01 30 00 07 0C 00 00 00 00 00 00 B1', address: 1, reply: { cmd: 'status', locks: 12, doorsOpen: [], occupied: [], faults: [] } },
  { hex: '8B 01 30 00 07 0C 10 00 12 01 00 00 B2', address: 1, reply: { cmd: 'status', locks: 12, doorsOpen: [5], occupied: [2, 5, 9], faults: [] } },
  { hex: '8B 01 30 00 07 0C 00 00 00 00 40 00 F1', address: 1, reply: { cmd: 'status', locks: 12, doorsOpen: [], occupied: [], faults: [7] } },
  { hex: '8B 02 30 00 07 0C 00 00 00 00 00 00 B2', address: 2, reply: { cmd: 'status', locks: 12, doorsOpen: [], occupied: [], faults: [] } },
  { hex: '8B 01 31 05 02 00 01 BD', address: 1, reply: { cmd: 'open', lock: 5, result: 'opened', doorOpen: true } },
  { hex: '8B 02 31 0C 02 00 01 B7', address: 2, reply: { cmd: 'open', lock: 12, result: 'opened', doorOpen: true } },
  { hex: '8B 01 31 07 02 01 00 BF', address: 1, reply: { cmd: 'open', lock: 7, result: 'stillClosed', doorOpen: false } },
  { hex: '8B 01 31 08 02 02 00 B3', address: 1, reply: { cmd: 'open', lock: 8, result: 'coilFault', doorOpen: false } },
  { hex: '8B 01 32 05 03 01 01 00 BE', address: 1, reply: { cmd: 'readLock', lock: 5, doorOpen: true, occupied: true, fault: false } },
  { hex: '8B 01 33 05 00 BC', address: 1, reply: { cmd: 'light', lock: 5 } },
  { hex: '8B 01 34 00 0C 01 0C 01 00 53 49 4D 2D 4C 42 31 32 C9', address: 1, reply: { cmd: 'version', protocol: 1, locks: 12, firmware: '1.0', model: 'SIM-LB12' } },
  { hex: '8B 01 B1 0D 01 02 35', address: 1, reply: { cmd: 'error', command: 0x31, lock: 13, error: 'BAD_LOCK', code: 2 } },
  { hex: '8B 01 BF 00 01 01 35', address: 1, reply: { cmd: 'error', command: 0x3f, lock: 0, error: 'UNKNOWN_COMMAND', code: 1 } },
];

/** Requests a board refuses (§3.6), with the error it answers. */
export const REFUSED: ReadonlyArray<{ hex: string; error: 'UNKNOWN_COMMAND' | 'BAD_LOCK' | 'BAD_DATA' }> = [
  { hex: '8A 01 3F 00 00 B4', error: 'UNKNOWN_COMMAND' },
  { hex: '8A 01 31 00 00 BA', error: 'BAD_LOCK' },
  { hex: '8A 01 30 03 00 B8', error: 'BAD_LOCK' },
  { hex: '8A 01 33 05 01 07 BB', error: 'BAD_DATA' },
  { hex: '8A 01 31 05 01 00 BE', error: 'BAD_DATA' },
];

export const bytes = (hex: string): Uint8Array => Uint8Array.from(hex.trim().split(/\s+/u), (h) => parseInt(h, 16));
export const hexOf = (b: Uint8Array): string => Array.from(b, (v) => v.toString(16).toUpperCase().padStart(2, '0')).join(' ');

/** Frames joined as sent, back to back. */
export const wire = (hexes: readonly string[]): Uint8Array => bytes(hexes.join(' '));

export { chunkings } from '../escpos/fixtures';
