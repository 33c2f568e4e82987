import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (name: string): string => readFileSync(new URL(`./${name}`, import.meta.url), 'utf8');
const css = read('keyboard.css').replace(/\/\*[\s\S]*?\*\//g, '');
const rule = (selector: string): string =>
  new RegExp(`(?:^|\\})\\s*${selector.replace(/[.[\]()]/g, '\\$&')}\\s*\\{([^}]*)\\}`).exec(css)?.[1] ?? '';

describe('on-screen keyboard CSS', () => {
  it('sizes keys and candidates from the touch tokens (60 px and up, larger in the elder theme)', () => {
    expect(rule('.keyboard__key')).toMatch(/min-width:\s*var\(--touch-min\)/);
    expect(rule('.keyboard__key')).toMatch(/min-height:\s*var\(--button-height\)/);
    expect(rule('.keyboard__candidate')).toMatch(/min-height:\s*var\(--button-height\)/);
    expect(rule('.keyboard__page')).toMatch(/min-height:\s*var\(--touch-min\)/);
    expect(rule('.keyboard__row')).toMatch(/gap:\s*var\(--space-/);
    const px = (token: string) => Number(new RegExp(`${token}:\\s*(\\d+)px;`).exec(read('tokens.css'))?.[1]);
    for (const token of ['--touch-min', '--button-height']) expect(px(token), token).toBeGreaterThanOrEqual(60);
    expect(read('index.css')).toContain("@import './keyboard.css';");
  });
});
