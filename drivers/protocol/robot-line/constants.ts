/**
 * The hall robot base's line protocol, HRL/1 (docs/robot-protocol.md): our own design, ASCII lines. Constants
 * grouped by function, each citing its section of that document.
 */

/** §1: the protocol's name and version, as HELLO's PROTO field says it. */
export const PROTOCOL = 'HRL/1';

/** §1: serial line defaults (8N1, no flow control); the same bytes on a TCP stream. */
export const DEFAULT_BAUD = 115_200;

/** §2: longest line in bytes, the terminator (LF or CR LF) not counted. */
export const MAX_LINE_BYTES = 128;

/** §2: sequence tags run 1 … 9999 and wrap; 0 tags the answer to a line whose tag could not be read. */
export const MAX_SEQ = 9999;
export const UNTAGGED_SEQ = 0;

/** §2: a hall-map point id on the wire (HallPoint.id): letters, digits, `_`, `.`, `-`, at most 32. */
export const POINT_ID = /^[A-Za-z0-9_.-]{1,32}$/u;

/** §2: `-` where a point would stand but there is none (between points, never placed). */
export const NO_POINT = '-';

/** §3: host → base commands. */
export const VERBS = ['HELLO', 'STATUS', 'GOTO', 'CANCEL', 'HALT', 'DOCK'] as const;
export type RobotVerb = (typeof VERBS)[number];

/** §3.7: the codes of an `ERR` reply. */
export const ERR_CODES = ['BADLINE', 'BADCMD', 'BADARG', 'CHECKSUM', 'TOOLONG', 'UNKNOWN_POINT', 'NO_ROUTE', 'BUSY', 'LOW_BATTERY', 'FAULT'] as const;
export type RobotErrCode = (typeof ERR_CODES)[number];

/** §5: the codes of a `! FAULT` event and the STATUS FAULT field; NONE: the fault is over. */
export const FAULT_CODES = ['NONE', 'MOTOR', 'BUMPER', 'ESTOP', 'LOST', 'LIFT', 'BATTERY'] as const;
export type RobotFaultCode = (typeof FAULT_CODES)[number];

/** §6 timing, the base's side: reply within, POS at least every, the host-silence watchdog while on a trip. */
export const REPLY_WITHIN_MS = 200;
export const POS_EVERY_MS = 1000;
export const WATCHDOG_MS = 10_000;

/** §6 timing, the host's side (the driver's defaults): STATUS polls, reply deadline, polls missed before offline. */
export const POLL_MS = 1000;
export const COMMAND_TIMEOUT_MS = 1000;
export const MISSED_BEFORE_OFFLINE = 3;
