/**
 * Opening one door, done only when the board reports it open (docs/locker-protocol.md §4.1; ARCHITECTURE.md
 * §8.3): OPEN; "opened" confirms. "Still closed" reads the lock back every 100 ms for `openConfirmMs` — a slow
 * spring confirms late, a door still closed then failed (jammed). "Coil fault" failed at once. A lost OPEN
 * reply is never answered with a blind second OPEN: the lock is read first, and only a closed door gets one.
 */
import type { Clock } from '../../../common/clock';
import { boundedWait } from '../bounded-wait';
import { DeviceError } from '../device-error';
import type { LockerCondition } from './locker-condition';
import type { LockerLink } from './locker-link';
import type { LockerOpened } from './locker-types';

export interface DoorOpeningContext {
  link: LockerLink;
  clock: Clock;
  condition: LockerCondition;
  timing: { commandTimeoutMs: number; openTimeoutMs: number; openConfirmMs: number };
}

const READ_BACK_EVERY_MS = 100;

export async function openDoor(ctx: DoorOpeningContext, compartment: number, address: number, lock: number, signal: AbortSignal): Promise<LockerOpened> {
  const { link, clock, condition, timing } = ctx;
  const readBack = async (): Promise<boolean> => {
    const state = await link.exchange(address, { cmd: 'readLock', lock }, timing.commandTimeoutMs, signal);
    condition.set({ compartment, doorOpen: state.doorOpen, occupied: state.occupied, fault: state.fault });
    return state.doorOpen;
  };
  const pulse = () => link.exchange(address, { cmd: 'open', lock }, timing.openTimeoutMs, signal);
  let reply;
  try {
    reply = await pulse();
  } catch (err) {
    if (DeviceError.from(err).code !== 'timeout' || signal.aborted) throw err;
    if (await readBack()) return { compartment, confirmedBy: 'readBack' };
    reply = await pulse();
  }
  condition.set({ compartment, doorOpen: reply.doorOpen, fault: reply.result !== 'opened' });
  if (reply.result === 'coilFault') throw new DeviceError('hardwareError', `compartment ${compartment}: the lock's coil drew no current (unplugged or burnt out); the door did not open`);
  if (reply.result === 'opened' && reply.doorOpen) return { compartment, confirmedBy: 'reply' };
  const until = clock.elapsedMs() + timing.openConfirmMs;
  while (clock.elapsedMs() < until) {
    await boundedWait<void>({ clock, what: 'door read-back pause', signal, timeoutMs: READ_BACK_EVERY_MS, atDeadline: () => ({ value: undefined }) }).promise;
    if (await readBack()) return { compartment, confirmedBy: 'readBack' };
  }
  throw new DeviceError('hardwareError', `compartment ${compartment}: pulsed, but the door stayed closed for ${timing.openConfirmMs} ms (a jammed latch)`);
}
