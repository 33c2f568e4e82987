/**
 * 办理地点 (issue 16 §5, §6): floor, zone and windows, and the hall map with the host's route from this kiosk
 * to the first window (`guides:route`, step-free: lifts between floors). Without a route the words remain.
 */
import type { GuidePlace } from '../../../../common/guides';
import type { GuideRouteResult, HallMap } from '../../../../common/hall-map';
import type { KioskApi } from '../../../../common/kiosk-api';
import type { LocalText } from '../../../../common/queue';
import { HallMapView } from '../../components/hall-map/HallMapView';
import { FallbackNote, Local } from './GuideBits';
import { useGuidesText } from './i18n/guides-text';
import { useHostAnswer } from './use-host-answer';

/** The route to a hall-map point, asked once per destination and start (default this kiosk's point). */
export function useRoute(api: KioskApi, to: string | undefined, from?: string) {
  return useHostAnswer<GuideRouteResult | null>(
    () => (to === undefined ? Promise.resolve(null) : api.call('guides:route', from === undefined ? { to } : { to, from })),
    `route ${from ?? ''}→${to ?? ''}`,
  );
}

/** A window's name on the map ("A3 窗口"), or its id until the map is known. */
function pointName(map: HallMap | null, id: string, show: (text: LocalText) => string): string {
  const point = map?.points.find((p) => p.id === id);
  return point ? show(point.name) : id;
}

export function PlaceWords({ where, map }: { where: GuidePlace; map: HallMap | null }) {
  const { g, text } = useGuidesText();
  const floor = map?.floors.find((f) => f.level === where.floor);
  return (
    <dl className="guides-facts guides-place">
      <dt>{g('where.floor')}</dt>
      <dd>{floor ? <Local text={floor.name} /> : g('where.floorNumber', { floor: where.floor })}</dd>
      <dt>{g('where.zone')}</dt>
      <dd>
        <Local text={where.zone} />
        <FallbackNote texts={[where.zone]} />
      </dd>
      {where.windows.length > 0 && (
        <>
          <dt>{g('where.windows')}</dt>
          <dd>{where.windows.map((w) => pointName(map, w, text)).join(g('list.separator'))}</dd>
        </>
      )}
    </dl>
  );
}

/** The route on the map, or why it cannot be drawn. */
export function RouteMap({ route }: { route: ReturnType<typeof useRoute>['answer'] }) {
  const { g, language } = useGuidesText();
  if (route.status === 'loading') return null;
  if (route.status === 'failed' || route.value === null || !route.value.ok) return <p className="guides-route__none">{g('where.noRoute')}</p>;
  const { map, route: path } = route.value;
  return (
    <figure className="guides-route">
      <HallMapView map={map} route={path} language={language} />
      <figcaption className="guides-route__caption">{g('where.routeLength', { metres: Math.round(path.lengthM), minutes: Math.max(1, Math.round(path.etaS / 60)) })}</figcaption>
    </figure>
  );
}

export function WhereSection({ api, where }: { api: KioskApi; where: GuidePlace }) {
  const { answer } = useRoute(api, where.windows[0]);
  const map = answer.status === 'ok' && answer.value?.ok ? answer.value.map : null;
  return (
    <div className="guides-where">
      <PlaceWords where={where} map={map} />
      <RouteMap route={answer} />
    </div>
  );
}
