/**
 * Issue 16's cross-field rules: the hall map is sound (common/hall-map-validate.ts, its problems under
 * `hall.map`), every business's `windows` are window points of it, the robot's dock is a dock point, the
 * robot block is there exactly for the robot profile, and 长辈模式 never gives less time than the normal mode.
 */
import type { HallMap } from '../../../common/hall-map';
import { requireWindows, validateHallMap, type WindowReference } from '../../../common/hall-map-validate';
import type { ConfigProblem } from './config-error';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export function hallProblems(data: Obj): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const hall = isObj(data.hall) ? data.hall : {};
  const map = isObj(hall.map) && Array.isArray(hall.map.points) ? (hall.map as unknown as HallMap) : undefined;
  if (map) {
    for (const p of validateHallMap(map)) problems.push({ path: p.path === '' ? 'hall.map' : `hall.map.${p.path}`, reason: p.message });
    const refs: WindowReference[] = [];
    arr(isObj(data.queue) ? data.queue.businesses : undefined).forEach((b, i) => {
      if (!isObj(b)) return;
      arr(b.windows).forEach((id, j) => {
        if (typeof id === 'string') refs.push({ path: `queue.businesses[${i}].windows[${j}]`, id });
      });
    });
    for (const p of requireWindows(map, refs)) problems.push({ path: p.path, reason: p.message });
  }
  checkRobot(data, map, problems);
  checkElderTimes(data, problems);
  return problems;
}

function checkRobot(data: Obj, map: HallMap | undefined, problems: ConfigProblem[]): void {
  const profile = data.profile ?? 'kiosk';
  if (profile === 'robot' && data.robot === undefined) {
    problems.push({ path: 'robot', reason: 'is missing: the "robot" profile needs a robot block (its fields have defaults, so {} will do)' });
  }
  if (profile === 'kiosk' && data.robot !== undefined) {
    problems.push({ path: 'robot', reason: 'is set but profile is "kiosk"; set "profile": "robot" for a kiosk on a guide robot, or remove it' });
  }
  if (!isObj(data.robot) || typeof data.robot.dockPoint !== 'string' || map === undefined) return;
  const id = data.robot.dockPoint;
  const point = arr(map.points).find((p) => isObj(p) && p.id === id) as Obj | undefined;
  if (point === undefined) problems.push({ path: 'robot.dockPoint', reason: `${JSON.stringify(id)} is not a point of the hall map (hall.map.points)` });
  else if (point.kind !== 'dock') problems.push({ path: 'robot.dockPoint', reason: `${JSON.stringify(id)} is ${/^[aeiou]/.test(String(point.kind)) ? 'an' : 'a'} ${String(point.kind)} point of the hall map, not a dock` });
}

function checkElderTimes(data: Obj, problems: ConfigProblem[]): void {
  if (!isObj(data.session)) return;
  const s = data.session;
  for (const [elder, normal] of [['elderIdleTimeoutMs', 'idleTimeoutMs'], ['elderCountdownMs', 'countdownMs']] as const) {
    const e = s[elder];
    const n = s[normal];
    if (typeof e === 'number' && typeof n === 'number' && e < n) {
      problems.push({ path: `session.${elder}`, reason: `must be at least session.${normal} (${n}): 长辈模式 gives more time, never less (got ${e})` });
    }
  }
}
