/**
 * The fingerprint module driver's entry in the configuration half of the driver table (driver-config.ts): its
 * models (drivers/protocol/zfm/module-models.ts), its transports and its options. Serial only for now: the
 * modules of protocols.md §3 are UART devices (57600 8N1 by default, §3.1), on a USB adapter where needed.
 */
import { ZFM_MODULE_MODELS } from '../../drivers/protocol/zfm/module-models';
import type { DriverConfigPart } from './driver-config';

/** `options` of a zfm device, after validation. */
export interface ZfmOptions {
  /** The module's address (§3.1); default FFFFFFFF. */
  address?: number;
  /** The module's password for VfyPwd (§3.1); default 0. The simulator is given the same one. */
  password?: number;
}

const U32 = { type: 'integer', minimum: 0, maximum: 0xffffffff } as const;

export const ZFM_CONFIG: DriverConfigPart = {
  models: Object.keys(ZFM_MODULE_MODELS),
  defaultModel: 'generic-zfm',
  transports: ['sim', 'serial'],
  optionsSchema: { type: 'object', additionalProperties: false, properties: { address: U32, password: U32 } },
  check() {
    // Nothing across fields yet: a module serves any role list the registry gives it.
  },
};
