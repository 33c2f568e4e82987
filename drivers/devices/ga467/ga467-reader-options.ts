/**
 * Options of Ga467IdCardReader (ga467-id-card-reader.ts). Time-outs are on the injected clock
 * (ARCHITECTURE.md §8.4); the per-model timings come from reader-models.ts (protocols.md §1.9).
 */
import type { Clock } from '../../../common/clock';
import type { DeviceRole } from '../../../common/device';
import type { Logger } from '../../../common/logger';
import type { Ga467ReaderModel } from '../../protocol/ga467/reader-models';
import type { Transport } from '../../transport/transport';
import type { StatisticsStore } from '../statistics';

export interface Ga467IdCardReaderOptions {
  id: string;
  roles?: DeviceRole[];
  /**
   * A row of reader-models.ts, or a row of its own for a reader whose behaviour was checked on site (a
   * `removalProbe: 'select'` seen on that model).
   */
  model: string | Ga467ReaderModel;
  /** Serial 115200 8N1 by default (§1.8): the host builds it from the configuration. */
  transport: Transport;
  clock: Clock;
  log?: Logger;
  statistics?: StatisticsStore;
  /** Idle period between polls; default the model's. */
  pollIntervalMs?: number;
  /** Further attempts of one command after a lost or damaged reply. Default 2. */
  retries?: number;
  /** How long after an exchange gave up its reply may still arrive (sam-link.ts). Default the model's command time-out, at least 1000 ms. */
  lateReplyMs?: number;
  /** Bound of opening the port; the SAM check after it has its own bound (read-cycle.ts pollBudgetMs). Default 5000. */
  openTimeoutMs?: number;
  /** readCard's bound when the caller gives none. Default 30000. */
  readCardTimeoutMs?: number;
}
