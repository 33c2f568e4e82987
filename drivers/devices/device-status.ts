/**
 * Status kept as data and published as deltas (ARCHITECTURE.md §3): a setter compares the new status with
 * the old one field by field and emits only what changed.
 */
import { STATUS_BLOCKS, type DeviceStatus, type DeviceStatusDelta } from '../../common/device';

/** The block with `update`'s defined fields applied, and those of them that changed; null when none did. */
function mergeBlock<B extends object>(current: B | undefined, update: Partial<B> | undefined): { block: B; delta: Partial<B> } | null {
  if (!update) return null;
  const block = { ...(current ?? {}) } as B;
  const delta: Partial<B> = {};
  for (const [key, value] of Object.entries(update) as Array<[keyof B, B[keyof B]]>) {
    if (value !== undefined && block[key] !== value) {
      block[key] = value;
      delta[key] = value;
    }
  }
  return Object.keys(delta).length > 0 ? { block, delta } : null;
}

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
    const next: DeviceStatus = { ...this.current };
    if (update.device !== undefined && update.device !== this.current.device) {
      delta.device = update.device;
      next.device = update.device;
    }
    for (const name of STATUS_BLOCKS) {
      const changed = mergeBlock(this.current[name], update[name]);
      if (!changed) continue;
      (next as Record<string, unknown>)[name] = changed.block;
      (delta as Record<string, unknown>)[name] = changed.delta;
    }
    if (Object.keys(delta).length === 0) return null;
    this.current = next;
    for (const l of [...this.listeners]) l(delta, this.current);
    return delta;
  }

  onChanged(listener: (delta: DeviceStatusDelta, status: DeviceStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
