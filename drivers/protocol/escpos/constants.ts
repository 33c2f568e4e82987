/**
 * ESC/POS byte constants, grouped by function. Sequences are the fixed prefix of a command; parameters
 * follow as documented. All values from protocols.md §2 unless a line says otherwise.
 */

// Control bytes (protocols.md §2.1)
export const NUL = 0x00;
export const HT = 0x09;
export const LF = 0x0a;
export const CR = 0x0d;
export const DLE = 0x10;
export const ESC = 0x1b;
export const FS = 0x1c;
export const GS = 0x1d;

// Printer set-up and character modes (protocols.md §2.1)
export const INIT = [ESC, 0x40] as const; // ESC @
export const ALIGN = [ESC, 0x61] as const; // ESC a n: 0/1/2 (or 30/31/32) left/centre/right
export const ALIGN_LEFT = 0x00;
export const ALIGN_CENTER = 0x01;
export const ALIGN_RIGHT = 0x02;
export const BOLD = [ESC, 0x45] as const; // ESC E n: bit 0
export const UNDERLINE = [ESC, 0x2d] as const; // ESC - n: 0 off, 1 one dot, 2 two dots
export const PRINT_MODE = [ESC, 0x21] as const; // ESC ! n
export const PRINT_MODE_FONT_B = 0x01;
export const PRINT_MODE_BOLD = 0x08;
export const PRINT_MODE_DOUBLE_HEIGHT = 0x10;
export const PRINT_MODE_DOUBLE_WIDTH = 0x20;
export const PRINT_MODE_UNDERLINE = 0x80;
export const SIZE = [GS, 0x21] as const; // GS ! n: high nibble width−1, low nibble height−1
export const REVERSE = [GS, 0x42] as const; // GS B n
export const LINE_SPACING_DEFAULT = [ESC, 0x32] as const; // ESC 2
export const LINE_SPACING = [ESC, 0x33] as const; // ESC 3 n
export const CODE_PAGE = [ESC, 0x74] as const; // ESC t n
export const INTL_CHARSET = [ESC, 0x52] as const; // ESC R n
export const INTL_CHARSET_CHINA = 0x0f;

// Fonts, spacing and position (Epson-style command sets, P5) [C]
export const FONT = [ESC, 0x4d] as const; // ESC M n: 0/30 font A (12×24), 1/31 font B (9×17)
export const RIGHT_SPACING = [ESC, 0x20] as const; // ESC SP n: dots after each character
export const UPSIDE_DOWN = [ESC, 0x7b] as const; // ESC { n: bit 0
export const ABSOLUTE_POSITION = [ESC, 0x24] as const; // ESC $ nL nH: from the line's start, in dots
export const RELATIVE_POSITION = [ESC, 0x5c] as const; // ESC \ nL nH: from here, signed, in dots
export const LEFT_MARGIN = [GS, 0x4c] as const; // GS L nL nH: dots
export const PRINT_AREA_WIDTH = [GS, 0x57] as const; // GS W nL nH: dots
export const CHINESE_UNDERLINE = [FS, 0x2d] as const; // FS - n
export const CHINESE_SPACING = [FS, 0x53] as const; // FS S n1 n2: dots left and right of a Chinese character
export const FS_PAREN = [FS, 0x28] as const; // FS ( fn pL pH …: FS ( A selects the Chinese font
export const GS_EIGHT_L = [GS, 0x38, 0x4c] as const; // GS 8 L p1 p2 p3 p4 m fn …: graphics, 4-byte length
export const GRAPHICS_FN_STORE_RASTER = 0x70; // fn 112: store raster graphics in the print buffer
export const GRAPHICS_FN_PRINT = 0x32; // fn 50: print the buffered graphics (also fn 2)

// Chinese double-byte mode (protocols.md §2.1, P5)
export const CHINESE_MODE_ON = [FS, 0x26] as const; // FS &
export const CHINESE_MODE_OFF = [FS, 0x2e] as const; // FS .

// Paper feed and cut (protocols.md §2.1)
export const FEED_LINES = [ESC, 0x64] as const; // ESC d n
export const FEED_DOTS = [ESC, 0x4a] as const; // ESC J n
export const CUT = [GS, 0x56] as const; // GS V m [n]
export const CUT_FULL = [GS, 0x56, 0x00] as const;
export const CUT_PARTIAL = [GS, 0x56, 0x01] as const;
export const CUT_M_FULL_ASCII = 0x30;
export const CUT_M_PARTIAL_ASCII = 0x31;
export const CUT_M_FEED_FULL = 0x41; // GS V 41 n: feed, then full cut [C]
export const CUT_M_FEED_PARTIAL = 0x42; // GS V 42 n: feed, then partial cut [C]
export const CUT_ESC_I = [ESC, 0x69] as const; // ESC i: meaning varies by model (models.ts legacyCut) [!]
export const CUT_ESC_M = [ESC, 0x6d] as const; // ESC m: meaning varies by model (models.ts legacyCut) [!]

// Paper sensors and panel (protocols.md §2.1)
export const PAPER_SENSORS_SIGNAL = [ESC, 0x63, 0x33] as const; // ESC c 3 n
export const PAPER_SENSORS_STOP = [ESC, 0x63, 0x34] as const; // ESC c 4 n
export const PANEL_BUTTONS = [ESC, 0x63, 0x35] as const; // ESC c 5 n: 0 enable, 1 disable

// One-dimensional barcodes (protocols.md §2.1)
export const BARCODE_HEIGHT = [GS, 0x68] as const; // GS h n
export const BARCODE_WIDTH = [GS, 0x77] as const; // GS w n (2–6)
export const BARCODE_HRI_POSITION = [GS, 0x48] as const; // GS H n: 0 none, 1 above, 2 below, 3 both
export const BARCODE_HRI_FONT = [GS, 0x66] as const; // GS f n
export const BARCODE_PRINT = [GS, 0x6b] as const; // GS k m …
export const BARCODE_FORM_A_LAST = 6; // m 0–6: data ends with NUL
export const BARCODE_FORM_B_FIRST = 65; // m 65–74: length byte n, then n bytes
export const BARCODE_FORM_B_LAST = 74;
export const BARCODE_CODE128 = 73;
export const CODE128_SET_PREFIX = 0x7b; // "{": {A / {B / {C select a code set, "{{" is a literal "{"
export const CODE128_SET_B = 0x42;

// QR code, GS ( k with cn = 31 (protocols.md §2.2)
export const GS_PAREN_K = [GS, 0x28, 0x6b] as const;
export const QR_CN = 0x31;
export const QR_FN_MODEL = 0x41;
export const QR_FN_MODULE_SIZE = 0x43;
export const QR_FN_ERROR_CORRECTION = 0x45;
export const QR_FN_STORE = 0x50;
export const QR_FN_PRINT = 0x51;
export const QR_MODEL_1 = 0x31;
export const QR_MODEL_2 = 0x32;
export const QR_MODEL_MICRO = 0x33;
export const QR_EC_L = 0x30;
export const QR_EC_M = 0x31;
export const QR_EC_Q = 0x32;
export const QR_EC_H = 0x33;
export const QR_M = 0x30; // the m byte of fn 50 (store) and fn 51 (print)
/** Longest QR payload the store command takes: 4 ≤ pL + 256·pH ≤ 7092 [V: P5; Epson agrees, C]. */
export const QR_MAX_DATA_BYTES = 7089;

// Raster bit image GS v 0 (protocols.md §2.3)
export const RASTER = [GS, 0x76, 0x30] as const; // GS v 0 m xL xH yL yH d…

// Real-time commands, answered ahead of the print buffer (protocols.md §2.4, §2.1)
export const DLE_EOT = [DLE, 0x04] as const; // DLE EOT n
export const DLE_ENQ = [DLE, 0x05] as const; // DLE ENQ n
export const DLE_DC4 = [DLE, 0x14] as const; // DLE DC4 fn … (pulse, power-off, buffer clear)
export const RECOVERY_RESUME = 1; // recover and resume from the failed line
export const RECOVERY_CLEAR_BUFFERS = 2; // recover after clearing the buffers
/** The second bytes after DLE that make a real-time command, acted on even inside data (§2.7). */
export const REALTIME_SECOND_BYTES = [0x04, 0x05, 0x14] as const;

// Status replies (protocols.md §2.4, §2.5)
export const STATUS_TAG_MASK = 0x93; // bits 0, 1, 4, 7
export const REALTIME_STATUS_TAG = 0x12; // (b & 93) == 12: a DLE EOT reply
export const TICKET_NOT_TAKEN_BIT = 0x80; // DLE EOT 1 bit 7 on kiosk printers that report it (§2.4 [!], §2.6)
export const ASB_TAG = 0x10; // (b & 93) == 10: the first byte of an ASB block
export const ASB_LENGTH = 4;
export const PAPER_STATUS_FIXED_ZERO = 0x10; // GS r replies have bit 4 = 0 [C]
export const REALTIME_STATUS_HEALTHY = 0x12;

// Automatic Status Back, GS a n (protocols.md §2.5)
export const ASB_ENABLE = [GS, 0x61] as const;
export const ASB_DRAWER = 0x01; // Epson bits [C]
export const ASB_ONLINE = 0x02;
export const ASB_ERROR = 0x04;
export const ASB_PAPER = 0x08;
export const ASB_ALL = 0xff; // what ESC-POS-.NET sends [V: P3]

// Transmit status (not real-time) and printer ID (protocols.md §2.1, §2.7)
export const TRANSMIT_STATUS = [GS, 0x72] as const; // GS r n: 1 paper sensors, 2 drawer
export const TRANSMIT_STATUS_PAPER = 0x01;
export const PRINTER_ID = [GS, 0x49] as const; // GS I n

// Process-ID response, GS ( H fn 48 (protocols.md §2.7) [C]
export const GS_PAREN_H = [GS, 0x28, 0x48] as const;
export const PROCESS_ID_FN = 0x30;
export const PROCESS_ID_M = 0x30;
export const PROCESS_ID_PARAM_LENGTH = 6; // pL: fn, m, d1..d4
export const PROCESS_ID_LENGTH = 4;
export const BLOCK_REPLY_HEADER = 0x37; // "37 2x … 00" header-and-NUL reply blocks
export const PROCESS_ID_REPLY_ID = 0x22;

// Presenter kiosk printers (protocols.md §2.6, Custom VKP80 [V*])
export const FULL_STATUS_N = 0x14; // DLE EOT 20: the full status, answered with 6 bytes
export const FULL_STATUS_HEADER = [DLE, 0x0f] as const; // 10 0F, then paper, user, recoverable, unrecoverable
export const FULL_STATUS_LENGTH = 6;
export const PRESENT = [FS, 0x50] as const; // FS P s b c t: present (and cut), eject or retract after t s
export const PRESENT_STEP_MM = 5; // s counts steps of 5 mm
export const PRESENT_EJECT = 0x45; // c = 'E': eject when the time-out expires
export const PRESENT_RETRACT = 0x52; // c = 'R': retract when the time-out expires
export const EJECTOR = [GS, 0x65] as const; // GS e n [m [t]] (Pyramid; Custom 1D 65 02 retract, 03 FF present)
export const EJECTOR_RETRACT = 0x02;
