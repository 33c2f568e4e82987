/**
 * The document camera's entry in the configuration half of the driver table (driver-config.ts; issue 17 §3):
 * a vendor local service on loopback (`{ "kind": "http", "url": "http://127.0.0.1:<port>" }`,
 * docs/document-camera.md §2) or, in training, its simulator. A plain UVC document camera is opened by the
 * renderer itself (renderer/src/services/document-scan/uvc-capture.ts), not through this driver.
 */
import { DOCCAM_MODELS } from '../../drivers/devices/document-camera/doccam-models';
import type { DriverConfigPart } from './driver-config';

/** `options` of a doccam device, after validation. */
export interface DocCamOptions {
  /** Each request's bound, ms (default 3000). */
  requestTimeoutMs?: number;
  /** Training only: frames with a hand moving over a freshly laid page (default 6). */
  simHandFrames?: number;
  /** Training only: polls the simulated service answers −2 after each open (default 3). */
  simWarmUpPolls?: number;
}

export const DOCCAM_CONFIG: DriverConfigPart = {
  models: Object.keys(DOCCAM_MODELS),
  defaultModel: 'generic-http',
  transports: ['sim', 'http'],
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      requestTimeoutMs: { type: 'integer', minimum: 200, maximum: 60_000 },
      simHandFrames: { type: 'integer', minimum: 0, maximum: 100 },
      simWarmUpPolls: { type: 'integer', minimum: 0, maximum: 100 },
    },
  },
  check(facts, problem) {
    for (const [i, role] of facts.roles.entries()) {
      if (role !== 'documentCamera') problem(['roles', i], `a document camera can only serve the documentCamera role, not ${role}`);
    }
  },
};
