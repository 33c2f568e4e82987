/**
 * Golden HRL/1 lines, exactly as docs/robot-protocol.md prints them (checksums worked out apart from
 * line-codec.ts), with what each says. Shared by the codec tests and the simulator's (ARCHITECTURE.md §4).
 */
import type { RobotFrame } from './frames';

export interface GoldenLine {
  line: string;
  frame: RobotFrame;
}

/** Host → base (§3). */
export const COMMAND_LINES: readonly GoldenLine[] = [
  { line: '#1 HELLO*70', frame: { type: 'command', seq: 1, command: { verb: 'HELLO' } } },
  { line: '#2 STATUS*25', frame: { type: 'command', seq: 2, command: { verb: 'STATUS' } } },
  { line: '#12 GOTO A3*41', frame: { type: 'command', seq: 12, command: { verb: 'GOTO', point: 'A3' } } },
  { line: '#13 CANCEL*07', frame: { type: 'command', seq: 13, command: { verb: 'CANCEL' } } },
  { line: '#14 STATUS*12', frame: { type: 'command', seq: 14, command: { verb: 'STATUS' } } },
  { line: '#15 DOCK*04', frame: { type: 'command', seq: 15, command: { verb: 'DOCK' } } },
  { line: '#16 HALT*15', frame: { type: 'command', seq: 16, command: { verb: 'HALT' } } },
  { line: '#17 GOTO Z9*55', frame: { type: 'command', seq: 17, command: { verb: 'GOTO', point: 'Z9' } } },
];

/** Base → host replies (§3). */
export const REPLY_LINES: readonly GoldenLine[] = [
  { line: '#1 OK PROTO=HRL/1 MODEL=sim-robot FW=1.0 MAP=-*16', frame: { type: 'ok', seq: 1, fields: { PROTO: 'HRL/1', MODEL: 'sim-robot', FW: '1.0', MAP: '-' } } },
  {
    line: '#2 OK BAT=82 CHG=0 DOCK=1 OBST=0 MOVE=0 FAULT=NONE POS=1,2.0,1.0,dock*31',
    frame: { type: 'ok', seq: 2, fields: { BAT: '82', CHG: '0', DOCK: '1', OBST: '0', MOVE: '0', FAULT: 'NONE', POS: '1,2.0,1.0,dock' } },
  },
  {
    line: '#14 OK BAT=61 CHG=0 DOCK=0 OBST=1 MOVE=0 FAULT=NONE POS=1,12.5,3.0,c-2*42',
    frame: { type: 'ok', seq: 14, fields: { BAT: '61', CHG: '0', DOCK: '0', OBST: '1', MOVE: '0', FAULT: 'NONE', POS: '1,12.5,3.0,c-2' } },
  },
  { line: '#12 OK ROUTE=27.4*5F', frame: { type: 'ok', seq: 12, fields: { ROUTE: '27.4' } } },
  { line: '#13 OK*05', frame: { type: 'ok', seq: 13, fields: {} } },
  { line: '#15 OK ROUTE=27.4*58', frame: { type: 'ok', seq: 15, fields: { ROUTE: '27.4' } } },
  { line: '#16 OK AT=c-2*74', frame: { type: 'ok', seq: 16, fields: { AT: 'c-2' } } },
  { line: '#17 ERR UNKNOWN_POINT no point Z9 on the map*31', frame: { type: 'err', seq: 17, code: 'UNKNOWN_POINT', text: 'no point Z9 on the map' } },
  { line: '#18 ERR LOW_BATTERY battery 8%*59', frame: { type: 'err', seq: 18, code: 'LOW_BATTERY', text: 'battery 8%' } },
  { line: '#19 ERR BADCMD unknown command FLY*1F', frame: { type: 'err', seq: 19, code: 'BADCMD', text: 'unknown command FLY' } },
  { line: '#20 ERR BUSY on a trip to B7*48', frame: { type: 'err', seq: 20, code: 'BUSY', text: 'on a trip to B7' } },
  { line: '#21 ERR NO_ROUTE no way from dock to C11 without stairs*23', frame: { type: 'err', seq: 21, code: 'NO_ROUTE', text: 'no way from dock to C11 without stairs' } },
  { line: '#23 ERR FAULT ESTOP*50', frame: { type: 'err', seq: 23, code: 'FAULT', text: 'ESTOP' } },
  { line: '#0 ERR BADLINE*1F', frame: { type: 'err', seq: 0, code: 'BADLINE', text: '' } },
];

/** Base → host events (§4). */
export const EVENT_LINES: readonly GoldenLine[] = [
  { line: '! POS 1 12.5 3.0 A3*3B', frame: { type: 'event', event: { name: 'POS', floor: 1, xM: 12.5, yM: 3, point: 'A3' } } },
  { line: '! POS 2 4.0 9.5 -*5A', frame: { type: 'event', event: { name: 'POS', floor: 2, xM: 4, yM: 9.5 } } },
  { line: '! ARRIVED A3*0C', frame: { type: 'event', event: { name: 'ARRIVED', point: 'A3' } } },
  { line: '! BLOCKED*49', frame: { type: 'event', event: { name: 'BLOCKED' } } },
  { line: '! CLEAR*58', frame: { type: 'event', event: { name: 'CLEAR' } } },
  { line: '! BATTERY 18 LOW*11', frame: { type: 'event', event: { name: 'BATTERY', percent: 18, low: true } } },
  { line: '! BATTERY 64 OK*4A', frame: { type: 'event', event: { name: 'BATTERY', percent: 64, low: false } } },
  { line: '! DOCKED*03', frame: { type: 'event', event: { name: 'DOCKED' } } },
  { line: '! STOPPED c-2*14', frame: { type: 'event', event: { name: 'STOPPED', point: 'c-2' } } },
  { line: '! STOPPED -*45', frame: { type: 'event', event: { name: 'STOPPED' } } },
  { line: '! FAULT MOTOR*20', frame: { type: 'event', event: { name: 'FAULT', code: 'MOTOR' } } },
  { line: '! FAULT NONE*61', frame: { type: 'event', event: { name: 'FAULT', code: 'NONE' } } },
  { line: '! READY*4A', frame: { type: 'event', event: { name: 'READY' } } },
];

/** Lines the base cannot take (§2.4), with what the decoder makes of them. */
export const BAD_LINES: readonly GoldenLine[] = [
  { line: '#19 FLY A3*0A', frame: { type: 'refused', seq: 19, code: 'BADCMD', text: 'unknown command FLY' } },
  { line: '#20 GOTO', frame: { type: 'refused', seq: 20, code: 'BADARG', text: 'GOTO takes one point id' } },
  { line: '#21 STATUS now', frame: { type: 'refused', seq: 21, code: 'BADARG', text: 'STATUS takes no arguments' } },
  { line: 'hello', frame: { type: 'garbage', reason: 'unreadable', length: 5 } },
  { line: '#12 GOTO A2*41', frame: { type: 'garbage', reason: 'checksum', length: 14, seq: 12 } },
  { line: '! DANCE', frame: { type: 'garbage', reason: 'unknownEvent', length: 7 } },
];

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** Lines joined as sent: each ended with LF. */
export const wire = (lines: readonly GoldenLine[] | readonly string[]): Uint8Array =>
  ascii(lines.map((l) => `${typeof l === 'string' ? l : l.line}\n`).join(''));

export { chunkings } from '../escpos/fixtures';
