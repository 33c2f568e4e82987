/**
 * What hid-transport.ts uses of node-hid 3.x (README "Complete Async API"): enumeration with the interface's
 * usage page (on Linux the hidraw backend reports usagePage/usage, README "Selecting driver type"), and a
 * device opened by its path that emits input reports as `data` and read failures (an unplug among them) as
 * `error`. Injected (ARCHITECTURE.md §7, after node-serialport), so tests run without a device or the native
 * module; the default loads node-hid only when a real device is opened.
 */

/** One row of `HID.devicesAsync()` (node-hid `Device`). */
export interface HidDeviceInfo {
  vendorId: number;
  productId: number;
  path?: string | undefined;
  product?: string | undefined;
  interface: number;
  usagePage?: number | undefined;
  usage?: number | undefined;
}

/** What the transport uses of node-hid's `HIDAsync`. */
export interface HidDeviceLike {
  on(event: 'data', listener: (data: Uint8Array) => void): unknown;
  on(event: 'error', listener: (err: unknown) => void): unknown;
  removeAllListeners(): unknown;
  /** Byte 0 the report id; resolves with the bytes written (node-hid README: "number of bytes written + 1"). */
  write(values: number[] | Uint8Array): Promise<number>;
  close(): Promise<void>;
}

export interface HidBinding {
  devices(): Promise<HidDeviceInfo[]>;
  open(path: string): Promise<HidDeviceLike>;
}

/** node-hid itself, imported on first use: loading this module never loads the native binding. */
export const NODE_HID_BINDING: HidBinding = {
  async devices() {
    const hid = await import('node-hid');
    return hid.devicesAsync();
  },
  async open(path) {
    const hid = await import('node-hid');
    return (await hid.HIDAsync.open(path)) as unknown as HidDeviceLike;
  },
};
