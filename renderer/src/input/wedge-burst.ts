/**
 * Keyboard-wedge scans (issue 14 item 6: the fallback where a scanner is not in HID POS mode but "types" the
 * code as a USB keyboard): tell a scanner's burst from a person typing, from keydown events alone. A scanner
 * types a whole code with a few milliseconds between characters and ends it with Enter (its usual suffix);
 * a person leaves 100 ms or more between keys (a fast typist's rollover may put two keys close, never a whole
 * code). So: characters each within `maxGapMs` of the one before, at least `minLength` of them, then Enter, are
 * a scan. Pure: the caller (use-wedge-scan.ts) feeds events with their own timestamps and acts on the answer.
 *
 * Characters that might begin a burst are held back, so none reaches a focused input; once they turn out to
 * be typing (a gap too long, another key, the caller's timer) they are released to be typed after all.
 * Modifier keys are ignored (a scanner presses Shift for capitals); Shift with a lowercase letter reads as the
 * capital, for events that report the unshifted key.
 */

export interface WedgeKey {
  /** KeyboardEvent.key: "a", "A", "Enter", "Shift", … */
  key: string;
  /** When the key went down, in ms on one monotonic line (KeyboardEvent.timeStamp). */
  timeStamp: number;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
  /** An IME is composing (KeyboardEvent.isComposing): never a scanner. */
  isComposing?: boolean;
  repeat?: boolean;
}

export interface WedgeOptions {
  /** Longest gap between two characters of one burst. Default 30. */
  maxGapMs?: number;
  /** Fewest characters a scanned code has. Default 6. */
  minLength?: number;
  /** Most characters a burst may hold before it is taken for something else (a stuck key). Default 3000. */
  maxLength?: number;
}

export interface WedgeDecision {
  /** Held characters that were typing after all, in order: to be typed where the focus is. */
  release: string;
  /** What to do with this key: let it through, swallow it (held, or the Enter that ended a scan). */
  action: 'pass' | 'swallow';
  /** The scanned code, when this key was the Enter that ended a burst. */
  scan?: string;
}

export const WEDGE_DEFAULTS: Required<WedgeOptions> = { maxGapMs: 30, minLength: 6, maxLength: 3000 };

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock', 'Fn', 'OS']);

export class WedgeBurstDetector {
  private readonly options: Required<WedgeOptions>;
  private held: string[] = [];
  private lastAt = 0;

  constructor(options: WedgeOptions = {}) {
    this.options = {
      maxGapMs: options.maxGapMs ?? WEDGE_DEFAULTS.maxGapMs,
      minLength: options.minLength ?? WEDGE_DEFAULTS.minLength,
      maxLength: options.maxLength ?? WEDGE_DEFAULTS.maxLength,
    };
  }

  /** Characters held back now. */
  get holding(): number {
    return this.held.length;
  }

  push(e: WedgeKey): WedgeDecision {
    if (MODIFIERS.has(e.key)) return { release: '', action: 'pass' };
    if (e.isComposing || e.repeat || e.ctrlKey || e.altKey || e.metaKey) return { release: this.flush(), action: 'pass' };
    const withinGap = this.held.length > 0 && e.timeStamp - this.lastAt <= this.options.maxGapMs;
    if (e.key === 'Enter') {
      if (withinGap && this.held.length >= this.options.minLength) {
        const scan = this.held.join('');
        this.held = [];
        return { release: '', action: 'swallow', scan };
      }
      return { release: this.flush(), action: 'pass' };
    }
    if (e.key.length !== 1 && !isSingleCodePoint(e.key)) return { release: this.flush(), action: 'pass' }; // Backspace, Tab, arrows…
    const release = withinGap ? '' : this.flush();
    if (this.held.length >= this.options.maxLength) return { release: release + this.flush() + charOf(e), action: 'swallow' };
    this.held.push(charOf(e));
    this.lastAt = e.timeStamp;
    return { release, action: 'swallow' };
  }

  /** No key came in time (the caller's timer): what is held was typing. */
  flush(): string {
    const text = this.held.join('');
    this.held = [];
    return text;
  }
}

function isSingleCodePoint(key: string): boolean {
  return [...key].length === 1;
}

function charOf(e: WedgeKey): string {
  return e.shiftKey && e.key >= 'a' && e.key <= 'z' ? e.key.toUpperCase() : e.key;
}
