/**
 * From ESC/POS status bits (protocols.md §2.4, §2.5) to the common status vocabulary (ARCHITECTURE.md
 * §3, §8.2): paper full | low | out, cover, cutter, and the device state. Which sensors to trust comes
 * from the model table (a printer without a near-end sensor always reads "not near end").
 */
import type { DeviceStatusDelta } from '../../../common/device';
import type { ErrorCode } from '../../../common/errors';
import type { EscPosStatusBits } from '../../protocol/escpos/status-bits';
import type { EscPosModel, StoppedState } from '../../protocol/escpos/models';

/** Status bits accumulated from the four DLE EOT replies, or one ASB block. */
export function statusFromBits(bits: EscPosStatusBits, model: EscPosModel): DeviceStatusDelta {
  const paperOut = bits.paperEnd === true || bits.paperEndStop === true;
  // The recoverable (mechanical) error is a jam on kiosk printers (§2.4): staff clear it.
  const jammed = bits.recoverableError === true;
  const paper = jammed ? 'jammed' : paperOut ? 'out' : model.nearEndSensor && bits.paperNearEnd ? 'low' : 'full';
  const cutterError = bits.cutterError === true;
  const coverOpen = bits.coverOpen === true;
  const headOverheat = bits.autoRecoverableError === true;
  const broken = cutterError || bits.unrecoverableError === true;
  const device = broken ? 'hardwareError' : paperOut || coverOpen || jammed ? 'userError' : bits.offline && !headOverheat ? 'offline' : headOverheat ? 'busy' : 'online';
  const printer: DeviceStatusDelta['printer'] = { paper, coverOpen, cutterError, headOverheat };
  // DLE EOT 1 bit 7 where the row says it means that, or a presenter's full status (§2.6).
  if ((model.ticketTakenBit || model.presenter) && bits.ticketNotTaken !== undefined) printer.mediaPresented = bits.ticketNotTaken;
  return { device, printer };
}

/** The reason a printer in this state must not start a job, or null when it may. */
export function printBlocker(bits: EscPosStatusBits): ErrorCode | null {
  if (bits.recoverableError) return 'paperJam';
  if (bits.paperEnd || bits.paperEndStop) return 'paperOut';
  if (bits.coverOpen) return 'coverOpen';
  if (bits.cutterError) return 'cutterError';
  if (bits.unrecoverableError) return 'hardwareError';
  // A hot head pauses printing and recovers by itself (§2.4 n = 3 bit 6): not ready yet, nobody need act.
  if (bits.autoRecoverableError) return 'deviceNotReady';
  if (bits.offline) return 'offline';
  return null;
}

/** The stopped states these bits show, in the model table's words (models.ts `bufferClearIn`). */
export function stoppedStates(bits: EscPosStatusBits): StoppedState[] {
  const states: StoppedState[] = [];
  if (bits.cutterError) states.push('cutterError');
  if (bits.recoverableError) states.push('paperJam');
  if (bits.coverOpen) states.push('coverOpen');
  if (bits.paperEnd || bits.paperEndStop) states.push('paperOut');
  return states;
}

/** Whether DLE ENQ 2 really clears the buffers in this state on this model (protocols.md §2.7). */
export function bufferClearWorks(bits: EscPosStatusBits, model: EscPosModel): boolean {
  return stoppedStates(bits).some((s) => model.bufferClearIn.includes(s));
}
