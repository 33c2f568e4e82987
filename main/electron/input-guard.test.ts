import { describe, expect, it } from 'vitest';
import { blockedKey, type KeyInput } from './input-guard';

const key = (k: string, code: string, mods: Partial<Pick<KeyInput, 'control' | 'meta' | 'alt' | 'shift'>> = {}): KeyInput => ({
  key: k,
  code,
  control: false,
  meta: false,
  alt: false,
  shift: false,
  ...mods,
});

describe('blockedKey', () => {
  it.each([
    ['F5', key('F5', 'F5'), 'reload'],
    ['Shift+F5', key('F5', 'F5', { shift: true }), 'reload'],
    ['Ctrl+R', key('r', 'KeyR', { control: true }), 'reload'],
    ['Ctrl+Shift+R', key('R', 'KeyR', { control: true, shift: true }), 'reload'],
    ['Cmd+R', key('r', 'KeyR', { meta: true }), 'reload'],
    ['Ctrl+R under a pinyin IME', key('Process', 'KeyR', { control: true }), 'reload'],
    ['F12', key('F12', 'F12'), 'devtools'],
    ['Ctrl+Shift+I', key('I', 'KeyI', { control: true, shift: true }), 'devtools'],
    ['Ctrl+Shift+J', key('J', 'KeyJ', { control: true, shift: true }), 'devtools'],
    ['Ctrl+Shift+C', key('C', 'KeyC', { control: true, shift: true }), 'devtools'],
    ['Cmd+Alt+I', key('ˆ', 'KeyI', { meta: true, alt: true }), 'devtools'],
    ['Ctrl+=', key('=', 'Equal', { control: true }), 'zoom'],
    ['Ctrl+Shift++', key('+', 'Equal', { control: true, shift: true }), 'zoom'],
    ['Ctrl+-', key('-', 'Minus', { control: true }), 'zoom'],
    ['Ctrl+0', key('0', 'Digit0', { control: true }), 'zoom'],
    ['Ctrl+keypad +', key('+', 'NumpadAdd', { control: true }), 'zoom'],
    ['Alt+F4', key('F4', 'F4', { alt: true }), 'quit'],
    ['Ctrl+F4', key('F4', 'F4', { control: true }), 'quit'],
    ['Ctrl+W', key('w', 'KeyW', { control: true }), 'quit'],
    ['Ctrl+Q', key('q', 'KeyQ', { control: true }), 'quit'],
    ['Cmd+Q', key('q', 'KeyQ', { meta: true }), 'quit'],
    ['Cmd+H', key('h', 'KeyH', { meta: true }), 'quit'],
    ['F11', key('F11', 'F11'), 'fullscreen'],
    ['Ctrl+Cmd+F', key('f', 'KeyF', { control: true, meta: true }), 'fullscreen'],
  ] as const)('blocks %s', (_name, input, reason) => {
    expect(blockedKey(input)).toBe(reason);
  });

  it.each([
    ['a plain letter', key('r', 'KeyR')],
    ['a digit from a barcode scanner', key('0', 'Digit0')],
    ['Enter', key('Enter', 'Enter')],
    ['Shift+A', key('A', 'KeyA', { shift: true })],
    ['Ctrl+C (copy)', key('c', 'KeyC', { control: true })],
    ['Ctrl+I without Shift', key('i', 'KeyI', { control: true })],
    ['AltGr+Q typing @ on a German layout', key('@', 'KeyQ', { control: true, alt: true })],
    ['F4 alone', key('F4', 'F4')],
    ['Escape', key('Escape', 'Escape')],
  ] as const)('lets %s through', (_name, input) => {
    expect(blockedKey(input)).toBeNull();
  });
});
