/**
 * Per-model ESC/POS facts (protocols.md §2.6, §2.7): how a finished print is confirmed, which status the
 * printer can report, and the quirks the encoder, driver and simulator must respect. [C] marks a fact not
 * verified against the vendor manual; check it on the hardware before relying on it.
 */
import type { PrinterCharset } from './charsets';
import type { CutMeaning } from './command-types';

/**
 * Error states a printer can stop in mid-job, in the common error words: the ones DLE ENQ 2 may clear.
 * (An auto-recoverable error, a hot head, clears itself and is never one of them, §2.7.)
 */
export type StoppedState = 'cutterError' | 'paperJam' | 'coverOpen' | 'paperOut';

/** A presenter that holds the ticket in its mouth until it is taken, then retracts it (§2.6). */
export interface PresenterSpec {
  /** FS P s b c t presents the ticket and cuts it (Custom VKP80, §2.6 [V*]). */
  command: 'fsP';
  /** Paper fed out into the mouth, in FS P's steps of 5 mm. */
  steps: number;
  /** Seconds a ticket nobody takes waits in the mouth before the printer retracts it into its bin. */
  retractAfterS: number;
}

export interface EscPosModel {
  id: string;
  displayName: string;
  /** 576 dots for 80 mm paper, 384 for 58 mm (protocols.md §2.3). */
  paperWidthDots: number;
  /** Half-width columns per line at scale 1 (a Chinese character takes two). */
  charsPerLine: number;
  /** How a finished print is confirmed (§2.7): GS ( H process ID, or a GS r 1 reply after the data. */
  completion: 'processId' | 'paperStatus';
  /** Automatic Status Back, GS a (§2.5). */
  asb: boolean;
  /** The paper near-end sensor is fitted (DLE EOT 4 bits 2+3 read 0 without it, §2.4). */
  nearEndSensor: boolean;
  /** DLE EOT 1 bit 7 means "ticket not yet taken" (§2.4, §2.6). */
  ticketTakenBit: boolean;
  /** A presenter that holds the ticket at the bezel (§2.6); null: the ticket drops or is torn off. */
  presenter: PresenterSpec | null;
  /**
   * How status is asked (§2.4, §2.6): "realtime" is DLE EOT 1–4, one byte each; "fullStatus" is one DLE EOT
   * 20 answered by 6 bytes (presenter printers, which report the ticket in the mouth only there).
   */
  statusQuery: 'realtime' | 'fullStatus';
  /** Typical time per text line, for sizing job time-outs (§2.7). */
  lineTimeMs: number;
  /** CODE128 data starts with "{A"/"{B"/"{C" (Epson style); false: the firmware picks code sets itself. */
  code128CodeSetPrefix: boolean;
  /** What the older cut commands ESC i and ESC m do on this model (§2.1) [!]. */
  legacyCut: { escI: CutMeaning; escM: CutMeaning };
  /**
   * The stopped states in which DLE ENQ 2 really drops the buffers (§2.7); in any other state the printer
   * ignores it, and after paper end or an open cover it prints the rest of its buffer once it can again.
   */
  bufferClearIn: readonly StoppedState[];
  /**
   * Whether `10 04|05|14 n` inside another command's data makes the printer answer or recover (§2.7):
   * "acts" keeps the encoder guarding image, QR and barcode data; "ignored" only where a manual says so.
   */
  realtimeInData: 'acts' | 'ignored';
  /** The double-byte set its Chinese font prints after FS & (§2.1, §2.6); other characters print as □. */
  charset: PrinterCharset;
  /**
   * Whether the printer's replies come back through a usblp device file, /dev/usb/lpN (issue 13 §2,
   * usblp-transport.ts): "readback" where its USB printer interface is bidirectional; "none" where it is
   * write-only (usblp answers reads with EINVAL), so over usblp its paper and cover are unknown and no
   * ticket can be confirmed: every one is uncertain. `reason` says why, in plain words.
   */
  usblpStatus: { kind: 'readback' | 'none'; reason: string };
  /**
   * Paper on the largest roll the model takes, mm (issue 15 §2: tickets left = what remains over the average
   * ticket). From the roll's outer diameter D, core d and paper thickness t: π(D² − d²) / 4t, with 60 µm
   * thermal paper.
   */
  rollLengthMm: number;
}

const ROWS = {
  'generic-escpos-80': {
    id: 'generic-escpos-80',
    displayName: '通用 ESC/POS 80 mm',
    paperWidthDots: 576, // [C] 72 bytes at 203 dpi
    charsPerLine: 48, // [C] 12×24 font on 576 dots
    completion: 'processId', // [C] GS ( H from the Epson reference; confirm per printer
    asb: true,
    nearEndSensor: true,
    ticketTakenBit: false,
    presenter: null,
    statusQuery: 'realtime',
    lineTimeMs: 25, // [C] ~30-dot line at 150 mm/s
    code128CodeSetPrefix: true,
    legacyCut: { escI: 'partial', escM: 'full' }, // [V] P6
    bufferClearIn: ['cutterError'], // [V] §2.7: the one state Citizen, HPRT and Epson all clear in
    realtimeInData: 'acts', // [V] §2.7: Epson, Citizen, HPRT manuals
    charset: 'gb18030', // [C] what printers sold in China since GB18030-2005 became mandatory
    usblpStatus: { kind: 'readback', reason: '[C] a USB printer-class interface that is bidirectional, as on Epson-style firmware; a write-only printer needs its own row' },
    rollLengthMm: 88_000, // [C] an 83 mm roll on a 12 mm core, as the TM-T88 takes
  },
  'epson-tm-t88': {
    id: 'epson-tm-t88',
    displayName: 'Epson TM-T88',
    paperWidthDots: 576, // [C]
    charsPerLine: 48, // [C]
    completion: 'processId', // [C] GS ( H fn 48
    asb: true, // [C] §2.6
    nearEndSensor: true, // [C] an option on the TM-T88; bits read 0 without it, so trusting them is safe
    ticketTakenBit: false, // [V] Epson fixes DLE EOT 1 bit 7 at 0 (§2.4)
    presenter: null,
    statusQuery: 'realtime',
    lineTimeMs: 20, // [C] 150–300 mm/s depending on generation; the slowest is assumed
    code128CodeSetPrefix: true, // [C]
    legacyCut: { escI: 'partial', escM: 'full' }, // [C] as §2.1; Epson documents both as partial on newer models
    // [V] §2.7 Epson: "only when a recoverable error occurs" (auto-cutter and mechanical errors); [C] that a
    // jam reports as the mechanical error on the TM-T88.
    bufferClearIn: ['cutterError', 'paperJam'],
    realtimeInData: 'acts', // [V] §2.7 Epson reference
    charset: 'gb18030', // [C] the Chinese-market TM-T88 models carry a GB18030 font
    usblpStatus: { kind: 'readback', reason: '[C] the TM-T88 USB interface is bidirectional: DLE EOT and process-ID replies are read back through /dev/usb/lpN' },
    rollLengthMm: 88_000, // [C] 83 mm maximum roll, 12 mm core
  },
  'cashino-kp628e': {
    id: 'cashino-kp628e',
    displayName: '厦门 Cashino KP-628E 58 mm',
    paperWidthDots: 384, // [V] P5: 48 mm printing width at 203 dpi
    charsPerLine: 32, // [V] P5: 12×24 ANK font, 24×24 Chinese
    completion: 'paperStatus', // [V] P5 lists GS r n and no GS ( H; GS r answering after the data is [C]
    asb: false, // [V] P5 lists no GS a
    nearEndSensor: true, // [V] P5: option "S"; [C] that the kiosk variant is ordered with it
    ticketTakenBit: true, // [V] P5: DLE EOT 1 bit 7 = paper not torn away
    presenter: null,
    statusQuery: 'realtime',
    lineTimeMs: 60, // [C] P5: max 90 mm/s; a 30-dot line takes ~42 ms at full speed
    code128CodeSetPrefix: false, // [V] P5: "without the user set character (includes starting character set)"
    legacyCut: { escI: 'full', escM: 'partial' }, // [V] P5
    bufferClearIn: ['cutterError'], // [C] P5 does not say; the common denominator of §2.7
    realtimeInData: 'acts', // [C] P5 does not say; assumed like the manuals of §2.7
    charset: 'gbk', // [V] P5: GBK and BIG5 character sets (GBK the default [C])
    usblpStatus: { kind: 'none', reason: '[C] P5 lists USB but says nothing of replies over it; its status is documented on RS-232/TTL only: wire it by serial to know its paper and confirm tickets' },
    rollLengthMm: 30_800, // [C] a 50 mm roll on a 12 mm core
  },
  'custom-vkp80': {
    id: 'custom-vkp80',
    displayName: 'Custom VKP80 出票机（带出票口）',
    paperWidthDots: 576, // [C] 80 mm paper at 203 dpi
    charsPerLine: 48, // [C]
    completion: 'paperStatus', // [C] GS r, the standard command; no public client here uses GS ( H on it
    asb: false, // [C] its full status starts with 10, as an ASB block would: it is asked, never pushed
    nearEndSensor: true, // [V*] §2.6 paper byte bit 2
    ticketTakenBit: false, // [C] the mouth is reported in the full status, not in DLE EOT 1 bit 7
    presenter: { command: 'fsP', steps: 6, retractAfterS: 60 }, // [V*] §2.6 FS P; 30 mm out and 60 s are this project's choice
    statusQuery: 'fullStatus', // [V*] §2.6 DLE EOT 20, 6 bytes
    lineTimeMs: 20, // [C] ~200 mm/s
    code128CodeSetPrefix: true, // [C]
    legacyCut: { escI: 'full', escM: 'partial' }, // [V*] §2.6: one client cuts with ESC i before presenting
    bufferClearIn: ['cutterError'], // [C] the common denominator of §2.7
    realtimeInData: 'acts', // [C] assumed like the manuals of §2.7
    charset: 'gb18030', // [C] the Chinese font option
    usblpStatus: { kind: 'readback', reason: '[C] the §2.6 clients read its 6-byte full status over USB; confirm that its interface is the bidirectional printer class' },
    rollLengthMm: 286_000, // [C] 150 mm maximum roll, 25 mm core
  },
} satisfies Record<string, EscPosModel>;

for (const row of Object.values(ROWS)) {
  Object.freeze(Object.freeze(row).legacyCut);
  Object.freeze(row.bufferClearIn);
  Object.freeze(row.usblpStatus);
  if (row.presenter) Object.freeze(row.presenter);
}

export const ESCPOS_MODELS: Readonly<Record<string, EscPosModel>> = Object.freeze(ROWS);

export function escPosModel(id: string): EscPosModel {
  const model = Object.prototype.hasOwnProperty.call(ESCPOS_MODELS, id) ? ESCPOS_MODELS[id] : undefined;
  if (!model) throw new Error(`unknown ESC/POS model "${id}"; known: ${Object.keys(ESCPOS_MODELS).join(', ')}`);
  return model;
}
