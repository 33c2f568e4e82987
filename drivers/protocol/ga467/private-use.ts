/**
 * Rare characters (生僻字) in names and addresses. Characters missing from the card's character set are
 * written as code points of the Unicode private-use areas, whose glyphs only a matching font has. They are kept
 * in the text as they are (never dropped or replaced in the data); these helpers tell the UI which characters
 * they are, so it can draw each one as a one-character fallback box and the layout keeps its width.
 */

/** U+E000–U+F8FF (BMP), U+F0000–U+FFFFD (plane 15), U+100000–U+10FFFD (plane 16). */
export function isPrivateUse(codePoint: number): boolean {
  return (
    (codePoint >= 0xe000 && codePoint <= 0xf8ff) ||
    (codePoint >= 0xf0000 && codePoint <= 0xffffd) ||
    (codePoint >= 0x100000 && codePoint <= 0x10fffd)
  );
}

/** Indexes, in characters (code points, as `Array.from(text)` counts them), of the private-use characters. */
export function privateUsePositions(text: string): number[] {
  const positions: number[] = [];
  Array.from(text).forEach((ch, i) => {
    if (isPrivateUse(ch.codePointAt(0) as number)) positions.push(i);
  });
  return positions;
}

export function hasPrivateUse(text: string): boolean {
  return privateUsePositions(text).length > 0;
}

export interface TextSegment {
  text: string;
  /** A single private-use character: render it in a fallback box one character wide. */
  privateUse: boolean;
}

/** `text` as runs of ordinary text and single private-use characters, in order; joined they give `text` back. */
export function segmentPrivateUse(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let run = '';
  for (const ch of text) {
    if (!isPrivateUse(ch.codePointAt(0) as number)) {
      run += ch;
      continue;
    }
    if (run) segments.push({ text: run, privateUse: false });
    run = '';
    segments.push({ text: ch, privateUse: true });
  }
  if (run) segments.push({ text: run, privateUse: false });
  return segments;
}

/** A visible stand-in for output that has no font for them (receipts, plain-text logs): one character each. */
export const PRIVATE_USE_PLACEHOLDER = '□';

export function replacePrivateUse(text: string, placeholder = PRIVATE_USE_PLACEHOLDER): string {
  return Array.from(text, (ch) => (isPrivateUse(ch.codePointAt(0) as number) ? placeholder : ch)).join('');
}
