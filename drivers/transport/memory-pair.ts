/**
 * Two linked in-process Transports (ARCHITECTURE.md §4): what one side writes, the other receives, on a
 * later microtask so that no caller is re-entered. The device side can simulate an unplug: the host side
 * sees a disconnect and cannot reopen until the device is plugged back in.
 */
import { Listeners, TransportError, type Transport } from './transport';

export interface MemoryPair {
  /** The end a driver opens. */
  host: Transport;
  /** The end a simulator holds. */
  device: MemoryDeviceEnd;
}

export interface MemoryDeviceEnd extends Transport {
  /** Cut the cable: the host end disconnects and refuses to open until replug(). */
  unplug(): void;
  replug(): void;
  readonly plugged: boolean;
}

class End implements Transport {
  readonly data = new Listeners<[Uint8Array]>();
  readonly disconnects = new Listeners<[string]>();
  peer!: End;
  opened = false;
  constructor(
    readonly description: string,
    private readonly isPlugged: () => boolean,
  ) {}
  get isOpen(): boolean {
    return this.opened;
  }
  async open(): Promise<void> {
    if (!this.isPlugged()) throw new TransportError(`${this.description}: no device`, 'notFound');
    this.opened = true;
  }
  async close(): Promise<void> {
    this.opened = false;
  }
  async write(bytes: Uint8Array): Promise<void> {
    if (!this.opened) throw new TransportError(`${this.description}: not open`, 'closed');
    if (!this.isPlugged()) throw new TransportError(`${this.description}: device gone`, 'io');
    const copy = bytes.slice();
    const peer = this.peer;
    queueMicrotask(() => {
      if (peer.opened && this.isPlugged()) peer.data.emit(copy);
    });
  }
  onData(listener: (chunk: Uint8Array) => void): () => void {
    return this.data.add(listener);
  }
  onDisconnect(listener: (reason: string) => void): () => void {
    return this.disconnects.add(listener);
  }
}

class DeviceEnd extends End implements MemoryDeviceEnd {
  private isPluggedIn = true;
  constructor(description: string) {
    super(description, () => true);
  }
  get plugged(): boolean {
    return this.isPluggedIn;
  }
  unplug(): void {
    if (!this.isPluggedIn) return;
    this.isPluggedIn = false;
    const host = this.peer;
    if (host.opened) {
      host.opened = false;
      host.disconnects.emit('unplugged');
    }
  }
  replug(): void {
    this.isPluggedIn = true;
  }
}

export function createMemoryPair(name: string): MemoryPair {
  const device = new DeviceEnd(`memory:${name}:device`);
  const host = new End(`memory:${name}`, () => device.plugged);
  host.peer = device;
  device.peer = host;
  return { host, device };
}
