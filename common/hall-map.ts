/**
 * The hall as a graph of named points (issue 16 §6): floors, zones, windows, kiosks, lifts, stairs, doors and the
 * robot's dock, each with a floor and coordinates in metres; links join points a person (or the robot) can walk
 * between, and lift points of the same lift on different floors are joined by the lift. From configuration
 * (`hall.map`), validated: every window a business or a catalogue item names is on it (hall-map-validate.ts).
 */
import type { LocalText } from './queue';

export const HALL_POINT_KINDS = ['window', 'kiosk', 'lift', 'stairs', 'door', 'entrance', 'desk', 'zone', 'corridor', 'dock', 'toilet'] as const;
export type HallPointKind = (typeof HALL_POINT_KINDS)[number];

export interface HallFloor {
  level: number;
  name: LocalText;
  /** The drawing's extent, metres. */
  widthM: number;
  depthM: number;
}

export interface HallPoint {
  /** Unique: "A3" for window A3, "kiosk-01", "lift-1-f2". */
  id: string;
  kind: HallPointKind;
  name: LocalText;
  floor: number;
  xM: number;
  yM: number;
  /** Lift and stairs points: the shaft / stairwell they belong to; the same `shaft` on two floors is joined. */
  shaft?: string;
}

export interface HallMap {
  floors: HallFloor[];
  points: HallPoint[];
  /** Walkable links on one floor, [from, to], both ways. Lengths are the straight distance between the points. */
  links: Array<[string, string]>;
  /** This kiosk's point: where routes start. */
  kioskPoint: string;
  /** Seconds a lift ride costs per floor, plus waiting, when ranking routes. Default 20. */
  liftSecondsPerFloor?: number;
}

/** One leg of a route: walk on a floor, or ride a lift / climb the stairs between floors. */
export type RouteLeg =
  | { kind: 'walk'; floor: number; points: string[]; lengthM: number }
  | { kind: 'lift' | 'stairs'; fromFloor: number; toFloor: number; at: string };

export interface HallRoute {
  from: string;
  to: string;
  legs: RouteLeg[];
  /** Walking metres in total (lift rides excluded). */
  lengthM: number;
  /** Estimated time at 1 m/s walking plus lifts, seconds. */
  etaS: number;
}

export interface GuideRouteRequest {
  to: string;
  /** Default the kiosk's point. */
  from?: string;
  /** Avoid stairs (a wheelchair, an elder): lifts only between floors. Default true. */
  stepFree?: boolean;
}

export type GuideRouteResult = { ok: true; route: HallRoute; map: HallMap } | { ok: false; reason: 'unknownPoint' | 'noRoute' };
