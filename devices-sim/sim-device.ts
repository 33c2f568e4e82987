/**
 * What every simulated device shows the control API and the registry (ARCHITECTURE.md §4, §8.1, §8.2):
 * the configuration's id and roles, its model, its status in the common vocabulary, faults set and cleared
 * in the same words, and what it produced. Printers, ID readers and fingerprint modules all fit this.
 */
import type { DeviceRole, DeviceStatus } from '../common/device';
import type { PrintedTicket } from './escpos/printed-ticket';
import type { PrintedDocument } from './ipp/printed-document';

/** Something a device produced for the tester to inspect: a ticket or receipt, an A4 document. */
export type SimOutput = PrintedTicket | PrintedDocument;

/** A ticket or receipt (ESC/POS), not an A4 job. */
export const isPrintedTicket = (o: SimOutput): o is PrintedTicket => 'bytesBase64' in o;

/**
 * Something a tester does to a device beyond faults (issue 13 §5): a citizen taking a ticket, later laying a
 * card or a finger, presenting a document. `POST /sim/devices/:id/<name>` starts it, `DELETE` ends it (a
 * card lifted, a finger raised) where that means something. Each returns the device's new status; a state
 * in which it makes no sense (no ticket to take) throws SimActionError.
 */
export interface SimAction {
  /** One line for `GET /sim/devices`, in English for testers. */
  description: string;
  start?(body: unknown): DeviceStatus;
  stop?(): DeviceStatus;
}

export interface SimDevice {
  readonly id: string;
  readonly roles: readonly DeviceRole[];
  readonly model: string;
  status(): DeviceStatus;
  /**
   * Sets the faults a request body names, leaving the rest as they are; returns the new status.
   * Throws SimFaultError for an unknown field, a bad value or an empty body: nothing is changed then.
   */
  setFaults(body: unknown): DeviceStatus;
  clearFaults(): void;
  /** Oldest first. */
  printed(): SimOutput[];
  /** Healthy, empty buffers, nothing printed, counters at zero. */
  reset(): void;
  /** The actions this device's model has, by the name in the path (none: an empty object). */
  actions(): Readonly<Record<string, SimAction>>;
}

/** An action the device cannot do in its present state (409), or with this body (400 when `badRequest`). */
export class SimActionError extends Error {
  override readonly name = 'SimActionError';
  constructor(
    message: string,
    readonly badRequest = false,
  ) {
    super(message);
  }
}

/** A fault request the device cannot take; `field` names the offending field when there is one. */
export class SimFaultError extends Error {
  override readonly name = 'SimFaultError';
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
