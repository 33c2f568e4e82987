/**
 * The document camera's factories in the driver table (driver-table.ts `link: 'url'`; issue 17 §3):
 * HttpDocumentCamera speaking to the vendor's local service at the configured address, and
 * SimDocumentCamera, that service simulated on 127.0.0.1 (port 0) in training.
 */
import { SimDocumentCamera } from '../../devices-sim/document-camera/sim-document-camera';
import { HttpDocumentCamera } from '../../drivers/devices/document-camera/http-document-camera';
import type { DocCamOptions } from './doccam-config';
import type { UrlDriverFactories } from './driver-table';

export const DOCCAM_FACTORIES: UrlDriverFactories = {
  link: 'url',
  createDevice(ctx, endpoint) {
    const options = ctx.options as DocCamOptions;
    return new HttpDocumentCamera({
      id: ctx.id,
      driver: 'doccam',
      model: ctx.model,
      roles: ctx.roles,
      endpoint,
      clock: ctx.clock,
      log: ctx.log,
      statistics: ctx.statistics,
      ...(options.requestTimeoutMs !== undefined && { requestTimeoutMs: options.requestTimeoutMs }),
    });
  },
  createSimulator(ctx) {
    const options = ctx.options as DocCamOptions;
    return new SimDocumentCamera({
      id: ctx.id,
      model: ctx.model,
      roles: ctx.roles,
      clock: ctx.clock,
      ...(options.simHandFrames !== undefined && { handFrames: options.simHandFrames }),
      ...(options.simWarmUpPolls !== undefined && { warmUpPolls: options.simWarmUpPolls }),
    });
  },
};
