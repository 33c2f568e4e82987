/**
 * The host's local control channel (issue 13 §3): how `npm run tickets -- settle …` and `… confirm-clock`
 * reach the running host, which owns the database and its alerts. One JSON request per connection, one
 * line each way, over a unix socket in the data folder (control-server.ts). This file is the wire: the
 * requests, their checks, and the replies.
 */
import { isCalendarDate } from '../config/periods';
import { type HandOutcome, StaffCommandError } from '../queue/ticket-settlement';

/** The socket's name in the data folder: only someone who can open that folder can reach it. */
export const CONTROL_SOCKET_FILE = 'host.sock';
/** A request is a few hundred bytes; more is not the command talking. */
export const MAX_CONTROL_REQUEST_BYTES = 16 * 1024;

/**
 * The mode the command's configuration names. Training and production share one data folder (and so one
 * socket) but never one database: a host refuses a command meant for the other mode's tickets.
 */
export type ControlMode = 'training' | 'production';

export interface SettleCommand {
  command: 'settle';
  mode?: ControlMode;
  number: string;
  day?: string;
  outcome: HandOutcome;
  by: string;
  note?: string;
}

export interface ConfirmClockCommand {
  command: 'confirm-clock';
  mode?: ControlMode;
  by: string;
  note?: string;
}

export type ControlRequest = SettleCommand | ConfirmClockCommand;

export interface SettleResult {
  kind: 'settled';
  ticket: { number: string; day: string; businessId: string; status: string; reservedAt: number };
  /** Issued and callable now: it waits in its business's call order (its place set by its reservation time). */
  inCallOrder: boolean;
  /** When in the call order: how many are called before it. */
  peopleAhead: number | null;
  auditId: number;
  /** How many open alerts about the ticket were resolved (0 when the command wrote the database itself). */
  alertsResolved: number;
  via: 'host' | 'direct';
}

export interface ConfirmClockResult {
  kind: 'clock';
  /** False: the clock was not in question, nothing was written. */
  changed: boolean;
  now: number;
  lastSeenAt?: number;
  auditId?: number;
  via: 'host' | 'direct';
}

export type ControlResult = SettleResult | ConfirmClockResult;

export type ControlReply = { ok: true; result: ControlResult } | { ok: false; error: string; message: string };

const TICKET_NUMBER = /^[A-Z]\d{3}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
export const MAX_ACTOR_LENGTH = 64;
export const MAX_NOTE_LENGTH = 500;

const bad = (message: string): StaffCommandError => new StaffCommandError('badRequest', message);

/** A ticket number as staff type it ("a3" is not one: "A003"). */
export function checkNumber(value: unknown): string {
  if (typeof value === 'string' && TICKET_NUMBER.test(value)) return value;
  throw bad(`号码应为一个大写字母加三位数字，如 A003 / the number must be a capital letter and three digits, e.g. A003 (got ${JSON.stringify(value)})`);
}

export function checkDay(value: unknown): string {
  if (typeof value === 'string' && DAY.test(value) && isCalendarDate(value)) return value;
  throw bad(`--day 应为 YYYY-MM-DD / --day must be a hall day written YYYY-MM-DD (got ${JSON.stringify(value)})`);
}

export function checkActor(value: unknown): string {
  if (typeof value === 'string' && value.trim() !== '' && value.length <= MAX_ACTOR_LENGTH && !CONTROL_CHARS.test(value)) return value;
  throw bad(`--by 应为 1-${MAX_ACTOR_LENGTH} 个字符的姓名 / --by must name who acts, 1-${MAX_ACTOR_LENGTH} characters`);
}

export function checkNote(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && value.length <= MAX_NOTE_LENGTH && !CONTROL_CHARS.test(value)) return value;
  throw bad(`--note 最多 ${MAX_NOTE_LENGTH} 个字符，且为一行 / --note must be one line of at most ${MAX_NOTE_LENGTH} characters`);
}

/** Checks a request off the wire; throws StaffCommandError('badRequest') naming what is wrong. */
export function parseControlRequest(value: unknown): ControlRequest {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bad('the request must be a JSON object');
  const v = value as Record<string, unknown>;
  const by = checkActor(v.by);
  const note = checkNote(v.note);
  const withNote = note === undefined ? {} : { note };
  if (v.mode !== undefined && v.mode !== 'training' && v.mode !== 'production') throw bad(`mode must be training or production (got ${JSON.stringify(v.mode)})`);
  const withMode = v.mode === undefined ? {} : { mode: v.mode as ControlMode };
  if (v.command === 'settle') {
    if (v.outcome !== 'issued' && v.outcome !== 'voided') throw bad(`结果应为 issued 或 voided / the outcome must be issued or voided (got ${JSON.stringify(v.outcome)})`);
    const request: SettleCommand = { command: 'settle', number: checkNumber(v.number), outcome: v.outcome, by, ...withNote, ...withMode };
    if (v.day !== undefined) request.day = checkDay(v.day);
    return request;
  }
  if (v.command === 'confirm-clock') return { command: 'confirm-clock', by, ...withNote, ...withMode };
  throw bad(`unknown command ${JSON.stringify(v.command)} (settle, confirm-clock)`);
}
