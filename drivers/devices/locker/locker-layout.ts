/**
 * Compartment numbers ↔ board address and lock (docs/locker-protocol.md §2.3): compartments 1 … N run
 * board by board in the configuration's order. Validated once, so the rest of the driver can trust it.
 */
import { MAX_ADDRESS, MAX_LOCKS_PER_BOARD, MIN_ADDRESS } from '../../protocol/locker/constants';
import type { LockerBoardConfig } from './locker-types';

export class LockerLayout {
  readonly compartments: number;
  private readonly firsts: number[] = [];

  constructor(readonly boards: readonly LockerBoardConfig[]) {
    if (boards.length === 0) throw new RangeError('a locker has at least one board');
    const seen = new Set<number>();
    let n = 0;
    for (const b of boards) {
      if (!Number.isInteger(b.address) || b.address < MIN_ADDRESS || b.address > MAX_ADDRESS) throw new RangeError(`board address must be ${MIN_ADDRESS} … ${MAX_ADDRESS}; got ${b.address}`);
      if (!Number.isInteger(b.locks) || b.locks < 1 || b.locks > MAX_LOCKS_PER_BOARD) throw new RangeError(`a board has 1 … ${MAX_LOCKS_PER_BOARD} locks; got ${b.locks}`);
      if (seen.has(b.address)) throw new RangeError(`two boards at address ${b.address}`);
      seen.add(b.address);
      this.firsts.push(n + 1);
      n += b.locks;
    }
    this.compartments = n;
  }

  has(compartment: number): boolean {
    return Number.isInteger(compartment) && compartment >= 1 && compartment <= this.compartments;
  }

  locate(compartment: number): { board: LockerBoardConfig; lock: number } {
    if (!this.has(compartment)) throw new RangeError(`no compartment ${compartment} (1 … ${this.compartments})`);
    let i = this.firsts.length - 1;
    while (this.firsts[i]! > compartment) i--;
    return { board: this.boards[i]!, lock: compartment - this.firsts[i]! + 1 };
  }

  /** The compartment of `lock` on the board at `address`. */
  compartmentOf(address: number, lock: number): number {
    const i = this.boards.findIndex((b) => b.address === address);
    return this.firsts[i]! + lock - 1;
  }

  /** The compartments of the board at `address`. */
  compartmentsOf(address: number): number[] {
    const i = this.boards.findIndex((b) => b.address === address);
    return Array.from({ length: this.boards[i]!.locks }, (_, k) => this.firsts[i]! + k);
  }
}
