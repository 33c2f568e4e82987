/**
 * 带我去 (issue 16 §9): the host's trip as it goes — walking with the progress and the metres left, paused for
 * an obstacle, arrived — and, when the robot cannot finish (blocked, handed over on a low battery, unavailable,
 * canceled), the words and the route on the map so the citizen can go on alone. 取消 asks the host to stop.
 */
import type { KioskErrorInfo } from '../../../../common/errors';
import type { RobotTripPhase } from '../../../../common/robot';
import { errorMessageId } from '../../i18n/translate';
import { Button } from '../../primitives/Button';
import { Screen } from '../../primitives/Screen';
import { useScreenPrompt } from '../../speech/speech-context';
import type { GuideContext } from './guide-context';
import { BackButton } from './GuideFrame';
import { useGuidesText, type GuidesMessageId } from './i18n/guides-text';
import { RouteMap, useRoute } from './WhereSection';

type Shown = RobotTripPhase | 'starting' | 'failed';

const WORDS: Readonly<Record<Shown, GuidesMessageId>> = {
  starting: 'trip.starting',
  idle: 'trip.starting',
  walking: 'trip.walking',
  paused: 'trip.paused',
  arrived: 'trip.arrived',
  blocked: 'trip.blocked',
  handedOver: 'trip.handedOver',
  canceled: 'trip.canceled',
  returning: 'trip.returning',
  unavailable: 'trip.unavailable',
  failed: 'trip.unavailable',
};

/** The robot is (about to be) under way: 取消 instead of 返回. */
const UNDER_WAY: ReadonlySet<Shown> = new Set(['starting', 'idle', 'walking', 'paused']);
/** The citizen goes on alone: the route on the map. */
const ALONE: ReadonlySet<Shown> = new Set(['blocked', 'handedOver', 'canceled', 'unavailable', 'failed']);

export function TripScreen({ ctx, to, error }: { ctx: GuideContext; to: string; error?: KioskErrorInfo }) {
  const { g, t, text } = useGuidesText();
  const { api, snapshot, actions, nav } = ctx;
  const robot = snapshot.robot;
  const trip = robot !== undefined && robot.to === to && robot.phase !== 'idle' ? robot : null;
  const shown: Shown = error ? 'failed' : (trip?.phase ?? 'starting');
  // Left to go alone, the citizen starts where the robot stopped (its last point), not at a kiosk.
  const { answer: route } = useRoute(api, to, ALONE.has(shown) ? robot?.status.position?.point : undefined);
  const point = route.status === 'ok' && route.value?.ok ? route.value.map.points.find((p) => p.id === to) : undefined;
  const place = point ? text(point.name) : to;
  const why = error ?? trip?.error;
  useScreenPrompt(g(WORDS[shown], { place }), { cacheable: true });
  const percent = trip?.progress !== undefined ? Math.round(Math.min(1, Math.max(0, trip.progress)) * 100) : null;

  return (
    <Screen
      kind={['guides', 'guides-trip', `guides-trip--${shown}`]}
      title={g('trip.title', { place })}
      actions={
        UNDER_WAY.has(shown) ? (
          <Button variant="secondary" large onClick={actions.cancelTrip}>
            {g('trip.cancel')}
          </Button>
        ) : (
          <BackButton onBack={nav.back} />
        )
      }
    >
      <div className="guides-trip__status" role="status" aria-live="polite">
        <p className="screen__lead">{g(WORDS[shown], { place })}</p>
        {ALONE.has(shown) && why && <p className="guides-note">{t('outcome.reason', { reason: t(errorMessageId(why.code)) })}</p>}
        {(shown === 'walking' || shown === 'paused') && trip?.remainingM !== undefined && (
          <p className="guides-trip__remaining">{g('trip.remaining', { metres: Math.round(trip.remainingM) })}</p>
        )}
      </div>
      {(shown === 'walking' || shown === 'paused') && percent !== null && (
        <div className="guides-trip__progress" role="progressbar" aria-label={g('trip.progress')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
          <span className="guides-trip__bar" style={{ inlineSize: `${percent}%` }} />
        </div>
      )}
      {ALONE.has(shown) && <RouteMap route={route} />}
    </Screen>
  );
}
