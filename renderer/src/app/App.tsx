import { useCallback, useEffect, useMemo, useReducer } from 'react';
import type { KioskApi, KioskMode, Language } from '../../../common/kiosk-api';
import { newRequestId as defaultNewRequestId } from '../api/request-id';
import { CountdownOverlay } from '../components/CountdownOverlay';
import { DemoBanner } from '../components/DemoBanner';
import { TopBar } from '../components/TopBar';
import { I18nProvider } from '../i18n/I18nProvider';
import { AttractScreen } from '../screens/AttractScreen';
import { BusinessScreen } from '../screens/BusinessScreen';
import { ConnectingScreen } from '../screens/ConnectingScreen';
import { HomeScreen } from '../screens/HomeScreen';
import { OutcomeScreen } from '../screens/OutcomeScreen';
import { OutOfServiceScreen } from '../screens/OutOfServiceScreen';
import { PrintingScreen } from '../screens/PrintingScreen';
import { TicketScreen } from '../screens/TicketScreen';
import { appReducer, INITIAL_APP_STATE } from './app-state';
import { hostNowMs } from './host-view';
import { HostTimeContext, type HostTime } from './host-time';
import { useActivityReporter } from './use-activity';
import { useHostConnection } from './use-host-connection';
import { useTicketActions } from './use-ticket-actions';

export interface AppProps {
  api: KioskApi;
  /** The renderer's monotonic clock, for extrapolating host time and throttling; tests pass their own. */
  monotonicNow?: () => number;
  newRequestId?: () => string;
  /**
   * The mode known before this App's first snapshot (a shell's hint, or the last snapshot before a remount
   * by the error boundary), so the 演示模式 banner is on the connecting screen too (§8.5).
   */
  knownMode?: KioskMode | null;
  /** Told the mode and language on screen whenever they change, so the root can keep them across a remount. */
  onShown?: (shown: { mode: KioskMode | null; language: Language }) => void;
}

const performanceNow = (): number => performance.now();

/**
 * The citizen UI: a view of host state (ARCHITECTURE.md §1, §8.6). The host's session phase picks attract or
 * the flow; the flow is local and cleared whenever the host ends the session.
 */
export function App({ api, monotonicNow = performanceNow, newRequestId = defaultNewRequestId, knownMode = null, onShown }: AppProps) {
  const [state, dispatch] = useReducer(appReducer, INITIAL_APP_STATE);
  const { snapshot, clock } = state.host;
  const { screen, language } = state.flow;

  useHostConnection(api, dispatch, monotonicNow);
  const reportActivity = useActivityReporter(api, dispatch, monotonicNow, snapshot?.session.sessionId != null);
  const tickets = useTicketActions(api, dispatch, screen, newRequestId);

  const timeZone = snapshot?.timeZone ?? 'Asia/Shanghai';
  const hostTime = useMemo<HostTime>(
    () => ({ now: () => (clock ? hostNowMs(clock, monotonicNow()) : 0), timeZone }),
    [clock, monotonicNow, timeZone],
  );

  // Entering the business list: refresh it, since hours open and close with time as well as with events.
  useEffect(() => {
    if (screen.name !== 'businesses') return;
    let current = true;
    api.call('queue:list-businesses', {}).then(
      (businesses) => current && dispatch({ type: 'host/businesses', businesses }),
      () => {
        // Keep what the snapshot and events gave us.
      },
    );
    return () => {
      current = false;
    };
  }, [api, screen.name]);

  const goHome = useCallback(() => dispatch({ type: 'flow/home' }), []);
  const showBusinesses = useCallback(() => dispatch({ type: 'flow/businesses' }), []);
  const forceActivity = useCallback(() => reportActivity(true), [reportActivity]);

  const mode = snapshot?.mode ?? knownMode;
  useEffect(() => onShown?.({ mode, language }), [onShown, mode, language]);

  const phase = snapshot?.session.phase;
  const takeTicket = snapshot?.availability.find((a) => a.service === 'takeTicket');

  let content;
  if (state.host.lost) {
    content = <OutOfServiceScreen paused />;
  } else if (snapshot === null) {
    content = <ConnectingScreen />;
  } else if (phase === 'attract') {
    content = <AttractScreen hallName={snapshot.hallName} kioskName={snapshot.kioskName} languages={snapshot.languages} onStart={forceActivity} />;
  } else {
    let body;
    switch (screen.name) {
      case 'home':
        body = (
          <HomeScreen
            takeTicket={takeTicket}
            languages={snapshot.languages}
            onTakeTicket={showBusinesses}
            onLanguage={(l) => dispatch({ type: 'flow/set-language', language: l })}
          />
        );
        break;
      case 'businesses':
        body = <BusinessScreen businesses={snapshot.businesses} takeTicket={takeTicket} onChoose={tickets.take} onBack={goHome} />;
        break;
      case 'printing':
        body = <PrintingScreen />;
        break;
      case 'ticket':
        body = <TicketScreen ticket={screen.ticket} onDone={tickets.finish} />;
        break;
      case 'outcome':
        body = (
          <OutcomeScreen
            outcome={screen.outcome}
            onHome={goHome}
            onRetake={showBusinesses}
            onRetry={() => tickets.retry(screen.businessId, screen.requestId)}
          />
        );
        break;
    }
    content = (
      <>
        <TopBar hallName={snapshot.hallName} kioskName={snapshot.kioskName} />
        {body}
      </>
    );
  }

  const countdownEndsAt = phase === 'countdown' ? snapshot?.session.countdownEndsAt ?? null : null;

  return (
    <I18nProvider language={language}>
      <HostTimeContext value={hostTime}>
        <div className={`app app--${phase ?? 'connecting'}`}>
          {mode === 'training' && <DemoBanner />}
          <div className="app__content" inert={countdownEndsAt !== null}>
            {content}
          </div>
          {countdownEndsAt !== null && <CountdownOverlay endsAtMs={countdownEndsAt} onContinue={forceActivity} />}
        </div>
      </HostTimeContext>
    </I18nProvider>
  );
}
