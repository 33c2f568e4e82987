/**
 * The mechanics of a simulated locker cabinet (docs/locker-protocol.md §2.3, §2.4, §3.2): its boards and
 * locks, each lock's door, item sensor and fault latch, numbered as the host numbers compartments (board by
 * board in configuration order). A pulse releases the latch and the door springs ajar — at once, a moment
 * later (`slowDoor`), or never (`jammed`, `coilFault`); nothing closes a door but a person (`close`).
 */
import type { Clock, TimerHandle } from '../../common/clock';
import type { OpenResult } from '../../drivers/protocol/locker/frames';

export interface SimBoard {
  address: number;
  locks: number;
}

export interface LockFaults {
  jammed: ReadonlySet<number>;
  coilFault: ReadonlySet<number>;
  slowDoor: ReadonlySet<number>;
}

export class LockerCabinet {
  readonly compartments: number;
  private readonly doorOpen: boolean[];
  private readonly item: boolean[];
  private readonly fault: boolean[];
  private readonly timers = new Set<TimerHandle>();

  constructor(
    readonly boards: readonly SimBoard[],
    private readonly clock: Clock,
    private readonly slowDoorMs: number,
    /** Called after every change a host could see. */
    private readonly changed: (compartment: number) => void,
  ) {
    this.compartments = boards.reduce((n, b) => n + b.locks, 0);
    this.doorOpen = new Array<boolean>(this.compartments + 1).fill(false);
    this.item = new Array<boolean>(this.compartments + 1).fill(false);
    this.fault = new Array<boolean>(this.compartments + 1).fill(false);
  }

  board(address: number): SimBoard | undefined {
    return this.boards.find((b) => b.address === address);
  }

  /** The compartment of lock `lock` on the board at `address`; undefined for a lock it does not have. */
  compartmentOf(address: number, lock: number): number | undefined {
    let first = 1;
    for (const b of this.boards) {
      if (b.address === address) return lock >= 1 && lock <= b.locks ? first + lock - 1 : undefined;
      first += b.locks;
    }
    return undefined;
  }

  lockState(c: number): { doorOpen: boolean; occupied: boolean; fault: boolean } {
    return { doorOpen: this.doorOpen[c]!, occupied: this.item[c]!, fault: this.fault[c]! };
  }

  /** The board's three lists, in lock numbers (§3.1). */
  boardState(address: number): { locks: number; doorsOpen: number[]; occupied: number[]; faults: number[] } {
    const b = this.board(address)!;
    const first = this.compartmentOf(address, 1)!;
    const pick = (values: boolean[]): number[] => Array.from({ length: b.locks }, (_, i) => i + 1).filter((lock) => values[first + lock - 1]);
    return { locks: b.locks, doorsOpen: pick(this.doorOpen), occupied: pick(this.item), faults: pick(this.fault) };
  }

  doorsOpen(): number[] {
    return this.list(this.doorOpen);
  }

  occupied(): number[] {
    return this.list(this.item);
  }

  /** The pulse has ended: what the door sensor says now (§3.2). `opened` schedules nothing more. */
  pulse(c: number, faults: LockFaults): OpenResult {
    if (this.doorOpen[c]) return 'opened';
    if (faults.coilFault.has(c)) return this.failed(c, 'coilFault');
    if (faults.jammed.has(c)) return this.failed(c, 'stillClosed');
    if (faults.slowDoor.has(c)) {
      const timer = this.clock.setTimer(this.slowDoorMs, () => {
        this.timers.delete(timer);
        this.setDoor(c, true);
      });
      this.timers.add(timer);
      return this.failed(c, 'stillClosed');
    }
    this.setDoor(c, true);
    return 'opened';
  }

  /** A person pushes the door shut (the latch catches). False when it was not open. */
  close(c: number): boolean {
    if (!this.doorOpen[c]) return false;
    this.setDoor(c, false);
    return true;
  }

  /** Something put in or taken out; false when the door is closed (nobody can reach in). */
  setItem(c: number, present: boolean): boolean {
    if (!this.doorOpen[c]) return false;
    if (this.item[c] !== present) {
      this.item[c] = present;
      this.changed(c);
    }
    return true;
  }

  /** Every door closed, every compartment empty, no latch faults, nothing pending. */
  reset(): void {
    for (const t of this.timers) t.cancel();
    this.timers.clear();
    this.doorOpen.fill(false);
    this.item.fill(false);
    this.fault.fill(false);
  }

  private failed(c: number, result: 'stillClosed' | 'coilFault'): OpenResult {
    this.fault[c] = true;
    this.changed(c);
    return result;
  }

  private setDoor(c: number, open: boolean): void {
    this.doorOpen[c] = open;
    if (open) this.fault[c] = false;
    this.changed(c);
  }

  private list(values: boolean[]): number[] {
    const out: number[] = [];
    for (let c = 1; c <= this.compartments; c++) if (values[c]) out.push(c);
    return out;
  }
}
