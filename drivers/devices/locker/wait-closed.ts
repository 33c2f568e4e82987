/**
 * Waiting for a door to be closed again (docs/locker-protocol.md §4.2): settled by the first STATUS of its
 * board that reads it closed (so the item sensor's answer comes from that same reading), or by the time-out
 * with `doorLeftOpen` — a result the host turns into a staff alert, not an error. The device polls meanwhile.
 */
import type { Clock } from '../../../common/clock';
import { boundedWait } from '../bounded-wait';
import type { LockerCondition } from './locker-condition';
import type { DoorClosedResult } from './locker-types';

export interface WaitForDoorClosedOptions {
  clock: Clock;
  condition: LockerCondition;
  compartment: number;
  address: number;
  timeoutMs: number;
  signal?: AbortSignal;
}

export function waitForDoorClosed(o: WaitForDoorClosedOptions): Promise<DoorClosedResult> {
  let unsubscribe = (): void => undefined;
  const wait = boundedWait<DoorClosedResult>({
    clock: o.clock,
    what: `door ${o.compartment} closed`,
    signal: o.signal,
    timeoutMs: o.timeoutMs,
    atDeadline: () => ({ value: { compartment: o.compartment, closed: false, reason: 'doorLeftOpen' } }),
    cleanup: () => unsubscribe(),
  });
  if (!wait.ended) {
    unsubscribe = o.condition.boardRead.add((address) => {
      if (address !== o.address) return;
      const state = o.condition.state(o.compartment);
      if (!state.doorOpen) wait.resolve({ compartment: o.compartment, closed: true, occupied: state.occupied });
    });
  }
  return wait.promise;
}
