/**
 * Technician diagnostics at the kiosk (issue 15 §3): every device of the registry with its driver, link,
 * model, what it reported of itself, status and history; health checks at three levels; the live frame log;
 * maintenance mode and the raw console; the device editor; the diagnostic bundle; the audit chain's state.
 */
import type { DeviceRole, DeviceStatus } from './device';
import type { KioskErrorInfo } from './errors';

export type HealthLevelName = 'internal' | 'external' | 'interactive';

export interface HealthView {
  level: HealthLevelName;
  ok: boolean;
  /** In plain words, no personal data (the driver's findings: model, link, SAM, templates stored …). */
  findings: string[];
  error?: KioskErrorInfo;
  at: number;
}

export interface DeviceDiagnostics {
  id: string;
  roles: DeviceRole[];
  driver: string;
  model: string;
  /** The model rows the driver knows (its model table): what the device editor offers. */
  models: string[];
  /** The configured link: `serial`, `tcp`, `usb`, `usblp`, `hid`, `uvc`, `sim`, and its port where it has one. */
  transport: { kind: string; port: string | null; baudRate: number | null };
  /** What the device can report: its status blocks (printer, cardReader, …). */
  capabilities: string[];
  lifecycle: string;
  status: DeviceStatus;
  statistics: Record<string, number>;
  /** Status changes, oldest first (the last 200). */
  history: Array<{ at: number; summary: string }>;
  /** The last health check run from the diagnostics screen, with the device's own facts (firmware, SAM). */
  lastHealth: HealthView | null;
  maintenance: { by: string; since: number } | null;
  /** Whether the device editor can change this device here (not for a simulated device or the built-in default). */
  editable: { ok: true } | { ok: false; reason: string };
}

export interface FrameView {
  seq: number;
  at: number;
  direction: 'tx' | 'rx';
  /** Masked hex: personal bytes as `**`. */
  hex: string;
  meaning: string;
}

export interface HealthCheckRequest {
  deviceId: string;
  level: HealthLevelName;
}

export interface FramesRequest {
  deviceId: string;
  /** Only frames after this one (the last the screen shows); 0 for all kept. */
  afterSeq: number;
}

export interface MaintenanceRequest {
  deviceId: string;
  on: boolean;
}

export interface RawCommandRequestView {
  deviceId: string;
  hex: string;
  /** How long to collect the reply, 50–10000 ms (default 2000). */
  waitMs?: number;
}

export interface RawCommandView {
  outcome: 'replied' | 'noReply';
  sent: Array<{ hex: string; meaning: string }>;
  replies: Array<{ hex: string; meaning: string }>;
  replyBytes: number;
  listenedMs: number;
  message: string;
}

/** The device editor's change: a serial port and speed, a network address, a USB id, and/or the model row. */
export interface DeviceEditRequest {
  deviceId: string;
  transport?: { kind: 'serial'; path: string; baudRate: number } | { kind: 'tcp'; host: string; port: number };
  model?: string;
}

export interface DeviceEditResult {
  outcome: 'applied' | 'notSaved' | 'rolledBack' | 'rollbackFailed';
  message: string;
  backupPath?: string;
}

export interface BundleView {
  path: string;
  bytes: number;
  usb: Array<{ dir: string; ok: boolean; message: string }>;
  message: string;
}

export interface AuditStatusView {
  head: { id: number; hash: string; at: number } | null;
  headWrittenOut: { id: number; hash: string; at: number } | null;
  ok: boolean;
  records: number | null;
  /** The first broken link, in words; null when intact. */
  problem: string | null;
}
