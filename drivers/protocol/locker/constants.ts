/**
 * The hall locker board protocol, HLB/1 (docs/locker-protocol.md): our own design, binary frames in the
 * manner of the lock-control boards sold for parcel and document lockers. Constants grouped by function,
 * each citing its section of that document.
 */

/** §1: serial line defaults (RS-485 half duplex, 9600 8N1); the same bytes on a TCP stream (a 485 gateway). */
export const DEFAULT_BAUD = 9600;

/** §2.1: the first byte of a frame, by direction, so a host that hears its own echo on the bus drops it. */
export const HEADER_REQUEST = 0x8a;
export const HEADER_REPLY = 0x8b;

/** §2.1: header, address, command, lock, length, then `length` data bytes and the BCC. */
export const FRAME_OVERHEAD = 6;
export const MAX_DATA_BYTES = 32;

/** §2.3: board addresses on one bus, as the DIP switches set them; 0 is never used. */
export const MIN_ADDRESS = 0x01;
export const MAX_ADDRESS = 0x1f;

/** §2.4: locks per board, numbered 1 … n; lock 0 means "the whole board". */
export const MAX_LOCKS_PER_BOARD = 24;
export const WHOLE_BOARD = 0x00;

/** §3: command bytes (host → board). The reply carries the same byte; an error reply sets bit 7. */
export const CMD = {
  STATUS: 0x30,
  OPEN: 0x31,
  READ_LOCK: 0x32,
  LIGHT: 0x33,
  VERSION: 0x34,
} as const;
export type CommandByte = (typeof CMD)[keyof typeof CMD];
export const ERROR_FLAG = 0x80;

/** §3.2: the OPEN reply's result byte. */
export const OPEN_RESULT = {
  /** Pulsed, and the door sensor reads open. */
  OPENED: 0x00,
  /** Pulsed, but the sensor still reads closed: a door that has not sprung yet, or a jammed latch. */
  STILL_CLOSED: 0x01,
  /** The coil drew no current: the lock is not connected, or burnt out. Nothing moved. */
  COIL_FAULT: 0x02,
} as const;

/** §3.4: the LIGHT command's data byte. */
export const LIGHT_MODE = { off: 0x00, on: 0x01, blink: 0x02 } as const;
export type LightMode = keyof typeof LIGHT_MODE;

/** §3.6: the error reply's code byte. */
export const ERROR_CODE = {
  UNKNOWN_COMMAND: 0x01,
  BAD_LOCK: 0x02,
  BAD_DATA: 0x03,
  BUSY: 0x04,
} as const;
export type BoardErrorName = keyof typeof ERROR_CODE;

/** §3.5: the protocol version a VERSION reply reports. */
export const PROTOCOL_VERSION = 0x01;

/** §5 timing, the board's side: ordinary replies within, the OPEN pulse and its reply within. */
export const REPLY_WITHIN_MS = 50;
export const PULSE_MS = 300;
export const OPEN_REPLY_WITHIN_MS = 600;

/** §5 timing, the host's side (the driver's defaults). */
export const POLL_MS = 500;
export const COMMAND_TIMEOUT_MS = 300;
export const OPEN_TIMEOUT_MS = 1500;
/** §4.1: after STILL_CLOSED, how long the host reads the lock before it calls the door jammed. */
export const OPEN_CONFIRM_MS = 2000;
export const MISSED_BEFORE_OFFLINE = 3;
/** §5: quiet time on the bus after a reply before the next request. */
export const TURNAROUND_MS = 5;
