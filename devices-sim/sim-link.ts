/**
 * A simulator's end of its link (ARCHITECTURE.md §4), the same for every simulated device: opened and
 * listened on at start, released at stop, and "unplugged" where the link can be (a memory pair's device end;
 * a serial or TCP end in another process is unplugged by its own means: socat, the server going down).
 */
import type { MemoryDeviceEnd } from '../drivers/transport/memory-pair';
import type { Transport } from '../drivers/transport/transport';
import type { SimLog } from './escpos/reply-channel';

const hasPlug = (t: Transport): t is MemoryDeviceEnd => typeof (t as Partial<MemoryDeviceEnd>).unplug === 'function';

export class SimLink {
  private unsubscribe: Array<() => void> = [];

  constructor(
    readonly transport: Transport,
    private readonly log?: SimLog,
  ) {}

  /** Opens the link if needed and hands every chunk to `receive`; `unplugged`: start as pulled out. */
  async attach(receive: (chunk: Uint8Array) => void, unplugged: boolean): Promise<void> {
    if (this.unsubscribe.length > 0) return;
    const t = this.transport;
    if (!t.isOpen) await t.open();
    this.unsubscribe.push(
      t.onData(receive),
      t.onDisconnect((reason) => this.log?.('debug', 'link lost', { reason })),
    );
    if (unplugged) this.setPlugged(false);
  }

  /** Stops listening (the link stays as it is until close). */
  detach(): void {
    for (const u of this.unsubscribe.splice(0)) u();
  }

  /** The `unplugged` fault: the host end sees the device vanish, and come back. */
  setPlugged(plugged: boolean): void {
    const t = this.transport;
    if (!hasPlug(t)) return;
    if (plugged) t.replug();
    else t.unplug();
  }

  close(): Promise<void> {
    return this.transport.close();
  }
}
