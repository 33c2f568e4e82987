/**
 * One piece of paper as the simulator saw it leave the printer (ARCHITECTURE.md §4: "see what was printed,
 * decoded"). `cut: false` marks a ticket abandoned before its cut (buffer cleared by DLE ENQ 2, or the
 * printer reset), with only the lines that reached the paper.
 */
export interface PrintedImage {
  widthDots: number;
  heightDots: number;
}

export type TicketDelivery = 'presented' | 'taken' | 'retracted' | 'ejected';

export interface PrintedTicket {
  seq: number;
  /** ISO 8601 time (from the injected clock) the ticket was cut or abandoned. */
  at: string;
  lines: string[];
  /** QR payloads, UTF-8 decoded (GB18030 when the bytes are not valid UTF-8). */
  qr: string[];
  /** Barcode contents as a reader would scan them (CODE128 code sets resolved). */
  barcodes: string[];
  images: PrintedImage[];
  cut: boolean;
  /**
   * Presenter printers (protocols.md §2.6): where the ticket went after FS P held it in the mouth: still
   * there (`presented`), taken by the citizen, retracted into the bin at the time-out, or ejected. Absent on
   * printers without a presenter.
   */
  delivery?: TicketDelivery;
  /** The print-buffer bytes of this ticket, status queries (GS ( H, GS r, GS I) left out. */
  bytesBase64: string;
}
