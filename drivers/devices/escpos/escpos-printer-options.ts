/**
 * Options of EscPosPrinter (escpos-printer.ts). Every time-out is on the injected clock (ARCHITECTURE.md
 * §8.4); the defaults suit a serial kiosk printer.
 */
import type { Clock } from '../../../common/clock';
import type { DeviceRole } from '../../../common/device';
import type { Logger } from '../../../common/logger';
import type { Transport } from '../../transport/transport';
import type { StatisticsStore } from '../statistics';

export interface EscPosPrinterOptions {
  id: string;
  roles: DeviceRole[];
  /** A row of the model table (drivers/protocol/escpos/models.ts). */
  model: string;
  transport: Transport;
  clock: Clock;
  log?: Logger;
  statistics?: StatisticsStore;
  /** Idle status polling period. */
  pollIntervalMs?: number;
  /** How long one DLE EOT reply may take. */
  statusTimeoutMs?: number;
  /** Status polling period while a job is printing. */
  jobPollMs?: number;
  /** How long after a query timed out its reply may still arrive (protocols.md §2.4, §2.7). Default 2 × statusTimeoutMs. */
  lateReplyMs?: number;
  /** Bound of open(): the port, the set-up write and the drain of stale replies. Default 5000. */
  openTimeoutMs?: number;
  /** Silence that ends the drain at open. Default min(250, statusTimeoutMs). */
  openQuietMs?: number;
  /**
   * How long the first job after an open waits for the printer to finish what a previous host process left
   * in its buffer (the sync request sent at open, protocols.md §2.7). Default 30000.
   */
  openDrainBudgetMs?: number;
  /** The hall's time zone, for the printed test page (ARCHITECTURE.md §8.4). Default Asia/Shanghai. */
  timeZone?: string;
  /**
   * Presenter models (models.ts `presenter`, protocols.md §2.6): seconds a ticket waits in the mouth before
   * the printer retracts it. Default: the model row's `retractAfterS`.
   */
  presentTimeoutS?: number;
  /** Status polling period while a presented ticket waits to be taken. Default min(500, pollIntervalMs). */
  presentedPollMs?: number;
  /** Random source for process-ID tags, [0, 1). Default Math.random. */
  random?: () => number;
}
