import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CERTIFICATE_FONTS, loadCertificateFonts, type CertificateFonts } from './certificate-fonts';
import { renderCertificatePdf, type RenderedCertificate } from './certificate-pdf';
import { CertificateRenderError } from './certificate-render-error';
import { qrMatrix, QR_QUIET_MODULES } from './draw-qr';
import { greyPage, pdfFonts, pdfInfo, pdfText, readModules } from './test-support/poppler';
import { SAMPLE_HOLDER, socialInsurancePayments, socialInsuranceRecord } from './test-support/sample-certificates';

const squash = (text: string): string => text.replace(/[ \t]+/g, ' ');

let fonts: CertificateFonts;
let one: RenderedCertificate;
let three: RenderedCertificate;
beforeAll(async () => {
  fonts = loadCertificateFonts();
  one = await renderCertificatePdf(socialInsuranceRecord(), fonts);
  three = await renderCertificatePdf(socialInsurancePayments(), fonts);
}, 120_000);

describe('renderCertificatePdf: 个人参保证明 on one page', { timeout: 60_000 }, () => {
  it('prints the title, issuer, holder, fields, verification code, date and footer', async () => {
    expect(one.pages).toBe(1);
    const text = squash(await pdfText(one.pdf));
    for (const expected of ['个人参保证明', '出具机构：某市社会保险事业管理中心', `姓名： ${SAMPLE_HOLDER.name}`, `公民身份号码： ${SAMPLE_HOLDER.idNumber}`, '参保状态： 正常参保', '7KQ4-M2XD', '2026年1月5日', '说明：', '出具编号：ISS-20260105-0001', '第 1 页 / 共 1 页']) {
      expect(text).toContain(expected);
    }
    expect(text).toContain('https://verify.example.gov.cn/v/SB-2026-000123'); // the address to type in, without the signature
    expect(text).not.toContain('sig=');
  });

  it('is A4 portrait, titled, dated from the issue date, with no personal data in its metadata', async () => {
    const info = await pdfInfo(one.pdf);
    expect(info['Page size']).toMatch(/^595\.2\d? x 841\.8\d? pts \(A4\)/);
    expect(info.Pages).toBe('1');
    expect(info.Title).toBe('个人参保证明');
    expect(info.CreationDate).toBe('2026-01-05T00:00:00Z');
    expect(JSON.stringify(info)).not.toContain(SAMPLE_HOLDER.name);
    expect(JSON.stringify(info)).not.toContain(SAMPLE_HOLDER.idNumber);
    // The text is set as glyph ids in compressed streams: the ID number appears nowhere as bytes (no metadata leak).
    const raw = Buffer.from(one.pdf);
    expect(raw.includes(SAMPLE_HOLDER.idNumber)).toBe(false);
    expect(raw.includes(Buffer.from(SAMPLE_HOLDER.name, 'utf16le').swap16())).toBe(false);
  });

  it('embeds the CJK faces as subsets, and nothing else', async () => {
    const rows = await pdfFonts(one.pdf);
    expect(rows.map((r) => r.name.replace(/^[A-Z]{6}\+/, 'XXXXXX+')).sort()).toEqual(['XXXXXX+NotoSansCJKsc-Bold', 'XXXXXX+NotoSansCJKsc-Regular']);
    for (const row of rows) expect(row).toMatchObject({ type: 'CID Type 0C', embedded: true, subset: true });
    expect(one.pdf.byteLength).toBeLessThan(400_000); // the font files are 19 and 20 MB
  });

  it('draws the QR code of the verification URL: the rasterised page shows qr-image’s modules for that URL', async () => {
    const url = socialInsuranceRecord().verification.url;
    const expected = qrMatrix(url);
    expect(one.qr.modules).toBe(expected.length);
    const page = await greyPage(one.pdf, one.qr.page + 1, 150);
    const seen = readModules(page, one.qr, QR_QUIET_MODULES);
    const quiet = Array.from({ length: QR_QUIET_MODULES }, () => 0);
    const framed = [
      ...Array.from({ length: QR_QUIET_MODULES }, () => Array<number>(expected.length + 2 * QR_QUIET_MODULES).fill(0)),
      ...expected.map((row) => [...quiet, ...row, ...quiet]),
      ...Array.from({ length: QR_QUIET_MODULES }, () => Array<number>(expected.length + 2 * QR_QUIET_MODULES).fill(0)),
    ];
    expect(seen).toEqual(framed);
    // The check can fail: another URL's code of the same size differs from what is printed.
    const other = qrMatrix(url.replace('SB-2026-000123', 'SB-2026-000999'));
    expect(other.length).toBe(expected.length);
    expect(readModules(page, one.qr)).not.toEqual(other);
  });

  it('gives the same bytes for the same document', async () => {
    const again = await renderCertificatePdf(socialInsuranceRecord(), fonts);
    expect(Buffer.from(again.pdf).equals(Buffer.from(one.pdf))).toBe(true);
  });
});

describe('renderCertificatePdf: 缴费历史 over three pages', { timeout: 60_000 }, () => {
  it('breaks the table across pages, repeating its title and header, and numbers every page', async () => {
    expect(three.pages).toBe(3);
    const info = await pdfInfo(three.pdf);
    expect(info.Pages).toBe('3');
    for (let p = 1; p <= 3; p++) {
      const text = squash(await pdfText(three.pdf, p));
      expect(text).toContain(`第 ${p} 页 / 共 3 页`);
      expect(text).toContain('出具编号：ISS-20260105-0002');
      expect(text).toMatch(/费款所属期 +缴费单位 +缴费基数（元） +单位缴纳（元） +个人缴纳（元） +到账状态/);
      expect(text).toContain(p === 1 ? '缴费明细' : '缴费明细（续）');
    }
    const all = await pdfText(three.pdf);
    const periods = [...all.matchAll(/\b(20\d\d-\d\d) /g)].map((m) => m[1]);
    expect(periods).toEqual(socialInsurancePayments().tables[0]?.rows.map((r) => r[0])); // every row once, in order
    expect(squash(await pdfText(three.pdf, 3))).toContain('H8PQ-3RTW-K2');
    expect(three.qr.page).toBe(2);
  });
});

describe('renderCertificatePdf: refusals', { timeout: 60_000 }, () => {
  it('refuses a character the font cannot print, naming the field (a rare name character)', async () => {
    const doc = socialInsuranceRecord();
    doc.holder.name = '李\u{20000}';
    const err = await renderCertificatePdf(doc, fonts).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CertificateRenderError);
    expect(err).toMatchObject({ code: 'invalidDocument', field: 'holder.name' });
    expect((err as Error).message).toBe('证明内容有误（holder.name）：含有字体无法显示的字符（U+20000） / invalid certificate (holder.name): has a character the font cannot print (U+20000)');
  });

  it('says which font file is missing, in both languages', () => {
    const missing = { ...DEFAULT_CERTIFICATE_FONTS, bold: { path: '/nonexistent/NotoSansCJK-Bold.ttc', postscriptName: 'NotoSansCJKsc-Bold' } };
    expect(() => loadCertificateFonts(missing)).toThrow(/^证明字体无法读取：\/nonexistent\/NotoSansCJK-Bold\.ttc（文件不存在 \/ file not found）.* \/ the certificate font cannot be read: \/nonexistent/);
    const wrongFace = { ...DEFAULT_CERTIFICATE_FONTS, regular: { ...DEFAULT_CERTIFICATE_FONTS.regular, postscriptName: 'NotoSansCJKxx-Regular' } };
    expect(() => loadCertificateFonts(wrongFace)).toThrow(/没有字形 NotoSansCJKxx-Regular .* has no face named NotoSansCJKxx-Regular/);
  });
});
