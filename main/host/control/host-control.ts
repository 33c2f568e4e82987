/**
 * The host's side of issue 13 §3's staff and technician controls, composed in one place for
 * main/composition.ts: the clock guard (clock-watch.ts: a clock far behind the last time seen stops issuing,
 * with a technician alert), the staff commands run by the host (staff-commands.ts: settling resolves the
 * ticket's alert and refreshes the screen), and the local control channel that `npm run tickets` reaches
 * them through (control-server.ts, `<data folder>/host.sock`).
 */
import { join } from 'node:path';
import type { Clock } from '../../../common/clock';
import type { Logger } from '../../../common/logger';
import type { AlertBus } from '../alerts/alert-bus';
import { ClockWatch } from '../clock/clock-watch';
import type { QueueDb } from '../queue/queue-db';
import type { QueueService } from '../queue/queue-service';
import { CONTROL_SOCKET_FILE } from './control-protocol';
import { type ControlChannel, openControlChannel } from './control-server';
import { answerControlRequest, createStaffCommands, type StaffCommands } from './staff-commands';

/** The alert's device id: the clock is no device of the registry, but alerts name where to look. */
export const CLOCK_ALERT_ID = 'clock';

export interface HostControlDeps {
  db: QueueDb;
  queue: Pick<QueueService, 'settleByHand' | 'seriesDay' | 'standing'>;
  alerts: AlertBus;
  clock: Clock;
  mode: 'training' | 'production';
  timeZone: string;
  dataDir: string;
  log: Logger;
  /** Issuing was stopped or resumed: recompute availability (its take-ticket blocker is clockWatch's). */
  onAvailabilityChanged(): void;
  /** A ticket was settled: refresh the citizen screen's business list. */
  onQueueChanged(): void;
}

export interface HostControl {
  clockWatch: ClockWatch;
  commands: StaffCommands;
  /** Judges the clock, then opens the control channel. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function composeHostControl(deps: HostControlDeps): HostControl {
  const clockWatch: ClockWatch = new ClockWatch({
    db: deps.db,
    clock: deps.clock,
    mode: deps.mode,
    timeZone: deps.timeZone,
    log: deps.log.child('clock'),
    onChange: (state) => {
      if (state.valid) deps.alerts.clear(CLOCK_ALERT_ID, 'clockInvalid');
      else deps.alerts.raise(CLOCK_ALERT_ID, 'clockInvalid', clockWatch.alertMessage(state));
      deps.onAvailabilityChanged();
    },
  });
  const commands = createStaffCommands({
    queue: deps.queue,
    confirmClock: (request) => clockWatch.confirm(request),
    via: 'host',
    resolveTicketAlerts: (ref) => deps.alerts.resolveEvent('printUncertain', ref),
    onQueueChanged: deps.onQueueChanged,
  });
  const controlLog = deps.log.child('control');
  let channel: ControlChannel | null = null;
  return {
    clockWatch,
    commands,
    async start() {
      clockWatch.start();
      channel = await openControlChannel({
        path: join(deps.dataDir, CONTROL_SOCKET_FILE),
        answer: (request) => answerControlRequest(commands, request, controlLog, deps.mode),
        log: controlLog,
      });
    },
    async stop() {
      await channel?.close();
      channel = null;
      clockWatch.stop();
    },
  };
}
