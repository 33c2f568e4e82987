/**
 * Options of IppDocumentPrinter (issue 17 §1; protocols.md §4). Times are on the injected clock.
 */
import type { Clock } from '../../../common/clock';
import type { DeviceRole } from '../../../common/device';
import type { Logger } from '../../../common/logger';
import type { StatisticsStore } from '../statistics';

export interface IppDocumentPrinterOptions {
  id: string;
  roles?: readonly DeviceRole[];
  model?: string;
  /** The printer's url, asked at open() (the simulator's port is known only once it listens): ipp://… */
  endpoint: () => string;
  clock: Clock;
  log?: Logger;
  statistics?: StatisticsStore;
  /** Get-Printer-Attributes while enabled. Default 2000. */
  pollIntervalMs?: number;
  /** One HTTP exchange. Default 10 000 (a CUPS server answering a Get-Jobs of a long history). */
  requestTimeoutMs?: number;
  /** Get-Job-Attributes while a job prints. Default 1000. */
  jobPollMs?: number;
  /** A job's bound when print() is given none: `jobBaseMs + pages × jobPageMs`. Defaults 60 000 and 20 000. */
  jobBaseMs?: number;
  jobPageMs?: number;
  /** requesting-user-name: the same for every request, so CUPS shows this kiosk its own jobs' names. Default "hallkiosk". */
  userName?: string;
  /** attributes-natural-language. Default "zh-cn". */
  language?: string;
}

export const IPP_MODELS = {
  /** Any IPP/2.0 printer or IPP Everywhere printer, or a CUPS queue in front of one. */
  'generic-ipp': { displayName: 'IPP printer (IPP/2.0, IPP Everywhere or a CUPS queue)' },
} as const;

export type IppModelId = keyof typeof IPP_MODELS;
export const DEFAULT_IPP_MODEL: IppModelId = 'generic-ipp';
