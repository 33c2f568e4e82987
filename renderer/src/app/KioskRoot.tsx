/**
 * The app root: an error boundary around the citizen UI (ARCHITECTURE.md §8.9: never a blank kiosk). A render
 * fault shows a calm, translated "服务暂时中断，请稍候" screen (with the 演示模式 banner in training mode),
 * is reported masked (report-problem.ts; the KioskApi has no channel for it), and the UI is remounted after a
 * short delay: a fresh App fetches a fresh host snapshot, and nothing of the interrupted flow survives
 * (§8.7). Repeated faults back off, so a fault that recurs at once does not flicker the screen.
 */
import { Component, useCallback, useEffect, useRef, useState, type ErrorInfo, type ReactNode } from 'react';
import type { KioskApi, KioskMode, Language } from '../../../common/kiosk-api';
import { maskForLog } from '../../../common/mask';
import { backoffDelayMs, type BackoffOptions } from '../api/backoff';
import { DemoBanner } from '../components/DemoBanner';
import { I18nProvider } from '../i18n/I18nProvider';
import { DEFAULT_LANGUAGE } from '../i18n/translate';
import { ServiceInterruptedScreen } from '../shell/ServiceInterruptedScreen';
import { App, type AppProps } from './App';
import { reportProblem as defaultReport, type ReportProblem } from './report-problem';

/** First remount after 3 s, then longer while faults keep coming, at most a minute apart. */
export const RECOVERY_BACKOFF: BackoffOptions = { initialMs: 3_000, maxMs: 60_000, factor: 2 };
/** A UI that ran this long without a fault starts the back-off again from its first step. */
export const RECOVERY_STABLE_MS = 60_000;

interface BoundaryProps {
  fallback: ReactNode;
  onError(error: unknown, componentStack: string): void;
  children: ReactNode;
}

class ErrorBoundary extends Component<BoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    this.props.onError(error, info.componentStack ?? '');
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/**
 * A screen outside the App (the fault screen; main.tsx's out-of-service screen when there is no host at all),
 * with the same frame: language, and the 演示模式 banner whenever the mode is known to be training (§8.5).
 */
export function StandaloneScreen({ mode, language, children }: { mode: KioskMode | null; language: Language; children: ReactNode }) {
  return (
    <I18nProvider language={language}>
      <div className="app app--standalone">
        {mode === 'training' && <DemoBanner />}
        <div className="app__content">{children}</div>
      </div>
    </I18nProvider>
  );
}

export interface KioskRootProps extends Pick<AppProps, 'monotonicNow' | 'newRequestId'> {
  api: KioskApi;
  /** The mode the shell stated before any snapshot (connect-kiosk-api.ts `modeHint`). */
  modeHint?: KioskMode | null;
  report?: ReportProblem;
  /** Delay before remount number `attempt` (0-based); tests pass their own. */
  recoveryDelayMs?: (attempt: number) => number;
  /** Renders the UI; tests put a faulty component here. */
  renderApp?: (props: AppProps) => ReactNode;
}

const performanceNow = (): number => performance.now();

export function KioskRoot({
  api,
  modeHint = null,
  report = defaultReport,
  recoveryDelayMs = (attempt) => backoffDelayMs(attempt, RECOVERY_BACKOFF),
  renderApp = (props) => <App {...props} />,
  monotonicNow = performanceNow,
  newRequestId,
}: KioskRootProps) {
  const [generation, setGeneration] = useState(0);
  const [interrupted, setInterrupted] = useState(false);
  // Remembered across remounts, in memory only: the banner and the language stay as they were.
  const shown = useRef<{ mode: KioskMode | null; language: Language }>({ mode: modeHint, language: DEFAULT_LANGUAGE });
  const recovery = useRef({ attempt: 0, mountedAt: monotonicNow(), timer: null as ReturnType<typeof setTimeout> | null });

  useEffect(() => {
    const r = recovery.current;
    return () => {
      if (r.timer !== null) clearTimeout(r.timer);
    };
  }, []);

  const onShown = useCallback((next: { mode: KioskMode | null; language: Language }) => {
    shown.current = { mode: next.mode ?? shown.current.mode, language: next.language };
  }, []);

  const onError = useCallback(
    (error: unknown, componentStack: string) => {
      const r = recovery.current;
      if (monotonicNow() - r.mountedAt >= RECOVERY_STABLE_MS) r.attempt = 0;
      const delayMs = recoveryDelayMs(r.attempt++);
      report('renderer fault: showing the interruption screen, remounting', {
        error: maskForLog(error),
        componentStack: maskForLog(componentStack),
        attempt: r.attempt,
        delayMs,
      });
      setInterrupted(true);
      if (r.timer !== null) clearTimeout(r.timer);
      r.timer = setTimeout(() => {
        r.timer = null;
        r.mountedAt = monotonicNow();
        setInterrupted(false);
        setGeneration((g) => g + 1);
      }, delayMs);
    },
    [monotonicNow, recoveryDelayMs, report],
  );

  const appProps: AppProps = { api, monotonicNow, knownMode: shown.current.mode, onShown };
  if (newRequestId) appProps.newRequestId = newRequestId;
  const fallback = (
    <StandaloneScreen mode={shown.current.mode} language={shown.current.language}>
      <ServiceInterruptedScreen />
    </StandaloneScreen>
  );
  return (
    <ErrorBoundary key={generation} fallback={fallback} onError={onError}>
      {interrupted ? fallback : renderApp(appProps)}
    </ErrorBoundary>
  );
}
