/**
 * A laid-out ticket (paper-layout.ts) as an SVG picture of the paper, one SVG unit per printer dot (issue 15
 * item 4: "drawn as it would look on paper"): text at its cell size and multipliers (stretched to its dot
 * width, as a printer stretches double-width glyphs), bold, underline and reverse; QR modules; CODE128
 * bars; raster images dot by dot; a dashed line where the paper was cut (partial: an uncut bridge left in
 * the middle). The SVG is an image with an accessible name (role="img", aria-label, <title>); `data-*`
 * attributes name what each mark is, for tests and testers.
 */
import type { BarcodeMark, CutMark, ImageMark, PaperDrawing, QrMark, TextMark } from './paper-marks';

/** Blank paper either side of the print area (80 mm paper is ~640 dots wide for 576 printed) [C]. */
export const SIDE_MARGIN_DOTS = 32;
const TOP_MARGIN_DOTS = 16;
const BOTTOM_MARGIN_DOTS = 24;
/** Where the baseline sits in a character cell (CJK fonts fill their em box). */
const BASELINE = 0.86;
const FONT = "'Noto Sans Mono CJK SC','Noto Sans CJK SC','WenQuanYi Zen Hei','Droid Sans Fallback',monospace";
/** Marks drawn on the paper by the panel, not by the printer: grey, small. */
const NOTE = 'fill="#555" font-size="16"';

/** Text safe inside XML content and attribute values; characters XML cannot hold become U+FFFD. */
export function xmlEscape(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Runs of set cells per row as one path (`M x y h n v 1 h -n z`), in cell units. */
function runsPath(rows: number, columns: number, isSet: (row: number, col: number) => boolean): string {
  let d = '';
  for (let r = 0; r < rows; r++) {
    let c = 0;
    while (c < columns) {
      if (!isSet(r, c)) {
        c++;
        continue;
      }
      const start = c;
      while (c < columns && isSet(r, c)) c++;
      d += `M${start} ${r}h${c - start}v1h${start - c}z`;
    }
  }
  return d;
}

function textSvg(t: TextMark): string {
  const baseline = t.y + Math.round(t.height * BASELINE);
  const parts: string[] = [];
  if (t.reverse) parts.push(`<rect x="${t.x}" y="${t.y}" width="${t.width}" height="${t.height}" fill="#000"/>`);
  parts.push(
    `<text x="${t.x}" y="${baseline}" font-size="${t.height}" textLength="${t.width}" lengthAdjust="spacingAndGlyphs"` +
      ` font-weight="${t.bold ? 'bold' : 'normal'}" fill="${t.reverse ? '#fff' : '#000'}" data-scale="${t.widthMultiplier}x${t.heightMultiplier}">${xmlEscape(t.text)}</text>`,
  );
  if (t.underline > 0) parts.push(`<rect x="${t.x}" y="${t.y + t.height - t.underline}" width="${t.width}" height="${t.underline}" fill="${t.reverse ? '#fff' : '#000'}"/>`);
  return parts.join('');
}

function qrSvg(q: QrMark): string {
  const payload = xmlEscape(q.payload);
  if (!q.modules) {
    const mid = q.y + q.side / 2;
    return (
      `<g data-qr="${payload}" data-qr-modules="none"><rect x="${q.x}" y="${q.y}" width="${q.side}" height="${q.side}" fill="none" stroke="#000" stroke-width="2" stroke-dasharray="8 6"/>` +
      `<text x="${q.x + q.side / 2}" y="${mid}" text-anchor="middle" font-size="28" font-weight="bold">QR</text>` +
      `<text x="${q.x + q.side / 2}" y="${mid + 24}" text-anchor="middle" ${NOTE}>${xmlEscape(q.payload.length > 40 ? `${q.payload.slice(0, 39)}…` : q.payload)}</text></g>`
    );
  }
  const modules = q.modules;
  const d = runsPath(modules.length, modules.length, (r, c) => modules[r]![c] === true);
  return `<g data-qr="${payload}" data-qr-modules="${modules.length}" transform="translate(${q.x} ${q.y}) scale(${q.moduleDots})"><path d="${d}" fill="#000"/></g>`;
}

function barcodeSvg(b: BarcodeMark): string {
  const text = xmlEscape(b.text);
  const hri = (y: number): string => `<text x="${b.x + b.width / 2}" y="${y}" text-anchor="middle" font-size="24" textLength="${Math.min(b.width, b.text.length * 12)}" lengthAdjust="spacingAndGlyphs">${text}</text>`;
  const parts = [`<g data-barcode="${text}" data-system="${b.system}">`];
  if (b.hri === 'above' || b.hri === 'both') parts.push(hri(b.barsY - 4));
  if (b.bars) {
    const d = b.bars.map((bar) => `M${b.x + bar.x} ${b.barsY}h${bar.width}v${b.barsHeight}h${-bar.width}z`).join('');
    parts.push(`<path d="${d}" fill="#000"/>`);
  } else {
    parts.push(`<rect x="${b.x}" y="${b.barsY}" width="${b.width}" height="${b.barsHeight}" fill="none" stroke="#000" stroke-dasharray="8 6"/>`);
    parts.push(`<text x="${b.x + b.width / 2}" y="${b.barsY + b.barsHeight / 2}" text-anchor="middle" ${NOTE}>barcode ${b.system}</text>`);
  }
  if (b.hri === 'below' || b.hri === 'both') parts.push(hri(b.barsY + b.barsHeight + 22));
  parts.push('</g>');
  return parts.join('');
}

function imageSvg(i: ImageMark): string {
  const label = `data-image="${i.widthDots}x${i.heightDots}"`;
  if (!i.bits) {
    return `<rect ${label} x="${i.x}" y="${i.y}" width="${i.width}" height="${i.height}" fill="#bbb" stroke="#000" stroke-dasharray="4 4"/>`;
  }
  const bits = i.bits;
  const rowBytes = i.widthDots / 8;
  const d = runsPath(i.heightDots, i.widthDots, (r, c) => ((bits[r * rowBytes + (c >> 3)] ?? 0) & (0x80 >> (c & 7))) !== 0);
  const sx = i.width / i.widthDots;
  const sy = i.height / i.heightDots;
  return `<g ${label} transform="translate(${i.x} ${i.y}) scale(${sx} ${sy})"><path d="${d}" fill="#000"/></g>`;
}

function cutSvg(c: CutMark, paperWidth: number): string {
  const y = c.y;
  const kind = c.presented ? 'present' : c.partial ? 'partial' : 'full';
  const dash = 'stroke="#000" stroke-width="2" stroke-dasharray="10 6"';
  const line = c.partial
    ? `<line x1="0" y1="${y}" x2="${paperWidth / 2 - 24}" y2="${y}" ${dash}/><line x1="${paperWidth / 2 + 24}" y1="${y}" x2="${paperWidth}" y2="${y}" ${dash}/>`
    : `<line x1="0" y1="${y}" x2="${paperWidth}" y2="${y}" ${dash}/>`;
  const note = c.presented ? '✂ 切纸并送至出票口 cut, presented' : c.partial ? '✂ 半切 partial cut' : '✂ 全切 full cut';
  return `<g data-cut="${kind}">${line}<text x="4" y="${y + 18}" ${NOTE}>${note}</text></g>`;
}

export interface TicketSvgOptions {
  /** The SVG's accessible name. */
  label: string;
}

/** The drawing as a standalone SVG document (also fit to insert into an HTML page). */
export function ticketSvg(drawing: PaperDrawing, options: TicketSvgOptions): string {
  const width = drawing.widthDots + 2 * SIDE_MARGIN_DOTS;
  const lastCut = drawing.marks.reduce((y, m) => (m.kind === 'cut' ? Math.max(y, m.y) : y), 0);
  const contentHeight = Math.max(drawing.heightDots, lastCut + 24);
  const height = TOP_MARGIN_DOTS + contentHeight + BOTTOM_MARGIN_DOTS;
  const printed = drawing.marks.map((m) => {
    switch (m.kind) {
      case 'text':
        return textSvg(m);
      case 'qr':
        return qrSvg(m);
      case 'barcode':
        return barcodeSvg(m);
      case 'image':
        return imageSvg(m);
      case 'cut':
        return '';
    }
  });
  // The cut lines run from edge to edge of the paper: drawn outside the print area's translate.
  const cutLines = drawing.marks.filter((m): m is CutMark => m.kind === 'cut').map((c) => cutSvg(c, width));
  const label = xmlEscape(options.label);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="paper" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"` +
    ` role="img" aria-label="${label}" data-width-dots="${drawing.widthDots}" font-family="${FONT}" xml:space="preserve">` +
    `<title>${label}</title>` +
    `<rect width="${width}" height="${height}" fill="#fff"/>` +
    `<g transform="translate(${SIDE_MARGIN_DOTS} ${TOP_MARGIN_DOTS})" shape-rendering="crispEdges">${printed.join('')}</g>` +
    `<g transform="translate(0 ${TOP_MARGIN_DOTS})">${cutLines.join('')}</g>` +
    `</svg>`
  );
}
