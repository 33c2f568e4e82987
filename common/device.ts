/**
 * Device registry, roles and the one status/fault vocabulary (ARCHITECTURE.md §3, §8.1, §8.2).
 * A fault is set with the same words that status reports.
 */
import type { RobotPosition } from './robot';

export const DEVICE_ROLES = [
  'ticketPrinter',
  'receiptPrinter',
  'documentPrinter',
  'idCardReader',
  'fingerprintReader',
  'faceCamera',
  'documentCamera',
  'barcodeScanner',
  'presenceSensor',
  'robotBase',
  'locker',
] as const;
export type DeviceRole = (typeof DEVICE_ROLES)[number];

/** Common device state (UnifiedPOS / XFS4IoT). */
export type DeviceState =
  | 'starting'
  | 'online'
  | 'offline'
  | 'noDevice'
  | 'hardwareError'
  | 'userError'
  | 'busy'
  | 'fraudAttempt';

export type PaperLevel = 'full' | 'low' | 'out' | 'jammed';

/** Printer block; `undefined` means the model cannot report it. */
export interface PrinterStatusBlock {
  paper?: PaperLevel;
  coverOpen?: boolean;
  cutterError?: boolean;
  /** A presenter printer's ticket still waiting in the output (protocols.md §2.6). */
  mediaPresented?: boolean;
  /** The head is too hot and printing pauses until it cools (DLE EOT 3 bit 6, auto-recoverable, §2.4). */
  headOverheat?: boolean;
  /** Toner or ink, where the printer reports it (IPP toner-low / marker-supply-low / toner-empty, protocols.md §4.3). */
  toner?: 'ok' | 'low' | 'empty';
  /** A printed document still lies in the output tray, on printers that sense it (issue 17 §2). */
  outputOccupied?: boolean;
}

/** ID-card reader block (protocols.md §1): a card on the reader, and its security module (SAM). */
export interface CardReaderStatusBlock {
  cardPresent?: boolean;
  /** The SAM answered its last self-check (`ok`) or failed it (GA 467 status words, §1.3). */
  sam?: 'ok' | 'error';
}

/** Fingerprint module block (protocols.md §3): a finger on the sensor. */
export interface FingerprintStatusBlock {
  fingerPresent?: boolean;
}

/** Barcode / QR scanner block: scanning is on (the citizen may hold a code to it). */
export interface ScannerStatusBlock {
  scanning?: boolean;
}

/** Face or document camera block (protocols.md §6): the stream runs; a document lies on the plate. */
export interface CameraStatusBlock {
  streaming?: boolean;
  documentPresent?: boolean;
}

/**
 * Robot base block (docs/robot-protocol.md §4): battery, charging on the dock, an obstacle in the way, moving
 * on a trip, and the last position it reported.
 */
export interface RobotStatusBlock {
  batteryPercent?: number;
  charging?: boolean;
  docked?: boolean;
  obstacle?: boolean;
  moving?: boolean;
  position?: RobotPosition;
}

/**
 * One block per role's mechanism (ARCHITECTURE.md §8.14): an absent block means the device has no such part
 * or cannot report it; inside a block an absent field means the same for that one reading.
 */
/** A smart locker's compartments (docs/locker-protocol.md; issue 17 §7), numbered from 1. */
export interface LockerStatusBlock {
  compartments?: number;
  /** Compartments whose door stands open. */
  doorsOpen?: number[];
  /** Compartments the locker senses something in. */
  occupied?: number[];
}

export interface StatusBlocks {
  printer: PrinterStatusBlock;
  cardReader: CardReaderStatusBlock;
  fingerprint: FingerprintStatusBlock;
  scanner: ScannerStatusBlock;
  camera: CameraStatusBlock;
  robot: RobotStatusBlock;
  locker: LockerStatusBlock;
}

export const STATUS_BLOCKS = ['printer', 'cardReader', 'fingerprint', 'scanner', 'camera', 'robot', 'locker'] as const satisfies ReadonlyArray<keyof StatusBlocks>;

export type DeviceStatus = { device: DeviceState } & Partial<StatusBlocks>;

export type DeviceStatusDelta = { device?: DeviceState } & { [K in keyof StatusBlocks]?: Partial<StatusBlocks[K]> };

/** Transport as written in the configuration (§8.1). */
export type TransportConfig =
  | { kind: 'sim' }
  /** `flowControl` (default "none"): RTS/CTS, DTR/DSR or XON/XOFF, as the device is wired. */
  | { kind: 'serial'; path: string; baudRate: number; flowControl?: 'none' | 'rtscts' | 'dtrdsr' | 'xonxoff' }
  | { kind: 'tcp'; host: string; port: number }
  /** A USB printer-class device file, e.g. "/dev/usb/lp0" (Linux usblp; issue 13 §2). */
  | { kind: 'usblp'; path: string }
  /** A USB HID device by vendor and product id; `path` ("/dev/hidraw3") tells two of the same model apart. */
  | { kind: 'hid'; vendorId: number; productId: number; path?: string }
  | { kind: 'usb'; vendorId: number; productId: number }
  /**
   * A camera the renderer opens with getUserMedia and whose frames it sends to the host (issue 14 item 5; the
   * face camera only). `deviceLabel`: the camera whose label contains this text, when the kiosk has several.
   */
  | { kind: 'uvc'; deviceLabel?: string }
  /**
   * An IPP printer or CUPS queue (protocols.md §4; issue 17 §1): `ipp://host[:631]/ipp/print`,
   * `ipp://host:631/printers/<queue>`, `ipps://…`, or the same with http(s)://.
   */
  | { kind: 'ipp'; url: string }
  /** A vendor's local HTTP service on this machine (a document camera, protocols.md §6): `http://127.0.0.1:<port>/…`. */
  | { kind: 'http'; url: string };

export interface DeviceConfig {
  role: DeviceRole;
  driver: string;
  model?: string;
  transport: TransportConfig;
}

/** What the host and the control API say about one registered device. */
export interface DeviceSummary {
  id: string;
  roles: DeviceRole[];
  driver: string;
  model: string;
  transport: TransportConfig['kind'];
  status: DeviceStatus;
}

/**
 * Printer faults the simulator can inject, in the status words (§8.2). Partial objects set only what
 * they name. `afterLines` defers the faults named with it until that many more lines have been printed.
 */
export interface PrinterFaults {
  /** "jammed": a paper jam, the recoverable mechanical error of DLE EOT 3 bit 2 (§2.4). */
  paper?: PaperLevel;
  coverOpen?: boolean;
  cutterError?: boolean;
  headOverheat?: boolean;
  offline?: boolean;
  unplugged?: boolean;
  noReply?: boolean;
  garbage?: boolean;
  slowMs?: number;
  afterLines?: number;
}
