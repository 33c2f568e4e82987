/**
 * The file calls UsblpTransport makes on a character device (usblp-transport.ts), injectable like
 * serialport's binding (ARCHITECTURE.md §7), so the kernel's answers that a pseudo-terminal cannot give
 * (EINVAL from a write-only USB printer interface, EBUSY from a second opener, a partial write) are unit
 * tested. Errors keep their errno `code`.
 */
import { constants, promises as fs, type Stats } from 'node:fs';

export interface CharDeviceFiles {
  /** Opens read-write, non-blocking, never as the controlling terminal (a pty in tests). */
  open(path: string): Promise<number>;
  /** Bytes read into `buffer`; rejects with code EAGAIN when the device has nothing to say now. */
  read(fd: number, buffer: Uint8Array): Promise<number>;
  /** Bytes the kernel took (may be fewer than given); rejects with code EAGAIN when it takes none now. */
  write(fd: number, bytes: Uint8Array): Promise<number>;
  close(fd: number): Promise<void>;
  /** What the open file is: a character device, and which one (its device number). */
  describeOpen(fd: number): Promise<{ characterDevice: boolean; rdev: number }>;
  /** The device number the path names now, or null when it names nothing (unplugged: udev removed it). */
  rdevAt(path: string): Promise<number | null>;
}

/** The errno code of a failed file call, if any. */
export function errnoOf(err: unknown): string | undefined {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** node:fs on file descriptors (each call on libuv's pool; none blocks, the descriptor is O_NONBLOCK). */
export class NodeCharDeviceFiles implements CharDeviceFiles {
  private readonly handles = new Map<number, fs.FileHandle>();

  async open(path: string): Promise<number> {
    const handle = await fs.open(path, constants.O_RDWR | constants.O_NONBLOCK | constants.O_NOCTTY);
    this.handles.set(handle.fd, handle);
    return handle.fd;
  }

  async read(fd: number, buffer: Uint8Array): Promise<number> {
    return (await this.handle(fd).read(buffer, 0, buffer.length, null)).bytesRead;
  }

  async write(fd: number, bytes: Uint8Array): Promise<number> {
    return (await this.handle(fd).write(bytes, 0, bytes.length, null)).bytesWritten;
  }

  async close(fd: number): Promise<void> {
    const handle = this.handles.get(fd);
    this.handles.delete(fd);
    await handle?.close();
  }

  async describeOpen(fd: number): Promise<{ characterDevice: boolean; rdev: number }> {
    const stats = await this.handle(fd).stat();
    return { characterDevice: stats.isCharacterDevice(), rdev: stats.rdev };
  }

  async rdevAt(path: string): Promise<number | null> {
    let stats: Stats;
    try {
      stats = await fs.stat(path);
    } catch {
      return null; // gone, or a dangling link left by a killed socat
    }
    return stats.isCharacterDevice() ? stats.rdev : null;
  }

  private handle(fd: number): fs.FileHandle {
    const handle = this.handles.get(fd);
    if (!handle) throw Object.assign(new Error('file descriptor not open'), { code: 'EBADF' });
    return handle;
  }
}
