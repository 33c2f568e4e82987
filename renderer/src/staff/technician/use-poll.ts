/**
 * Reading the host again and again while a technician screen is shown (issue 15 §3: the device list every
 * 2 s, the frame log every 1 s). One call at a time: the next waits `intervalMs` after the last answer, so a
 * slow host is never asked twice at once; nothing is asked once the screen has gone or `active` is false.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { KioskErrorInfo } from '../../../../common/errors';
import { toErrorInfo } from '../../api/error-info';

export const DEVICE_POLL_MS = 2_000;
export const FRAME_POLL_MS = 1_000;

/** Runs `tick` at once, then `intervalMs` after each answer, while `active`. */
export function usePoll(tick: () => Promise<unknown>, intervalMs: number, active = true): void {
  const tickRef = useRef(tick);
  tickRef.current = tick;
  useEffect(() => {
    if (!active) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = (): void => {
      tickRef.current()
        .catch(() => undefined)
        .finally(() => {
          if (!stopped) timer = setTimeout(run, intervalMs);
        });
    };
    run();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [intervalMs, active]);
}

export interface Live<T> {
  value: T | null;
  /** The last read failed (the value shown is the one before). */
  error: KioskErrorInfo | null;
  /** A fresher value another call answered with (tech:maintenance returns the device). */
  replace(value: T): void;
}

/**
 * A value read at once and then every `intervalMs`; `load` should be stable (useCallback). A read that was
 * already out when `replace` came is dropped, so an older answer never overwrites a newer one.
 */
export function useLive<T>(load: () => Promise<T>, intervalMs: number, active = true): Live<T> {
  const [state, setState] = useState<{ value: T | null; error: KioskErrorInfo | null }>({ value: null, error: null });
  const alive = useRef(true);
  const generation = useRef(0);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);
  const tick = useCallback(() => {
    const mine = generation.current;
    const current = (): boolean => alive.current && mine === generation.current;
    return load().then(
      (value) => {
        if (current()) setState({ value, error: null });
      },
      (error: unknown) => {
        if (current()) setState((s) => ({ ...s, error: toErrorInfo(error) }));
      },
    );
  }, [load]);
  usePoll(tick, intervalMs, active);
  const replace = useCallback((value: T) => {
    generation.current++;
    setState({ value, error: null });
  }, []);
  return { ...state, replace };
}
