/**
 * The printer's bounded receive buffer (issue 13 §1; protocols.md §2.7): a real printer holds a few KB it
 * has not printed yet. Before it is full the printer says so: XOFF (DC3) on a link with software flow
 * control, and XON (DC1) once it has room again; with hardware flow control it raises BUSY (DTR/DSR, RTS/CTS),
 * which a pseudo-terminal cannot carry, so the simulator offers it only as "none": a host that sends on into
 * a full buffer loses what does not fit, as on a printer whose BUSY line is not wired. Real-time commands
 * (DLE EOT, DLE ENQ) act even then (protocols.md §2.4: "handled even when the buffer is full"); what is lost
 * is buffered commands, whole ones here (a real printer loses bytes, and then misreads the rest). Over USB
 * and TCP the link itself paces the host; leave the buffer unbounded there.
 */
export interface ReceiveBufferOptions {
  /** Capacity in bytes [C: Epson's 4 KB default; kiosk printers range from 4 KB to 64 KB]. */
  bytes: number;
  flowControl: 'xonxoff' | 'none';
}

/** Room under which XOFF goes out: a host stops within a chunk (flow-control.ts sends 64 bytes at a time). */
export const XOFF_ROOM_BYTES = 256;

export type BufferSignal = 'xoff' | 'xon' | null;

export class ReceiveBuffer {
  private paused = false;
  overflowBytes = 0;

  constructor(readonly options: ReceiveBufferOptions) {}

  /** Whether a command of `bytes` fits beside the `waiting` bytes already buffered; if not, it is lost. */
  admit(waiting: number, bytes: number): boolean {
    if (waiting + bytes <= this.options.bytes) return true;
    this.overflowBytes += bytes;
    return false;
  }

  /** What to tell the host now that `waiting` bytes are buffered (null: nothing changed). */
  signal(waiting: number): BufferSignal {
    if (this.options.flowControl !== 'xonxoff') return null;
    const room = this.options.bytes - waiting;
    if (!this.paused && room <= XOFF_ROOM_BYTES) {
      this.paused = true;
      return 'xoff';
    }
    // Hysteresis: XON once half the buffer is free, so a stream does not flutter at the edge.
    if (this.paused && room >= this.options.bytes / 2) {
      this.paused = false;
      return 'xon';
    }
    return null;
  }

  /** Emptied (a reset): 'xon' when the host was held back, so it is not left waiting for ever. */
  reset(): BufferSignal {
    const was = this.paused;
    this.paused = false;
    return was && this.options.flowControl === 'xonxoff' ? 'xon' : null;
  }
}
