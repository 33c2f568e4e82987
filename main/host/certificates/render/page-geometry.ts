/**
 * The A4 page every certificate is laid out on (issue 17 §2), in PDF points (1/72 in): margins, the content
 * box, where the footer goes, the type sizes and colours, and the one page-break rule all sections share.
 */
export type Pdf = PDFKit.PDFDocument;

/** ISO 216 A4, 210 × 297 mm. */
export const A4 = { width: 595.28, height: 841.89 } as const;
export const MARGIN = { top: 56, left: 56, right: 56, bottom: 78 } as const;
export const CONTENT_LEFT = MARGIN.left;
export const CONTENT_RIGHT = A4.width - MARGIN.right;
export const CONTENT_WIDTH = CONTENT_RIGHT - CONTENT_LEFT;
/** Nothing but the footer goes below this line (pdfkit's own maxY, so its wrapper never breaks a page itself). */
export const CONTENT_BOTTOM = A4.height - MARGIN.bottom;
/** The footer line's top. */
export const FOOTER_Y = A4.height - 50;

/** Font names registered on every document (certificate-pdf.ts). */
export const REGULAR = 'regular';
export const BOLD = 'bold';

export const INK = '#000000';
export const GREY = '#555555';
export const RULE = '#999999';
export const SEAL_RED = '#c8161d';
export const HEADER_FILL = '#eeeeee';

/** Starts a new page when `height` more points do not fit above the footer; true when it did. */
export function ensureSpace(doc: Pdf, height: number): boolean {
  if (doc.y + height <= CONTENT_BOTTOM) return false;
  doc.addPage();
  doc.x = CONTENT_LEFT;
  doc.y = MARGIN.top;
  return true;
}

/** A horizontal hairline across the content box at `y`. */
export function rule(doc: Pdf, y: number, color = RULE): void {
  doc.save().lineWidth(0.6).strokeColor(color).moveTo(CONTENT_LEFT, y).lineTo(CONTENT_RIGHT, y).stroke().restore();
}

/** `2026-01-05` → `2026年1月5日`, the form printed on certificates. */
export function chineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
