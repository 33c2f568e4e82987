/**
 * Where the simulated robot base is and how it moves (docs/robot-protocol.md §3.3 – §3.6, §8.1): its way is
 * the hall map's shortest step-free route (common/hall-route.ts), walked at a steady speed, lifts ridden for
 * `liftSecondsPerFloor` per floor plus the wait; time comes in steps from the simulator's clock. From a halt
 * between two points, a new way starts at whichever of them makes it shorter; a new destination during a trip
 * takes effect at the next point.
 */
import type { HallMap } from '../../common/hall-map';
import { DEFAULT_LIFT_SECONDS_PER_FLOOR, LIFT_WAIT_SECONDS, distanceM, shortestRoute } from '../../common/hall-route';

export interface Spot {
  floor: number;
  xM: number;
  yM: number;
}

export type Waypoint = Spot & { id: string };

export type Segment = { kind: 'walk'; to: Waypoint; lengthM: number } | { kind: 'ride'; to: Waypoint; durationMs: number };

export interface Pose extends Spot {
  /** The point last passed or reached. */
  lastPoint?: string;
  /** Stopped between points: the point it was walking to. */
  heading?: Waypoint;
}

export interface Trip {
  to: string;
  /** A DOCK trip: it ends with DOCKED, not ARRIVED. */
  docking: boolean;
  segments: Segment[];
  index: number;
  /** Metres walked, or milliseconds ridden, of the current segment. */
  done: number;
  /** HALT: stop at the end of the current segment. */
  halt: boolean;
}

export interface StepResult {
  walkedM: number;
  /** Points reached in this step, in order. */
  passed: string[];
  ended?: 'arrived' | 'halted';
}

export interface StepLimits {
  speedMps: number;
  /** Metres it may walk at most in this step (a deferred obstacle ahead). */
  maxM: number;
  /** Whether to stop on reaching this point (an obstacle waiting there). */
  stopAt(point: string): boolean;
}

const waypoint = (map: HallMap, id: string): Waypoint | undefined => {
  const p = map.points.find((q) => q.id === id);
  return p && { id: p.id, floor: p.floor, xM: p.xM, yM: p.yM };
};

/** The segments of the shortest step-free route between two points, or null. */
export function planRoute(map: HallMap, from: string, to: string): Segment[] | null {
  const route = shortestRoute(map, from, to, { stepFree: true });
  if (!route) return null;
  const perFloorS = map.liftSecondsPerFloor ?? DEFAULT_LIFT_SECONDS_PER_FLOOR;
  const segments: Segment[] = [];
  route.legs.forEach((leg, i) => {
    if (leg.kind === 'walk') {
      for (let k = 1; k < leg.points.length; k++) {
        const a = waypoint(map, leg.points[k - 1]!)!;
        const b = waypoint(map, leg.points[k]!)!;
        segments.push({ kind: 'walk', to: b, lengthM: distanceM(a, b) });
      }
      return;
    }
    const next = route.legs[i + 1];
    const alight = waypoint(map, next?.kind === 'walk' ? next.points[0]! : to)!;
    segments.push({ kind: 'ride', to: alight, durationMs: (perFloorS * Math.abs(leg.toFloor - leg.fromFloor) + LIFT_WAIT_SECONDS) * 1000 });
  });
  return segments;
}

export const walkLengthM = (segments: readonly Segment[]): number => segments.reduce((m, s) => m + (s.kind === 'walk' ? s.lengthM : 0), 0);

/** From where it stands (maybe between points) to `to`; `ahead`: only by the point it is walking to. */
export function planFrom(map: HallMap, pose: Pose, to: string, ahead = false): Segment[] | null {
  if (!pose.heading) return pose.lastPoint === undefined ? null : planRoute(map, pose.lastPoint, to);
  const starts = [pose.heading, ...(ahead || pose.lastPoint === undefined ? [] : [waypoint(map, pose.lastPoint)])].filter((s): s is Waypoint => s !== undefined && s.floor === pose.floor);
  let best: Segment[] | null = null;
  for (const start of starts) {
    const rest = planRoute(map, start.id, to);
    if (!rest) continue;
    const segments: Segment[] = [{ kind: 'walk', to: start, lengthM: distanceM(pose, start) }, ...rest];
    if (!best || walkLengthM(segments) < walkLengthM(best)) best = segments;
  }
  return best;
}

/** Moves `pose` along `trip` for `dtMs`; the trip's own counters move with it. */
export function step(pose: Pose, trip: Trip, dtMs: number, limits: StepLimits): StepResult {
  const result: StepResult = { walkedM: 0, passed: [] };
  let leftMs = dtMs;
  while (leftMs > 0 && trip.index < trip.segments.length) {
    const seg = trip.segments[trip.index]!;
    let reached = false;
    if (seg.kind === 'walk') {
      const room = limits.maxM - result.walkedM;
      const m = Math.min((leftMs * limits.speedMps) / 1000, seg.lengthM - trip.done, room);
      const remaining = seg.lengthM - trip.done;
      const f = remaining > 0 ? m / remaining : 1;
      pose.xM += (seg.to.xM - pose.xM) * f;
      pose.yM += (seg.to.yM - pose.yM) * f;
      pose.heading = seg.to;
      trip.done += m;
      result.walkedM += m;
      leftMs -= limits.speedMps > 0 ? (m / limits.speedMps) * 1000 : leftMs;
      reached = trip.done >= seg.lengthM - 1e-9;
      if (!reached && result.walkedM >= limits.maxM - 1e-9) break;
    } else {
      const need = seg.durationMs - trip.done;
      trip.done += Math.min(need, leftMs);
      leftMs -= Math.min(need, leftMs);
      reached = trip.done >= seg.durationMs;
    }
    if (!reached) break;
    Object.assign(pose, { floor: seg.to.floor, xM: seg.to.xM, yM: seg.to.yM, lastPoint: seg.to.id, heading: undefined });
    result.passed.push(seg.to.id);
    trip.index++;
    trip.done = 0;
    if (trip.index >= trip.segments.length) result.ended = 'arrived';
    else if (trip.halt) result.ended = 'halted';
    if (result.ended || limits.stopAt(seg.to.id)) break;
  }
  if (trip.index >= trip.segments.length && !result.ended) result.ended = 'arrived';
  return result;
}

/** Where the trip will stop after HALT: the end of the current segment. */
export const haltPoint = (trip: Trip): string | undefined => trip.segments[trip.index]?.to.id;

export const onRide = (trip: Trip | null): boolean => trip?.segments[trip.index]?.kind === 'ride';
