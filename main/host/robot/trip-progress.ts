/**
 * How far a robot trip has come (issue 16 §9): the metres left along the hall map's shortest step-free way
 * from the point the base last passed, less what it has walked past that point towards the next one, and the
 * share of the trip done. Progress never runs backwards on the screen, even when the base takes a longer way.
 */
import type { HallMap } from '../../../common/hall-map';
import { distanceM, shortestRoute } from '../../../common/hall-route';
import type { RobotPosition } from '../../../common/robot';

const tenth = (m: number): number => Math.round(m * 10) / 10;

/** Metres left from `position` to `to`; undefined when the position names no point of the map or no way. */
export function remainingM(map: HallMap, position: RobotPosition, to: string): number | undefined {
  if (position.point === undefined) return undefined;
  const route = shortestRoute(map, position.point, to, { stepFree: true });
  if (!route) return undefined;
  const at = map.points.find((p) => p.id === position.point);
  const first = route.legs[0];
  const nextId = first?.kind === 'walk' ? first.points[1] : undefined;
  const next = nextId === undefined ? undefined : map.points.find((p) => p.id === nextId);
  if (!at || !next || at.floor !== position.floor || next.floor !== position.floor) return route.lengthM;
  const along = Math.min(distanceM(at, position), distanceM(at, next));
  return tenth(Math.max(0, route.lengthM - along));
}

export class TripProgress {
  remainingM: number;
  progress = 0;

  constructor(readonly totalM: number) {
    this.remainingM = totalM;
  }

  /** A new reading; false when it changed nothing. */
  update(remaining: number | undefined): boolean {
    if (remaining === undefined) return false;
    const before = [this.remainingM, this.progress];
    this.remainingM = tenth(remaining);
    const done = this.totalM > 0 ? 1 - remaining / this.totalM : 1;
    this.progress = Math.max(this.progress, Math.min(1, Math.max(0, Math.round(done * 1000) / 1000)));
    return before[0] !== this.remainingM || before[1] !== this.progress;
  }

  finish(): void {
    this.remainingM = 0;
    this.progress = 1;
  }
}
