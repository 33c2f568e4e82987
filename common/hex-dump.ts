/**
 * Frame dumps for trace logs and diagnostics (ARCHITECTURE.md §6, §8.7): bytes inside a codec's marked
 * personal-data ranges print as "**", so a dump never carries a name or an ID number. As a second line of
 * defence, ID-like runs of ASCII digits (15 or more, or 17 and an X; common/mask.ts) are hidden too, so a
 * range a codec forgot to mark, or a received frame nobody marks, does not leak an ID in hex.
 */
export interface ByteRange {
  /** Inclusive start offset. */
  start: number;
  /** Exclusive end offset. */
  end: number;
}

const isDigit = (b: number | undefined): boolean => b !== undefined && b >= 0x30 && b <= 0x39;
const isX = (b: number | undefined): boolean => b === 0x58 || b === 0x78;

/** The ID-like ASCII digit runs of `bytes`, as ranges. */
export function idLikeRanges(bytes: Uint8Array): ByteRange[] {
  const ranges: ByteRange[] = [];
  let i = 0;
  while (i < bytes.length) {
    if (!isDigit(bytes[i])) {
      i++;
      continue;
    }
    const start = i;
    while (isDigit(bytes[i])) i++;
    if (i - start === 17 && isX(bytes[i])) i++;
    if (i - start >= 15) ranges.push({ start, end: i });
  }
  return ranges;
}

export function maskedHex(bytes: Uint8Array, personal: readonly ByteRange[] = [], maxBytes = 512): string {
  const shown = Math.min(bytes.length, maxBytes);
  const hiddenRanges = [...personal, ...idLikeRanges(bytes)];
  const parts: string[] = new Array(shown);
  for (let i = 0; i < shown; i++) {
    const hidden = hiddenRanges.some((r) => i >= r.start && i < r.end);
    parts[i] = hidden ? '**' : (bytes[i] as number).toString(16).padStart(2, '0').toUpperCase();
  }
  const more = bytes.length > shown ? ` …(+${bytes.length - shown} bytes)` : '';
  return parts.join(' ') + more;
}
