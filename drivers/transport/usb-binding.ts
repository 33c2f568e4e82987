/**
 * What usb-bulk-transport.ts uses of the `usb` package 2.x (node-usb, over libusb): find a device by its ids,
 * open it, see its interfaces' bulk endpoints, detach a kernel driver and claim the interface, bulk transfers
 * with a time-out, and the hot-plug `detach` event. Injected (ARCHITECTURE.md §7, after node-serialport), so
 * tests run with a fake and no device; the default loads `usb` only when a real device is opened.
 * Failures carry libusb's error number (`errno`, node-usb LibUSBException).
 */
import type { InEndpoint, Interface as NodeUsbInterface, OutEndpoint } from 'usb';

/** libusb_error values (libusb.h), which node-usb puts in `LibUSBException.errno`. */
export const LIBUSB = {
  IO: -1,
  ACCESS: -3,
  NO_DEVICE: -4,
  NOT_FOUND: -5,
  BUSY: -6,
  TIMEOUT: -7,
  PIPE: -9,
} as const;

export const errnoOf = (err: unknown): number | undefined =>
  typeof err === 'object' && err !== null && typeof (err as { errno?: unknown }).errno === 'number' ? (err as { errno: number }).errno : undefined;

export interface UsbEndpointInfo {
  /** bEndpointAddress: bit 7 set for IN. */
  address: number;
  direction: 'in' | 'out';
  /** bmAttributes & 3: 2 is bulk (USB 2.0 §9.6.6). */
  transferType: number;
}

export interface UsbInterfaceLike {
  readonly interfaceNumber: number;
  readonly endpoints: readonly UsbEndpointInfo[];
  isKernelDriverActive(): boolean;
  detachKernelDriver(): void;
  claim(): void;
  release(): Promise<void>;
  transferOut(address: number, bytes: Uint8Array, timeoutMs: number): Promise<void>;
  /** Up to `length` bytes; rejects with errno TIMEOUT when none came in `timeoutMs`. */
  transferIn(address: number, length: number, timeoutMs: number): Promise<Uint8Array>;
}

export interface UsbDeviceLike {
  /** For telling the `detach` event's device apart: bus number and address. */
  readonly busNumber: number;
  readonly deviceAddress: number;
  open(): void;
  close(): void;
  /** The interfaces of the active configuration (device open). */
  interfaces(): readonly UsbInterfaceLike[];
}

export interface UsbBinding {
  find(vendorId: number, productId: number): Promise<UsbDeviceLike | undefined>;
  /** A device was unplugged (node-usb `usb.on('detach')`). Returns an unsubscribe. */
  onDetach(listener: (device: { busNumber: number; deviceAddress: number }) => void): Promise<() => void>;
}

export const BULK = 2;

function wrapInterface(iface: NodeUsbInterface): UsbInterfaceLike {
  const endpoint = (address: number) => {
    const ep = iface.endpoint(address);
    if (!ep) throw Object.assign(new Error(`no endpoint ${address.toString(16)}`), { errno: LIBUSB.NOT_FOUND });
    return ep;
  };
  return {
    interfaceNumber: iface.interfaceNumber,
    endpoints: iface.endpoints.map((e) => ({ address: e.address, direction: e.direction, transferType: e.transferType })),
    isKernelDriverActive: () => iface.isKernelDriverActive(),
    detachKernelDriver: () => iface.detachKernelDriver(),
    claim: () => iface.claim(),
    release: () => new Promise<void>((resolve) => iface.release(true, () => resolve())),
    transferOut(address, bytes, timeoutMs) {
      const ep = endpoint(address) as OutEndpoint;
      ep.timeout = timeoutMs;
      return new Promise((resolve, reject) => ep.transfer(Buffer.from(bytes), (err) => (err ? reject(err) : resolve())));
    },
    transferIn(address, length, timeoutMs) {
      const ep = endpoint(address) as InEndpoint;
      ep.timeout = timeoutMs;
      return new Promise((resolve, reject) => ep.transfer(length, (err, data) => (err ? reject(err) : resolve(Uint8Array.from(data ?? [])))));
    },
  };
}

/** node-usb itself, imported on first use: loading this module never loads the native binding. */
export const NODE_USB_BINDING: UsbBinding = {
  async find(vendorId, productId) {
    const usb = await import('usb');
    const device = usb.findByIds(vendorId, productId);
    if (!device) return undefined;
    return {
      busNumber: device.busNumber,
      deviceAddress: device.deviceAddress,
      open: () => device.open(),
      close: () => device.close(),
      interfaces: () => (device.interfaces ?? []).map(wrapInterface),
    };
  },
  async onDetach(listener) {
    const { usb } = await import('usb');
    const handler = (d: { busNumber: number; deviceAddress: number }): void => listener({ busNumber: d.busNumber, deviceAddress: d.deviceAddress });
    usb.on('detach', handler);
    return () => void usb.off('detach', handler);
  },
};
