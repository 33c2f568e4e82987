/**
 * A printed ticket drawn as it would look on paper, for the simulator control panel (ARCHITECTURE.md §4;
 * issue 15 item 4): its ESC/POS bytes laid out with the printer model's width, charset and cut commands
 * (drivers/protocol/escpos/models.ts) by paper-layout.ts, then written as SVG by ticket-svg.ts. Pure: the
 * QR encoder is passed in (qr-modules.ts supplies the real one).
 */
import { ESCPOS_MODELS, type EscPosModel } from '../../drivers/protocol/escpos/models';
import type { PrintedTicket } from '../escpos/printed-ticket';
import { layOutPaper } from './paper-layout';
import type { PaperDrawing } from './paper-marks';
import type { QrModules } from './qr-modules';
import { ticketSvg } from './ticket-svg';

const FALLBACK_MODEL = ESCPOS_MODELS['generic-escpos-80']!;

/** The model's row, or the generic 80 mm row for a printer being qualified (a `spec` not in the table). */
export function drawingModel(modelId: string): EscPosModel {
  return Object.prototype.hasOwnProperty.call(ESCPOS_MODELS, modelId) ? ESCPOS_MODELS[modelId]! : FALLBACK_MODEL;
}

export interface TicketDrawingOptions {
  model: EscPosModel;
  qrModules?: QrModules;
}

/** The layout alone (tests, or another renderer). Lines are as wide as the simulator wraps them (paper-model.ts). */
export function layOutTicket(bytes: Uint8Array, options: TicketDrawingOptions): PaperDrawing {
  const { model } = options;
  return layOutPaper(bytes, {
    widthDots: model.charsPerLine * 12,
    parser: { legacyCut: model.legacyCut, charset: model.charset },
    ...(options.qrModules && { qrModules: options.qrModules }),
  });
}

/** Print bytes → an SVG document of the paper. */
export function drawTicket(bytes: Uint8Array, options: TicketDrawingOptions & { label: string }): string {
  return ticketSvg(layOutTicket(bytes, options), { label: options.label });
}

/** The accessible name of a ticket's drawing: which ticket, and its text as the simulator read it. */
export function ticketLabel(ticket: Pick<PrintedTicket, 'seq' | 'lines' | 'qr' | 'cut'>): string {
  const text = ticket.lines.map((l) => l.trim()).filter((l) => l.length > 0).join(' / ');
  const qr = ticket.qr.length > 0 ? `；二维码 QR：${ticket.qr.join(' / ')}` : '';
  return `第 ${ticket.seq} 张打印输出 Printout ${ticket.seq}${ticket.cut ? '' : '（未切纸 not cut）'}：${text}${qr}`;
}

/** A PrintedTicket from GET /sim/devices/:id/printed, drawn. */
export function drawPrintedTicket(ticket: PrintedTicket, modelId: string, qrModules?: QrModules): string {
  const bytes = new Uint8Array(Buffer.from(ticket.bytesBase64, 'base64'));
  return drawTicket(bytes, { model: drawingModel(modelId), label: ticketLabel(ticket), ...(qrModules && { qrModules }) });
}
