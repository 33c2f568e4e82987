/**
 * The IPP document printer's entry in the configuration half of the driver table (driver-config.ts; issue 17
 * §1; protocols.md §4): its model, its transports (`ipp` with a url, or `sim` for SimIppPrinter on loopback),
 * its options, and the rule that it serves the documentPrinter role only. docs/ipp-printing.md.
 */
import { DEFAULT_IPP_MODEL, IPP_MODELS } from '../../drivers/devices/ipp/ipp-printer-options';
import type { DriverConfigPart } from './driver-config';

/** `options` of an ipp device, after validation. */
export interface IppOptions {
  /** Get-Printer-Attributes while enabled, ms. Default 2000. */
  pollIntervalMs?: number;
  /** Get-Job-Attributes while a job prints, ms. Default 1000. */
  jobPollMs?: number;
  /** One IPP exchange, ms. Default 10 000. */
  requestTimeoutMs?: number;
  /** requesting-user-name, the same on every request (CUPS shows a user its own jobs' names). Default "hallkiosk". */
  userName?: string;
  /** Training only: the simulator's time per sheet, ms (default 2000; 0 prints at once). */
  simPageMs?: number;
  /** Training only: sheets in the simulator's full tray (default 250). */
  simTraySheets?: number;
}

export const IPP_CONFIG: DriverConfigPart = {
  models: Object.keys(IPP_MODELS),
  defaultModel: DEFAULT_IPP_MODEL,
  transports: ['sim', 'ipp'],
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      pollIntervalMs: { type: 'integer', minimum: 200, maximum: 600_000 },
      jobPollMs: { type: 'integer', minimum: 50, maximum: 60_000 },
      requestTimeoutMs: { type: 'integer', minimum: 500, maximum: 120_000 },
      userName: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' },
      simPageMs: { type: 'integer', minimum: 0, maximum: 600_000 },
      simTraySheets: { type: 'integer', minimum: 1, maximum: 100_000 },
    },
  },
  check(facts, problem) {
    for (const [i, role] of facts.roles.entries()) {
      if (role !== 'documentPrinter') problem(['roles', i], `an IPP printer serves the documentPrinter role only, not ${role}`);
    }
  },
};
