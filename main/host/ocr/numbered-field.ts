/**
 * A number with a check character read out of a labelled value or a row (issue 17 §4): the credit code or the
 * ID number. OCR adds stray marks (a table rule read as `|`, quotes) and look-alike letters; the candidates are
 * the runs of characters that can be part of the number, and an 18-character window of the longest run is
 * taken, preferring one whose check passes. A number not 18 long, or whose check fails, needs confirming.
 */
import type { CheckedNumber } from './check-characters';
import { confidenceOf, LOW_CONFIDENCE_CHECKED, type DocumentField } from './document-fields';

const NUMBER_LENGTH = 18;

export interface NumberSource {
  text: string;
  confidences: readonly number[];
  sourceLine: string;
}

export function numberedField(source: NumberSource, allowed: RegExp, check: (raw: string) => CheckedNumber): DocumentField | undefined {
  const chars = [...source.text];
  const runs: Array<{ start: number; end: number }> = [];
  for (let i = 0; i < chars.length; ) {
    if (!allowed.test(chars[i] as string)) {
      i++;
      continue;
    }
    let j = i;
    while (j < chars.length && allowed.test(chars[j] as string)) j++;
    runs.push({ start: i, end: j });
    i = j;
  }
  const digits = (s: string): number => s.replace(/[^0-9]/g, '').length;
  const best = runs.map((r) => ({ ...r, text: chars.slice(r.start, r.end).join('') })).sort((a, b) => digits(b.text) - digits(a.text))[0];
  if (!best || digits(best.text) < 6) return undefined;
  const field = (start: number, end: number, checked: CheckedNumber | null): DocumentField => {
    const { confidence, weakest } = confidenceOf(source.confidences.slice(start, end));
    const value = checked?.value ?? chars.slice(start, end).join('');
    const outcome = checked?.checked ?? 'invalid';
    return {
      value,
      confidence,
      weakest,
      sourceLine: source.sourceLine,
      checked: outcome,
      ...(checked?.corrected && { corrected: checked.corrected }),
      needsConfirmation: outcome !== 'valid' || weakest < LOW_CONFIDENCE_CHECKED,
    };
  };
  if (best.end - best.start < NUMBER_LENGTH) return field(best.start, best.end, null);
  let fallback: { at: number; checked: CheckedNumber } | undefined;
  for (let at = best.start; at + NUMBER_LENGTH <= best.end; at++) {
    const checked = check(chars.slice(at, at + NUMBER_LENGTH).join(''));
    if (checked.checked === 'valid') return field(at, at + NUMBER_LENGTH, checked);
    fallback ??= { at, checked };
  }
  const f = fallback as { at: number; checked: CheckedNumber };
  // Longer than a number: the citizen sees all of what was read, to correct it.
  return best.end - best.start === NUMBER_LENGTH ? field(f.at, f.at + NUMBER_LENGTH, f.checked) : field(best.start, best.end, null);
}
