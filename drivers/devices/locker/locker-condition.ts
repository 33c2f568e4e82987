/**
 * What a locker's status is (ARCHITECTURE.md §3; docs/locker-protocol.md §3.1, §4.2, §5), from its boards'
 * STATUS and READ LOCK replies: each compartment's door, item and fault, the `locker` block in compartment
 * numbers (published only when a list really changed), door and item changes for the listeners, and the common
 * device state — `online` when every board answers, `offline` when none does, `hardwareError` when some do not.
 */
import type { DeviceState } from '../../../common/device';
import type { Logger } from '../../../common/logger';
import { Listeners } from '../../transport/transport';
import type { StatusHolder } from '../device-status';
import type { LockerLayout } from './locker-layout';
import type { CompartmentState, LockerDoors } from './locker-types';

interface BoardHealth {
  answered: boolean;
  missedInARow: number;
}

const sameList = (a: readonly number[] | undefined, b: readonly number[]): boolean => a !== undefined && a.length === b.length && a.every((v, i) => v === b[i]);

export class LockerCondition {
  readonly doorChanged = new Listeners<[number, boolean]>();
  readonly itemChanged = new Listeners<[number, boolean]>();
  /** A STATUS reply from the board at this address was applied. */
  readonly boardRead = new Listeners<[number]>();
  private readonly door: boolean[];
  private readonly item: boolean[];
  private readonly fault: boolean[];
  /** Compartments whose open failed here (cleared when their door reads open). */
  private readonly failed = new Set<number>();
  private readonly boards = new Map<number, BoardHealth>();

  constructor(
    private readonly layout: LockerLayout,
    private readonly holder: StatusHolder,
    private readonly log: Logger,
    private readonly missedBeforeOffline: number,
  ) {
    const n = layout.compartments + 1;
    this.door = new Array<boolean>(n).fill(false);
    this.item = new Array<boolean>(n).fill(false);
    this.fault = new Array<boolean>(n).fill(false);
    this.restart();
  }

  /** A STATUS reply from the board at `address`, in lock numbers. */
  board(address: number, lists: { doorsOpen: number[]; occupied: number[]; faults: number[] }): void {
    const cs = this.layout.compartmentsOf(address);
    const of = (locks: number[]): Set<number> => new Set(locks.map((l) => this.layout.compartmentOf(address, l)));
    const [doors, items, faults] = [of(lists.doorsOpen), of(lists.occupied), of(lists.faults)];
    for (const c of cs) this.set({ compartment: c, doorOpen: doors.has(c), occupied: items.has(c), fault: faults.has(c) });
    this.answered(address);
    this.boardRead.emit(address);
  }

  /** One compartment as read (READ LOCK, an OPEN reply). */
  set(state: Partial<CompartmentState> & { compartment: number }): void {
    const c = state.compartment;
    if (state.fault !== undefined) this.fault[c] = state.fault;
    if (state.doorOpen !== undefined && state.doorOpen !== this.door[c]) {
      this.door[c] = state.doorOpen;
      if (state.doorOpen) this.failed.delete(c);
      this.doorChanged.emit(c, state.doorOpen);
    }
    if (state.occupied !== undefined && state.occupied !== this.item[c]) {
      this.item[c] = state.occupied;
      this.itemChanged.emit(c, state.occupied);
    }
    this.publishBlock();
  }

  openFailed(c: number): void {
    this.failed.add(c);
  }

  state(c: number): CompartmentState {
    return { compartment: c, doorOpen: this.door[c]!, occupied: this.item[c]!, fault: this.fault[c]! || this.failed.has(c) };
  }

  /** A board answered. */
  answered(address: number): void {
    const h = this.boards.get(address)!;
    if (h.missedInARow >= this.missedBeforeOffline) this.log.info('locker board answers again', { address });
    h.answered = true;
    h.missedInARow = 0;
    this.publishDevice();
  }

  /** A request to the board ended without a reply. */
  missed(address: number): void {
    const h = this.boards.get(address)!;
    h.missedInARow++;
    if (h.missedInARow === this.missedBeforeOffline) this.log.warn('locker board stopped answering', { address });
    this.publishDevice();
  }

  /** Every board silent (Device.silent). */
  get silent(): boolean {
    return [...this.boards.values()].every((h) => h.missedInARow >= this.missedBeforeOffline);
  }

  doors(): LockerDoors {
    const all = Array.from({ length: this.layout.compartments }, (_, i) => i + 1);
    const down = new Set(this.layout.boards.filter((b) => this.isDown(b.address)).flatMap((b) => this.layout.compartmentsOf(b.address)));
    return {
      compartments: this.layout.compartments,
      doorsOpen: all.filter((c) => this.door[c]),
      occupied: all.filter((c) => this.item[c]),
      faulty: all.filter((c) => this.fault[c] || this.failed.has(c)),
      unavailable: all.filter((c) => down.has(c)),
    };
  }

  /** A link opened or lost: no board is known until it answers. */
  restart(): void {
    for (const b of this.layout.boards) this.boards.set(b.address, { answered: false, missedInARow: 0 });
  }

  publishDevice(): void {
    const down = this.layout.boards.filter((b) => this.isDown(b.address)).length;
    const device: DeviceState = down === 0 ? 'online' : down === this.layout.boards.length ? 'offline' : 'hardwareError';
    this.holder.update({ device });
  }

  private isDown(address: number): boolean {
    const h = this.boards.get(address)!;
    return !h.answered || h.missedInARow >= this.missedBeforeOffline;
  }

  private publishBlock(): void {
    const d = this.doors();
    const now = this.holder.status.locker;
    const block: { compartments: number; doorsOpen?: number[]; occupied?: number[] } = { compartments: d.compartments };
    if (!sameList(now?.doorsOpen, d.doorsOpen)) block.doorsOpen = d.doorsOpen;
    if (!sameList(now?.occupied, d.occupied)) block.occupied = d.occupied;
    this.holder.update({ locker: block });
  }
}
