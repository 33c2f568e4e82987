/**
 * The certificate's sections other than tables (issue 17 §2), top to bottom: title and issuing body; the holder
 * and the label/value lines; the notes (说明); the verification block (the code in large type, how to check it,
 * the QR code of the signed URL); the issuing body, the date and the seal ring; and the footer of every page.
 */
import type { CertificateDocument } from '../../../../common/certificate-document';
import { drawQr, type QrPlacement } from './draw-qr';
import { drawSeal, SEAL_RADIUS } from './draw-seal';
import { BOLD, chineseDate, CONTENT_LEFT, CONTENT_RIGHT, CONTENT_WIDTH, ensureSpace, FOOTER_Y, GREY, INK, MARGIN, REGULAR, rule, type Pdf } from './page-geometry';

const QR_SIZE = 116;
/** The tallest the text beside the QR code gets (a two-line code and a two-line address). */
const CODE_COLUMN = 150;
const LINE_SIZE = 11;

export function drawHeading(doc: Pdf, cert: CertificateDocument): void {
  doc.font(BOLD).fontSize(22).fillColor(INK);
  doc.text(cert.title, CONTENT_LEFT, MARGIN.top, { width: CONTENT_WIDTH, align: 'center' });
  doc.moveDown(0.2);
  doc.font(REGULAR).fontSize(10.5).fillColor(GREY);
  doc.text(`出具机构：${cert.issuer}`, CONTENT_LEFT, doc.y, { width: CONTENT_WIDTH, align: 'center' });
  doc.fillColor(INK);
  doc.y += 10;
  rule(doc, doc.y);
  doc.y += 14;
}

/** The holder first (姓名, 公民身份号码), then the platform's fields, labels in one column. */
export function drawLines(doc: Pdf, cert: CertificateDocument): void {
  const lines: Array<[string, string]> = [['姓名', cert.holder.name], ['公民身份号码', cert.holder.idNumber], ...cert.fields.map((f): [string, string] => [f.label, f.value])];
  doc.font(REGULAR).fontSize(LINE_SIZE);
  const labelWidth = Math.min(150, Math.max(...lines.map(([label]) => doc.widthOfString(`${label}：`)))) + 8;
  const valueWidth = CONTENT_WIDTH - labelWidth;
  const lineHeight = doc.currentLineHeight();
  for (const [label, value] of lines) {
    const shown = value === '' ? '—' : value;
    const height = Math.max(lineHeight, doc.heightOfString(shown, { width: valueWidth }), doc.heightOfString(`${label}：`, { width: labelWidth })) + 4;
    ensureSpace(doc, height);
    const top = doc.y;
    doc.fillColor(GREY).text(`${label}：`, CONTENT_LEFT, top, { width: labelWidth });
    doc.fillColor(INK).text(shown, CONTENT_LEFT + labelWidth, top, { width: valueWidth });
    doc.x = CONTENT_LEFT;
    doc.y = top + height;
  }
  doc.y += 12;
}

export function drawNotes(doc: Pdf, notes: string[]): void {
  if (notes.length === 0) return;
  const indent = 16;
  doc.font(REGULAR).fontSize(9);
  const heights = notes.map((n) => doc.heightOfString(n, { width: CONTENT_WIDTH - indent }) + 2);
  doc.font(BOLD).fontSize(10);
  ensureSpace(doc, doc.currentLineHeight() + 2 + (heights[0] as number));
  const headingTop = doc.y;
  doc.fillColor(INK).text('说明：', CONTENT_LEFT, headingTop, { lineBreak: false });
  doc.y = headingTop + doc.currentLineHeight() + 2;
  notes.forEach((note, i) => {
    doc.font(REGULAR).fontSize(9).fillColor(GREY);
    ensureSpace(doc, heights[i] as number);
    const top = doc.y;
    doc.text(`${i + 1}.`, CONTENT_LEFT, top, { lineBreak: false });
    doc.text(note, CONTENT_LEFT + indent, top, { width: CONTENT_WIDTH - indent });
    doc.x = CONTENT_LEFT;
    doc.y = top + (heights[i] as number);
  });
  doc.fillColor(INK);
  doc.y += 10;
}

/** Origin and path of the signed URL, printed for typing in: the query (the signature) only the QR code carries. */
function typedAddress(url: string): string {
  const u = new URL(url);
  return `${u.origin}${u.pathname}`;
}

/**
 * Kept on one page, in one row: the verification code and how to check it on the left, the issuing body and
 * the date under its seal in the middle (stamped over them, as a paper certificate is), the QR code on the
 * right. One row, not three stacked blocks, so a one-page certificate (个人参保证明) stays on one page.
 */
export function drawVerification(doc: Pdf, cert: CertificateDocument, page: () => number): QrPlacement {
  const sealDiameter = 2 * SEAL_RADIUS;
  ensureSpace(doc, 10 + Math.max(QR_SIZE + 14, CODE_COLUMN, sealDiameter + 12));
  const top = doc.y + 6;
  rule(doc, top);
  const qrX = CONTENT_RIGHT - QR_SIZE;
  const sealCentreX = qrX - 16 - SEAL_RADIUS;
  const textWidth = sealCentreX - SEAL_RADIUS - CONTENT_LEFT - 8;
  doc.font(REGULAR).fontSize(10).fillColor(GREY).text('验证码', CONTENT_LEFT, top + 14, { lineBreak: false });
  doc.font(BOLD).fontSize(20).fillColor(INK).text(cert.verification.code, CONTENT_LEFT, top + 30, { width: textWidth, characterSpacing: 1 });
  doc.font(REGULAR).fontSize(9).fillColor(GREY);
  doc.text('核验方式：扫描右侧二维码，或访问以下网址并输入验证码', CONTENT_LEFT, doc.y + 6, { width: textWidth });
  doc.text(typedAddress(cert.verification.url), CONTENT_LEFT, doc.y + 2, { width: textWidth });
  const textBottom = doc.y;
  const qr = drawQr(doc, cert.verification.url, qrX, top + 4, QR_SIZE, page());
  // Below the code's four-module quiet zone, never inside it.
  doc.font(REGULAR).fontSize(8).fillColor(GREY).text('扫码核验', qrX, top + 4 + QR_SIZE, { width: QR_SIZE, align: 'center', lineBreak: false });

  const sealCentreY = top + 8 + SEAL_RADIUS;
  doc.font(REGULAR).fontSize(11).fillColor(INK);
  const issuer = cert.issuer;
  const date = chineseDate(cert.issuedOn);
  const widest = Math.min(Math.max(doc.widthOfString(issuer), doc.widthOfString(date)), 2 * SEAL_RADIUS + 24);
  const lineHeight = doc.currentLineHeight();
  doc.text(issuer, sealCentreX - widest / 2, sealCentreY - lineHeight, { width: widest, align: 'center', lineBreak: false });
  doc.text(date, sealCentreX - widest / 2, sealCentreY + 2, { width: widest, align: 'center', lineBreak: false });
  if (cert.seal !== undefined) drawSeal(doc, sealCentreX, sealCentreY, cert.seal);
  doc.x = CONTENT_LEFT;
  doc.y = Math.max(textBottom, top + 4 + QR_SIZE + 14, top + 8 + sealDiameter + 4);
  return qr;
}

/** `第 x 页 / 共 y 页` and the issuance id, on a page already laid out (bufferPages). */
export function drawFooter(doc: Pdf, issuanceId: string, page: number, pages: number): void {
  rule(doc, FOOTER_Y - 6);
  doc.font(REGULAR).fontSize(8.5).fillColor(GREY);
  doc.text(`出具编号：${issuanceId}`, CONTENT_LEFT, FOOTER_Y, { lineBreak: false });
  const label = `第 ${page} 页 / 共 ${pages} 页`;
  // The CJK face's space is narrow (0.224 em): widened, so text extraction (pdftotext) keeps the spaces too.
  const spacing = { wordSpacing: 2.5 };
  doc.text(label, CONTENT_RIGHT - doc.widthOfString(label, spacing), FOOTER_Y, { ...spacing, lineBreak: false });
  doc.fillColor(INK);
}
