/**
 * The ESC/POS driver's entry in the configuration half of the driver table (driver-config.ts): its models
 * (drivers/protocol/escpos/models.ts), its transports, its options, and the one rule only it knows.
 */
import { ESCPOS_MODELS, escPosModel } from '../../drivers/protocol/escpos/models';
import type { DriverConfigPart } from './driver-config';

/** `options` of an escpos device, after validation with its defaults. */
export interface EscPosOptions {
  /** Presenter models: seconds a ticket waits in the mouth before it is retracted (protocols.md §2.6). */
  presentTimeoutS?: number;
  /**
   * Training only, the simulator's citizen: milliseconds after a cut until the ticket is taken on models that
   * sense the mouth; null waits for `POST /sim/devices/:id/take` (or a presenter's retract). Default 3000.
   */
  simTicketTakenAfterMs?: number | null;
}

export const ESCPOS_CONFIG: DriverConfigPart = {
  models: Object.keys(ESCPOS_MODELS),
  defaultModel: 'generic-escpos-80',
  transports: ['sim', 'serial', 'tcp', 'usblp'],
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      presentTimeoutS: { type: 'integer', minimum: 5, maximum: 255 },
      simTicketTakenAfterMs: { type: ['integer', 'null'], minimum: 0, maximum: 600_000 },
    },
  },
  check(facts, problem) {
    const model = escPosModel(facts.model);
    // Done means confirmed (ARCHITECTURE.md §8.3): a ticket printer that cannot answer over its link would
    // leave every ticket uncertain.
    if (facts.transport === 'usblp' && model.usblpStatus.kind === 'none' && facts.roles.includes('ticketPrinter')) {
      problem(['transport', 'kind'], `${model.displayName} cannot report status over usblp (${model.usblpStatus.reason}), so no ticket could be confirmed; connect it by serial or TCP, or use another model`);
    }
  },
};
