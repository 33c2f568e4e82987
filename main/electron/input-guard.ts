/**
 * Keys a production kiosk swallows before the page or Chromium sees them (ARCHITECTURE.md §1: a locked-down
 * kiosk window). A keyboard may be plugged in by staff, a passer-by or a barcode scanner in keyboard mode;
 * none of them may reload the page, open devtools, zoom, leave full screen or close the kiosk.
 * Pure: security.ts calls it from 'before-input-event'. Plain keys (what a scanner types) always pass.
 */
import type { Input } from 'electron';

export type BlockedKeyReason = 'reload' | 'devtools' | 'zoom' | 'quit' | 'fullscreen';

export type KeyInput = Pick<Input, 'key' | 'code' | 'control' | 'meta' | 'alt' | 'shift'>;

/** Letter shortcuts by physical key (code) and by produced key, so any keyboard layout is covered. */
const letter = (input: KeyInput, ...letters: string[]): boolean =>
  letters.some((l) => input.code === `Key${l.toUpperCase()}` || input.key.toLowerCase() === l);

// Chromium's zoom accelerators: Ctrl/Cmd with = + - _ 0, on the main row or the keypad.
const ZOOM_KEYS = new Set(['=', '+', '-', '_', '0']);
const ZOOM_CODES = new Set(['Equal', 'Minus', 'Digit0', 'NumpadAdd', 'NumpadSubtract', 'Numpad0']);

/** Why this key must be swallowed in production, or null when it may reach the page. */
export function blockedKey(input: KeyInput): BlockedKeyReason | null {
  // AltGr arrives as Ctrl+Alt on Windows; a character typed with it (e.g. '@') is not a shortcut.
  const mod = (input.control || input.meta) && !input.alt;
  const key = input.key;

  // Reload: F5 with any modifier, Ctrl/Cmd+R, Ctrl/Cmd+Shift+R.
  if (key === 'F5' || input.code === 'F5' || (mod && letter(input, 'r'))) return 'reload';
  // Devtools: F12, Ctrl+Shift+I/J/C, Cmd+Alt+I/J/C (macOS).
  if (key === 'F12' || input.code === 'F12') return 'devtools';
  if (((input.control && input.shift) || (input.meta && input.alt)) && letter(input, 'i', 'j', 'c')) return 'devtools';
  // Zoom.
  if (mod && (ZOOM_KEYS.has(key) || ZOOM_CODES.has(input.code))) return 'zoom';
  // Quit and close: Alt+F4, Ctrl+F4, Ctrl/Cmd+W, Ctrl/Cmd+Q, Cmd+H (hide), Cmd+M (minimise).
  if ((key === 'F4' || input.code === 'F4') && (input.alt || input.control)) return 'quit';
  if (mod && letter(input, 'w', 'q')) return 'quit';
  if (input.meta && letter(input, 'h', 'm')) return 'quit';
  // Leaving full screen: F11, Ctrl+Cmd+F (macOS).
  if (key === 'F11' || input.code === 'F11' || (input.control && input.meta && letter(input, 'f'))) return 'fullscreen';
  return null;
}
