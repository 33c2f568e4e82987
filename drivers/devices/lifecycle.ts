/**
 * UnifiedPOS lifecycle (ARCHITECTURE.md §3): closed → open → claimed → enabled. The citizen UI claims a
 * device for a session; a technician's diagnostics claim it exclusively. A claim by another owner is
 * refused with `busy` until released.
 */
import type { Lifecycle } from './device-types';
import { DeviceError } from './device-error';

export class LifecycleState {
  private state: Lifecycle = 'closed';
  private owner: string | null = null;

  get value(): Lifecycle {
    return this.state;
  }

  get claimedBy(): string | null {
    return this.owner;
  }

  opened(): void {
    if (this.state === 'closed') this.state = 'open';
  }

  closed(): void {
    this.state = 'closed';
    this.owner = null;
  }

  claim(deviceId: string, owner: string): void {
    if (this.state === 'closed') throw new DeviceError('deviceNotReady', `${deviceId}: open it before claiming`);
    if (this.owner !== null && this.owner !== owner) throw new DeviceError('busy', `${deviceId}: claimed by ${this.owner}`);
    this.owner = owner;
    if (this.state === 'open') this.state = 'claimed';
  }

  release(owner: string): void {
    if (this.owner !== owner) return;
    this.owner = null;
    if (this.state !== 'closed') this.state = 'open';
  }

  enable(deviceId: string): void {
    if (this.state === 'closed') throw new DeviceError('deviceNotReady', `${deviceId}: open it before enabling`);
    this.state = 'enabled';
  }

  disable(): void {
    if (this.state === 'enabled') this.state = this.owner ? 'claimed' : 'open';
  }
}
