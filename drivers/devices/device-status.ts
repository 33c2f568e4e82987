/**
 * Status kept as data and published as deltas (ARCHITECTURE.md §3): a setter compares the new status with
 * the old one field by field and emits only what changed.
 */
import type { DeviceStatus, DeviceStatusDelta, PrinterStatusBlock } from '../../common/device';

export class StatusHolder {
  private current: DeviceStatus;
  private readonly listeners = new Set<(delta: DeviceStatusDelta, status: DeviceStatus) => void>();

  constructor(initial: DeviceStatus) {
    this.current = structuredClone(initial);
  }

  get status(): DeviceStatus {
    return this.current;
  }

  /** Applies an update; listeners hear only the fields that really changed. Returns that delta or null. */
  update(update: DeviceStatusDelta): DeviceStatusDelta | null {
    const delta: DeviceStatusDelta = {};
    const next: DeviceStatus = { ...this.current, printer: this.current.printer ? { ...this.current.printer } : undefined };
    if (update.device !== undefined && update.device !== this.current.device) {
      delta.device = update.device;
      next.device = update.device;
    }
    if (update.printer) {
      const printerDelta: Partial<PrinterStatusBlock> = {};
      const printer: PrinterStatusBlock = { ...(next.printer ?? {}) };
      for (const [key, value] of Object.entries(update.printer) as Array<[keyof PrinterStatusBlock, never]>) {
        if (value !== undefined && printer[key] !== value) {
          printer[key] = value;
          printerDelta[key] = value;
        }
      }
      next.printer = printer;
      if (Object.keys(printerDelta).length > 0) delta.printer = printerDelta;
    }
    if (delta.device === undefined && delta.printer === undefined) return null;
    this.current = next;
    for (const l of [...this.listeners]) l(delta, this.current);
    return delta;
  }

  onChanged(listener: (delta: DeviceStatusDelta, status: DeviceStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
