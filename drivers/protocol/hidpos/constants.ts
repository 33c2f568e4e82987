/**
 * HID Point of Sale constants (USB HID POS Usage Tables 1.02, 5 March 2001, §3 "Usage Page Bar Code Scanner
 * (0x8C)"; the same ids are in Apple's HIDDriverKit `kHIDUsage_BCS_*` and Microsoft's
 * HID_USAGE_PAGE_BARCODE_SCANNER = 140).
 */

/** The Bar Code Scanner usage page and its application collection "Bar Code Scanner" (§3.1). */
export const HIDPOS_USAGE_PAGE = 0x8c;
export const HIDPOS_USAGE_BAR_CODE_SCANNER = 0x02;

/** Report usages (§3.2) and the data usages inside a Scanned Data Report (§3, 0xFB–0xFF). */
export const HIDPOS_USAGE = {
  SCANNED_DATA_REPORT: 0x12,
  SYMBOLOGY_IDENTIFIER_1: 0xfb,
  SYMBOLOGY_IDENTIFIER_2: 0xfc,
  SYMBOLOGY_IDENTIFIER_3: 0xfd,
  DECODED_DATA: 0xfe,
  /** A one-bit flag: more of this label follows in the next report. */
  DECODE_DATA_CONTINUED: 0xff,
} as const;

/**
 * The AIM symbology identifier is three characters `]cm`: flag `]` (0x5D), code character, modifier
 * (ISO/IEC 15424; e.g. NCR 7895 programming reference "AIM Code Identifiers").
 */
export const AIM_FLAG = 0x5d;

/**
 * Most a scan may hold once its reports are joined [decision]: the largest QR code (version 40, byte mode)
 * holds 2953 bytes; anything longer is a scanner that never clears its "continued" flag.
 */
export const MAX_SCAN_BYTES = 4096;
