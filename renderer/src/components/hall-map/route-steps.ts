/**
 * A route's legs as numbered steps (issue 16 §6): what the list below the map says and where the map puts each
 * step's number. Pure: the words are looked up by the component (hall-map-text.ts).
 */
import type { HallMap, HallPoint, HallRoute } from '../../../../common/hall-map';
import type { HallMapMessageId } from './hall-map-text';

export interface RouteStep {
  /** 1-based, as the list and the map's step marks show it. */
  n: number;
  /** The floor the step starts on, and the point its number is drawn at. */
  floor: number;
  at: string;
  message: HallMapMessageId;
  metres?: number;
  level?: number;
  /** The place the step ends at (walk) or where the citizen stands (here). */
  place?: HallPoint;
}

export function routeSteps(map: HallMap, route: HallRoute): RouteStep[] {
  const point = (id: string): HallPoint | undefined => map.points.find((p) => p.id === id);
  const steps: RouteStep[] = [];
  for (const leg of route.legs) {
    const n = steps.length + 1;
    if (leg.kind === 'walk') {
      const [first, last] = [leg.points[0]!, leg.points[leg.points.length - 1]!];
      if (leg.points.length < 2) steps.push({ n, floor: leg.floor, at: first, message: 'step.here', place: point(first) });
      else steps.push({ n, floor: leg.floor, at: first, message: 'step.walk', metres: Math.max(1, Math.round(leg.lengthM)), place: point(last) });
    } else {
      steps.push({ n, floor: leg.fromFloor, at: leg.at, message: leg.kind === 'lift' ? 'step.lift' : 'step.stairs', level: leg.toFloor });
    }
  }
  return steps;
}

/** The floors the route passes, in the order it passes them (the floor switcher's buttons). */
export function routeFloors(route: HallRoute): number[] {
  const floors: number[] = [];
  const add = (floor: number): void => {
    if (!floors.includes(floor)) floors.push(floor);
  };
  for (const leg of route.legs) {
    if (leg.kind === 'walk') add(leg.floor);
    else {
      add(leg.fromFloor);
      add(leg.toFloor);
    }
  }
  return floors;
}
