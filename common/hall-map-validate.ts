/**
 * Checks a hall map (issue 16 §6) before anything routes on it: ids unique, floors known, points inside their
 * floor, links on one floor between existing points and never twice, the kiosk point a kiosk, every lift and
 * stairs point in a shaft, and every window reachable step-free from the kiosk. `requireWindows` checks the
 * window ids other places name (a business's counters, a catalogue item's `where`). Each problem carries the
 * exact JSON path of its field, relative to the map (`points[3].floor`) or the naming place's own path.
 */
import type { HallMap, HallPoint } from './hall-map';

export interface HallMapProblem {
  path: string;
  message: string;
}

/** A window id named somewhere else, at that place's JSON path (`queue.businesses[4].windows[2]`). */
export interface WindowReference {
  path: string;
  id: string;
}

type Add = (path: string, message: string) => void;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const article = (kind: unknown): string => `${/^[aeiou]/.test(String(kind)) ? 'an' : 'a'} ${String(kind)}`;
const list = <T>(v: readonly T[] | undefined): readonly unknown[] => (Array.isArray(v) ? v : []);

/** Every problem of `map`; parts of the wrong shape (which a schema reports) are skipped, not guessed at. */
export function validateHallMap(map: HallMap): HallMapProblem[] {
  const problems: HallMapProblem[] = [];
  const add: Add = (path, message) => void problems.push({ path, message });
  const floors = checkFloors(map, add);
  const points = checkPoints(map, floors, add);
  checkLinks(map, points, add);
  const kiosk = checkKioskPoint(map, points, add);
  if (kiosk !== undefined && problems.length === 0) checkReachable(map, kiosk, add);
  return problems;
}

function checkFloors(map: HallMap, add: Add): Map<number, { widthM: number; depthM: number }> {
  const floors = new Map<number, { widthM: number; depthM: number; index: number }>();
  list(map.floors).forEach((f, i) => {
    if (!isObj(f) || !isNum(f.level)) return;
    const first = floors.get(f.level);
    if (first !== undefined) return add(`floors[${i}].level`, `${f.level} is already the level of floors[${first.index}]`);
    floors.set(f.level, { widthM: isNum(f.widthM) ? f.widthM : Infinity, depthM: isNum(f.depthM) ? f.depthM : Infinity, index: i });
  });
  return floors;
}

/** The points by id (the first of a duplicated id). */
function checkPoints(map: HallMap, floors: Map<number, { widthM: number; depthM: number }>, add: Add): Map<string, { point: HallPoint; index: number }> {
  const byId = new Map<string, { point: HallPoint; index: number }>();
  const shafts = new Map<string, number>();
  const known = [...floors.keys()].sort((a, b) => a - b).join(', ');
  list(map.points).forEach((raw, i) => {
    if (!isObj(raw)) return;
    const p = raw as unknown as HallPoint;
    if (typeof p.id === 'string') {
      const first = byId.get(p.id);
      if (first !== undefined) add(`points[${i}].id`, `${JSON.stringify(p.id)} is already the id of points[${first.index}]`);
      else byId.set(p.id, { point: p, index: i });
    }
    if (!isNum(p.floor)) return;
    const floor = floors.get(p.floor);
    if (floor === undefined) {
      add(`points[${i}].floor`, `${p.floor} is not a floor of the map (floors: ${known === '' ? 'none' : known})`);
    } else {
      if (isNum(p.xM) && (p.xM < 0 || p.xM > floor.widthM)) add(`points[${i}].xM`, `${p.xM} is outside floor ${p.floor}, which is 0-${floor.widthM} m wide`);
      if (isNum(p.yM) && (p.yM < 0 || p.yM > floor.depthM)) add(`points[${i}].yM`, `${p.yM} is outside floor ${p.floor}, which is 0-${floor.depthM} m deep`);
    }
    if (p.kind !== 'lift' && p.kind !== 'stairs') return;
    if (typeof p.shaft !== 'string' || p.shaft === '') return add(`points[${i}].shaft`, `is missing: ${article(p.kind)} point names its shaft, which joins it to the same ${p.kind} on other floors`);
    const key = `${p.kind}\u0000${p.shaft}\u0000${p.floor}`;
    const first = shafts.get(key);
    if (first !== undefined) add(`points[${i}].shaft`, `${JSON.stringify(p.shaft)} already has ${article(p.kind)} point on floor ${p.floor} (points[${first}])`);
    else shafts.set(key, i);
  });
  return byId;
}

function checkLinks(map: HallMap, points: Map<string, { point: HallPoint }>, add: Add): void {
  const seen = new Map<string, number>();
  list(map.links).forEach((link, i) => {
    if (!Array.isArray(link) || link.length !== 2) return;
    const [a, b] = link as unknown[];
    if (typeof a !== 'string' || typeof b !== 'string') return;
    const pa = points.get(a)?.point;
    const pb = points.get(b)?.point;
    if (pa === undefined) add(`links[${i}][0]`, `${JSON.stringify(a)} is not a point of the map`);
    if (pb === undefined) add(`links[${i}][1]`, `${JSON.stringify(b)} is not a point of the map`);
    if (a === b) return add(`links[${i}]`, `joins ${JSON.stringify(a)} to itself`);
    if (pa && pb && pa.floor !== pb.floor) {
      add(`links[${i}]`, `joins ${JSON.stringify(a)} on floor ${pa.floor} to ${JSON.stringify(b)} on floor ${pb.floor}: a link stays on one floor (lifts and stairs join floors by their shaft)`);
    }
    const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    const first = seen.get(key);
    if (first !== undefined) add(`links[${i}]`, `${JSON.stringify(a)}-${JSON.stringify(b)} is already links[${first}] (a link goes both ways)`);
    else seen.set(key, i);
  });
}

function checkKioskPoint(map: HallMap, points: Map<string, { point: HallPoint }>, add: Add): HallPoint | undefined {
  if (typeof map.kioskPoint !== 'string') return undefined;
  const kiosk = points.get(map.kioskPoint)?.point;
  if (kiosk === undefined) return void add('kioskPoint', `${JSON.stringify(map.kioskPoint)} is not a point of the map`);
  if (kiosk.kind !== 'kiosk') return void add('kioskPoint', `${JSON.stringify(map.kioskPoint)} is ${article(kiosk.kind)} point, not a kiosk`);
  return kiosk;
}

/**
 * On a map without other problems: every point (zone labels aside) can be reached from the kiosk, and every
 * window without stairs.
 */
function checkReachable(map: HallMap, kiosk: HallPoint, add: Add): void {
  const points = list(map.points).map((p) => (isObj(p) && typeof p.id === 'string' ? (p as unknown as HallPoint) : undefined));
  const links = list(map.links).filter((l): l is [string, string] => Array.isArray(l) && l.length === 2 && l.every((id) => typeof id === 'string'));
  const stepFree = reachable(points, links, kiosk.id, true);
  const withSteps = reachable(points, links, kiosk.id, false);
  points.forEach((p, i) => {
    if (p === undefined || p.kind === 'zone' || p.id === kiosk.id) return;
    if (p.kind === 'window' && !stepFree.has(p.id)) {
      add(`points[${i}]`, `window ${JSON.stringify(p.id)} cannot be reached from the kiosk point ${JSON.stringify(kiosk.id)} ${withSteps.has(p.id) ? 'without stairs' : 'at all'}: link it to a walkway, or add a lift`);
    } else if (!withSteps.has(p.id)) {
      add(`points[${i}]`, `${p.kind} ${JSON.stringify(p.id)} cannot be reached from the kiosk point ${JSON.stringify(kiosk.id)}: link it to a walkway`);
    }
  });
}

/** The ids reachable from `start` by links and shafts (lifts always, stairs unless step-free), as hall-route.ts goes. */
function reachable(points: ReadonlyArray<HallPoint | undefined>, links: ReadonlyArray<[string, string]>, start: string, stepFree: boolean): Set<string> {
  const known = points.filter((p): p is HallPoint => p !== undefined);
  const next = new Map<string, string[]>(known.map((p) => [p.id, []]));
  const join = (a: string, b: string): void => void next.get(a)?.push(b);
  for (const [a, b] of links) {
    join(a, b);
    join(b, a);
  }
  const shafts = new Map<string, string[]>();
  for (const p of known) {
    if ((p.kind !== 'lift' && (p.kind !== 'stairs' || stepFree)) || p.shaft === undefined) continue;
    const key = `${p.kind}\u0000${p.shaft}`;
    shafts.set(key, [...(shafts.get(key) ?? []), p.id]);
  }
  for (const members of shafts.values()) for (const a of members) for (const b of members) if (a !== b) join(a, b);
  const seen = new Set([start]);
  const queue = [start];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const n of next.get(id) ?? []) {
      if (seen.has(n)) continue;
      seen.add(n);
      queue.push(n);
    }
  }
  return seen;
}

/** Each reference whose id is not a window point of `map`, at the reference's own path. */
export function requireWindows(map: HallMap, windows: readonly WindowReference[]): HallMapProblem[] {
  const byId = new Map<string, HallPoint>();
  for (const p of list(map.points)) if (isObj(p) && typeof p.id === 'string' && !byId.has(p.id)) byId.set(p.id, p as unknown as HallPoint);
  const problems: HallMapProblem[] = [];
  for (const { path, id } of windows) {
    const point = byId.get(id);
    if (point === undefined) problems.push({ path, message: `${JSON.stringify(id)} is not a point of the hall map (hall.map.points)` });
    else if (point.kind !== 'window') problems.push({ path, message: `${JSON.stringify(id)} is ${article(point.kind)} point of the hall map, not a window` });
  }
  return problems;
}
