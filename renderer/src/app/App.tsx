import { useCallback, useEffect, useMemo, useReducer, type Dispatch } from 'react';
import type { CitizenService } from '../../../common/availability';
import type { KioskApi, KioskMode, KioskSnapshot, Language } from '../../../common/kiosk-api';
import { newRequestId as defaultNewRequestId } from '../api/request-id';
import { CountdownOverlay } from '../components/CountdownOverlay';
import { DemoBanner } from '../components/DemoBanner';
import { TakeCardReminder } from '../identity/TakeCardReminder';
import { TopBar } from '../components/TopBar';
import { FaceFeedContext } from '../camera/face-feed-context';
import { useUvcFeed } from '../camera/use-uvc-feed';
import { I18nProvider } from '../i18n/I18nProvider';
import { SERVICES } from '../services/registry';
import type { ServiceAction } from '../services/service-module';
import { AttractScreen } from '../shell/AttractScreen';
import { ConnectingScreen } from '../shell/ConnectingScreen';
import { HomeScreen } from '../shell/HomeScreen';
import { OutOfServiceScreen } from '../shell/OutOfServiceScreen';
import { HiddenEntry } from '../staff/HiddenEntry';
import { StaffRoot, staffScreenOf, useOpenPad } from '../staff/StaffRoot';
import { appReducer, INITIAL_APP_STATE, type AppAction, type AppState } from './app-state';
import { hostNowMs } from './host-view';
import { HostTimeContext, type HostTime } from './host-time';
import { useActivityReporter } from './use-activity';
import { useEndSession } from './use-end-session';
import { useHostConnection } from './use-host-connection';

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

interface ActiveServiceProps {
  service: CitizenService;
  state: AppState;
  snapshot: KioskSnapshot;
  dispatch: Dispatch<AppAction>;
  api: KioskApi;
  newRequestId(): string;
  goHome(): void;
  endSession(): void;
}

/** The service the citizen opened, rendered by its own module with its own slice (ARCHITECTURE.md §8.15). */
function ActiveService({ service, state, snapshot, dispatch, ...rest }: ActiveServiceProps) {
  const dispatchToService = useCallback((action: ServiceAction) => dispatch({ type: 'service/action', service, action }), [dispatch, service]);
  return SERVICES[service].render({
    ...rest,
    state: state.services[service],
    dispatch: dispatchToService,
    dispatchHost: dispatch,
    snapshot,
    availability: snapshot.availability.find((a) => a.service === service),
  });
}

/**
 * The citizen UI, a router over host state (ARCHITECTURE.md §1, §8.6, §8.15): the host's session phase picks
 * attract or the kiosk; there, the shell's route picks the home screen (built from the host's list of
 * services) or the service the citizen opened. Everything of the citizen is cleared whenever the host ends
 * the session. While the host has the staff PIN pad open or holds a staff session, the staff screens replace
 * the citizen UI (issue 15 §1: it is never reachable with staff rights on); the hidden entry to the pad sits
 * in a corner of every citizen screen.
 */
export function App({ api, monotonicNow = performanceNow, newRequestId = defaultNewRequestId, knownMode = null, onShown }: AppProps) {
  const [state, dispatch] = useReducer(appReducer, INITIAL_APP_STATE);
  const { snapshot, clock } = state.host;
  const { route, language, elder } = state.shell;

  useHostConnection(api, dispatch, monotonicNow);
  const staffScreen = staffScreenOf(state.host);
  const reportActivity = useActivityReporter(api, dispatch, monotonicNow, snapshot?.session.sessionId != null, staffScreen === null);
  const openPad = useOpenPad(api, dispatch);
  const endSession = useEndSession(api, dispatch);
  // The uvc face camera (issue 14 item 5): frames while the host asks, never while it is lost.
  const faceFeed = useUvcFeed(api, state.host.lost ? undefined : snapshot?.faceStreaming);

  const timeZone = snapshot?.timeZone ?? 'Asia/Shanghai';
  const hostTime = useMemo<HostTime>(
    () => ({ now: () => (clock ? hostNowMs(clock, monotonicNow()) : 0), timeZone }),
    [clock, monotonicNow, timeZone],
  );

  const goHome = useCallback(() => dispatch({ type: 'shell/home' }), []);
  const forceActivity = useCallback(() => reportActivity(true), [reportActivity]);

  const mode = snapshot?.mode ?? knownMode;
  useEffect(() => onShown?.({ mode, language }), [onShown, mode, language]);

  const phase = snapshot?.session.phase;

  let content;
  if (state.host.lost) {
    content = <OutOfServiceScreen paused />;
  } else if (snapshot === null) {
    content = <ConnectingScreen />;
  } else if (staffScreen !== null) {
    content = <StaffRoot api={api} snapshot={snapshot} monotonicNow={monotonicNow} dispatch={dispatch} />;
  } else if (phase === 'attract') {
    content = <AttractScreen hallName={snapshot.hallName} kioskName={snapshot.kioskName} languages={snapshot.languages} onStart={forceActivity} />;
  } else {
    const body =
      route.name === 'home' ? (
        <HomeScreen
          services={snapshot.availability}
          languages={snapshot.languages}
          onOpen={(service) => dispatch({ type: 'shell/open', service })}
          onLanguage={(l) => dispatch({ type: 'shell/set-language', language: l })}
        />
      ) : (
        <ActiveService
          service={route.service}
          state={state}
          snapshot={snapshot}
          dispatch={dispatch}
          api={api}
          newRequestId={newRequestId}
          goHome={goHome}
          endSession={endSession}
        />
      );
    content = (
      <>
        <TopBar hallName={snapshot.hallName} kioskName={snapshot.kioskName} elder={elder} onElder={(on) => dispatch({ type: 'shell/set-elder', elder: on })} />
        {body}
      </>
    );
  }

  const citizenUi = snapshot !== null && !state.host.lost && staffScreen === null;
  const countdownEndsAt = staffScreen === null && phase === 'countdown' ? snapshot?.session.countdownEndsAt ?? null : null;

  return (
    <I18nProvider language={language}>
      <HostTimeContext value={hostTime}>
        <div className={`app app--${staffScreen === null ? phase ?? 'connecting' : 'staff'}${elder ? ' app--elder' : ''}`}>
          {mode === 'training' && <DemoBanner />}
          <div className="app__content" inert={countdownEndsAt !== null}>
            <FaceFeedContext value={faceFeed}>{content}</FaceFeedContext>
            {staffScreen === null && snapshot?.identity.takeCard && <TakeCardReminder reminder={snapshot.identity.takeCard} />}
            {citizenUi && <HiddenEntry onOpen={openPad} />}
          </div>
          {countdownEndsAt !== null && <CountdownOverlay endsAtMs={countdownEndsAt} onContinue={forceActivity} />}
        </div>
      </HostTimeContext>
    </I18nProvider>
  );
}
