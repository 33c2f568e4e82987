/**
 * Shortest routes on the hall map (issue 16 §6), pure: walking legs on a floor, lift (or, unless step-free,
 * stairs) legs between floors. Implemented in this file; used by the host's guide desk, the renderer's map and
 * the robot base simulator.
 *
 * Costs are seconds: walking links cost their straight length at 1 m/s; a lift ride between two lift points of
 * the same `shaft` costs `liftSecondsPerFloor` (default 20) per floor plus 30 s waiting; stairs between two
 * stairs points of the same `shaft` cost 15 s per floor and are used only when `stepFree` is false.
 */
import type { HallMap, HallPoint, HallRoute, RouteLeg } from './hall-map';

export interface RouteOptions {
  /** Lifts only between floors (default true). */
  stepFree?: boolean;
}

export const WALK_METRES_PER_SECOND = 1;
export const DEFAULT_LIFT_SECONDS_PER_FLOOR = 20;
export const LIFT_WAIT_SECONDS = 30;
export const STAIRS_SECONDS_PER_FLOOR = 15;

interface Edge {
  to: number;
  costS: number;
  /** Metres walked (0 for a ride or a climb). */
  lengthM: number;
  kind: 'walk' | 'lift' | 'stairs';
}

/** The straight distance between two points, metres (the floor is not part of it). */
export function distanceM(a: Pick<HallPoint, 'xM' | 'yM'>, b: Pick<HallPoint, 'xM' | 'yM'>): number {
  return Math.hypot(a.xM - b.xM, a.yM - b.yM);
}

function buildGraph(map: HallMap, stepFree: boolean): Edge[][] {
  const index = new Map(map.points.map((p, i) => [p.id, i] as const));
  const edges: Edge[][] = map.points.map(() => []);
  for (const [fromId, toId] of map.links) {
    const a = index.get(fromId);
    const b = index.get(toId);
    if (a === undefined || b === undefined || a === b) continue;
    const pa = map.points[a]!;
    const pb = map.points[b]!;
    if (pa.floor !== pb.floor) continue; // a link joins points on one floor (hall-map-validate.ts reports it)
    const lengthM = distanceM(pa, pb);
    const costS = lengthM / WALK_METRES_PER_SECOND;
    edges[a]!.push({ to: b, costS, lengthM, kind: 'walk' });
    edges[b]!.push({ to: a, costS, lengthM, kind: 'walk' });
  }
  const perFloorS = map.liftSecondsPerFloor ?? DEFAULT_LIFT_SECONDS_PER_FLOOR;
  map.points.forEach((p, a) => {
    const kind = p.kind;
    if (p.shaft === undefined || (kind !== 'lift' && kind !== 'stairs')) return;
    if (kind === 'stairs' && stepFree) return;
    map.points.forEach((q, b) => {
      if (q.kind !== kind || q.shaft !== p.shaft || q.floor === p.floor) return;
      const floors = Math.abs(q.floor - p.floor);
      const costS = kind === 'lift' ? perFloorS * floors + LIFT_WAIT_SECONDS : STAIRS_SECONDS_PER_FLOOR * floors;
      edges[a]!.push({ to: b, costS, lengthM: 0, kind });
    });
  });
  return edges;
}

/** Dijkstra on a map of a hundred-odd points: a linear scan for the nearest open point is plenty. */
function search(edges: Edge[][], start: number, goal: number): Array<{ via: Edge | null; at: number }> | null {
  const n = edges.length;
  const cost = new Array<number>(n).fill(Infinity);
  const prev = new Array<{ from: number; edge: Edge } | undefined>(n);
  const done = new Array<boolean>(n).fill(false);
  cost[start] = 0;
  for (;;) {
    let u = -1;
    for (let i = 0; i < n; i++) if (!done[i] && cost[i]! < Infinity && (u < 0 || cost[i]! < cost[u]!)) u = i;
    if (u < 0) return null;
    if (u === goal) break;
    done[u] = true;
    for (const e of edges[u]!) {
      const c = cost[u]! + e.costS;
      if (c < cost[e.to]!) {
        cost[e.to] = c;
        prev[e.to] = { from: u, edge: e };
      }
    }
  }
  const path: Array<{ via: Edge | null; at: number }> = [];
  for (let at = goal; ; ) {
    const p = prev[at];
    path.unshift({ via: p?.edge ?? null, at });
    if (!p) break;
    at = p.from;
  }
  return path;
}

const round1 = (m: number): number => Math.round(m * 10) / 10;

/**
 * The quickest way from point `from` to point `to`, or null when either is not on the map or no way joins them
 * (step-free: none without stairs). A lift / stairs leg's `at` is the point where the ride or climb begins.
 */
export function shortestRoute(map: HallMap, from: string, to: string, options: RouteOptions = {}): HallRoute | null {
  const stepFree = options.stepFree ?? true;
  const start = map.points.findIndex((p) => p.id === from);
  const goal = map.points.findIndex((p) => p.id === to);
  if (start < 0 || goal < 0) return null;
  const path = search(buildGraph(map, stepFree), start, goal);
  if (!path) return null;

  const legs: RouteLeg[] = [];
  let walk: { floor: number; points: string[]; lengthM: number } = { floor: map.points[start]!.floor, points: [from], lengthM: 0 };
  let totalM = 0;
  let etaS = 0;
  const closeWalk = (): void => {
    if (walk.points.length > 1) legs.push({ kind: 'walk', floor: walk.floor, points: walk.points, lengthM: round1(walk.lengthM) });
  };
  for (let i = 1; i < path.length; i++) {
    const step = path[i]!;
    const edge = step.via!;
    const point = map.points[step.at]!;
    etaS += edge.costS;
    if (edge.kind === 'walk') {
      walk.points.push(point.id);
      walk.lengthM += edge.lengthM;
      totalM += edge.lengthM;
      continue;
    }
    closeWalk();
    const boarding = map.points[path[i - 1]!.at]!;
    legs.push({ kind: edge.kind, fromFloor: boarding.floor, toFloor: point.floor, at: boarding.id });
    walk = { floor: point.floor, points: [point.id], lengthM: 0 };
  }
  closeWalk();
  if (legs.length === 0) legs.push({ kind: 'walk', floor: walk.floor, points: [from], lengthM: 0 });
  return { from, to, legs, lengthM: round1(totalM), etaS: Math.round(etaS) };
}
