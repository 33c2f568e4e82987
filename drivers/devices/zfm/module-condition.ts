/**
 * What the fingerprint module's common `device` state is (ARCHITECTURE.md §3), from what its answers said:
 * `hardwareError` while it needs a technician (it holds another password, `13`; its sensor fails to image,
 * `03` in a row; protocols.md §3.3), `offline` while it stopped answering (silent), `online` once the module
 * check passed and nothing is wrong. The reader tells it what happened; it publishes the state.
 */
import type { DeviceState } from '../../../common/device';
import type { Logger } from '../../../common/logger';
import type { DeviceError } from '../device-error';
import type { StatusHolder } from '../device-status';
import type { DeviceCounters } from '../statistics';

export interface ModuleFault {
  kind: 'password' | 'sensor';
  detail: string;
}

/** Exchanges in a row without any reply before the module is reported offline (one lost packet is not an outage). */
const UNANSWERED_BEFORE_OFFLINE = 2;

export class ModuleCondition {
  /** The module check (VfyPwd, ReadSysPara) has passed since the link opened. */
  checked = false;
  /** The module stopped answering (Device.silent). */
  silent = false;
  private current: ModuleFault | null = null;

  constructor(
    private readonly holder: StatusHolder,
    private readonly log: Logger,
    private readonly counters: DeviceCounters,
  ) {}

  get fault(): ModuleFault | null {
    return this.current;
  }

  setFault(fault: ModuleFault | null): void {
    if (fault !== null && this.current === null) {
      this.counters.add(`moduleFaults.${fault.kind}`);
      this.log.error('fingerprint module needs a technician', { ...fault });
    }
    if (fault === null && this.current !== null) this.log.info('fingerprint module works again');
    this.current = fault;
    this.publish();
  }

  /** A fault of `kind` is over. */
  cleared(kind: ModuleFault['kind']): void {
    if (this.current?.kind === kind) this.setFault(null);
  }

  passedCheck(): void {
    this.checked = true;
    this.cleared('password');
    this.publish();
  }

  /** The module answered: it is not silent. */
  answered(): void {
    this.silent = false;
    if (this.checked) this.publish();
  }

  /** A failed command: the module may have stopped answering (offline), or answered with a finger problem. */
  failed(e: DeviceError, unansweredInARow: number): DeviceError {
    if (e.code === 'canceled' || e.code === 'noDevice') return e;
    if (unansweredInARow >= UNANSWERED_BEFORE_OFFLINE) {
      if (!this.silent) this.log.warn('fingerprint module stopped answering', { what: e.message });
      this.silent = true;
      this.publish();
    } else if (unansweredInARow === 0) this.answered();
    return e;
  }

  /** A link opened or lost: nothing is known until the next check. */
  restart(): void {
    this.checked = false;
    this.silent = false;
  }

  private publish(): void {
    let device: DeviceState = 'online';
    if (this.current !== null) device = 'hardwareError';
    else if (this.silent) device = 'offline';
    this.holder.update({ device });
  }
}
