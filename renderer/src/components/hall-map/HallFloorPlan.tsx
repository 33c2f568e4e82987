/**
 * One floor of the hall map as SVG, in metres (viewBox units): walkways thin, zones, windows, kiosks, lifts,
 * stairs and toilets labelled, 您在这里 and the destination marked by shape and word, and the route's walk on
 * this floor as a thick line with arrows along it and the steps' numbers (colour is never the only signal).
 * The SVG is one image named by its title; the step list beside it carries the route in words.
 */
import { useId } from 'react';
import type { HallMap, HallPoint, HallRoute } from '../../../../common/hall-map';
import type { HallMapText } from './hall-map-text';
import type { RouteStep } from './route-steps';

/** Label size, metres: 30 px and more on a 43 m drawing 860 px wide (the portrait content width). */
const LABEL_M = 1.5;
const MARGIN_M = 1.5;
/** Above the back wall: room for the destination flag's word over a window there. */
const TOP_MARGIN_M = 3.5;

interface FloorPlanProps {
  map: HallMap;
  floor: number;
  route: HallRoute | null;
  steps: readonly RouteStep[];
  /** Where 您在这里 is: the route's start, or the kiosk without a route. */
  here: string;
  words: HallMapText;
}

function shortLabel(p: HallPoint, words: HallMapText): string | null {
  switch (p.kind) {
    case 'window':
      return p.id;
    case 'kiosk':
      return words.m('map.kiosk');
    case 'lift':
      return words.m('map.lift');
    case 'stairs':
      return words.m('map.stairs');
    case 'toilet':
      return words.m('map.toilet');
    case 'dock':
      return words.m('map.dock');
    case 'corridor':
      return null;
    default:
      return words.text(p.name);
  }
}

/** Below the point near the back wall, above it near the front wall, beside it (inwards) near a side wall. */
function labelAt(p: HallPoint, widthM: number, depthM: number): { x: number; y: number; anchor: 'start' | 'middle' | 'end' } {
  const y = p.yM > depthM - 3 ? p.yM - 1.3 : p.yM + 2.4;
  if (p.yM < 4) return { x: p.xM, y: p.yM + 2.6, anchor: 'middle' };
  if (p.xM < 4) return { x: p.xM + 1.3, y: p.yM + LABEL_M / 3, anchor: 'start' };
  if (p.xM > widthM - 4) return { x: p.xM - 1.3, y: p.yM + LABEL_M / 3, anchor: 'end' };
  return { x: p.xM, y, anchor: 'middle' };
}

function Mark({ p }: { p: HallPoint }) {
  const { xM: x, yM: y } = p;
  switch (p.kind) {
    case 'window':
      return <rect className="hall-map__window" x={x - 1} y={y - 0.7} width={2} height={1.4} />;
    case 'kiosk':
      return <rect className="hall-map__kiosk" x={x - 0.6} y={y - 0.8} width={1.2} height={1.6} rx={0.2} />;
    case 'lift':
    case 'stairs':
      return (
        <g className={`hall-map__${p.kind}`}>
          <rect x={x - 1.1} y={y - 1.1} width={2.2} height={2.2} />
          <path d={p.kind === 'lift' ? `M${x - 0.5},${y - 0.2} l0.5,-0.6 l0.5,0.6 M${x - 0.5},${y + 0.2} l0.5,0.6 l0.5,-0.6` : `M${x - 0.8},${y + 0.7} h0.5 v-0.5 h0.5 v-0.5 h0.5 v-0.5`} />
        </g>
      );
    case 'corridor':
    case 'zone':
      return null;
    default:
      return <path className="hall-map__place" d={`M${x},${y - 0.8} l0.8,0.8 l-0.8,0.8 l-0.8,-0.8 z`} />;
  }
}

export function HallFloorPlan({ map, floor, route, steps, here, words }: FloorPlanProps) {
  const uid = useId().replace(/[^A-Za-z0-9_-]/g, '');
  const arrow = `hall-map-arrow-${uid}`;
  const titleId = `hall-map-title-${uid}`;
  const info = map.floors.find((f) => f.level === floor);
  const widthM = info?.widthM ?? 40;
  const depthM = info?.depthM ?? 30;
  const points = map.points.filter((p) => p.floor === floor);
  const byId = new Map(map.points.map((p) => [p.id, p]));
  const onFloor = (id: string): HallPoint | undefined => (byId.get(id)?.floor === floor ? byId.get(id) : undefined);
  const walks = (route?.legs ?? []).flatMap((leg) => (leg.kind === 'walk' && leg.floor === floor && leg.points.length > 1 ? [leg.points] : []));
  const start = onFloor(here);
  const goal = route ? onFloor(route.to) : undefined;

  return (
    <svg className="hall-map__plan" role="img" aria-labelledby={titleId} viewBox={`${-MARGIN_M} ${-TOP_MARGIN_M} ${widthM + 2 * MARGIN_M} ${depthM + MARGIN_M + TOP_MARGIN_M}`} fontSize={LABEL_M}>
      <title id={titleId}>{words.m('map.label', { floor: info ? words.text(info.name) : String(floor) })}</title>
      <defs>
        <marker id={arrow} viewBox="0 0 10 10" refX="5" refY="5" markerWidth="2.6" markerHeight="2.6" orient="auto">
          <path className="hall-map__arrow" d="M1,1 L9,5 L1,9 z" />
        </marker>
      </defs>
      <rect className="hall-map__floor" x={0} y={0} width={widthM} height={depthM} />
      {map.links.map(([a, b]) => {
        const [pa, pb] = [onFloor(a), onFloor(b)];
        return pa && pb ? <line key={`${a}~${b}`} className="hall-map__walkway" x1={pa.xM} y1={pa.yM} x2={pb.xM} y2={pb.yM} /> : null;
      })}
      {walks.map((ids) => (
        <polyline
          key={ids.join('~')}
          className="hall-map__route"
          data-testid="hall-map-route"
          points={ids.map((id) => `${byId.get(id)!.xM},${byId.get(id)!.yM}`).join(' ')}
          markerMid={`url(#${arrow})`}
          markerEnd={`url(#${arrow})`}
        />
      ))}
      {points.map((p) => {
        const label = p.id === start?.id || p.id === goal?.id ? null : shortLabel(p, words);
        const at = labelAt(p, widthM, depthM);
        return (
          <g key={p.id} data-point={p.id}>
            <Mark p={p} />
            {label !== null && (
              <text className={p.kind === 'zone' ? 'hall-map__zone' : 'hall-map__label'} x={p.kind === 'zone' ? p.xM : at.x} y={p.kind === 'zone' ? p.yM : at.y} textAnchor={p.kind === 'zone' ? 'middle' : at.anchor}>
                {label}
              </text>
            )}
          </g>
        );
      })}
      {start && (
        <g className="hall-map__here" data-testid="hall-map-here">
          <circle cx={start.xM} cy={start.yM} r={1} />
          <text x={labelAt(start, widthM, depthM).x} y={labelAt(start, widthM, depthM).y} textAnchor={labelAt(start, widthM, depthM).anchor}>
            {words.m('map.youAreHere')}
          </text>
        </g>
      )}
      {goal && (
        <g className="hall-map__goal" data-testid="hall-map-goal">
          <path d={`M${goal.xM},${goal.yM} v-3.2 l2.2,0.8 l-2.2,0.8`} />
          <text x={goal.xM} y={goal.yM - 3.6} textAnchor={goal.xM < 6 ? 'start' : goal.xM > widthM - 6 ? 'end' : 'middle'}>
            {[words.m('map.destination'), shortLabel(goal, words)].filter(Boolean).join(' ')}
          </text>
        </g>
      )}
      {steps
        .filter((s) => s.floor === floor && onFloor(s.at))
        .map((s) => (
          <g key={s.n} className="hall-map__step" data-testid="hall-map-step">
            <circle cx={onFloor(s.at)!.xM} cy={onFloor(s.at)!.yM} r={1.1} />
            <text x={onFloor(s.at)!.xM} y={onFloor(s.at)!.yM + 0.5} textAnchor="middle">
              {s.n}
            </text>
          </g>
        ))}
    </svg>
  );
}
