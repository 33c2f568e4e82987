/**
 * A fake node-usb (usb-binding.ts) for usb-bulk-transport.test.ts: one device whose IN endpoints hand out
 * what a test queued, and time out (errno TIMEOUT) after the poll's time-out otherwise; OUT transfers are
 * recorded. No native module, no device.
 */
import { BULK, LIBUSB, type UsbBinding, type UsbDeviceLike, type UsbEndpointInfo, type UsbInterfaceLike } from './usb-binding';

const usbError = (errno: number, text: string): Error => Object.assign(new Error(text), { errno });

export class FakeUsbDevice implements UsbDeviceLike {
  readonly busNumber = 1;
  readonly deviceAddress = 7;
  opened = false;
  kernelDriver = true;
  detached = false;
  claimed = false;
  openErrno: number | null = null;
  readonly written: Array<[number, number[]]> = [];
  private readonly queued = new Map<number, Uint8Array[]>();
  private waiters = new Map<number, () => void>();
  gone = false;
  /** Called with every OUT transfer (a test bridging the fake to a simulator). */
  onWrite: ((address: number, bytes: Uint8Array) => void) | null = null;

  constructor(readonly endpoints: UsbEndpointInfo[]) {}

  /** Bytes the device sends on IN endpoint `address`, one transfer each. */
  send(address: number, ...chunks: Uint8Array[]): void {
    const q = this.queued.get(address) ?? [];
    q.push(...chunks);
    this.queued.set(address, q);
    this.waiters.get(address)?.();
  }

  pulled(): void {
    this.gone = true;
    for (const w of this.waiters.values()) w();
  }

  open(): void {
    if (this.openErrno !== null) throw usbError(this.openErrno, `LIBUSB_ERROR ${this.openErrno}`);
    this.opened = true;
  }

  close(): void {
    this.opened = false;
  }

  interfaces(): readonly UsbInterfaceLike[] {
    const self = this;
    return [
      {
        interfaceNumber: 0,
        endpoints: this.endpoints,
        isKernelDriverActive: () => self.kernelDriver,
        detachKernelDriver() {
          self.kernelDriver = false;
          self.detached = true;
        },
        claim() {
          self.claimed = true;
        },
        async release() {
          self.claimed = false;
        },
        async transferOut(address, bytes) {
          if (self.gone) throw usbError(LIBUSB.NO_DEVICE, 'LIBUSB_ERROR_NO_DEVICE');
          self.written.push([address, [...bytes]]);
          self.onWrite?.(address, bytes.slice());
        },
        transferIn(address, length, timeoutMs) {
          return new Promise<Uint8Array>((resolve, reject) => {
            const take = (): boolean => {
              if (self.gone) return reject(usbError(LIBUSB.NO_DEVICE, 'LIBUSB_ERROR_NO_DEVICE')), true;
              const chunk = self.queued.get(address)?.shift();
              if (!chunk) return false;
              resolve(chunk.slice(0, length));
              return true;
            };
            if (take()) return;
            const timer = setTimeout(() => {
              self.waiters.delete(address);
              reject(usbError(LIBUSB.TIMEOUT, 'LIBUSB_ERROR_TIMEOUT'));
            }, timeoutMs);
            self.waiters.set(address, () => {
              if (take()) {
                clearTimeout(timer);
                self.waiters.delete(address);
              }
            });
          });
        },
      },
    ];
  }
}

export const bulk = (address: number): UsbEndpointInfo => ({ address, direction: address & 0x80 ? 'in' : 'out', transferType: BULK });

export class FakeUsbBinding implements UsbBinding {
  private readonly detachListeners = new Set<(d: { busNumber: number; deviceAddress: number }) => void>();
  constructor(public device: FakeUsbDevice | undefined) {}
  async find(): Promise<UsbDeviceLike | undefined> {
    return this.device;
  }
  async onDetach(listener: (d: { busNumber: number; deviceAddress: number }) => void): Promise<() => void> {
    this.detachListeners.add(listener);
    return () => this.detachListeners.delete(listener);
  }
  get detachSubscribers(): number {
    return this.detachListeners.size;
  }
  /** Unplugs the device: transfers fail with NO_DEVICE and the hot-plug event fires. */
  unplug(): void {
    const d = this.device!;
    d.pulled();
    for (const l of [...this.detachListeners]) l({ busNumber: d.busNumber, deviceAddress: d.deviceAddress });
  }
}
