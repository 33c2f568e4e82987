/**
 * Calls from the staff screens: what is being read or done, and the error if it failed. The host decides
 * every outcome (ARCHITECTURE.md §8.6); a screen shows the answer it got. Answers arriving after the screen
 * has gone are dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { KioskErrorInfo } from '../../../common/errors';
import { toErrorInfo } from '../api/error-info';

function useMounted(): { readonly current: boolean } {
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  return mounted;
}

export interface Loaded<T> {
  value: T | null;
  loading: boolean;
  error: KioskErrorInfo | null;
  reload(): void;
  /** A fresher value some other call answered with (settling a ticket returns the new list). */
  replace(value: T): void;
}

/** Reads `load` when the screen opens, and again on `reload()`. `load` must be stable (useCallback). */
export function useStaffLoad<T>(load: () => Promise<T>): Loaded<T> {
  const mounted = useMounted();
  const latest = useRef(0);
  const [state, setState] = useState<{ value: T | null; loading: boolean; error: KioskErrorInfo | null }>({ value: null, loading: true, error: null });
  const reload = useCallback(() => {
    const mine = ++latest.current;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (value) => {
        if (mounted.current && mine === latest.current) setState({ value, loading: false, error: null });
      },
      (error: unknown) => {
        if (mounted.current && mine === latest.current) setState((s) => ({ ...s, loading: false, error: toErrorInfo(error) }));
      },
    );
  }, [load, mounted]);
  useEffect(reload, [reload]);
  const replace = useCallback((value: T) => {
    latest.current++;
    setState({ value, loading: false, error: null });
  }, []);
  return { ...state, reload, replace };
}

export interface StaffAction {
  busy: boolean;
  error: KioskErrorInfo | null;
  /** Runs one call at a time; a second tap while one is out does nothing. */
  run<T>(call: () => Promise<T>, done: (value: T) => void): void;
  clearError(): void;
}

export function useStaffAction(): StaffAction {
  const mounted = useMounted();
  const busyRef = useRef(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<KioskErrorInfo | null>(null);
  const run = useCallback(
    <T>(call: () => Promise<T>, done: (value: T) => void) => {
      if (busyRef.current) return;
      busyRef.current = true;
      setBusy(true);
      setError(null);
      call().then(
        (value) => {
          busyRef.current = false;
          if (!mounted.current) return;
          setBusy(false);
          done(value);
        },
        (e: unknown) => {
          busyRef.current = false;
          if (!mounted.current) return;
          setBusy(false);
          setError(toErrorInfo(e));
        },
      );
    },
    [mounted],
  );
  const clearError = useCallback(() => setError(null), []);
  return { busy, error, run, clearError };
}
