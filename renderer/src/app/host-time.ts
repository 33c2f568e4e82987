/**
 * The host's clock for display (ARCHITECTURE.md §8.4): the clock the host's rules run on, which training
 * mode may move, extrapolated between syncs with the renderer's monotonic clock.
 */
import { createContext, useContext, useEffect, useState } from 'react';

export interface HostTime {
  /** Host epoch milliseconds now. */
  now(): number;
  /** The hall's IANA time zone. */
  timeZone: string;
}

export const HostTimeContext = createContext<HostTime | null>(null);

export function useHostTime(): HostTime {
  const value = useContext(HostTimeContext);
  if (value === null) throw new Error('useHostTime outside a HostTimeContext');
  return value;
}

/** Host time now, re-rendering every `intervalMs`. */
export function useHostNow(intervalMs: number): number {
  const hostTime = useHostTime();
  const [, setTick] = useState(0);
  useEffect(() => {
    const id = setInterval(() => setTick((n) => n + 1), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return hostTime.now();
}
