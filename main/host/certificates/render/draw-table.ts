/**
 * A certificate's table (a payment history and the like; issue 17 §2): columns sized to their contents and fit
 * to the page width, cells wrapped, rows never split, and on every page the table continues on its title
 * (marked 续) and header row are drawn again.
 */
import type { CertificateTable } from '../../../../common/certificate-document';
import { BOLD, CONTENT_BOTTOM, CONTENT_LEFT, CONTENT_WIDTH, ensureSpace, HEADER_FILL, INK, MARGIN, REGULAR, RULE, type Pdf } from './page-geometry';

const CELL_SIZE = 9.5;
const TITLE_SIZE = 11.5;
const PAD = 3;
/** Amounts and counts are set flush right. */
const NUMERIC = /^[-+]?[\d,]+(\.\d+)?%?$/;
const MIN_COLUMN = 36;

/** Natural widths scaled to the content width; when they do not fit, shared in proportion with a floor. */
export function fitColumns(natural: number[], total: number): number[] {
  const sum = natural.reduce((a, b) => a + b, 0);
  if (sum <= total) return natural.map((w) => (w * total) / sum);
  const floor = Math.min(MIN_COLUMN, total / natural.length);
  const scaled = natural.map((w) => Math.max(floor, (w * total) / sum));
  const over = scaled.reduce((a, b) => a + b, 0) - total;
  const shrinkable = scaled.reduce((a, w) => a + (w - floor), 0);
  return scaled.map((w) => w - (shrinkable > 0 ? (over * (w - floor)) / shrinkable : 0));
}

function naturalWidths(doc: Pdf, table: CertificateTable): number[] {
  return table.columns.map((header, c) => {
    doc.font(BOLD).fontSize(CELL_SIZE);
    let widest = doc.widthOfString(header);
    doc.font(REGULAR).fontSize(CELL_SIZE);
    for (const row of table.rows) widest = Math.max(widest, doc.widthOfString(row[c] ?? ''));
    return widest + 2 * PAD + 1;
  });
}

function rowHeight(doc: Pdf, cells: string[], widths: number[], font: string): number {
  doc.font(font).fontSize(CELL_SIZE);
  const line = doc.currentLineHeight();
  let tallest = line;
  cells.forEach((cell, c) => {
    if (cell !== '') tallest = Math.max(tallest, doc.heightOfString(cell, { width: (widths[c] as number) - 2 * PAD }));
  });
  return tallest + 2 * PAD;
}

function drawRow(doc: Pdf, cells: string[], widths: number[], height: number, header: boolean): void {
  const top = doc.y;
  let x = CONTENT_LEFT;
  if (header) doc.save().rect(CONTENT_LEFT, top, CONTENT_WIDTH, height).fill(HEADER_FILL).restore();
  doc.font(header ? BOLD : REGULAR).fontSize(CELL_SIZE).fillColor(INK);
  cells.forEach((cell, c) => {
    const w = widths[c] as number;
    if (cell !== '') doc.text(cell, x + PAD, top + PAD, { width: w - 2 * PAD, align: header ? 'center' : NUMERIC.test(cell) ? 'right' : 'left' });
    doc.save().lineWidth(0.5).strokeColor(RULE).rect(x, top, w, height).stroke().restore();
    x += w;
  });
  doc.x = CONTENT_LEFT;
  doc.y = top + height;
}

function drawTitle(doc: Pdf, title: string | undefined, continued: boolean): void {
  if (title === undefined) return;
  doc.font(BOLD).fontSize(TITLE_SIZE).fillColor(INK);
  doc.text(continued ? `${title}（续）` : title, CONTENT_LEFT, doc.y, { width: CONTENT_WIDTH, lineBreak: false });
  doc.y += 4;
}

export function drawTable(doc: Pdf, table: CertificateTable): void {
  const widths = fitColumns(naturalWidths(doc, table), CONTENT_WIDTH);
  const headerHeight = rowHeight(doc, table.columns, widths, BOLD);
  doc.font(BOLD).fontSize(TITLE_SIZE);
  const titleHeight = table.title === undefined ? 0 : doc.currentLineHeight() + 4;
  const first = table.rows[0];
  const firstHeight = first === undefined ? 0 : rowHeight(doc, first, widths, REGULAR);
  const head = (continued: boolean): void => {
    drawTitle(doc, table.title, continued);
    drawRow(doc, table.columns, widths, headerHeight, true);
  };
  ensureSpace(doc, titleHeight + headerHeight + firstHeight);
  head(false);
  for (const row of table.rows) {
    const height = rowHeight(doc, row, widths, REGULAR);
    if (doc.y + height > CONTENT_BOTTOM) {
      doc.addPage();
      doc.y = MARGIN.top;
      head(true);
    }
    drawRow(doc, row, widths, height, false);
  }
  doc.y += 14;
}
