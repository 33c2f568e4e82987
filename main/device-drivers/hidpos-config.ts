/**
 * The HID POS bar code scanner's entry in the configuration half of the driver table (driver-config.ts): its
 * models (drivers/protocol/hidpos/scanner-models.ts), its transports and options. `hid` names the scanner by
 * vendor and product id; the transport opens its HID POS interface (usage page 0x8C), never a keyboard one.
 */
import { HIDPOS_SCANNER_MODELS } from '../../drivers/protocol/hidpos/scanner-models';
import type { DriverConfigPart } from './driver-config';

/** `options` of a hidpos device, after validation with its defaults. */
export interface HidPosOptions {
  /** Milliseconds a label's next report may take before the label is given up (hidpos-scanner-options.ts). */
  continuationTimeoutMs?: number;
  /** Training only: the charset the simulated scanner sends, to rehearse a scanner set to GB18030 output. Default utf-8. */
  simOutput?: 'utf-8' | 'gb18030';
}

export const HIDPOS_CONFIG: DriverConfigPart = {
  models: Object.keys(HIDPOS_SCANNER_MODELS),
  defaultModel: 'generic-hidpos',
  transports: ['sim', 'hid'],
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      continuationTimeoutMs: { type: 'integer', minimum: 20, maximum: 5000 },
      simOutput: { enum: ['utf-8', 'gb18030'] },
    },
  },
  check(facts, problem) {
    // A scanner reads codes; it is no printer, reader or camera (ARCHITECTURE.md §8.1 roles).
    for (const [i, role] of facts.roles.entries()) {
      if (role !== 'barcodeScanner') problem(['roles', i], `a HID POS scanner can only serve the barcodeScanner role, not ${role}`);
    }
  },
};
