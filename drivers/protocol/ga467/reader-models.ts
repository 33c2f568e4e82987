/**
 * Per-model facts of GA 467 ID-card readers (protocols.md §1), pure data like escpos/models.ts. Every reader
 * family §1 found speaks the same frames and status bytes, so the rows differ only in timings, whether the
 * fingerprint read `30 10` exists, and how a card lifted after a read can be seen. [C] marks a fact not
 * checked on the hardware.
 */
import type { BaudRate } from './constants';

/**
 * How a card taken away after a successful read can be seen (§1.9): find answers `80` "until then", whether
 * the card still lies there or not, so find cannot tell.
 * - `select`: `20 02` keeps answering `90` while the card lies on the antenna and `81` once it is lifted.
 *   §1 does not verify this for any reader (§1.3 gives `81` only as "Select card failed"): a row may say
 *   `select` only once the behaviour was seen on that model.
 * - `none`: removal is invisible on the wire; the driver never claims it and the host asks the citizen to
 *   take the card (请取走您的身份证).
 */
export type RemovalProbe = 'select' | 'none';

/**
 * Which bulk endpoints carry the frames on a USB vendor-bulk reader (§1.8: "Endpoint use therefore depends
 * on the firmware"). Addresses as in the endpoint descriptor (IN has bit 7 set).
 * - `split` [V openiDR200 `idrusb.cpp`]: host → reader, preamble + Len (7 bytes) to `headOut`, the remaining
 *   Len bytes to `bodyOut`; reader → host, the first read from `headIn`, the body from `bodyIn`.
 * - `single` [V*: "a second libusb test program"]: the whole frame to one bulk OUT endpoint, 64-byte chunks
 *   read from one bulk IN endpoint until Len + 7 bytes came. §1.8 does not name the endpoints, so `'firstBulk'`
 *   takes the interface's first bulk endpoint of that direction [C].
 */
export type UsbEndpointPlan =
  | { split: { headOut: number; bodyOut: number; headIn: number; bodyIn: number } }
  | { single: { out: number | 'firstBulk'; in: number | 'firstBulk'; chunkBytes: number } };

/** §1.8 [V openiDR200]: VID 0400, PID C35A. */
export const GA467_USB_IDS = { vendorId: 0x0400, productId: 0xc35a } as const;

export interface Ga467ReaderModel {
  id: string;
  displayName: string;
  /** UART rate after power-up (§1.8: "115200 baud, 8N1, no flow control"). */
  defaultBaud: BaudRate;
  removalProbe: RemovalProbe;
  /** Why `removalProbe` is what it is, in plain words with the § it rests on. */
  removalProbeReason: string;
  /** Idle period between two find-card polls (§1.9). */
  pollIntervalMs: number;
  /** Bound of one find, select or SAM status exchange, before wire time (§1.9). */
  commandTimeoutMs: number;
  /** Bound of a `30 01` read, before wire time (§1.9). */
  readTimeoutMs: number;
  /** Bound of a `30 10` read with fingerprint, before wire time (§1.9); null when `30 10` is not supported. */
  fingerprintReadTimeoutMs: number | null;
  /** Send reset SAM `10 FF` at open (§1.9: "Reset is optional"). */
  resetAtOpen: boolean;
  /** The endpoint plan over USB vendor-bulk (§1.8); null: a serial reader, not driven over `usb`. */
  usbEndpoints: UsbEndpointPlan | null;
}

const NO_REMOVAL_ON_WIRE =
  '§1.9: "After a successful read the card must be taken away from the antenna, or re-inserted, before the next find succeeds. Until then the reader answers find with `80`"; §1 verifies no select behaviour after a read';

const ROWS = {
  'generic-ga467': {
    id: 'generic-ga467',
    displayName: '通用二代证阅读器 (GA 467 SAM, serial)',
    defaultBaud: 115200, // [V] §1.8
    removalProbe: 'none',
    removalProbeReason: NO_REMOVAL_ON_WIRE,
    pollIntervalMs: 1000, // [V] §1.9 hev polls find every 1000 ms (guocihong: a full cycle every 2000 ms)
    commandTimeoutMs: 1000, // [V*] §1.9 CIdReadHelper 1000 ms per command (A905Reader 100 ms for find/select)
    readTimeoutMs: 3000, // [V*] §1.9 CIdReadHelper 3000 ms for a read (A905Reader 2000 ms base read)
    fingerprintReadTimeoutMs: null, // `30 10` is [V*] only (Instructions.cpp, A905Reader): not assumed on an unknown reader
    resetAtOpen: false, // [V] §1.9 "Reset is optional"
    usbEndpoints: null, // a serial reader (§1.8 UART)
  },
  'yinansoft-a905': {
    id: 'yinansoft-a905',
    displayName: 'YinanSoft A905 (A905Reader client timings)',
    defaultBaud: 115200, // [V*] §1.8 A905Reader
    removalProbe: 'none',
    removalProbeReason: NO_REMOVAL_ON_WIRE,
    pollIntervalMs: 1000, // [C] A905Reader's poll period is not in §1; hev's 1000 ms
    commandTimeoutMs: 100, // [V*] §1.9 A905Reader: 100 ms for find/select
    readTimeoutMs: 2000, // [V*] §1.9 A905Reader: 2000 ms for a base read
    fingerprintReadTimeoutMs: 3000, // [V*] §1.9 A905Reader: 3000 ms for a read with fingerprint; §1.4 A905Reader decodes 30 10
    resetAtOpen: false, // [C] §1 does not say A905Reader resets
    usbEndpoints: null, // [V*] §1.8 A905Reader is a UART client
  },
  /**
   * A reader whose select is seen to answer `81` once the card is lifted after a read. No §1 source verifies
   * this of a named model: configure it for a model only after watching it do so (a technician's
   * `healthCheck('interactive')` with the card laid and lifted). The training kiosk's simulator uses it.
   */
  'generic-ga467-select-probe': {
    id: 'generic-ga467-select-probe',
    displayName: '通用二代证阅读器（选卡可见取卡）',
    defaultBaud: 115200, // [V] §1.8
    removalProbe: 'select',
    removalProbeReason: '§1.3 gives 81 as "Select card failed"; that select fails once the card is lifted after a read is [C]: set per model only once seen',
    pollIntervalMs: 1000, // [V] §1.9 hev
    commandTimeoutMs: 1000, // [V*] §1.9 CIdReadHelper
    readTimeoutMs: 3000, // [V*] §1.9 CIdReadHelper
    fingerprintReadTimeoutMs: null,
    resetAtOpen: false,
    usbEndpoints: null,
  },
  /** The USB vendor-bulk reader of openiDR200 (§1.8), VID 0400 PID C35A, frames split over four endpoints. */
  'openidr200-usb': {
    id: 'openidr200-usb',
    displayName: '二代证阅读器 USB 0400:C35A (openiDR200 endpoints 02/06 → 81/85)',
    defaultBaud: 115200, // not used over USB; the row shape keeps the UART default (§1.8)
    removalProbe: 'none',
    removalProbeReason: NO_REMOVAL_ON_WIRE,
    pollIntervalMs: 1000, // [V] §1.9 hev polls find every 1000 ms
    commandTimeoutMs: 1000, // [V] §1.9 openiDR200 sleeps 400 ms after each USB request: 1000 ms covers it
    readTimeoutMs: 3000, // [V] §1.9 openiDR200 sleeps another 400 ms before collecting the read; CIdReadHelper 3000 ms [V*]
    fingerprintReadTimeoutMs: null, // §1 does not say openiDR200 sends 30 10
    resetAtOpen: false, // [V] §1.9 "Reset is optional"
    usbEndpoints: { split: { headOut: 0x02, bodyOut: 0x06, headIn: 0x81, bodyIn: 0x85 } }, // [V] §1.8 openiDR200 idrusb.cpp
  },
  /** A USB reader whose firmware takes the whole frame on one bulk OUT endpoint and answers on one IN (§1.8 [V*]). */
  'generic-ga467-usb-single': {
    id: 'generic-ga467-usb-single',
    displayName: '二代证阅读器 USB（单端点收发）',
    defaultBaud: 115200, // not used over USB
    removalProbe: 'none',
    removalProbeReason: NO_REMOVAL_ON_WIRE,
    pollIntervalMs: 1000, // [V] §1.9 hev
    commandTimeoutMs: 1000, // [V*] §1.9 CIdReadHelper
    readTimeoutMs: 3000, // [V*] §1.9 CIdReadHelper
    fingerprintReadTimeoutMs: null,
    resetAtOpen: false,
    usbEndpoints: { single: { out: 'firstBulk', in: 'firstBulk', chunkBytes: 64 } }, // [V*] §1.8 "reads 64-byte chunks"; endpoints [C]
  },
} as const satisfies Record<string, Ga467ReaderModel>;

export const GA467_READER_MODELS: Readonly<Record<string, Ga467ReaderModel>> = Object.freeze(ROWS);

export function ga467ReaderModel(id: string): Ga467ReaderModel {
  const model = Object.prototype.hasOwnProperty.call(GA467_READER_MODELS, id) ? GA467_READER_MODELS[id] : undefined;
  if (!model) throw new Error(`unknown GA 467 reader model "${id}"; known: ${Object.keys(GA467_READER_MODELS).join(', ')}`);
  return model;
}
