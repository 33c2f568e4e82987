/**
 * Character accuracy of OCR text against the ground truth (issue 17 §4): 1 − (Levenshtein distance / truth
 * length), counted in Unicode characters after NFKC (full-width forms to ASCII) with all whitespace removed, since
 * chi_sim puts spaces between CJK characters and the labels are printed spread out. 1 is perfect; it may go
 * below 0 for output much longer than the truth (clamped to 0).
 */
export function comparableText(text: string): string[] {
  return [...text.normalize('NFKC').replace(/\s+/g, '')];
}

export function editDistance(a: readonly string[], b: readonly string[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length] as number;
}

export function characterAccuracy(ocr: string, truth: string): number {
  const t = comparableText(truth);
  if (t.length === 0) return ocr.trim() === '' ? 1 : 0;
  return Math.max(0, 1 - editDistance(comparableText(ocr), t) / t.length);
}
