/**
 * Keeps the host view current: the first snapshot on mount, pushed events as they come, and a fresh snapshot
 * whenever the bridge says events may have been missed (`kiosk:resync`, common/kiosk-api.ts). A failed fetch
 * is retried with capped back-off until one succeeds. The host pushes `host:alive` every two seconds: after
 * the snapshot's `hostLostAfterMs` with nothing from it, the host is lost (暂停服务, the citizen's screen
 * cleared), and the first word from it again brings a fresh snapshot.
 */
import { useEffect, type Dispatch } from 'react';
import { HOST_ALIVE_INTERVAL_MS } from '../../../common/kiosk-api';
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
    let lostAfterMs: number | null = null;
    let lastHeardMs = monotonicNow();
    let lost = false;
    const heard = (): void => {
      lastHeardMs = monotonicNow();
      if (!lost) return;
      lost = false;
      fetchSnapshot(); // it may be a new host incarnation: nothing it pushed while gone is known here
    };
    const watch = setInterval(() => {
      if (disposed || lost || lostAfterMs === null || monotonicNow() - lastHeardMs <= lostAfterMs) return;
      lost = true;
      dispatch({ type: 'host/lost' });
    }, Math.min(1_000, HOST_ALIVE_INTERVAL_MS));

    const fetchSnapshot = (): void => {
      if (retryTimer !== null) clearTimeout(retryTimer);
      retryTimer = null;
      const mine = ++latest;
      api.call('kiosk:get-snapshot', {}).then(
        (snapshot) => {
          if (disposed || mine !== latest) return;
          failures = 0;
          lostAfterMs = snapshot.hostLostAfterMs;
          lost = false;
          lastHeardMs = monotonicNow();
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
      if (event.type !== 'kiosk:resync') heard();
      if (event.type === 'kiosk:resync') fetchSnapshot();
      else if (event.type === 'host:alive') return;
      else dispatch({ type: 'host/event', event, localMs: monotonicNow() });
    });
    fetchSnapshot();

    return () => {
      disposed = true;
      clearInterval(watch);
      unsubscribe();
      if (retryTimer !== null) clearTimeout(retryTimer);
    };
  }, [api, dispatch, monotonicNow]);
}
