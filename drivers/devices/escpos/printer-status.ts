/**
 * From ESC/POS status bits (protocols.md §2.4, §2.5) to the common status vocabulary (ARCHITECTURE.md
 * §3, §8.2): paper full | low | out, cover, cutter, and the device state. Which sensors to trust comes
 * from the model table (a printer without a near-end sensor always reads "not near end").
 */
import type { DeviceStatusDelta } from '../../../common/device';
import type { ErrorCode } from '../../../common/errors';
import type { EscPosStatusBits } from '../../protocol/escpos/status-bits';
import type { EscPosModel } from '../../protocol/escpos/models';

/** Status bits accumulated from the four DLE EOT replies, or one ASB block. */
export function statusFromBits(bits: EscPosStatusBits, model: EscPosModel): DeviceStatusDelta {
  const paperOut = bits.paperEnd === true || bits.paperEndStop === true;
  const paper = paperOut ? 'out' : model.nearEndSensor && bits.paperNearEnd ? 'low' : 'full';
  const cutterError = bits.cutterError === true;
  const coverOpen = bits.coverOpen === true;
  const broken = cutterError || bits.unrecoverableError === true || bits.recoverableError === true;
  const device = broken ? 'hardwareError' : paperOut || coverOpen ? 'userError' : bits.offline ? 'offline' : 'online';
  const printer: DeviceStatusDelta['printer'] = { paper, coverOpen, cutterError };
  if (model.ticketTakenBit && bits.ticketNotTaken !== undefined) printer.mediaPresented = bits.ticketNotTaken;
  return { device, printer };
}

/** The reason a printer in this state must not start a job, or null when it may. */
export function printBlocker(bits: EscPosStatusBits): ErrorCode | null {
  if (bits.paperEnd || bits.paperEndStop) return 'paperOut';
  if (bits.coverOpen) return 'coverOpen';
  if (bits.cutterError) return 'cutterError';
  if (bits.unrecoverableError || bits.recoverableError) return 'hardwareError';
  if (bits.offline) return 'offline';
  return null;
}
