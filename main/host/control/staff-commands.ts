/**
 * What the control channel's commands do (issue 13 §3), one implementation for both places they run: inside
 * the running host (via 'host': the ticket's printUncertain alert resolves and the citizen screen's waiting
 * count refreshes at once) and, with no host running, inside `npm run tickets` on the database it opened
 * itself (via 'direct': the same transaction and the same audit record; there are no alerts to resolve and
 * the next host reads the database as it finds it).
 */
import type { Logger } from '../../../common/logger';
import type { ClockConfirmRequest, ClockConfirmResult } from '../clock/clock-watch';
import type { QueueService } from '../queue/queue-service';
import { StaffCommandError, ticketSubject } from '../queue/ticket-settlement';
import { type ConfirmClockCommand, type ConfirmClockResult, type ControlMode, type ControlReply, parseControlRequest, type SettleCommand, type SettleResult } from './control-protocol';

export interface StaffCommandDeps {
  queue: Pick<QueueService, 'settleByHand' | 'seriesDay' | 'standing'>;
  confirmClock(request: ClockConfirmRequest): ClockConfirmResult;
  via: 'host' | 'direct';
  /** The host's alert bus: the settled ticket's events resolve. */
  resolveTicketAlerts?: (ref: string) => number;
  /** After a ticket was settled: refresh the citizen screen's business list. */
  onQueueChanged?: () => void;
}

export interface StaffCommands {
  settle(command: SettleCommand): SettleResult;
  confirmClock(command: ConfirmClockCommand): ConfirmClockResult;
}

export function createStaffCommands(deps: StaffCommandDeps): StaffCommands {
  const { queue, via } = deps;
  return {
    settle(command) {
      const { ticket, audit } = queue.settleByHand({ number: command.number, ...(command.day !== undefined && { day: command.day }), outcome: command.outcome, by: command.by, ...(command.note !== undefined && { note: command.note }), via });
      const alertsResolved = deps.resolveTicketAlerts?.(ticketSubject(ticket.day, ticket.number)) ?? 0;
      deps.onQueueChanged?.();
      // Callable only while its business still numbers on its day: a settled ticket of a day that is over
      // counts as issued but is nobody's turn any more.
      const inCallOrder = ticket.status === 'issued' && queue.seriesDay(ticket.businessId) === ticket.day;
      return {
        kind: 'settled',
        ticket: { number: ticket.number, day: ticket.day, businessId: ticket.businessId, status: ticket.status, reservedAt: ticket.reservedAt },
        inCallOrder,
        peopleAhead: inCallOrder ? queue.standing(ticket).peopleAhead : null,
        auditId: audit.id,
        alertsResolved,
        via,
      };
    },
    confirmClock(command) {
      const result = deps.confirmClock({ by: command.by, ...(command.note !== undefined && { note: command.note }), via });
      return result.changed
        ? { kind: 'clock', changed: true, now: result.now, lastSeenAt: result.lastSeenAt, auditId: result.audit.id, via }
        : { kind: 'clock', changed: false, now: result.now, via };
    },
  };
}

/** Answers one request off the wire; a refusal is a reply, never a thrown error. */
export function answerControlRequest(commands: StaffCommands, raw: unknown, log: Logger, hostMode?: ControlMode): ControlReply {
  try {
    const request = parseControlRequest(raw);
    if (hostMode !== undefined && request.mode !== undefined && request.mode !== hostMode) {
      const words = { training: '演示模式 training', production: '生产模式 production' };
      return { ok: false, error: 'modeMismatch', message: `运行中的终端为${words[hostMode]}，命令却按${words[request.mode]}的配置发出 / the running kiosk is in ${hostMode} mode but this command's configuration says ${request.mode}: give the kiosk's own configuration with --config` };
    }
    const result = request.command === 'settle' ? commands.settle(request) : commands.confirmClock(request);
    log.info('control command done', { command: request.command, by: request.by, ...(result.kind === 'settled' && { ticket: ticketSubject(result.ticket.day, result.ticket.number), to: result.ticket.status, auditId: result.auditId }) });
    return { ok: true, result };
  } catch (err) {
    if (err instanceof StaffCommandError) return { ok: false, error: err.code, message: err.message };
    log.error('control command failed', { error: err });
    return { ok: false, error: 'internal', message: `终端未能执行 / the kiosk could not carry it out: ${err instanceof Error ? err.message : String(err)}` };
  }
}
