/**
 * The fields of the STATUS and HELLO replies (docs/robot-protocol.md §3.2, §3.1): KEY=value words, unknown
 * keys ignored so a newer base can say more. Pure.
 */
import { FAULT_CODES, NO_POINT, POINT_ID, type RobotFaultCode } from './constants';

export interface RobotStatusFields {
  /** BAT: 0 … 100. */
  batteryPercent?: number;
  /** CHG, DOCK, OBST, MOVE: 0 or 1. */
  charging?: boolean;
  docked?: boolean;
  obstacle?: boolean;
  moving?: boolean;
  fault?: RobotFaultCode;
  /** POS=floor,x,y,point (point `-` for none). */
  position?: { floor: number; xM: number; yM: number; point?: string };
}

const flag = (value: string | undefined): boolean | undefined => (value === '1' ? true : value === '0' ? false : undefined);
const bit = (value: boolean): string => (value ? '1' : '0');
const metres = (m: number): string => (Math.round(m * 10) / 10 + 0).toFixed(1);

function position(value: string | undefined): RobotStatusFields['position'] {
  if (value === undefined) return undefined;
  const [floor, x, y, point, ...more] = value.split(',');
  if (more.length > 0 || point === undefined || !/^-?\d{1,3}$/u.test(floor!) || !/^-?\d{1,5}(\.\d{1,3})?$/u.test(x!) || !/^-?\d{1,5}(\.\d{1,3})?$/u.test(y!)) return undefined;
  if (point !== NO_POINT && !POINT_ID.test(point)) return undefined;
  const at = { floor: Number(floor), xM: Number(x), yM: Number(y) };
  return point === NO_POINT ? at : { ...at, point };
}

/** What a STATUS reply's fields say; a field missing or unreadable is left out. */
export function parseStatusFields(fields: Readonly<Record<string, string>>): RobotStatusFields {
  const out: RobotStatusFields = {};
  const bat = fields.BAT;
  if (bat !== undefined && /^\d{1,3}$/u.test(bat) && Number(bat) <= 100) out.batteryPercent = Number(bat);
  const pairs = [['CHG', 'charging'], ['DOCK', 'docked'], ['OBST', 'obstacle'], ['MOVE', 'moving']] as const;
  for (const [key, name] of pairs) {
    const v = flag(fields[key]);
    if (v !== undefined) out[name] = v;
  }
  const fault = fields.FAULT;
  if (fault !== undefined && (FAULT_CODES as readonly string[]).includes(fault)) out.fault = fault as RobotFaultCode;
  const pos = position(fields.POS);
  if (pos) out.position = pos;
  return out;
}

/** The STATUS reply's fields in the order §3.2 lists them. */
export function statusFields(s: Required<Omit<RobotStatusFields, 'position'>> & Pick<RobotStatusFields, 'position'>): Record<string, string> {
  const fields: Record<string, string> = {
    BAT: String(Math.max(0, Math.min(100, Math.round(s.batteryPercent)))),
    CHG: bit(s.charging),
    DOCK: bit(s.docked),
    OBST: bit(s.obstacle),
    MOVE: bit(s.moving),
    FAULT: s.fault,
  };
  if (s.position) fields.POS = `${s.position.floor},${metres(s.position.xM)},${metres(s.position.yM)},${s.position.point ?? NO_POINT}`;
  return fields;
}
