/**
 * The hall's smart locker (智能柜; issue 17 §7; ARCHITECTURE.md §3 role `locker`; docs/locker-protocol.md):
 * compartments numbered 1 … N across its lock boards, each with a door, an item sensor and an indicator light.
 * Status is data: the common device state plus the `locker` block (compartments, doorsOpen, occupied), pushed
 * as deltas. Opening a door is done only when the board reports that door open (ARCHITECTURE.md §8.3).
 */
import type { LockerStatusBlock } from '../../../common/device';
import type { LightMode } from '../../protocol/locker/constants';
import type { CommandOptions, Device } from '../device-types';

/** One board on the bus, in compartment order (docs/locker-protocol.md §2.3). */
export interface LockerBoardConfig {
  /** 1 … 31, as its DIP switches say. */
  address: number;
  /** 1 … 24. */
  locks: number;
}

export interface CompartmentState {
  compartment: number;
  doorOpen: boolean;
  occupied: boolean;
  /** The board's fault latch: the last OPEN left the door closed (§2.4). */
  fault: boolean;
}

/** A door the board reported open: in the OPEN reply, or read back after it (§4.1). */
export interface LockerOpened {
  compartment: number;
  confirmedBy: 'reply' | 'readBack';
}

/** How a wait for a door to be closed again ended (§4.2): a door left open is a result, worth an alert. */
export type DoorClosedResult =
  | { compartment: number; closed: true; occupied: boolean }
  | { compartment: number; closed: false; reason: 'doorLeftOpen' };

/** The whole cabinet as last read. */
export interface LockerDoors {
  compartments: number;
  doorsOpen: number[];
  occupied: number[];
  /** Compartments whose latch failed to open (board fault bit, or a failed open here), out of use. */
  faulty: number[];
  /** Compartments on a board that does not answer (or has not yet). */
  unavailable: number[];
}

export interface WaitClosedOptions {
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface Locker extends Device {
  readonly compartments: number;
  /**
   * Opens one door; resolves once the board reports it open. Refusals: `invalidData` (no such compartment),
   * `hardwareError` (the door did not open: jammed latch or coil fault — a technician's), `timeout` (the
   * board does not answer), `deviceNotReady` (not open).
   */
  openDoor(compartment: number, options?: CommandOptions): Promise<LockerOpened>;
  /** READ LOCK: one compartment's sensors, now. */
  readCompartment(compartment: number, options?: CommandOptions): Promise<CompartmentState>;
  /** One STATUS round over every board (polling does the same every `pollMs` while enabled or waiting). */
  refreshStatus(options?: CommandOptions): Promise<LockerStatusBlock>;
  /** The cabinet as last read, no I/O. */
  doors(): LockerDoors;
  /** Waits until the door reads closed (polling meanwhile), with what the item sensor says then. */
  waitForClosed(compartment: number, options: WaitClosedOptions): Promise<DoorClosedResult>;
  setLight(compartment: number, mode: LightMode, options?: CommandOptions): Promise<void>;
  /** A door read open or closed (from polls and opens). */
  onDoorChanged(listener: (compartment: number, open: boolean) => void): () => void;
  /** The item sensor of a compartment changed. */
  onItemChanged(listener: (compartment: number, present: boolean) => void): () => void;
}
