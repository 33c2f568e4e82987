/**
 * Keyboard-wedge scans in the renderer (wedge-burst.ts): listens to keydown on the whole document in the
 * capture phase, before any focused input or React handler, and swallows every character that may belong to
 * a scanner's burst (preventDefault + stopPropagation, so no burst character reaches an input; listeners on
 * the document itself, such as the activity reporter, still hear the key). A burst ended by Enter calls
 * `onScan` with the code; characters that were a person typing are typed into the focused text field after
 * at most `maxGapMs * 2` (an `input` event follows, so React's onChange sees them). The code is handed on and
 * not kept (ARCHITECTURE.md §8.7). Timers are injected like the API client's (ws-kiosk-api.ts).
 */
import { useEffect, useRef } from 'react';
import { WEDGE_DEFAULTS, WedgeBurstDetector, type WedgeOptions } from './wedge-burst';

export interface WedgeTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface UseWedgeScanOptions extends WedgeOptions {
  /** Default true: off, keys go through untouched. */
  enabled?: boolean;
  timers?: WedgeTimers;
}

const BROWSER_TIMERS: WedgeTimers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'tel', 'url', 'email', 'password', 'number', '']);

/** Types released characters where the focus is, when it is a text field; elsewhere they would do nothing. */
export function typeIntoFocus(doc: Document, text: string): void {
  if (text === '') return;
  const el = doc.activeElement;
  const isText = el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(el.type));
  if (!isText || el.readOnly || el.disabled) return;
  const start = el.selectionStart ?? el.value.length;
  const end = el.selectionEnd ?? start;
  el.setRangeText(text, start, end, 'end');
  el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
}

export function useWedgeScan(onScan: (code: string) => void, options: UseWedgeScanOptions = {}): void {
  const onScanRef = useRef(onScan);
  onScanRef.current = onScan;
  const { enabled = true, timers = BROWSER_TIMERS, maxGapMs = WEDGE_DEFAULTS.maxGapMs, minLength, maxLength } = options;

  useEffect(() => {
    if (!enabled) return;
    const detector = new WedgeBurstDetector({ maxGapMs, minLength, maxLength });
    let timer: unknown = null;
    const stopTimer = (): void => {
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
    };
    const onKeyDown = (event: KeyboardEvent): void => {
      stopTimer();
      const decision = detector.push(event);
      typeIntoFocus(document, decision.release);
      if (decision.action === 'swallow') {
        event.preventDefault();
        event.stopPropagation();
      }
      if (detector.holding > 0) {
        timer = timers.setTimeout(() => {
          timer = null;
          typeIntoFocus(document, detector.flush());
        }, maxGapMs * 2);
      }
      if (decision.scan !== undefined) onScanRef.current(decision.scan);
    };
    document.addEventListener('keydown', onKeyDown, true);
    return () => {
      document.removeEventListener('keydown', onKeyDown, true);
      stopTimer();
      detector.flush(); // dropped, not typed: the component that wanted scans is gone
    };
  }, [enabled, timers, maxGapMs, minLength, maxLength]);
}
