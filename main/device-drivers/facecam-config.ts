/**
 * The face camera's entry in the configuration half of the driver table (driver-config.ts; issue 14 §5). In
 * training its frames are rendered by the simulator (devices-sim/face-camera) from face-api's sample images.
 * With `uvc` its frames come from a real camera that the renderer opens with getUserMedia and sends down to
 * the host (main/host/face/uvc-frame-source.ts); any other transport is refused, naming the ones it knows.
 */
import type { DriverConfigPart } from './driver-config';

export const FACECAM_CONFIG: DriverConfigPart = {
  models: ['generic-uvc'],
  defaultModel: 'generic-uvc',
  transports: ['sim', 'uvc'],
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  check(facts, problem) {
    for (const [i, role] of facts.roles.entries()) {
      if (role !== 'faceCamera') problem(['roles', i], `a face camera can only serve the faceCamera role, not ${role}`);
    }
  },
};
