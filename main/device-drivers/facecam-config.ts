/**
 * The face camera's entry in the configuration half of the driver table (driver-config.ts; issue 14 §5). In
 * training its frames are rendered by the simulator (devices-sim/face-camera) from face-api's sample images.
 * The `uvc` camera, whose frames the renderer's getUserMedia sends down to the host, is the next step: until
 * it lands the configuration refuses any transport but `sim`, naming the ones it knows.
 */
import type { DriverConfigPart } from './driver-config';

export const FACECAM_CONFIG: DriverConfigPart = {
  models: ['generic-uvc'],
  defaultModel: 'generic-uvc',
  transports: ['sim'],
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  check(facts, problem) {
    for (const [i, role] of facts.roles.entries()) {
      if (role !== 'faceCamera') problem(['roles', i], `a face camera can only serve the faceCamera role, not ${role}`);
    }
  },
};
