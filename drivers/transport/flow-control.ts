/**
 * Serial flow control as kiosk printers are wired (issue 13 §1): RTS/CTS is the kernel's (CRTSCTS); DTR/DSR
 * and XON/XOFF are done here, the same on every serial driver and pseudo-terminal. A write goes out in
 * chunks, and before each the peer must be ready: DSR high, or no XOFF outstanding. XON (DC1) and XOFF
 * (DC3) are taken out of what the device sends, so they never reach a reply decoder.
 */
export type FlowControl = 'none' | 'rtscts' | 'dtrdsr' | 'xonxoff';

export const XON = 0x11; // DC1
export const XOFF = 0x13; // DC3

/** Bytes per chunk: a printer that signals "busy" has at least this much room left [C]. */
export const FLOW_CHUNK_BYTES = 64;

/** Software XON/XOFF: what the device said last, and who waits for it to say XON. */
export class XonXoffState {
  private paused = false;
  private readonly waiting = new Set<() => void>();

  get isPaused(): boolean {
    return this.paused;
  }

  /** The input without XON/XOFF; each one seen pauses or resumes output. */
  filter(chunk: Uint8Array): Uint8Array {
    if (!chunk.includes(XON) && !chunk.includes(XOFF)) return chunk;
    const kept = new Uint8Array(chunk.length);
    let n = 0;
    for (const b of chunk) {
      if (b === XOFF) this.paused = true;
      else if (b === XON) this.resume();
      else kept[n++] = b;
    }
    return kept.subarray(0, n);
  }

  /** Resolves once output may go on (at once when it is not paused), or the signal aborts. */
  ready(signal?: AbortSignal): Promise<void> {
    if (!this.paused || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = (): void => {
        signal?.removeEventListener('abort', wake);
        this.waiting.delete(wake);
        resolve();
      };
      this.waiting.add(wake);
      signal?.addEventListener('abort', wake, { once: true });
    });
  }

  /** The link closed or reopened: nobody waits on a device that is gone. */
  reset(): void {
    this.resume();
  }

  private resume(): void {
    this.paused = false;
    for (const wake of [...this.waiting]) wake();
    this.waiting.clear();
  }
}

/** Writes `bytes` in chunks, each once `ready()` says the peer can take it; an abort stops between chunks. */
export async function writeInChunks(
  bytes: Uint8Array,
  ready: () => Promise<void>,
  write: (chunk: Uint8Array) => Promise<void>,
  signal?: AbortSignal,
  chunkBytes = FLOW_CHUNK_BYTES,
): Promise<void> {
  for (let at = 0; at < bytes.length; at += chunkBytes) {
    await ready();
    if (signal?.aborted) throw new WriteAbortedError(at, bytes.length);
    await write(bytes.subarray(at, Math.min(bytes.length, at + chunkBytes)));
  }
}

/** A write held back by flow control and called off: `sent` of its bytes went out. */
export class WriteAbortedError extends Error {
  constructor(
    readonly sent: number,
    readonly total: number,
  ) {
    super(`write called off after ${sent} of ${total} bytes (the device held output back)`);
    this.name = 'WriteAbortedError';
  }
}
