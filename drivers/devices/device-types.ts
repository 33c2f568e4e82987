/**
 * The device model shared by every device class (ARCHITECTURE.md §3, after UnifiedPOS and CEN/XFS4IoT).
 */
import type { DeviceRole, DeviceStatus, DeviceStatusDelta } from '../../common/device';
import type { KioskErrorInfo } from '../../common/errors';

/** UnifiedPOS lifecycle: closed → open → claimed → enabled. */
export type Lifecycle = 'closed' | 'open' | 'claimed' | 'enabled';

/** Every command is bounded (§3): a time-out and an AbortSignal, and an events object for long ones. */
export interface CommandOptions<E = unknown> {
  signal?: AbortSignal;
  timeoutMs?: number;
  events?: E;
}

export type HealthLevel = 'internal' | 'external' | 'interactive';

export interface HealthReport {
  level: HealthLevel;
  ok: boolean;
  /** What was checked and what it found, in plain words for the technician (no personal data). */
  findings: string[];
  error?: KioskErrorInfo;
}

/** Persisted counters (§3 "Statistics persist"), so paper rolls are replaced before they run out. */
export interface DeviceStatistics {
  [counter: string]: number;
}

export interface Device {
  readonly id: string;
  readonly driver: string;
  readonly model: string;
  readonly roles: readonly DeviceRole[];
  readonly lifecycle: Lifecycle;
  readonly status: DeviceStatus;
  /**
   * The link is open but the device stopped answering (its last status rounds went unanswered), as opposed
   * to a device that answers and reports itself offline. The device manager reconnects a silent network
   * device (device-manager.ts `LINK_LOST_IN`). Absent: the driver cannot tell.
   */
  readonly silent?: boolean;
  /** Bounded like every command: rejects with timeout (or canceled) instead of hanging on a stuck port. */
  open(options?: CommandOptions): Promise<void>;
  close(): Promise<void>;
  claim(owner: string): void;
  release(owner: string): void;
  enable(): Promise<void>;
  disable(): Promise<void>;
  /** Status changes as deltas, with the full status after the change. */
  onStatusChanged(listener: (delta: DeviceStatusDelta, status: DeviceStatus) => void): () => void;
  healthCheck(level: HealthLevel, options?: CommandOptions): Promise<HealthReport>;
  statistics(): DeviceStatistics;
}
