/**
 * A4 PDFs for the simulator's tests and for trying the printer by hand (issue 17 §1): made with pdfkit, the
 * way the host renders certificates, in Noto Sans CJK SC (Debian fonts-noto-cjk) so the embedded subset and
 * its ToUnicode CMap are what pdf-text.ts must read. One page per entry of `pages`, each a list of lines.
 */
import PDFDocument from 'pdfkit';

export const CJK_FONT_PATH = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
export const CJK_FONT_FAMILY = 'NotoSansCJKsc-Regular';

export function samplePdf(pages: readonly (readonly string[])[], font: { path: string; family?: string } | 'Helvetica' = { path: CJK_FONT_PATH, family: CJK_FONT_FAMILY }): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', autoFirstPage: false, info: { Title: 'hallkiosk sample', CreationDate: new Date(0) } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    if (font === 'Helvetica') doc.font('Helvetica');
    else if (font.family !== undefined) doc.font(font.path, font.family);
    else doc.font(font.path);
    for (const lines of pages) {
      doc.addPage();
      doc.fontSize(14);
      for (const line of lines) doc.text(line);
    }
    doc.end();
  });
}
