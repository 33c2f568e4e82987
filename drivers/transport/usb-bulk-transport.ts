/**
 * A byte Transport over USB vendor-bulk endpoints (usb-binding.ts, node-usb 2.x), for devices that carry
 * length-prefixed frames over bulk transfers: the GA 467 ID-card readers of protocols.md §1.8. The device's
 * frames come out as one byte stream, whichever endpoints carried them (the driver's frame scanner takes
 * input split anywhere); writes go out by the endpoint plan:
 * - `split` (§1.8 openiDR200): each frame's head (preamble + Len, 7 bytes) to `headOut`, the rest to
 *   `bodyOut`; replies read from `headIn` until a head is in, then from `bodyIn` until Len more bytes came;
 * - `single` (§1.8, the second libusb program): each frame whole to one OUT endpoint; `chunkBytes` reads from
 *   one IN endpoint, all the time.
 * Reads poll with a short time-out, which is no error. An unplug (node-usb `detach`, or a transfer failing
 * with NO_DEVICE) closes the link and is reported as a disconnect.
 */
import { BULK, errnoOf, LIBUSB, NODE_USB_BINDING, type UsbBinding, type UsbDeviceLike, type UsbInterfaceLike } from './usb-binding';
import { Listeners, TransportError, type Transport } from './transport';
import { usbOpenError } from './usb-open-error';

export type UsbEndpointPlan =
  | { split: { headOut: number; bodyOut: number; headIn: number; bodyIn: number } }
  | { single: { out: number | 'firstBulk'; in: number | 'firstBulk'; chunkBytes: number } };

/** Where a frame's length is: `headBytes` of head, a big-endian 16-bit count at `lengthOffset` of the bytes after it. */
export interface FrameHead {
  headBytes: number;
  lengthOffset: number;
}

export interface UsbBulkTransportOptions {
  vendorId: number;
  productId: number;
  plan: UsbEndpointPlan;
  /** Needed by `split` plans: where each frame's head ends (GA 467: 7 bytes, Len at 5, §1.1). */
  frameHead?: FrameHead;
  binding?: UsbBinding;
  /** Time-out of one IN poll; a poll that times out is simply repeated. Default 200 ms. */
  pollTimeoutMs?: number;
  /** Time-out of one OUT transfer. Default 1000 ms. */
  writeTimeoutMs?: number;
  /** `split`: how long a body may take after its head before the reader goes back to heads. Default 5000 ms (§1.9 hev). */
  bodyTimeoutMs?: number;
}

const hex4 = (n: number): string => n.toString(16).padStart(4, '0');
const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

interface Endpoints {
  iface: UsbInterfaceLike;
  outs: { head: number; body: number | null };
  ins: { head: number; body: number | null; chunk: number };
}

function pickEndpoints(device: UsbDeviceLike, plan: UsbEndpointPlan, description: string): Endpoints {
  const interfaces = device.interfaces();
  if ('split' in plan) {
    const s = plan.split;
    const iface = interfaces.find((i) => [s.headOut, s.bodyOut, s.headIn, s.bodyIn].every((a) => i.endpoints.some((e) => e.address === a)));
    if (!iface) throw new TransportError(`${description}: no interface has the endpoints of its model's plan (${[s.headOut, s.bodyOut, s.headIn, s.bodyIn].map((a) => a.toString(16)).join(', ')}); is it another firmware (§1.8)?`, 'notFound');
    return { iface, outs: { head: s.headOut, body: s.bodyOut }, ins: { head: s.headIn, body: s.bodyIn, chunk: 64 } };
  }
  const p = plan.single;
  const bulk = (i: UsbInterfaceLike, dir: 'in' | 'out', want: number | 'firstBulk') =>
    i.endpoints.find((e) => e.direction === dir && e.transferType === BULK && (want === 'firstBulk' || e.address === want))?.address;
  const iface = interfaces.find((i) => bulk(i, 'out', p.out) !== undefined && bulk(i, 'in', p.in) !== undefined);
  if (!iface) throw new TransportError(`${description}: no interface has a bulk OUT and a bulk IN endpoint as its model's plan says`, 'notFound');
  return { iface, outs: { head: bulk(iface, 'out', p.out)!, body: null }, ins: { head: bulk(iface, 'in', p.in)!, body: null, chunk: p.chunkBytes } };
}

export class UsbBulkTransport implements Transport {
  readonly description: string;
  private readonly binding: UsbBinding;
  private readonly pollTimeoutMs: number;
  private readonly writeTimeoutMs: number;
  private readonly bodyTimeoutMs: number;
  private session: { device: UsbDeviceLike; ep: Endpoints; offDetach: () => void } | null = null;
  private epoch = 0;
  private readonly data = new Listeners<[Uint8Array]>();
  private readonly disconnects = new Listeners<[string]>();
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly options: UsbBulkTransportOptions) {
    this.binding = options.binding ?? NODE_USB_BINDING;
    this.description = `usb:${hex4(options.vendorId)}:${hex4(options.productId)}`;
    this.pollTimeoutMs = options.pollTimeoutMs ?? 200;
    this.writeTimeoutMs = options.writeTimeoutMs ?? 1000;
    this.bodyTimeoutMs = options.bodyTimeoutMs ?? 5000;
    if ('split' in options.plan && !options.frameHead) throw new Error(`${this.description}: a split endpoint plan needs the frame head layout`);
  }

  get isOpen(): boolean {
    return this.session !== null;
  }

  async open(): Promise<void> {
    if (this.session) return;
    const { vendorId, productId } = this.options;
    let device: UsbDeviceLike | undefined;
    try {
      device = await this.binding.find(vendorId, productId);
    } catch (err) {
      throw new TransportError(`${this.description}: cannot list USB devices (${message(err)}); is libusb-1.0-0 installed?`, 'io');
    }
    if (!device) throw new TransportError(`${this.description}: no USB device ${hex4(vendorId)}:${hex4(productId)} is plugged in (lsusb lists what is)`, 'notFound');
    let ep: Endpoints;
    try {
      device.open();
      ep = pickEndpoints(device, this.options.plan, this.description);
      // A kernel driver bound to the interface (usbhid, cdc) keeps libusb from claiming it (libusb_detach_kernel_driver).
      if (ep.iface.isKernelDriverActive()) ep.iface.detachKernelDriver();
      ep.iface.claim();
    } catch (err) {
      try {
        device.close();
      } catch {
        // already closed
      }
      throw err instanceof TransportError ? err : usbOpenError(this.description, err);
    }
    const epoch = ++this.epoch;
    const offDetach = await this.binding.onDetach((d) => {
      if (d.busNumber === device.busNumber && d.deviceAddress === device.deviceAddress) this.lost(epoch, 'unplugged');
    });
    this.session = { device, ep, offDetach };
    void this.readLoop(epoch);
  }

  async close(): Promise<void> {
    const s = this.session;
    if (!s) return;
    this.session = null;
    this.epoch++;
    await this.release(s);
  }

  write(bytes: Uint8Array): Promise<void> {
    const s = this.session;
    if (!s) return Promise.reject(new TransportError(`${this.description}: not open`, 'closed'));
    let parts: Array<[number, Uint8Array]>;
    try {
      parts = this.parts(bytes, s.ep);
    } catch (err) {
      return Promise.reject(err);
    }
    const epoch = this.epoch;
    const run = this.writing.then(async () => {
      for (const [address, part] of parts) {
        if (part.length === 0) continue;
        try {
          await s.ep.iface.transferOut(address, part, this.writeTimeoutMs);
        } catch (err) {
          if (errnoOf(err) === LIBUSB.NO_DEVICE) this.lost(epoch, 'unplugged');
          throw new TransportError(`${this.description}: write to endpoint ${address.toString(16)} failed (${message(err)})`, 'io');
        }
      }
    });
    this.writing = run.catch(() => undefined);
    return run;
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    return this.data.add(listener);
  }

  onDisconnect(listener: (reason: string) => void): () => void {
    return this.disconnects.add(listener);
  }

  /** The transfers one write makes: a split plan sends the head and the body of each frame apart (§1.8). */
  private parts(bytes: Uint8Array, ep: Endpoints): Array<[number, Uint8Array]> {
    if (ep.outs.body === null) return [[ep.outs.head, bytes.slice()]];
    const { headBytes, lengthOffset } = this.options.frameHead!;
    const out: Array<[number, Uint8Array]> = [];
    for (let at = 0; at < bytes.length; ) {
      if (bytes.length - at < headBytes) throw new TransportError(`${this.description}: a write that is not whole frames cannot be split over the endpoints (§1.8)`, 'io');
      const len = ((bytes[at + lengthOffset] as number) << 8) | (bytes[at + lengthOffset + 1] as number);
      const end = at + headBytes + len;
      if (end > bytes.length) throw new TransportError(`${this.description}: a write that is not whole frames cannot be split over the endpoints (§1.8)`, 'io');
      out.push([ep.outs.head, bytes.slice(at, at + headBytes)], [ep.outs.body, bytes.slice(at + headBytes, end)]);
      at = end;
    }
    return out;
  }

  /** Reads until the session ends: one transfer at a time, a time-out is simply the next poll. */
  private async readLoop(epoch: number): Promise<void> {
    const head: number[] = [];
    let bodyLeft = 0;
    let bodyWaitedMs = 0;
    const frameHead = this.options.frameHead;
    while (this.session && epoch === this.epoch) {
      const { ep } = this.session;
      const inBody = ep.ins.body !== null && bodyLeft > 0;
      const address = inBody ? ep.ins.body! : ep.ins.head;
      let chunk: Uint8Array;
      try {
        chunk = await ep.iface.transferIn(address, inBody ? Math.max(bodyLeft, ep.ins.chunk) : ep.ins.chunk, this.pollTimeoutMs);
      } catch (err) {
        if (epoch !== this.epoch) return;
        const errno = errnoOf(err);
        if (errno === LIBUSB.TIMEOUT) {
          // Time counted in polls, not read from a clock: the body never came, back to heads.
          if (inBody && (bodyWaitedMs += this.pollTimeoutMs) > this.bodyTimeoutMs) bodyLeft = 0;
          continue;
        }
        this.lost(epoch, errno === LIBUSB.NO_DEVICE ? 'unplugged' : `read from endpoint ${address.toString(16)} failed (${message(err)})`);
        return;
      }
      if (epoch !== this.epoch || chunk.length === 0) continue;
      if (ep.ins.body !== null && frameHead) {
        if (inBody) {
          bodyLeft = Math.max(0, bodyLeft - chunk.length);
          bodyWaitedMs = 0;
        } else {
          head.push(...chunk);
          if (head.length >= frameHead.headBytes) {
            const len = ((head[frameHead.lengthOffset] as number) << 8) | (head[frameHead.lengthOffset + 1] as number);
            bodyLeft = Math.max(0, frameHead.headBytes + len - head.length);
            bodyWaitedMs = 0;
            head.length = 0;
          }
        }
      }
      this.data.emit(chunk);
    }
  }

  private lost(epoch: number, reason: string): void {
    const s = this.session;
    if (!s || epoch !== this.epoch) return;
    this.session = null;
    this.epoch++;
    void this.release(s);
    this.disconnects.emit(reason);
  }

  private async release(s: { device: UsbDeviceLike; ep: Endpoints; offDetach: () => void }): Promise<void> {
    s.offDetach();
    await s.ep.iface.release().catch(() => undefined);
    try {
      s.device.close();
    } catch {
      // gone already (unplugged)
    }
  }
}
