/**
 * The simulated printer's state in the common vocabulary (ARCHITECTURE.md §3, §8.2; common/device.ts):
 * the device state a technician would see on the panel, and the printer block in the fault words.
 */
import type { DeviceState, DeviceStatus, PrinterStatusBlock } from '../../common/device';
import type { ActivePrinterFaults } from './printer-faults';

/** The most serious cause first: who must act is decided by the first that applies (§3). */
function deviceState(f: Readonly<ActivePrinterFaults>): DeviceState {
  if (f.unplugged) return 'noDevice';
  if (f.noReply || f.garbage || f.cutterError) return 'hardwareError';
  if (f.coverOpen || f.paper === 'out' || f.paper === 'jammed') return 'userError';
  if (f.offline) return 'offline';
  if (f.headOverheat) return 'busy';
  return 'online';
}

/** `mediaPresented` undefined: the model cannot tell whether the ticket was taken. */
export function printerDeviceStatus(f: Readonly<ActivePrinterFaults>, mediaPresented: boolean | undefined): DeviceStatus {
  const printer: PrinterStatusBlock = { paper: f.paper, coverOpen: f.coverOpen, cutterError: f.cutterError, headOverheat: f.headOverheat };
  if (mediaPresented !== undefined) printer.mediaPresented = mediaPresented;
  return { device: deviceState(f), printer };
}
