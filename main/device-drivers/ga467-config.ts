/**
 * The GA 467 ID-card reader's entry in the configuration half of the driver table (driver-config.ts): its
 * models (drivers/protocol/ga467/reader-models.ts) and its transports: serial (§1.8 UART), and usb for the
 * vendor-bulk readers of protocols.md §1.8, which carry the same frames over endpoints that depend on the
 * firmware, so only a model row with an endpoint plan (`usbEndpoints`) may be driven over usb.
 */
import { GA467_READER_MODELS } from '../../drivers/protocol/ga467/reader-models';
import type { DriverConfigPart } from './driver-config';

const USB_MODELS = Object.values(GA467_READER_MODELS)
  .filter((m) => m.usbEndpoints !== null)
  .map((m) => m.id);

export const GA467_CONFIG: DriverConfigPart = {
  models: Object.keys(GA467_READER_MODELS),
  defaultModel: 'generic-ga467',
  transports: ['sim', 'serial', 'usb'],
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  check(facts, problem) {
    if (facts.transport !== 'usb') return;
    const model = GA467_READER_MODELS[facts.model];
    if (model && model.usbEndpoints === null) {
      problem(['transport', 'kind'], `${model.displayName} (${model.id}) has no USB endpoint plan (protocols.md §1.8: endpoint use depends on the firmware); connect it by serial, or use a USB model: ${USB_MODELS.join(', ')}`);
    }
  },
};
