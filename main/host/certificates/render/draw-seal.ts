/**
 * The seal ring (issue 17 §2): the electronic seal's caption set round the upper arc of a red double ring with a
 * star at its centre, in the manner of an official seal (GA 241 describes the physical ones). It is a drawing
 * of the platform's caption, not an image of any real seal.
 */
import { REGULAR, SEAL_RED, INK, type Pdf } from './page-geometry';

/** 42 mm across, the size of an institution's seal. */
export const SEAL_RADIUS = 59.5;

function star(doc: Pdf, cx: number, cy: number, outer: number): void {
  const inner = outer * 0.382;
  const points: Array<[number, number]> = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
  }
  doc.polygon(...points).fill(SEAL_RED);
}

export function drawSeal(doc: Pdf, cx: number, cy: number, caption: string): void {
  const chars = Array.from(caption);
  // The caption fills up to 250° of the ring; fewer characters are set larger, up to 12 pt.
  const maxSpan = (250 * Math.PI) / 180;
  const size = Math.min(12, ((SEAL_RADIUS - 8) * maxSpan) / (chars.length * 1.1));
  const radius = SEAL_RADIUS - 5 - size * 0.55;
  const span = Math.min(maxSpan, ((size * 1.1) / radius) * chars.length);
  const first = -Math.PI / 2 - span / 2 + span / chars.length / 2;
  doc.save();
  doc.lineWidth(2.2).strokeColor(SEAL_RED).circle(cx, cy, SEAL_RADIUS).stroke();
  doc.lineWidth(0.6).circle(cx, cy, SEAL_RADIUS - 3.2).stroke();
  star(doc, cx, cy + 2, 15);
  doc.font(REGULAR).fontSize(size).fillColor(SEAL_RED);
  const half = doc.currentLineHeight() / 2;
  chars.forEach((ch, i) => {
    const angle = first + (i * span) / chars.length;
    const x = cx + radius * Math.cos(angle);
    const y = cy + radius * Math.sin(angle);
    const w = doc.widthOfString(ch);
    doc.save().rotate((angle * 180) / Math.PI + 90, { origin: [x, y] });
    doc.text(ch, x - w / 2, y - half, { lineBreak: false });
    doc.restore();
  });
  doc.restore();
  doc.fillColor(INK);
}
