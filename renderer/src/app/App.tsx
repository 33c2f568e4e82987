import { useCallback, useEffect, useMemo, useReducer, type Dispatch } from 'react';
import type { KioskApi, KioskMode, KioskSnapshot, Language } from '../../../common/kiosk-api';
import { newRequestId as defaultNewRequestId } from '../api/request-id';
import { CountdownOverlay } from '../components/CountdownOverlay';
import { DemoBanner } from '../components/DemoBanner';
import { TakeCardReminder } from '../identity/TakeCardReminder';
import { TopBar } from '../components/TopBar';
import { FaceFeedContext } from '../camera/face-feed-context';
import { useUvcFeed } from '../camera/use-uvc-feed';
import { I18nProvider } from '../i18n/I18nProvider';
import { SpeechProvider } from '../speech/speech-context';
import { offeredServices, SERVICES } from '../services/registry';
import type { ServiceAction, ServiceId } from '../services/service-module';
import { AttractScreen } from '../shell/AttractScreen';
import { ConnectingScreen } from '../shell/ConnectingScreen';
import { HomeScreen } from '../shell/HomeScreen';
import { OutOfServiceScreen } from '../shell/OutOfServiceScreen';
import { RobotGreeting, robotTileOrder, useGreetingClaim } from '../shell/RobotHome';
import { HiddenEntry } from '../staff/HiddenEntry';
import { StaffRoot, staffScreenOf, useOpenPad } from '../staff/StaffRoot';
import { appReducer, INITIAL_APP_STATE, type AppAction, type AppState } from './app-state';
import { hostNowMs } from './host-view';
import { HostTimeContext, type HostTime } from './host-time';
import { useActivityReporter } from './use-activity';
import { useCitizenChrome } from './use-citizen-chrome';
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
  service: ServiceId;
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
  const openService = useCallback((to: ServiceId) => dispatch({ type: 'shell/switch', from: service, to }), [dispatch, service]);
  return SERVICES[service].render({
    ...rest,
    openService,
    elder: snapshot.session.elder === true,
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
  const { route, language } = state.shell;
  // 长辈模式 is the host's session setting (issue 16 §7); never on the staff screens.
  const elder = snapshot?.session.elder === true && !state.host.lost;

  useHostConnection(api, dispatch, monotonicNow);
  const staffScreen = staffScreenOf(state.host);
  const reportActivity = useActivityReporter(api, dispatch, monotonicNow, snapshot?.session.sessionId != null, staffScreen === null);
  const openPad = useOpenPad(api, dispatch);
  const endSession = useEndSession(api, dispatch);
  const chrome = useCitizenChrome(api, dispatch);
  // The robot profile (issue 16 §9): portrait layout (theme/robot.css), 办事指南 and 取号 first, a greeting.
  const robot = snapshot?.profile === 'robot';
  const claimGreeting = useGreetingClaim(snapshot?.session.sessionId);
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
          services={robot ? robotTileOrder(offeredServices(snapshot.availability)) : offeredServices(snapshot.availability)}
          greeting={robot && snapshot.greeting && <RobotGreeting greeting={snapshot.greeting} sessionId={snapshot.session.sessionId} claim={claimGreeting} />}
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
        <TopBar
          hallName={snapshot.hallName}
          kioskName={snapshot.kioskName}
          elder={elder}
          onElder={chrome.setElder}
          onHelp={chrome.callHelp}
          sessionId={snapshot.session.sessionId}
        />
        {body}
      </>
    );
  }

  const citizenUi = snapshot !== null && !state.host.lost && staffScreen === null;
  const countdownEndsAt = staffScreen === null && phase === 'countdown' ? snapshot?.session.countdownEndsAt ?? null : null;

  return (
    <I18nProvider language={language}>
      <SpeechProvider api={api} language={language} elder={elder && staffScreen === null} sessionId={snapshot?.session.sessionId ?? null}>
        <HostTimeContext value={hostTime}>
          <div
            className={`app app--${staffScreen === null ? phase ?? 'connecting' : 'staff'}${elder ? ' app--elder' : ''}${robot ? ' app--robot' : ''}`}
            data-profile={snapshot?.profile}
          >
            {mode === 'training' && <DemoBanner />}
            <div className="app__content" inert={countdownEndsAt !== null}>
              <FaceFeedContext value={faceFeed}>{content}</FaceFeedContext>
              {staffScreen === null && snapshot?.identity.takeCard && <TakeCardReminder reminder={snapshot.identity.takeCard} />}
              {citizenUi && <HiddenEntry onOpen={openPad} />}
            </div>
            {countdownEndsAt !== null && <CountdownOverlay endsAtMs={countdownEndsAt} onContinue={forceActivity} />}
          </div>
        </HostTimeContext>
      </SpeechProvider>
    </I18nProvider>
  );
}
