/**
 * The frame log's describers by driver name (issue 15 §3; ARCHITECTURE.md §8.14: a table, not a switch). Each
 * entry makes a fresh describer for a device of that driver and model. The face camera's link carries camera
 * frames, not protocol frames: they are images of a face (session-only personal data, §8.7) and are never
 * logged, so its entry is null; so are the IPP printer's and the document camera's, which are spoken to over HTTP.
 */
import type { DriverName } from '../../device-drivers/driver-configs';
import { EscPosDescriber } from './describe-escpos';
import { Ga467Describer } from './describe-ga467';
import { HidPosDescriber } from './describe-hidpos';
import { HlbDescriber } from './describe-hlb';
import { RobotLineDescriber } from './describe-robotline';
import { ZfmDescriber } from './describe-zfm';
import type { FrameDescriber } from './frame-describer';

export type DescriberFactory = (model: string) => FrameDescriber;

export const FRAME_DESCRIBERS: { readonly [K in DriverName]: DescriberFactory | null } = {
  escpos: (model) => EscPosDescriber.forModel(model),
  ga467: () => new Ga467Describer(),
  zfm: () => new ZfmDescriber(),
  hidpos: (model) => HidPosDescriber.forModel(model),
  facecam: null,
  robotline: () => new RobotLineDescriber(),
  // Spoken to over HTTP, one request at a time: there is no byte link to log.
  ipp: null,
  doccam: null,
  hlb: () => new HlbDescriber(),
};

/** A describer for a registry entry's driver and model; undefined where frames are not logged (or unknown). */
export function describerFor(driver: string, model: string): FrameDescriber | undefined {
  if (!Object.prototype.hasOwnProperty.call(FRAME_DESCRIBERS, driver)) return undefined;
  return FRAME_DESCRIBERS[driver as DriverName]?.(model) ?? undefined;
}
