/**
 * Frame dumps for trace logs and diagnostics (ARCHITECTURE.md §6, §8.7): bytes inside a codec's marked
 * personal-data ranges print as "**", so a dump never carries a name or an ID number.
 */
export interface ByteRange {
  /** Inclusive start offset. */
  start: number;
  /** Exclusive end offset. */
  end: number;
}

export function maskedHex(bytes: Uint8Array, personal: readonly ByteRange[] = [], maxBytes = 512): string {
  const shown = Math.min(bytes.length, maxBytes);
  const parts: string[] = new Array(shown);
  for (let i = 0; i < shown; i++) {
    const hidden = personal.some((r) => i >= r.start && i < r.end);
    parts[i] = hidden ? '**' : (bytes[i] as number).toString(16).padStart(2, '0').toUpperCase();
  }
  const more = bytes.length > shown ? ` …(+${bytes.length - shown} bytes)` : '';
  return parts.join(' ') + more;
}
