/**
 * The certificate renderer's core (issue 17 §2): one CertificateDocument to an A4 portrait PDF with pdfkit, in
 * Chinese, the CJK faces embedded as subsets. Validated first (certificate-validate.ts), and every string checked
 * against the font's glyphs, so nothing prints as an empty box. Laid out in one pass with buffered pages, then
 * `第 x 页 / 共 y 页` and the issuance id written on every page once the count is known.
 *
 * Metadata: the title, the issuing body as author, the kind as subject, the issuance id; never the holder's name
 * or ID number. Dates are the issue date (UTC midnight), so the same document gives the same bytes (pdfkit's file
 * ID is a hash of the info dictionary).
 */
import PDFDocument from 'pdfkit';
import type { CertificateDocument } from '../../../../common/certificate-document';
import { firstMissingGlyph, type CertificateFonts, type ParsedFont } from './certificate-fonts';
import { invalidField } from './certificate-render-error';
import { validateCertificateDocument, type ValidateOptions } from './certificate-validate';
import type { QrPlacement } from './draw-qr';
import { drawFooter, drawHeading, drawLines, drawNotes, drawVerification } from './draw-sections';
import { drawTable } from './draw-table';
import { BOLD, MARGIN, REGULAR, type Pdf } from './page-geometry';

export interface RenderedCertificate {
  pdf: Uint8Array;
  pages: number;
  /** Where the QR code is (tests read it back from the rasterised page). */
  qr: QrPlacement;
}

/** Every printed string with the field it comes from and the face it is set in. */
function printedStrings(cert: CertificateDocument): Array<[string, string, 'regular' | 'bold']> {
  const out: Array<[string, string, 'regular' | 'bold']> = [
    ['title', cert.title, 'bold'],
    ['issuer', cert.issuer, 'regular'],
    ['holder.name', cert.holder.name, 'regular'],
    ['holder.idNumber', cert.holder.idNumber, 'regular'],
    ['verification.code', cert.verification.code, 'bold'],
  ];
  cert.fields.forEach((f, i) => out.push([`fields[${i}].label`, f.label, 'regular'], [`fields[${i}].value`, f.value, 'regular']));
  cert.tables.forEach((t, ti) => {
    if (t.title !== undefined) out.push([`tables[${ti}].title`, t.title, 'bold']);
    t.columns.forEach((c, ci) => out.push([`tables[${ti}].columns[${ci}]`, c, 'bold']));
    t.rows.forEach((row, ri) => row.forEach((cell, ci) => out.push([`tables[${ti}].rows[${ri}][${ci}]`, cell, 'regular'])));
  });
  cert.notes.forEach((n, i) => out.push([`notes[${i}]`, n, 'regular']));
  if (cert.seal !== undefined) out.push(['seal', cert.seal, 'regular']);
  return out;
}

function checkGlyphs(cert: CertificateDocument, fonts: CertificateFonts): void {
  for (const [field, text, face] of printedStrings(cert)) {
    const font: ParsedFont = fonts[face];
    const missing = firstMissingGlyph(font, text);
    if (missing !== null) {
      const cp = `U+${(missing.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}`;
      throw invalidField(field, `含有字体无法显示的字符（${cp}）`, `has a character the font cannot print (${cp})`);
    }
  }
}

function collect(doc: Pdf): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
}

export async function renderCertificatePdf(input: CertificateDocument, fonts: CertificateFonts, options: ValidateOptions = { training: false }): Promise<RenderedCertificate> {
  const cert = validateCertificateDocument(input, options);
  checkGlyphs(cert, fonts);
  const issued = new Date(`${cert.issuedOn}T00:00:00Z`);
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'portrait',
    margins: { ...MARGIN },
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: cert.title,
      Author: cert.issuer,
      Subject: cert.kind,
      Keywords: cert.issuanceId,
      Creator: 'hallkiosk',
      Producer: 'hallkiosk (PDFKit)',
      CreationDate: issued,
      ModDate: issued,
    },
  });
  const bytes = collect(doc);
  // pdfkit takes a parsed fontkit font as a source (PDFFontFactory.open): parsed once per worker, not per document.
  doc.registerFont(REGULAR, fonts.regular as unknown as PDFKit.Mixins.PDFFontSource);
  doc.registerFont(BOLD, fonts.bold as unknown as PDFKit.Mixins.PDFFontSource);
  const pageIndex = (): number => doc.bufferedPageRange().count - 1;

  drawHeading(doc, cert);
  drawLines(doc, cert);
  for (const table of cert.tables) drawTable(doc, table);
  drawNotes(doc, cert.notes);
  const qr = drawVerification(doc, cert, pageIndex);

  const { start, count } = doc.bufferedPageRange();
  for (let i = 0; i < count; i++) {
    doc.switchToPage(start + i);
    drawFooter(doc, cert.issuanceId, i + 1, count);
  }
  doc.end();
  return { pdf: await bytes, pages: count, qr };
}
