/**
 * The face camera's factories in the driver table (driver-table.ts `link: 'frames'`): FrameSourceFaceCamera
 * over a frame source, and SimFaceCamera, which renders the frames in training and is that source.
 */
import { SimFaceCamera } from '../../devices-sim/face-camera/sim-face-camera';
import { FrameSourceFaceCamera } from '../../drivers/devices/face-camera/frame-source-camera';
import type { FrameDriverFactories } from './driver-table';

export const FACECAM_FACTORIES: FrameDriverFactories = {
  link: 'frames',
  createDevice: (ctx, source) => new FrameSourceFaceCamera({ id: ctx.id, driver: 'facecam', model: ctx.model, roles: ctx.roles, source, clock: ctx.clock }),
  createSimulator: (ctx) => new SimFaceCamera({ id: ctx.id, model: ctx.model, roles: ctx.roles, clock: ctx.clock }),
};
