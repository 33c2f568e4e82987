/**
 * A report pipe to one HID device (ARCHITECTURE.md §2). HID moves whole reports, not a byte stream: a
 * scanner's input report is one fixed-size packet (64 bytes for the HID POS bar code scanners, USB HID POS
 * Usage Tables 1.02 §3 and the vendors' report layouts in drivers/protocol/hidpos/scanner-models.ts), and
 * the boundaries carry meaning (length byte, "decode data continued" flag). So this is not the byte
 * `Transport` of transport.ts: node-hid (hid-transport.ts) and the in-memory report pair
 * (report-memory-pair.ts) implement it, and the same driver runs on a scanner and on the simulator.
 */
export interface ReportTransport {
  /** A short description for logs, e.g. "hid:/dev/hidraw3" or "hid:0c2e:0b8f/8c" or "memory-report:scanner-1". */
  readonly description: string;
  readonly isOpen: boolean;
  /** Opens the device; rejects with a TransportError (transport.ts) when it is absent, refused or busy. */
  open(): Promise<void>;
  close(): Promise<void>;
  /**
   * Sends one output report. Byte 0 is the report id, 0x00 for a device without numbered reports
   * (node-hid README "Writing to a device"). Resolves once the OS took it.
   */
  writeReport(report: Uint8Array): Promise<void>;
  /** Input reports, one whole report per call, byte 0 the report id where the device numbers its reports. */
  onReport(listener: (report: Uint8Array) => void): () => void;
  /** The device went away without close() (unplugged, read error). */
  onDisconnect(listener: (reason: string) => void): () => void;
}
