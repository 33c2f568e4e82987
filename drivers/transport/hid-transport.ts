/**
 * A ReportTransport over node-hid 3.x (report-transport.ts; hid-binding.ts): a HID POS bar code scanner on
 * Linux hidraw, opened by its hidraw path ("/dev/hidraw3") or by vendor/product id, narrowed by usage page
 * so that a composite scanner's keyboard interface is never taken for its POS one (usage page 0x8C Bar Code
 * Scanner, USB HID POS Usage Tables 1.02 §3). On hidraw a numbered input report arrives with its report id as
 * byte 0 (Linux Documentation/hid/hidraw.rst, read()); node-hid reports a failed read, which is how an
 * unplug shows, as an `error` event: the link is then closed and reported as a disconnect.
 */
import { NODE_HID_BINDING, type HidBinding, type HidDeviceInfo, type HidDeviceLike } from './hid-binding';
import type { ReportTransport } from './report-transport';
import { Listeners, TransportError } from './transport';

/** Which HID interface to open. */
export type HidTarget =
  | { path: string }
  /** The first interface with these ids (and this usage page / usage, when given) that `devices()` lists. */
  | { vendorId: number; productId: number; usagePage?: number; usage?: number };

export interface HidTransportOptions {
  target: HidTarget;
  /** Default node-hid (hid-binding.ts). */
  binding?: HidBinding;
}

const hex4 = (n: number): string => n.toString(16).padStart(4, '0');

export function describeHidTarget(target: HidTarget): string {
  if ('path' in target) return `hid:${target.path}`;
  const page = target.usagePage === undefined ? '' : `/${target.usagePage.toString(16)}`;
  return `hid:${hex4(target.vendorId)}:${hex4(target.productId)}${page}`;
}

const matches = (t: Exclude<HidTarget, { path: string }>, d: HidDeviceInfo): boolean =>
  d.vendorId === t.vendorId &&
  d.productId === t.productId &&
  (t.usagePage === undefined || d.usagePage === t.usagePage) &&
  (t.usage === undefined || d.usage === t.usage);

/** Our listeners off; an `error` the native reader still emits while closing must not become an uncaught EventEmitter error. */
function quiet(device: HidDeviceLike): void {
  device.removeAllListeners();
  device.on('error', () => undefined);
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export class HidTransport implements ReportTransport {
  readonly description: string;
  private readonly binding: HidBinding;
  private device: HidDeviceLike | null = null;
  private readonly reports = new Listeners<[Uint8Array]>();
  private readonly disconnects = new Listeners<[string]>();

  constructor(private readonly options: HidTransportOptions) {
    this.binding = options.binding ?? NODE_HID_BINDING;
    this.description = describeHidTarget(options.target);
  }

  get isOpen(): boolean {
    return this.device !== null;
  }

  async open(): Promise<void> {
    if (this.device) return;
    const path = await this.resolvePath();
    let device: HidDeviceLike;
    try {
      device = await this.binding.open(path);
    } catch (err) {
      // hidapi says only "cannot open device": absent by now, or no permission on the hidraw node (a udev
      // rule is needed, node-hid README "udev device permissions"), or held exclusively by another process.
      throw new TransportError(`${this.description}: cannot open ${path} (${message(err)}); check it is plugged in and that a udev rule gives this user the hidraw node`, 'notFound');
    }
    this.device = device;
    device.on('data', (data) => {
      if (this.device === device) this.reports.emit(Uint8Array.from(data));
    });
    device.on('error', (err) => this.lost(device, message(err)));
  }

  async close(): Promise<void> {
    const device = this.device;
    this.device = null;
    if (!device) return;
    quiet(device);
    await device.close().catch(() => undefined);
  }

  async writeReport(report: Uint8Array): Promise<void> {
    const device = this.device;
    if (!device) throw new TransportError(`${this.description}: not open`, 'closed');
    try {
      await device.write(Uint8Array.from(report));
    } catch (err) {
      throw new TransportError(`${this.description}: write failed (${message(err)})`, 'io');
    }
  }

  onReport(listener: (report: Uint8Array) => void): () => void {
    return this.reports.add(listener);
  }

  onDisconnect(listener: (reason: string) => void): () => void {
    return this.disconnects.add(listener);
  }

  private async resolvePath(): Promise<string> {
    const target = this.options.target;
    if ('path' in target) return target.path;
    let listed: HidDeviceInfo[];
    try {
      listed = await this.binding.devices();
    } catch (err) {
      throw new TransportError(`${this.description}: cannot list HID devices (${message(err)})`, 'io');
    }
    const found = listed.find((d) => matches(target, d) && d.path !== undefined);
    if (found?.path) return found.path;
    const sameIds = listed.filter((d) => d.vendorId === target.vendorId && d.productId === target.productId);
    const pages = sameIds.map((d) => (d.usagePage === undefined ? '?' : d.usagePage.toString(16))).join(', ');
    const why = sameIds.length === 0 ? 'no such device' : `the device is there but none of its interfaces has usage page ${target.usagePage?.toString(16)} (it shows ${pages}): is it in HID POS mode?`;
    throw new TransportError(`${this.description}: ${why}`, 'notFound');
  }

  /** A read failed while open: the device is gone (unplugged) or broken; either way the link is over. */
  private lost(device: HidDeviceLike, reason: string): void {
    if (this.device !== device) return;
    this.device = null;
    quiet(device);
    void device.close().catch(() => undefined);
    this.disconnects.emit(reason);
  }
}
