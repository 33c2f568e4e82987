/**
 * The certificate's fonts (issue 17 §2 "embedded CJK font subset … fonts loaded once per worker"): Noto Sans CJK
 * Simplified Chinese, Regular for the text and Bold for the title, from Debian's fonts-noto-cjk by default (one
 * face out of each .ttc collection, by PostScript name). Each file is read and parsed once, with the fontkit
 * that pdfkit itself uses (resolved from pdfkit's own folder, so the font object is the kind its EmbeddedFont
 * expects); every document then embeds only the glyphs it uses (a subset, `XXXXXX+NotoSansCJKsc-…`).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { bilingual } from '../../diagnostics/diagnostics-error';
import { CertificateRenderError } from './certificate-render-error';

export interface FontFace {
  /** A .ttf/.otf file, or a .ttc/.otc collection. */
  path: string;
  /** The face's PostScript name (required for a collection). */
  postscriptName: string;
}

export interface CertificateFontPaths {
  regular: FontFace;
  bold: FontFace;
}

const NOTO = '/usr/share/fonts/opentype/noto';

/** Debian 12 `fonts-noto-cjk`. */
export const DEFAULT_CERTIFICATE_FONTS: CertificateFontPaths = {
  regular: { path: `${NOTO}/NotoSansCJK-Regular.ttc`, postscriptName: 'NotoSansCJKsc-Regular' },
  bold: { path: `${NOTO}/NotoSansCJK-Bold.ttc`, postscriptName: 'NotoSansCJKsc-Bold' },
};

/** The part of a fontkit font this code reads; pdfkit takes the object itself as a font source. */
export interface ParsedFont {
  postscriptName: string;
  hasGlyphForCodePoint(codePoint: number): boolean;
  layout(text: string): unknown;
}

export interface CertificateFonts {
  regular: ParsedFont;
  bold: ParsedFont;
}

interface Fontkit {
  create(data: Uint8Array, postscriptName?: string): ParsedFont | { fonts: ParsedFont[] } | null;
}

let fontkit: Fontkit | null = null;
function pdfkitsFontkit(): Fontkit {
  const fromPdfkit = createRequire(createRequire(import.meta.url).resolve('pdfkit'));
  fontkit ??= fromPdfkit('fontkit') as Fontkit;
  return fontkit;
}

function loadFace(face: FontFace): ParsedFont {
  let data: Buffer;
  try {
    data = readFileSync(face.path);
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在 / file not found' : (err as Error).message;
    throw new CertificateRenderError(
      'fontMissing',
      bilingual(`证明字体无法读取：${face.path}（${reason}），请安装 fonts-noto-cjk 或修改字体配置`, `the certificate font cannot be read: ${face.path} (${reason}); install fonts-noto-cjk or configure the font path`),
    );
  }
  let font: ReturnType<Fontkit['create']>;
  try {
    font = pdfkitsFontkit().create(data, face.postscriptName);
  } catch (err) {
    throw new CertificateRenderError('fontMissing', bilingual(`证明字体无法解析：${face.path}`, `the certificate font cannot be parsed: ${face.path} (${(err as Error).message})`));
  }
  if (font === null || !('layout' in font) || font.postscriptName !== face.postscriptName) {
    throw new CertificateRenderError(
      'fontMissing',
      bilingual(`字体文件 ${face.path} 中没有字形 ${face.postscriptName}`, `the font file ${face.path} has no face named ${face.postscriptName}`),
    );
  }
  return font;
}

/** Reads and parses both faces; throws CertificateRenderError('fontMissing') with the path at fault. */
export function loadCertificateFonts(paths: CertificateFontPaths = DEFAULT_CERTIFICATE_FONTS): CertificateFonts {
  return { regular: loadFace(paths.regular), bold: loadFace(paths.bold) };
}

/** The first character of `text` the font has no glyph for (it would print as an empty box), or null. */
export function firstMissingGlyph(font: ParsedFont, text: string): string | null {
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (cp === 0x20 || cp === 0x3000) continue;
    if (!font.hasGlyphForCodePoint(cp)) return ch;
  }
  return null;
}
