/**
 * A Transport over a USB printer-class character device, as halls wire USB ticket printers on Linux
 * (issue 13 §2): `{ "kind": "usblp", "path": "/dev/usb/lp0" }`. The kernel's usblp driver (drivers/usb/
 * class/usblp.c) gives one file for both directions:
 * - writes go to the printer's bulk OUT endpoint, one 8 KiB URB at a time; opened O_NONBLOCK, a write takes
 *   part of the bytes, or none (EAGAIN; ENOSPC while the printer reports paper out) until the printer
 *   accepts more, so the rest is written again after a pause;
 * - reads return what the printer sent (DLE EOT replies, protocols.md §2.4), EAGAIN when it has nothing to
 *   say, 0 for a zero-length packet, EIO for a failed read that the driver restarts ("applications loop"),
 *   and EINVAL on a printer whose USB interface is write-only: it can never answer over this file (the
 *   model table says which printers can, models.ts `usblpStatus`);
 * - unplugged, every call fails with ENODEV and udev removes the file; plugged back in, it reappears.
 * Nothing blocks a libuv thread: reads are polled every `readPollMs` while the printer is silent. The same
 * code runs on a pseudo-terminal (the tests' socat pair), whose reads return 0 once the other end is gone.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { errnoOf, NodeCharDeviceFiles, type CharDeviceFiles } from './char-device-files';
import { WriteAbortedError } from './flow-control';
import { Listeners, TransportError, type Transport } from './transport';

export interface UsblpTransportOptions {
  path: string;
  /** The pause between reads while the printer is silent, and between write attempts it refused. Default 10 ms. */
  readPollMs?: number;
  /** A write that the printer takes no byte of for this long fails (paper out, printer stopped). Default 10000. */
  writeStallMs?: number;
  /** The file calls; default node:fs (ARCHITECTURE.md §7: the binding is injected). */
  files?: CharDeviceFiles;
}

/** errno codes that mean "nothing now, try again". */
const TRY_AGAIN = new Set(['EAGAIN', 'EWOULDBLOCK', 'EINTR']);
/** The printer's bulk OUT is full: usblp answers ENOSPC while the printer reports paper out. */
const PRINTER_FULL = new Set([...TRY_AGAIN, 'ENOSPC']);

/** Why an open failed, in words for the technician, and what it means for the device. */
function openFailure(description: string, err: unknown): TransportError {
  const code = errnoOf(err);
  const message = err instanceof Error ? err.message : String(err);
  switch (code) {
    case 'ENOENT':
    case 'ENODEV':
    case 'ENXIO':
      return new TransportError(`${description}: no such device file (printer unplugged or switched off?)`, 'notFound');
    case 'EBUSY':
      return new TransportError(`${description}: held by another program (a USB printer opens once: is CUPS using it?)`, 'busy');
    case 'EACCES':
    case 'EPERM':
      return new TransportError(`${description}: permission denied (the kiosk user must be in the "lp" group, or a udev rule must grant it)`, 'io');
    default:
      return new TransportError(`${description}: ${message}`, 'io');
  }
}

/** A lost link, in words for the log. */
function lossReason(code: string | undefined): string {
  if (code === 'ENODEV' || code === 'ENXIO') return 'unplugged (the device is gone)';
  if (code === undefined) return 'the device file disappeared (unplugged)';
  return `the device failed (${code})`;
}

export class UsblpTransport implements Transport {
  readonly description: string;
  /** The printer's replies come back over this file only where its USB interface is bidirectional (per model). */
  readonly usbPrinterClass = true;
  /** The interface refused a read (EINVAL: write-only) since this link opened (Transport.readsRefused). */
  readsRefused = false;
  private readonly files: CharDeviceFiles;
  private readonly readPollMs: number;
  private readonly writeStallMs: number;
  private fd: number | null = null;
  private rdev = -1;
  /** Bumped by open, close and loss: a read loop or write of an older session stops. */
  private session = 0;
  private writing: Promise<void> = Promise.resolve();
  private readonly data = new Listeners<[Uint8Array]>();
  private readonly disconnects = new Listeners<[string]>();

  constructor(private readonly options: UsblpTransportOptions) {
    this.description = `usblp:${options.path}`;
    this.files = options.files ?? new NodeCharDeviceFiles();
    this.readPollMs = options.readPollMs ?? 10;
    this.writeStallMs = options.writeStallMs ?? 10_000;
  }

  get isOpen(): boolean {
    return this.fd !== null;
  }

  async open(): Promise<void> {
    if (this.fd !== null) return;
    let fd: number;
    try {
      fd = await this.files.open(this.options.path);
    } catch (err) {
      throw openFailure(this.description, err);
    }
    try {
      const what = await this.files.describeOpen(fd);
      if (!what.characterDevice) throw new TransportError(`${this.description}: is not a character device (a USB printer is /dev/usb/lpN)`, 'notFound');
      this.rdev = what.rdev;
    } catch (err) {
      await this.files.close(fd).catch(() => undefined);
      throw err instanceof TransportError ? err : openFailure(this.description, err);
    }
    this.fd = fd;
    this.readsRefused = false;
    const session = ++this.session;
    void this.readLoop(fd, session);
  }

  async close(): Promise<void> {
    this.session++;
    const fd = this.fd;
    this.fd = null;
    if (fd !== null) await this.files.close(fd).catch(() => undefined);
  }

  write(bytes: Uint8Array, signal?: AbortSignal): Promise<void> {
    // One write at a time, in order: two writes' parts never interleave (a status request inside a job, §2.4).
    const run = this.writing.then(() => this.writeOne(bytes, signal));
    this.writing = run.catch(() => undefined);
    return run;
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    return this.data.add(listener);
  }

  onDisconnect(listener: (reason: string) => void): () => void {
    return this.disconnects.add(listener);
  }

  private async writeOne(bytes: Uint8Array, signal?: AbortSignal): Promise<void> {
    const fd = this.fd;
    const session = this.session;
    if (fd === null) throw new TransportError(`${this.description}: not open`, 'closed');
    let at = 0;
    let stalledSince = performance.now();
    while (at < bytes.length) {
      if (signal?.aborted) throw new WriteAbortedError(at, bytes.length);
      if (this.session !== session) throw new TransportError(`${this.description}: closed while writing`, at === 0 ? 'closed' : 'io');
      let taken: number;
      try {
        taken = await this.files.write(fd, bytes.subarray(at));
      } catch (err) {
        const code = errnoOf(err);
        if (code !== undefined && PRINTER_FULL.has(code)) {
          if (performance.now() - stalledSince >= this.writeStallMs) {
            throw new TransportError(`${this.description}: the printer took no data for ${this.writeStallMs} ms (${at} of ${bytes.length} bytes written)`, 'io');
          }
          await sleep(this.readPollMs);
          continue;
        }
        const gone = code === 'ENODEV' || code === 'ENXIO' || !(await this.stillThere());
        const reason = gone ? lossReason(code === 'ENODEV' || code === 'ENXIO' ? code : undefined) : `write failed (${code ?? String(err)})`;
        if (gone) this.lost(session, reason);
        // Nothing of these bytes went out when none was taken: the caller may say so (print-job.ts "notPrinted").
        throw new TransportError(`${this.description}: ${reason}`, gone && at === 0 ? 'closed' : 'io');
      }
      if (taken > 0) stalledSince = performance.now();
      at += taken;
    }
  }

  private async readLoop(fd: number, session: number): Promise<void> {
    const buffer = new Uint8Array(4096);
    while (this.session === session) {
      let n: number;
      try {
        n = await this.files.read(fd, buffer);
      } catch (err) {
        if (this.session !== session) return;
        const code = errnoOf(err);
        if (code === 'EINVAL') {
          // usblp.c: `if (!usblp->bidir) return -EINVAL;` — a write-only interface: nothing will ever come
          // back; writing still works. The driver reads the flag to say why (the model row may be wrong).
          this.readsRefused = true;
          return;
        }
        // EIO: usblp restarts a failed read and expects the caller to loop; a vanished device is lost.
        if ((code !== undefined && TRY_AGAIN.has(code)) || (code === 'EIO' && (await this.stillThere()))) {
          await sleep(this.readPollMs);
          continue;
        }
        this.lost(session, lossReason(code === 'EIO' ? undefined : code));
        return;
      }
      if (this.session !== session) return;
      if (n > 0) {
        this.data.emit(buffer.slice(0, n));
        continue;
      }
      // 0: a zero-length USB packet, or a pseudo-terminal whose other end is gone (then its file is too).
      if (!(await this.stillThere())) return this.lost(session, lossReason(undefined));
      await sleep(this.readPollMs);
    }
  }

  /** The path still names the device this transport opened (not gone, not another printer plugged in since). */
  private async stillThere(): Promise<boolean> {
    return (await this.files.rdevAt(this.options.path)) === this.rdev;
  }

  private lost(session: number, reason: string): void {
    if (this.session !== session) return;
    this.session++;
    const fd = this.fd;
    this.fd = null;
    // Closed at once: usblp lets one process open a printer, and the reopen after re-plugging must not be EBUSY.
    if (fd !== null) void this.files.close(fd).catch(() => undefined);
    this.disconnects.emit(reason);
  }
}
