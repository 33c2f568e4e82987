/**
 * Keeps the host view current: the first snapshot on mount, pushed events as they come, and a fresh snapshot
 * whenever the bridge says events may have been missed (`kiosk:resync`, common/kiosk-api.ts). A failed fetch
 * is retried with capped back-off until one succeeds.
 */
import { useEffect, type Dispatch } from 'react';
import type { KioskApi } from '../../../common/kiosk-api';
import { backoffDelayMs, type BackoffOptions } from '../api/backoff';
import type { AppAction } from './app-state';

const SNAPSHOT_RETRY: BackoffOptions = { initialMs: 1_000, maxMs: 10_000, factor: 2 };

export function useHostConnection(api: KioskApi, dispatch: Dispatch<AppAction>, monotonicNow: () => number): void {
  useEffect(() => {
    let disposed = false;
    let latest = 0;
    let failures = 0;
    let retryTimer: ReturnType<typeof setTimeout> | null = null;

    const fetchSnapshot = (): void => {
      if (retryTimer !== null) clearTimeout(retryTimer);
      retryTimer = null;
      const mine = ++latest;
      api.call('kiosk:get-snapshot', {}).then(
        (snapshot) => {
          if (disposed || mine !== latest) return;
          failures = 0;
          dispatch({ type: 'host/snapshot', snapshot, localMs: monotonicNow() });
        },
        () => {
          if (disposed || mine !== latest) return;
          retryTimer = setTimeout(fetchSnapshot, backoffDelayMs(failures++, SNAPSHOT_RETRY));
        },
      );
    };

    const unsubscribe = api.onEvent((event) => {
      if (disposed) return;
      if (event.type === 'kiosk:resync') fetchSnapshot();
      else dispatch({ type: 'host/event', event, localMs: monotonicNow() });
    });
    fetchSnapshot();

    return () => {
      disposed = true;
      unsubscribe();
      if (retryTimer !== null) clearTimeout(retryTimer);
    };
  }, [api, dispatch, monotonicNow]);
}
