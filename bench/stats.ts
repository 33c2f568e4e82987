/** Small helpers for the benchmark table. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

export function summarize(samples: number[]): { p50: number; p95: number; p99: number; max: number; mean: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s[s.length - 1] ?? NaN, mean: s.reduce((a, b) => a + b, 0) / s.length };
}

export interface Row {
  benchmark: string;
  measure: string;
  result: string;
  baseline: string;
  target: string;
  verdict: string;
}

export function printTable(rows: Row[], out: NodeJS.WritableStream = process.stdout): void {
  const headers: Array<keyof Row> = ['benchmark', 'measure', 'result', 'baseline', 'target', 'verdict'];
  const width = (h: keyof Row): number => Math.max(h.length, ...rows.map((r) => [...r[h]].length));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => c + ' '.repeat(width(headers[i] as keyof Row) - [...c].length)).join(' | ')} |`;
  out.write(`${line(headers)}\n|${headers.map((h) => '-'.repeat(width(h) + 2)).join('|')}|\n`);
  for (const r of rows) out.write(`${line(headers.map((h) => r[h]))}\n`);
}

export const ms = (v: number): string => `${v.toFixed(2)} ms`;
