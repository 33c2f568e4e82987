/**
 * Shape checks for the guide index's and the robot's pushes (issue 16 §3, §9): `guides:changed` and
 * `robot:changed`, as push-validate.ts checks the others. Each returns a fresh object holding only the
 * contract's fields, or the first problem, naming the field and never its value.
 */
import type { Checked } from '../../../common/api-validate';
import { errorInfo, isErrorCode, type KioskErrorInfo } from '../../../common/errors';
import type { GuideIndexState, GuidesStatusView } from '../../../common/guides-api';
import type { RobotPosition, RobotStatusView, RobotTripPhase, RobotTripView } from '../../../common/robot';

class Problem extends Error {}

type Rec = Record<string, unknown>;

function record(value: unknown, path: string): Rec {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Problem(`${path} must be an object`);
  return value as Rec;
}

function str(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new Problem(`${path} must be a string`);
  return value;
}

function bool(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') throw new Problem(`${path} must be a boolean`);
  return value;
}

function num(value: unknown, path: string, min: number, max: number, integer = false): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || (integer && !Number.isSafeInteger(value))) throw new Problem(`${path} must be a finite ${integer ? 'integer' : 'number'}`);
  if (value < min || value > max) throw new Problem(`${path} must be within ${min}-${max}`);
  return value;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) throw new Problem(`${path} must be one of ${allowed.join(', ')}`);
  return value as T;
}

function checked<T>(parse: () => T): Checked<T> {
  try {
    return { ok: true, value: parse() };
  } catch (err) {
    if (err instanceof Problem) return { ok: false, detail: err.message };
    throw err;
  }
}

const INDEX_STATES: readonly GuideIndexState[] = ['preparing', 'ready', 'failed'];

export function checkGuidesStatus(value: unknown, path = 'guides'): Checked<GuidesStatusView> {
  return checked(() => {
    const v = record(value, path);
    return { state: oneOf(v.state, INDEX_STATES, `${path}.state`), catalogueVersion: str(v.catalogueVersion, `${path}.catalogueVersion`) };
  });
}

const TRIP_PHASES: readonly RobotTripPhase[] = ['idle', 'walking', 'paused', 'arrived', 'blocked', 'handedOver', 'canceled', 'returning', 'unavailable'];
const BIG = Number.MAX_SAFE_INTEGER;

function errorOf(value: unknown, path: string): KioskErrorInfo {
  const v = record(value, path);
  if (!isErrorCode(v.code)) throw new Problem(`${path}.code must be an error code`);
  return errorInfo(v.code);
}

function positionOf(value: unknown, path: string): RobotPosition {
  const p = record(value, path);
  const out: RobotPosition = { floor: num(p.floor, `${path}.floor`, -BIG, BIG, true), xM: num(p.xM, `${path}.xM`, -BIG, BIG), yM: num(p.yM, `${path}.yM`, -BIG, BIG) };
  if (p.point !== undefined) out.point = str(p.point, `${path}.point`);
  return out;
}

function statusOf(value: unknown, path: string): RobotStatusView {
  const s = record(value, path);
  const out: RobotStatusView = { online: bool(s.online, `${path}.online`) };
  if (s.batteryPercent !== undefined) out.batteryPercent = num(s.batteryPercent, `${path}.batteryPercent`, 0, 100);
  for (const key of ['charging', 'docked', 'obstacle'] as const) if (s[key] !== undefined) out[key] = bool(s[key], `${path}.${key}`);
  if (s.position !== undefined) out.position = positionOf(s.position, `${path}.position`);
  return out;
}

export function checkRobotTrip(value: unknown, path = 'robot'): Checked<RobotTripView> {
  return checked(() => {
    const v = record(value, path);
    const out: RobotTripView = { phase: oneOf(v.phase, TRIP_PHASES, `${path}.phase`), status: statusOf(v.status, `${path}.status`) };
    if (v.to !== undefined) out.to = str(v.to, `${path}.to`);
    if (v.progress !== undefined) out.progress = num(v.progress, `${path}.progress`, 0, 1);
    if (v.remainingM !== undefined) out.remainingM = num(v.remainingM, `${path}.remainingM`, 0, BIG);
    if (v.error !== undefined) out.error = errorOf(v.error, `${path}.error`);
    return out;
  });
}
