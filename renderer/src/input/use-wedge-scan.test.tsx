// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useWedgeScan, type WedgeTimers } from './use-wedge-scan';

afterEach(cleanup);

/** Timers run by hand: `fire()` runs what is due, as if the time had passed. */
class ManualTimers implements WedgeTimers {
  pending = new Map<number, () => void>();
  private next = 1;
  setTimeout(fn: () => void): unknown {
    const id = this.next++;
    this.pending.set(id, fn);
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  fire(): void {
    const due = [...this.pending.values()];
    this.pending.clear();
    for (const fn of due) fn();
  }
}

function Harness({ timers, onScan, enabled = true }: { timers: WedgeTimers; onScan: (code: string) => void; enabled?: boolean }) {
  const [value, setValue] = useState('');
  const [keysSeen, setKeysSeen] = useState(0);
  useWedgeScan(onScan, { timers, enabled });
  return (
    <>
      <label>
        预约码
        <input value={value} onChange={(e) => setValue(e.target.value)} onKeyDown={() => setKeysSeen((n) => n + 1)} />
      </label>
      <output data-testid="value">{value}</output>
      <output data-testid="keys">{keysSeen}</output>
    </>
  );
}

/** A keydown at `timeStamp` on the focused element; returns whether it was let through. */
function press(key: string, timeStamp: number, init: KeyboardEventInit = {}): boolean {
  const target = document.activeElement ?? document.body;
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  Object.defineProperty(event, 'timeStamp', { value: timeStamp });
  return target.dispatchEvent(event);
}

function typeKeys(text: string, gapMs: number, start = 1000): boolean[] {
  return [...text].map((ch, i) => press(ch === '⏎' ? 'Enter' : ch, start + i * gapMs));
}

describe('useWedgeScan', () => {
  it('calls back with a scanned code; no burst character reaches the focused input or its handlers', () => {
    const timers = new ManualTimers();
    const scans: string[] = [];
    render(<Harness timers={timers} onScan={(c) => scans.push(c)} />);
    screen.getByRole('textbox', { name: '预约码' }).focus();
    const letThrough = typeKeys('YY20261123A0042⏎', 5);
    expect(scans).toEqual(['YY20261123A0042']);
    expect(letThrough.every((x) => !x)).toBe(true);
    expect(screen.getByTestId('value').textContent).toBe('');
    expect(screen.getByTestId('keys').textContent).toBe('0');
    expect(timers.pending.size).toBe(0);
  });

  it('a person typing: each character is typed into the input once the gap shows it was no burst (React sees it)', () => {
    const timers = new ManualTimers();
    const scans: string[] = [];
    render(<Harness timers={timers} onScan={(c) => scans.push(c)} />);
    screen.getByRole('textbox', { name: '预约码' }).focus();
    press('A', 1000);
    expect(screen.getByTestId('value').textContent).toBe('');
    timers.fire();
    expect(screen.getByTestId('value').textContent).toBe('A');
    press('0', 1200);
    press('4', 1350); // the gap releases the 0 at once
    expect(screen.getByTestId('value').textContent).toBe('A0');
    timers.fire();
    expect(screen.getByTestId('value').textContent).toBe('A04');
    expect(press('Enter', 1500)).toBe(true);
    expect(scans).toEqual([]);
  });

  it('a short fast pair then Enter is typed, not scanned; Shift goes through', () => {
    const timers = new ManualTimers();
    const scans: string[] = [];
    render(<Harness timers={timers} onScan={(c) => scans.push(c)} />);
    screen.getByRole('textbox', { name: '预约码' }).focus();
    expect(press('Shift', 990)).toBe(true);
    typeKeys('ab', 5);
    expect(press('Enter', 1020)).toBe(true);
    expect(screen.getByTestId('value').textContent).toBe('ab');
    expect(scans).toEqual([]);
  });

  it('disabled or unmounted, it touches no key', () => {
    const timers = new ManualTimers();
    const scans: string[] = [];
    const { rerender, unmount } = render(<Harness timers={timers} onScan={(c) => scans.push(c)} enabled={false} />);
    expect(typeKeys('YY20261123⏎', 5).every((x) => x)).toBe(true);
    rerender(<Harness timers={timers} onScan={(c) => scans.push(c)} />);
    typeKeys('ABC', 5, 5000);
    unmount();
    expect(timers.pending.size).toBe(0);
    expect(typeKeys('YY20261123⏎', 5, 9000).every((x) => x)).toBe(true);
    expect(scans).toEqual([]);
  });
});
