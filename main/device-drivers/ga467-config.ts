/**
 * The GA 467 ID-card reader's entry in the configuration half of the driver table (driver-config.ts): its
 * models (drivers/protocol/ga467/reader-models.ts) and its transports. Serial only for now: the USB readers of
 * protocols.md §1.8 carry the same frames over a transport this project does not have yet.
 */
import { GA467_READER_MODELS } from '../../drivers/protocol/ga467/reader-models';
import type { DriverConfigPart } from './driver-config';

export const GA467_CONFIG: DriverConfigPart = {
  models: Object.keys(GA467_READER_MODELS),
  defaultModel: 'generic-ga467',
  transports: ['sim', 'serial'],
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  check() {
    // Nothing across fields yet: a reader serves any role list the registry gives it.
  },
};
