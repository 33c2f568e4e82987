/**
 * A printer that cannot answer over its link (issue 13 §2): a usblp device file on a model whose USB
 * interface is write-only (models.ts `usblpStatus`). Nothing it says reaches the host, so the driver says
 * so instead of guessing: no printer block in its status (ARCHITECTURE.md §3: absent = not supported),
 * `unsupported` for a status request, never "offline"; and since done means confirmed (§8.3, protocols.md
 * §2.7), a job whose bytes went out is `unknown` — the ticket is uncertain and listed for staff, never issued.
 */
import { DeviceError } from '../device-error';
import type { PrintEvents, PrintResult } from '../printer-types';
import type { EscPosModel } from '../../protocol/escpos/models';
import { TransportError, type Transport } from '../../transport/transport';
import type { RenderedJob } from './render-document';

/** Whether the printer's replies can come back over this transport. */
export function answersOverLink(transport: Transport, model: EscPosModel): boolean {
  return transport.usbPrinterClass !== true || model.usblpStatus.kind === 'readback';
}

/** Why this printer's status is unknown, for logs, health checks and the status request it refuses. */
export function noReadbackReason(transport: Transport, model: EscPosModel): string {
  return `${model.displayName} cannot answer over ${transport.description}: ${model.usblpStatus.reason}. Its paper and cover are unknown and no ticket can be confirmed (every one is uncertain); wire it by serial or choose a model whose USB interface answers`;
}

export function statusUnsupported(transport: Transport, model: EscPosModel): DeviceError {
  return new DeviceError('unsupported', noReadbackReason(transport, model));
}

interface Sender {
  send(bytes: Uint8Array, personal: Array<{ start: number; end: number }>, signal?: AbortSignal): Promise<void>;
}

/** Sends the job and reports what can be known: nothing was sent (notPrinted), or it was, unconfirmed (unknown). */
export async function sendWithoutReadback(printer: Sender, job: RenderedJob, signal: AbortSignal, state: { sent: boolean }, events?: PrintEvents): Promise<PrintResult> {
  if (signal.aborted) return { outcome: 'notPrinted', error: new DeviceError('canceled', 'canceled before the job was sent').info() };
  events?.onSending?.();
  state.sent = true;
  try {
    await printer.send(job.bytes, job.personalRanges, signal);
  } catch (err) {
    if (err instanceof TransportError && (err.kind === 'closed' || err.kind === 'notFound')) {
      state.sent = false;
      return { outcome: 'notPrinted', error: new DeviceError('noDevice', 'the printer went away before the job was sent').info() };
    }
    return { outcome: 'unknown', error: new DeviceError(signal.aborted ? 'canceled' : 'noDevice', 'the link failed while the job was being sent').info() };
  }
  return { outcome: 'unknown', error: new DeviceError('printUncertain', 'the job was sent, but this printer cannot confirm over its link whether it printed').info() };
}
