/**
 * `npm run tickets -- settle <number> issued|voided` and `npm run tickets -- confirm-clock` (issue 13 §3;
 * docs/operations.md). The running host carries them out, over the control channel in the data folder
 * (control-server.ts): it owns the database and its alerts, so the ticket's alert resolves and the call
 * order on the counters' side changes at once. With no host running, the command opens the database itself
 * (read-write, WAL, busy time-out) and writes the same change and the same audit record.
 *
 * Who acts is the OS user running the command, unless `--by NAME` says otherwise (a shared kiosk account).
 */
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { formatLocalDateTime } from '../../../common/local-time';
import { SILENT_LOGGER } from '../../../common/logger';
import { AdjustableClock } from '../clock/adjustable-clock';
import { confirmClock } from '../clock/clock-watch';
import type { KioskConfig } from '../config/config-types';
import { callHost } from '../control/control-client';
import { CONTROL_SOCKET_FILE, type ControlReply, type ControlRequest, type ControlResult, checkActor, checkDay, checkNote, checkNumber } from '../control/control-protocol';
import { answerControlRequest, createStaffCommands } from '../control/staff-commands';
import { claimQueueMode, openQueueDb, QUEUE_DB_FILES } from './queue-db';
import { QueueService } from './queue-service';
import type { TicketsArgs } from './tickets-cli-args';

export class StaffCliError extends Error {
  override readonly name = 'StaffCliError';
}

/** The request the words and options describe; a wrong one is refused before anything is reached. */
export function staffRequest(args: TicketsArgs, osUser: () => string = currentUser): ControlRequest {
  const [command, ...rest] = args.words;
  const by = checkActor(args.options.get('--by') ?? osUser());
  const note = checkNote(args.options.get('--note'));
  const withNote = note === undefined ? {} : { note };
  if (command === 'confirm-clock') {
    if (rest.length > 0) throw new StaffCliError(`confirm-clock takes no arguments (got ${rest.join(' ')})`);
    return { command: 'confirm-clock', by, ...withNote };
  }
  const [number, outcome, ...more] = rest;
  if (number === undefined || outcome === undefined || more.length > 0) {
    throw new StaffCliError('用法 usage: npm run tickets -- settle <number> issued|voided [--day YYYY-MM-DD] [--note TEXT] [--by NAME]');
  }
  if (outcome !== 'issued' && outcome !== 'voided') {
    throw new StaffCliError(`结果应为 issued（确认已出票）或 voided（作废）/ the outcome must be issued (the citizen has it) or voided (it never came out), not ${JSON.stringify(outcome)}`);
  }
  const day = args.options.get('--day');
  return { command: 'settle', number: checkNumber(number.toUpperCase()), outcome, by, ...withNote, ...(day !== undefined && { day: checkDay(day) }) };
}

function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    // No passwd entry for this uid (a bare container): name it by number.
    return `uid:${process.getuid?.() ?? 'unknown'}`;
  }
}

/** Through the running host if one answers on the data folder's socket, else on the database directly. */
export async function runStaffCommand(request: ControlRequest, dataDir: string, config: KioskConfig): Promise<ControlReply> {
  const call = await callHost(join(dataDir, CONTROL_SOCKET_FILE), { ...request, mode: config.mode });
  if (call.kind === 'reply') return call.reply;
  return applyDirectly(request, join(dataDir, QUEUE_DB_FILES[config.mode]), config);
}

function applyDirectly(request: ControlRequest, file: string, config: KioskConfig): ControlReply {
  if (!existsSync(file)) throw new StaffCliError(`no kiosk database at ${file} (give the data folder with --data or KIOSK_DATA_DIR)`);
  const db = openQueueDb(file);
  try {
    claimQueueMode(db, config.mode);
    const clock = new AdjustableClock();
    const queue = new QueueService({ db, config, clock });
    const commands = createStaffCommands({ queue, confirmClock: (r) => confirmClock(db, clock.now(), r), via: 'direct' });
    return answerControlRequest(commands, request, SILENT_LOGGER);
  } finally {
    db.close();
  }
}

const OUTCOME_WORDS = { issued: '已确认出票 settled as issued', voided: '已作废 settled as voided' } as const;

/** The reply as lines for the terminal, times in hall time. */
export function formatStaffResult(result: ControlResult, timeZone: string): string {
  const time = (ms: number): string => formatLocalDateTime(ms, timeZone);
  const where =
    result.via === 'host'
      ? '由运行中的终端执行 / carried out by the running kiosk'
      : '终端未运行，已直接写入数据库 / no kiosk running: written to its database directly';
  if (result.kind === 'clock') {
    if (!result.changed) return `时钟无需确认，未作任何更改 / the clock is not in question (now ${time(result.now)}): nothing written\n`;
    return [
      `已确认时钟 clock confirmed: ${time(result.now)} (上次记录 last seen ${time(result.lastSeenAt!)}), audit #${result.auditId}`,
      '  取号已恢复 / ticket issuing resumes',
      where,
    ].join('\n') + '\n';
  }
  const { ticket } = result;
  const lines = [`${OUTCOME_WORDS[ticket.status === 'issued' ? 'issued' : 'voided']}: ${ticket.day} ${ticket.number} (${ticket.businessId}, 取号 taken ${time(ticket.reservedAt)}), audit #${result.auditId}`];
  if (ticket.status === 'issued') {
    lines.push(
      result.inCallOrder
        ? `  已按取号时间排入叫号顺序，前面还有 ${result.peopleAhead ?? 0} 人 / in the call order at its place (by the time it was taken): ${result.peopleAhead ?? 0} ahead`
        : '  该号所属的叫号日已结束，不再叫号 / its day is over: it counts as issued but will not be called',
    );
  }
  lines.push(result.via === 'host' ? `${where}${result.alertsResolved > 0 ? '; 提醒已解除 its alert resolved' : ''}` : where);
  return `${lines.join('\n')}\n`;
}
