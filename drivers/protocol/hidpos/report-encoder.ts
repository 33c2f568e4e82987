/**
 * A label → the input reports a HID POS scanner sends for it (the simulator's side of report-decoder.ts):
 * the data bytes cut into pieces of the layout's capacity, each report but the last marked "decode data
 * continued" (USB HID POS Usage Tables 1.02 §3, usage 0xFF), the AIM identifier in its field or, for a
 * layout without one, as a data prefix when the model sends it (scanner-models.ts). Unused bytes are 0x00
 * (Access-IS: "the remaining … bytes of data are set to 0x00").
 */
import type { HidPosReportLayout, HidPosScannerModel } from './scanner-models';

export interface LabelToEncode {
  /** The label's bytes as the scanner's charset makes them. */
  data: Uint8Array;
  /** `]cm`, or null for a scanner set not to send it. */
  aim: string | null;
  /** The vendor's symbology byte where the layout has one (0: none). */
  vendorSymbologyId?: number;
}

function asciiBytes(aim: string): Uint8Array {
  if (!/^\][A-Za-z][0-9A-Za-z]$/u.test(aim)) throw new RangeError(`"${aim}" is not an AIM identifier ]cm`);
  return Uint8Array.from(aim, (c) => c.charCodeAt(0));
}

/** One report of `layout` holding `piece`; `aim` in the AIM field where the layout has one. */
export function encodeReport(layout: HidPosReportLayout, piece: Uint8Array, aim: Uint8Array | null, continued: boolean, vendorId = 0): Uint8Array {
  if (piece.length > layout.dataCapacity) throw new RangeError(`${piece.length} bytes do not fit a report of ${layout.dataCapacity}`);
  const report = new Uint8Array(layout.reportLength);
  report[0] = layout.reportId;
  report[layout.lengthAt] = piece.length;
  if (aim !== null && layout.aimAt !== null) report.set(aim, layout.aimAt);
  report.set(piece, layout.dataAt);
  if (layout.vendorIdAt !== null) report[layout.vendorIdAt] = vendorId;
  if (continued) report[layout.continuedAt] = (report[layout.continuedAt] ?? 0) | layout.continuedMask;
  return report;
}

export function encodeLabel(model: HidPosScannerModel, label: LabelToEncode): Uint8Array[] {
  const layout = model.layout;
  const aim = label.aim === null ? null : asciiBytes(label.aim);
  let data = label.data;
  if (aim !== null && layout.aimAt === null && model.aimPrefix) {
    data = new Uint8Array(aim.length + label.data.length);
    data.set(aim);
    data.set(label.data, aim.length);
  }
  if (data.length === 0) throw new RangeError('a label has at least one byte');
  const reports: Uint8Array[] = [];
  for (let at = 0; at < data.length; at += layout.dataCapacity) {
    const piece = data.subarray(at, at + layout.dataCapacity);
    const continued = at + layout.dataCapacity < data.length;
    // Honeywell firmware repeats the AIM field in every report of a label (fixtures.ts HONEYWELL_REVINF).
    reports.push(encodeReport(layout, piece, layout.aimAt === null ? null : aim, continued, label.vendorSymbologyId ?? 0));
  }
  return reports;
}
