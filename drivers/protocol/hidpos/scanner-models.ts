/**
 * HID POS bar code scanners by model (ARCHITECTURE.md §6: vendor quirks in per-model tables). Every model
 * here sends its decoded label in 64-byte input reports, id 0x02, a length byte, at most 56 data bytes and a
 * "decode data continued" bit in the last byte; they differ in where the AIM symbology identifier sits.
 *
 * - `aimField`: the Scanned Data Report of the HID POS usage tables as Honeywell's firmware describes it
 *   (report descriptor: Byte Count, Symbology Identifier 1-3, Decoded Data ×56, 2 vendor bytes "Code ID",
 *   Decode Data Continued; 1+1+3+56+2+1 = 64): AIM at bytes 2–4, data at 5–60, the vendor code id at 61,
 *   byte 62 reserved, byte 63 bit 0 continued. Access-IS LSR116/LSR118/ATR110 manuals ("HID reports –
 *   barcode only") document the same bytes, and a Honeywell Voyager 1602g capture agrees byte for byte
 *   (fixtures.ts HONEYWELL_REVINF). [confidence: high]
 * - `dataFirst`: the OEM scan engines' layout (Quio QU-R-302 and Saveo RV2 manuals, "Acquire Scanned Data"):
 *   data at bytes 2–57, 58–61 reserved, byte 62 a vendor symbology id or 0x00, byte 63 0x00 / 0x01
 *   continued. No AIM field: the AIM identifier comes only as a data prefix when the engine is programmed to
 *   send it ("AIM ID" prefix setting), so `aimPrefix` says whether to take one off. [confidence: medium —
 *   two manuals of rebadged engines; which engine vendor (Newland, Hanshow, …) is underneath is not stated]
 *
 * What the length byte counts: the data bytes of this report, not the AIM bytes (Access-IS example: 0x38 =
 * 56 with `]Q0` before the data; the Voyager capture: 56, then 9 on the last report).
 */

export interface HidPosReportLayout {
  /** Whole input report, report id included (as hidraw hands it over). */
  reportLength: number;
  reportId: number;
  lengthAt: number;
  /** Offset of the three AIM bytes `]cm`; null where the report has no such field. */
  aimAt: number | null;
  dataAt: number;
  /** Data bytes one report carries. */
  dataCapacity: number;
  /** A vendor's own one-byte symbology id (Honeywell Code ID), kept for the log; null where none. */
  vendorIdAt: number | null;
  continuedAt: number;
  continuedMask: number;
}

export type ScanCharset = 'utf-8' | 'gb18030' | 'auto';

export interface HidPosScannerModel {
  id: string;
  displayName: string;
  layout: HidPosReportLayout;
  /**
   * How the label's bytes are text (scan-text.ts): Chinese scanners send QR text as UTF-8 or, set to
   * "GBK/GB18030 output", as GB18030; `auto` takes valid UTF-8 as UTF-8 and otherwise tries GB18030.
   */
  charset: ScanCharset;
  /** The data may start with an AIM prefix the scanner was programmed to send (layouts without an AIM field). */
  aimPrefix: boolean;
  /** USB ids for finding it without a hidraw path (configuration may override). */
  vendorId?: number;
  productId?: number;
}

export const AIM_FIELD_LAYOUT: Readonly<HidPosReportLayout> = Object.freeze({
  reportLength: 64,
  reportId: 0x02,
  lengthAt: 1,
  aimAt: 2,
  dataAt: 5,
  dataCapacity: 56,
  vendorIdAt: 61,
  continuedAt: 63,
  continuedMask: 0x01,
});

export const DATA_FIRST_LAYOUT: Readonly<HidPosReportLayout> = Object.freeze({
  reportLength: 64,
  reportId: 0x02,
  lengthAt: 1,
  aimAt: null,
  dataAt: 2,
  dataCapacity: 56,
  vendorIdAt: 62,
  continuedAt: 63,
  continuedMask: 0x01,
});

export const HIDPOS_SCANNER_MODELS = {
  'generic-hidpos': {
    id: 'generic-hidpos',
    displayName: 'HID POS bar code scanner (AIM field layout)',
    layout: AIM_FIELD_LAYOUT,
    charset: 'auto',
    aimPrefix: false,
  },
  'honeywell-hidpos': {
    id: 'honeywell-hidpos',
    displayName: 'Honeywell scanner in HID POS mode (Voyager, Xenon, Youjie)',
    layout: AIM_FIELD_LAYOUT,
    charset: 'auto',
    aimPrefix: false,
    vendorId: 0x0c2e,
  },
  'engine-hidpos-data-first': {
    id: 'engine-hidpos-data-first',
    displayName: 'OEM scan engine in HID POS mode (data-first layout, e.g. Quio QU-R-302)',
    layout: DATA_FIRST_LAYOUT,
    charset: 'auto',
    aimPrefix: true,
  },
} as const satisfies Record<string, HidPosScannerModel>;

export type HidPosScannerModelId = keyof typeof HIDPOS_SCANNER_MODELS;

export function hidPosScannerModel(id: string): HidPosScannerModel {
  if (!Object.prototype.hasOwnProperty.call(HIDPOS_SCANNER_MODELS, id)) {
    throw new RangeError(`unknown HID POS scanner model "${id}"; known: ${Object.keys(HIDPOS_SCANNER_MODELS).join(', ')}`);
  }
  return HIDPOS_SCANNER_MODELS[id as HidPosScannerModelId];
}
