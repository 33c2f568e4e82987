/**
 * The rate limit on pick-up codes (issue 17 §7): a six-digit code is short, so wrong codes are counted per
 * locker over the last hour; at `maxWrongPerHour` the keypad refuses every code until the oldest of them is an
 * hour old. With the defaults (5 an hour) a guesser gets 120 tries a day: with 24 live codes among a million,
 * about one chance in 350 per day of opening any compartment — and every wrong code is in the audit log.
 * Collection by ID card is not limited (the card reader authenticates the card). Kept in the store, so a
 * restart does not lift it.
 */
import type { LockerStore } from './locker-store';

export const HOUR_MS = 3_600_000;

export type AttemptGate = { open: true; triesLeft: number } | { open: false; retryAt: number };

export class PickupAttempts {
  constructor(
    private readonly store: LockerStore,
    private readonly maxWrongPerHour: number,
  ) {}

  gate(now: number): AttemptGate {
    const recent = this.store.codeFailuresSince(now - HOUR_MS + 1);
    if (recent.length < this.maxWrongPerHour) return { open: true, triesLeft: this.maxWrongPerHour - recent.length };
    return { open: false, retryAt: recent[recent.length - this.maxWrongPerHour]! + HOUR_MS };
  }

  /** Counts a wrong code; what the gate says after it. */
  wrong(now: number): AttemptGate {
    this.store.recordCodeFailure(now);
    return this.gate(now);
  }
}
