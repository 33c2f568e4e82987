/**
 * The manual clock the queue tests drive (ARCHITECTURE.md §8.4: no fixed sleeps, time is injected).
 * It is common/manual-clock.ts — now/setTimer/onJump plus set()/advance() — re-exported rather than copied,
 * so there is one fake clock to trust; `at()` turns an ISO instant into epoch milliseconds.
 */
import { ManualClock } from '../../../common/manual-clock';

export { ManualClock };

/** Epoch milliseconds of an ISO 8601 instant with an explicit offset, e.g. "2026-11-23T01:00:00Z". */
export function at(iso: string): number {
  if (!/(Z|[+-]\d{2}:\d{2})$/.test(iso)) throw new Error(`at(): give the offset explicitly (got ${iso})`);
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`at(): not an ISO instant (${iso})`);
  return ms;
}

/** A manual clock standing at `iso`. */
export function clockAt(iso: string): ManualClock {
  return new ManualClock(at(iso));
}
