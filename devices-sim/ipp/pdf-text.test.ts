import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { countPdfPages } from './pdf-objects';
import { extractPdfText } from './pdf-text';
import { samplePdf } from './sample-pdf';
import { parseToUnicode } from './to-unicode';

const dir = mkdtempSync(join(tmpdir(), 'pdf-text-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function pdftotext(pdf: Uint8Array): string {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/** Whitespace differs between extractors (pdftotext pads columns); the characters and their order must not. */
const squeeze = (s: string): string => s.replace(/\s+/g, '');

describe('pdf-text: the PDF text extractor', () => {
  it('reads a pdfkit PDF with an embedded Noto Sans CJK SC subset as pdftotext does, page by page', async () => {
    const pdf = await samplePdf([
      ['个人参保证明', '姓名：张三  公民身份号码：110101199003070011', '验证码 7KQ2-9XTM  office fine'],
      ['第 2 页 共 3 页', '社会保险缴费历史（2020—2025）'],
      ['不动产登记信息查询结果 ①'],
    ]);
    const ours = extractPdfText(pdf);
    const theirs = pdftotext(pdf);
    expect(ours.split('\f')).toHaveLength(3);
    expect(ours.split('\f').map(squeeze)).toEqual(theirs.split('\f').slice(0, 3).map(squeeze));
    expect(ours).toContain('公民身份号码：110101199003070011');
    expect(ours).toContain('office'); // the "ffi" ligature maps back to three letters
    expect(ours.split('\f')[0]!.split('\n')).toHaveLength(3);
    expect(countPdfPages(pdf)).toBe(3);
  });

  it('reads a standard-font PDF (WinAnsi, no ToUnicode) with escapes in literal strings', async () => {
    const pdf = await samplePdf([['Plain (parens) and \\ backslash', 'second line']], 'Helvetica');
    expect(squeeze(extractPdfText(pdf))).toBe(squeeze(pdftotext(pdf)));
    expect(extractPdfText(pdf)).toBe('Plain (parens) and \\ backslash\nsecond line');
  });

  it('reads an uncompressed hand-written PDF with Tj, T* and octal escapes', () => {
    const content = 'BT /F1 12 Tf 72 700 Td (Hello\\051 \\(w\\157rld) Tj T* [(A) -300 (B)] TJ ET';
    const body = `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >> endobj\n4 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n5 0 obj << /Length ${content.length} >>\nstream\n${content}\nendstream\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`;
    expect(extractPdfText(new TextEncoder().encode(body))).toBe('Hello) (world\nA B');
  });

  it('returns "" for bytes that are not a PDF, never throws', () => {
    expect(extractPdfText(new TextEncoder().encode('not a pdf at all'))).toBe('');
    expect(extractPdfText(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0xff, 0x00]))).toBe('');
  });

  it('parses bfchar and bfrange (single destination and array) sections', () => {
    const cmap = parseToUnicode('1 begincodespacerange <0000> <FFFF> endcodespacerange 2 beginbfchar <0001> <4E2A> <0002> <D83DDE00> endbfchar 2 beginbfrange <0010> <0012> <0041> <0020> <0021> [<0066 0069> <4EBA>] endbfrange');
    expect(cmap.bytesPerCode).toBe(2);
    expect([1, 2, 0x10, 0x11, 0x12, 0x20, 0x21].map((c) => cmap.map.get(c))).toEqual(['个', '😀', 'A', 'B', 'C', 'fi', '人']);
  });
});
