/**
 * What an HRL/1 line says (docs/robot-protocol.md §2 – §5), in both directions: a command with its sequence
 * tag, a reply to one (`OK` with KEY=value fields, or `ERR` with a code), an unsolicited event, or a line
 * that could not be used (garbage: the base answers `#0 ERR BADLINE`, the host counts and drops it).
 */
import type { RobotErrCode, RobotFaultCode } from './constants';

export type RobotCommand =
  | { verb: 'HELLO' }
  | { verb: 'STATUS' }
  | { verb: 'GOTO'; point: string }
  | { verb: 'CANCEL' }
  | { verb: 'HALT' }
  | { verb: 'DOCK' };

export type RobotEvent =
  /** §4.1: `point` is the hall-map point last passed or reached; absent on the wire as `-`. */
  | { name: 'POS'; floor: number; xM: number; yM: number; point?: string }
  | { name: 'ARRIVED'; point: string }
  | { name: 'BLOCKED' }
  | { name: 'CLEAR' }
  | { name: 'BATTERY'; percent: number; low: boolean }
  | { name: 'DOCKED' }
  /** §4.6: stopped after CANCEL, HALT or the watchdog, at `point` (absent: between points). */
  | { name: 'STOPPED'; point?: string }
  | { name: 'FAULT'; code: RobotFaultCode }
  | { name: 'READY' };

export type RobotEventName = RobotEvent['name'];

/** Why a line could not be used (§2.4). */
export type GarbageReason = 'checksum' | 'tooLong' | 'unreadable' | 'unknownEvent';

export type RobotFrame =
  | { type: 'command'; seq: number; command: RobotCommand }
  /** A tagged command line the base cannot take: an unknown verb (`BADCMD`) or bad arguments (`BADARG`). */
  | { type: 'refused'; seq: number; code: 'BADCMD' | 'BADARG'; text: string }
  | { type: 'ok'; seq: number; fields: Record<string, string> }
  | { type: 'err'; seq: number; code: RobotErrCode | string; text: string }
  | { type: 'event'; event: RobotEvent }
  /** `seq`: the tag, where it could still be read (a checksum that does not match). */
  | { type: 'garbage'; reason: GarbageReason; length: number; seq?: number };
