/**
 * Reports citizen activity to the host, which owns the idle timer (ARCHITECTURE.md §8.6): any pointerdown or
 * keydown anywhere, at most once per second. (The long-press menu is stopped for the whole document by document-guard.ts.)
 */
import { useCallback, useEffect, useMemo, useRef, type Dispatch } from 'react';
import type { KioskApi } from '../../../common/kiosk-api';
import type { AppAction } from './app-state';

export const ACTIVITY_MIN_INTERVAL_MS = 1_000;

/** Returns true when a report may go out now; `force` (an explicit "continue" tap) always may. */
export function createActivityThrottle(now: () => number, minIntervalMs = ACTIVITY_MIN_INTERVAL_MS): (force?: boolean) => boolean {
  let last = Number.NEGATIVE_INFINITY;
  return (force = false) => {
    const t = now();
    if (!force && t - last < minIntervalMs) return false;
    last = t;
    return true;
  };
}

export type ReportActivity = (force?: boolean) => void;

/**
 * `inSession` says whether the host has a citizen session now. Without one, every touch is reported at once:
 * the throttle must never swallow the tap that starts a session (e.g. right after 完成 ended the last one).
 * `citizenUi` is false while the staff PIN pad or the staff screens are shown (issue 15 §1): touches there
 * are no citizen's, and nothing goes on `session:activity`.
 */
export function useActivityReporter(api: KioskApi, dispatch: Dispatch<AppAction>, monotonicNow: () => number, inSession: boolean, citizenUi = true): ReportActivity {
  const mayReport = useMemo(() => createActivityThrottle(monotonicNow), [monotonicNow]);
  const inSessionRef = useRef(inSession);
  inSessionRef.current = inSession;
  const citizenUiRef = useRef(citizenUi);
  citizenUiRef.current = citizenUi;

  const report = useCallback<ReportActivity>(
    (force = false) => {
      if (!citizenUiRef.current || !mayReport(force || !inSessionRef.current)) return;
      api.call('session:activity', {}).then(
        (session) => dispatch({ type: 'host/session', session }),
        () => {
          // Host unreachable: nothing to show; the next touch reports again.
        },
      );
    },
    [api, dispatch, mayReport],
  );

  useEffect(() => {
    const onInput = (): void => report();
    document.addEventListener('pointerdown', onInput, true);
    document.addEventListener('keydown', onInput, true);
    return () => {
      document.removeEventListener('pointerdown', onInput, true);
      document.removeEventListener('keydown', onInput, true);
    };
  }, [report]);

  return report;
}
