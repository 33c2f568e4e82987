/**
 * Options of ZfmFingerprintReader (zfm-fingerprint-reader.ts). Time-outs are on the injected clock
 * (ARCHITECTURE.md §8.4); the per-model timings come from module-models.ts (protocols.md §3).
 */
import type { Clock } from '../../../common/clock';
import type { DeviceRole } from '../../../common/device';
import type { Logger } from '../../../common/logger';
import type { ZfmModuleModel } from '../../protocol/zfm/module-models';
import type { Transport } from '../../transport/transport';
import type { StatisticsStore } from '../statistics';

export interface ZfmFingerprintReaderOptions {
  id: string;
  roles?: DeviceRole[];
  /** A row of module-models.ts, or a row of its own for a module whose sizes were checked on site. */
  model: string | ZfmModuleModel;
  /** Serial 57600 8N1 by default (§3.1): the host builds it from the configuration. */
  transport: Transport;
  clock: Clock;
  log?: Logger;
  statistics?: StatisticsStore;
  /** The module's address (§3.1). Default FFFFFFFF. */
  address?: number;
  /** The module's password for VfyPwd (§3.1). Default 00000000. */
  password?: number;
  /** Idle period between GenImg polls while enabled; default the model's. */
  idlePollMs?: number;
  /** Further attempts of one command after a lost or damaged reply. Default 2. */
  retries?: number;
  /** How long after an exchange gave up its ack may still arrive (zfm-link.ts). Default the model's command time-out, at least 1000 ms. */
  lateReplyMs?: number;
  /** Bound of opening the port; the module check after it has its own bound. Default 5000. */
  openTimeoutMs?: number;
  /** How long a capture waits for a finger when the caller gives no time-out. Default 30000. */
  captureTimeoutMs?: number;
}
