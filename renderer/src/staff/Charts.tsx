/**
 * The small charts of today's figures (issue 15 §2): an inline SVG each, with a text alternative that says
 * the same numbers in words — the chart is an image named by its caption and that text, which is on screen
 * too, so nobody needs the picture to read the figures.
 */
import { useId, type ReactNode } from 'react';
import { useStaffText } from './i18n/staff-text';

const HOURS = 24;

function ChartFigure({ title, summary, testId, viewBox, children }: { title: string; summary: string; testId: string; viewBox: string; children: ReactNode }) {
  const id = useId();
  return (
    <figure className="staff-chart" data-testid={testId}>
      <figcaption id={`${id}-title`} className="staff-chart__title">
        {title}
      </figcaption>
      <svg className="staff-chart__svg" viewBox={viewBox} role="img" aria-labelledby={`${id}-title ${id}-summary`}>
        {children}
      </svg>
      <p id={`${id}-summary`} className="staff-chart__summary">
        {summary}
      </p>
    </figure>
  );
}

/** One bar per hour 0–23. */
export function HourChart({ title, values, testId }: { title: string; values: readonly number[]; testId: string }) {
  const { s } = useStaffText();
  const counts = Array.from({ length: HOURS }, (_, hour) => Math.max(0, values[hour] ?? 0));
  const max = Math.max(1, ...counts);
  const busy = counts.flatMap((count, hour) => (count > 0 ? [s('chart.hour', { hour, count })] : []));
  const summary = busy.length === 0 ? s('chart.empty') : s('chart.byHour', { hours: busy.join(s('chart.separator')) });
  return (
    <ChartFigure title={title} summary={summary} testId={testId} viewBox="0 0 240 72">
      <line className="staff-chart__axis" x1="0" y1="56" x2="240" y2="56" />
      {counts.map((count, hour) => {
        const height = (count / max) * 50;
        return <rect key={hour} className="staff-chart__bar" x={hour * 10 + 1} y={56 - height} width="8" height={height} />;
      })}
      {[0, 6, 12, 18].map((hour) => (
        <text key={hour} className="staff-chart__tick" x={hour * 10 + 1} y="70" fontSize="12">
          {hour}
        </text>
      ))}
    </ChartFigure>
  );
}

export interface CountRow {
  label: string;
  count: number;
}

/** Horizontal bars, one per row (faults by device and actor). */
export function CountChart({ title, rows, summary, testId }: { title: string; rows: readonly CountRow[]; summary: string; testId: string }) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  const rowHeight = 16;
  return (
    <ChartFigure title={title} summary={summary} testId={testId} viewBox={`0 0 240 ${Math.max(1, rows.length) * rowHeight}`}>
      {rows.map((row, i) => (
        <rect key={`${row.label}-${i}`} className="staff-chart__bar" x="0" y={i * rowHeight + 2} width={(Math.max(0, row.count) / max) * 240} height={rowHeight - 4} />
      ))}
    </ChartFigure>
  );
}
