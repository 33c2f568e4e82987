import { describe, expect, it } from 'vitest';
import { effectiveReasons, parseReason, printBlocker, statusFromPrinter } from './printer-reasons';

const p = (reasons: string[], state = 3, acceptingJobs = true) => ({ state, reasons, acceptingJobs });

describe('printer-state-reasons (protocols.md §4.3)', () => {
  it('splits the severity suffix; no suffix is an error', () => {
    expect(parseReason('media-empty-error')).toEqual({ keyword: 'media-empty', severity: 'error' });
    expect(parseReason('toner-low-report')).toEqual({ keyword: 'toner-low', severity: 'report' });
    expect(parseReason('cover-open-warning')).toEqual({ keyword: 'cover-open', severity: 'warning' });
    expect(parseReason('media-jam')).toEqual({ keyword: 'media-jam', severity: 'error' });
    expect(parseReason('-error')).toEqual({ keyword: '-error', severity: 'error' });
  });

  it('a -report of a fault is information only, except supplies, the output tray and offline-report', () => {
    expect([...effectiveReasons(['none', 'media-jam-report', 'media-low-report', 'offline-report', 'output-area-almost-full-report'])].sort()).toEqual(['media-low', 'offline', 'output-area-almost-full']);
  });

  it.each([
    [['none'], 3, { device: 'online', printer: { paper: 'full', coverOpen: false, toner: 'ok', outputOccupied: false } }],
    [['media-low-report'], 4, { device: 'online', printer: { paper: 'low' } }],
    // CUPS's words as the paper runs out (protocols.md §4.4)
    [['media-empty-warning', 'media-empty-report'], 3, { device: 'userError', printer: { paper: 'out' } }],
    [['media-empty-warning', 'media-empty-error', 'media-needed'], 5, { device: 'userError', printer: { paper: 'out' } }],
    [['media-needed-error'], 5, { device: 'userError', printer: { paper: 'out' } }],
    [['media-jam-error', 'media-low-report'], 5, { device: 'userError', printer: { paper: 'jammed' } }],
    [['door-open-error'], 5, { device: 'userError', printer: { coverOpen: true } }],
    [['toner-low-report'], 3, { device: 'online', printer: { toner: 'low' } }],
    [['marker-supply-low-warning'], 3, { device: 'online', printer: { toner: 'low' } }],
    [['toner-empty-error'], 5, { device: 'userError', printer: { toner: 'empty' } }],
    [['output-area-almost-full-report'], 3, { device: 'online', printer: { outputOccupied: true } }],
    [['offline-report'], 5, { device: 'offline' }],
    [['paused'], 5, { device: 'offline' }],
    [['none'], 5, { device: 'offline' }],
  ] as const)('%j in state %i', (reasons, state, expected) => {
    expect(statusFromPrinter(p([...reasons], state))).toMatchObject(expected);
  });

  it('print() is refused up front for out, jam, cover, offline, toner empty and not accepting jobs; not for low', () => {
    expect(printBlocker(p(['media-low-report', 'toner-low-report']))).toBeNull();
    expect(printBlocker(p(['media-empty-error']))).toBe('paperOut');
    expect(printBlocker(p(['media-jam-error', 'media-empty-error']))).toBe('paperJam');
    expect(printBlocker(p(['cover-open-error']))).toBe('coverOpen');
    expect(printBlocker(p(['offline-report'], 5))).toBe('offline');
    expect(printBlocker(p(['toner-empty-error']))).toBe('userError');
    expect(printBlocker(p(['none'], 3, false))).toBe('deviceNotReady');
  });
});
