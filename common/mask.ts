/**
 * Masking of personal data for logs, diagnostics and displays (ARCHITECTURE.md §8.7).
 * A citizen ID number (GB 11643: 17 digits + check digit 0-9/X; the old 15-digit form too) keeps its
 * first 4 and last 4 characters: 5201**********1234.
 */
const ID_LIKE = /(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g;

export function maskIdNumber(id: string): string {
  if (id.length <= 8) return '*'.repeat(id.length);
  return id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
}

/** Masks every ID-like number inside free text. */
export function maskIdNumbersInText(text: string): string {
  return text.replace(ID_LIKE, (match) => maskIdNumber(match));
}

/** 张三 → 张*, 欧阳娜娜 → 欧***. */
export function maskName(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= 1) return name;
  return chars[0] + '*'.repeat(chars.length - 1);
}
