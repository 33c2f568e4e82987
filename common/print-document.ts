/**
 * A device-neutral print job. The host lays out tickets and receipts as blocks; each printer driver
 * renders them in its own protocol (ESC/POS for ticket and receipt printers). `personal: true` marks text
 * that carries personal data, so drivers can mask those bytes in frame dumps (ARCHITECTURE.md §8.7).
 */
export type Align = 'left' | 'center' | 'right';

export type PrintBlock =
  | { kind: 'text'; text: string; align?: Align; scale?: 1 | 2 | 3; bold?: boolean; personal?: boolean }
  | { kind: 'qr'; data: string; align?: Align; moduleSize?: number }
  | { kind: 'barcode'; symbology: 'code128'; data: string; align?: Align; heightDots?: number }
  /** 1 bit per dot, rows top to bottom, MSB = leftmost dot, 1 = black; `widthDots` a multiple of 8. */
  | { kind: 'image'; widthDots: number; heightDots: number; bits: Uint8Array; align?: Align }
  | { kind: 'rule' }
  | { kind: 'feed'; lines: number };

export interface PrintDocument {
  /** Unique per job; drivers derive their completion tag from it (protocols.md §2.7). */
  jobId: string;
  blocks: PrintBlock[];
  cut: 'full' | 'partial';
}
