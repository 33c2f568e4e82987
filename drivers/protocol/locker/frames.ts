/**
 * What an HLB/1 frame says (docs/locker-protocol.md §2, §3), in both directions: the raw frame as the
 * decoder cuts it from the stream, the host's requests, the boards' replies, and bytes that were not a frame.
 */
import type { BoardErrorName, LightMode } from './constants';

/** A frame with a good BCC, not yet read for its meaning (§2.1). */
export interface RawFrame {
  direction: 'request' | 'reply';
  address: number;
  command: number;
  lock: number;
  data: Uint8Array;
}

export type LockerRequest =
  | { cmd: 'status' }
  | { cmd: 'open'; lock: number }
  | { cmd: 'readLock'; lock: number }
  | { cmd: 'light'; lock: number; mode: LightMode }
  | { cmd: 'version' };

export type OpenResult = 'opened' | 'stillClosed' | 'coilFault';

/** One lock's sensors (§3.3): the door, the compartment's item sensor, a latch that failed to open. */
export interface LockState {
  doorOpen: boolean;
  occupied: boolean;
  fault: boolean;
}

export type LockerReply =
  /** §3.1: locks 1 … `locks`; each list holds the lock numbers whose bit is set. */
  | { cmd: 'status'; locks: number; doorsOpen: number[]; occupied: number[]; faults: number[] }
  | { cmd: 'open'; lock: number; result: OpenResult; doorOpen: boolean }
  | ({ cmd: 'readLock'; lock: number } & LockState)
  | { cmd: 'light'; lock: number }
  | { cmd: 'version'; protocol: number; locks: number; firmware: string; model: string }
  /** §3.6: the board refused the request (`command` is the request's command byte). */
  | { cmd: 'error'; command: number; lock: number; error: BoardErrorName | 'unknown'; code: number };

/** Why bytes were dropped (§2.5). */
export type GarbageReason = 'noHeader' | 'bcc' | 'tooLong';

export type DecodedFrame = { type: 'frame'; frame: RawFrame } | { type: 'garbage'; reason: GarbageReason; length: number };
