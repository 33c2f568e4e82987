/**
 * Fields read from a scanned paper (issue 17 §4): each with its value as read, a confidence, the row it came
 * from, the result of its check character where it has one, and whether the citizen must confirm it (check
 * failed, or confidence low). Rows are cut into label → value at the labels a paper prints (page-rows.ts gives
 * the rows); a value ends at the next label or at a wide gap.
 */
import type { CheckOutcome } from './check-characters';
import type { PageRow } from './page-rows';

export interface DocumentField {
  value: string;
  /** 0–1: the mean confidence of the characters of the value. */
  confidence: number;
  /** 0–1: the confidence of its least certain character. */
  weakest: number;
  /** The row the value was read from (personal data: session-only, never logged). */
  sourceLine: string;
  checked: CheckOutcome;
  /** The characters as read, when OCR look-alikes were undone to make the check pass (check-characters.ts). */
  corrected?: { from: string };
  needsConfirmation: boolean;
}

/** A field with a character less certain than this is confirmed by the citizen. */
export const LOW_CONFIDENCE = 0.7;
/**
 * The same for a number whose check character passed: a misread passes a check only by chance (1 in 11 or 31),
 * which is stronger evidence than Tesseract's confidence, so only a nearly unreadable character asks.
 */
export const LOW_CONFIDENCE_CHECKED = 0.3;

export interface LabelledValue {
  label: string;
  value: string;
  confidences: number[];
  row: PageRow;
  /** Specks were dropped from its edges: the citizen confirms what is left. */
  trimmed: boolean;
}

/**
 * The end of `label` read at `at`, or -1: a gap (a tab) may fall inside it (名　　称 is printed spread out), and
 * labels of 4 characters or more may have one character misread (出生日其 for 出生日期).
 */
function labelEnd(chars: readonly string[], at: number, label: string): number {
  const want = [...label];
  let i = at;
  let wrong = 0;
  for (let k = 0; k < want.length; k++) {
    if (k > 0 && chars[i] === '\t') i++;
    if (i >= chars.length || chars[i] === '\t') return -1;
    if (chars[i] !== want[k]) wrong++;
    i++;
  }
  return wrong === 0 || (wrong === 1 && want.length >= 4) ? i : -1;
}

/** Characters read from a table rule or a speck, at a value's edge: Tesseract gives them almost no confidence. */
const SPECK_CONFIDENCE = 0.1;

/** Cuts a row at the labels it contains (longest first at each place; `aliases` map to their label). */
export function labelledValues(rows: readonly PageRow[], labels: Readonly<Record<string, string>>): LabelledValue[] {
  const names = Object.keys(labels).sort((a, b) => b.length - a.length);
  const out: LabelledValue[] = [];
  for (const row of rows) {
    const chars = [...row.text];
    const found: Array<{ at: number; end: number; label: string }> = [];
    for (let i = 0; i < chars.length; ) {
      let end = -1;
      const hit = names.find((n) => (end = labelEnd(chars, i, n)) !== -1);
      if (hit) {
        found.push({ at: i, end, label: labels[hit] as string });
        i = end;
      } else i++;
    }
    found.forEach((f, k) => {
      let start = f.end;
      while (start < chars.length && /[\t:：|“”"'·.,，;；]/.test(chars[start] as string)) start++;
      let end = k + 1 < found.length ? (found[k + 1] as { at: number }).at : chars.length;
      const gap = chars.indexOf('\t', start);
      if (gap !== -1 && gap < end) end = gap;
      while (end > start && /[\t:：|“”"'·.,，;；]/.test(chars[end - 1] as string)) end--;
      const [from, to] = [start, end];
      while (start < end && (row.confidences[start] as number) < SPECK_CONFIDENCE) start++;
      while (end > start && (row.confidences[end - 1] as number) < SPECK_CONFIDENCE) end--;
      const trimmed = start !== from || end !== to;
      out.push({ label: f.label, value: chars.slice(start, end).join(''), confidences: row.confidences.slice(start, end), row, trimmed });
    });
  }
  return out;
}

export function confidenceOf(c: readonly number[]): { confidence: number; weakest: number } {
  if (c.length === 0) return { confidence: 0, weakest: 0 };
  return { confidence: Math.round((c.reduce((a, b) => a + b, 0) / c.length) * 1000) / 1000, weakest: Math.min(...c) };
}

export function plainField(v: LabelledValue): DocumentField {
  const { confidence, weakest } = confidenceOf(v.confidences);
  return { value: v.value, confidence, weakest, sourceLine: v.row.text.replace(/\t/g, ' '), checked: 'notApplicable', needsConfirmation: v.value === '' || v.trimmed || weakest < LOW_CONFIDENCE };
}
