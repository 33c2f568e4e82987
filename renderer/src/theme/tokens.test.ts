import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = new URL('./', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, dir), 'utf8');
const tokensCss = read('tokens.css');
const componentFiles = readdirSync(dir).filter((f) => f.endsWith('.css') && f !== 'tokens.css');

type Tokens = ReadonlyMap<string, string>;

/** The declarations of every innermost `selector { … }` block of tokens.css whose selector is `selector`. */
function declared(selector: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const block of tokensCss.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]*)\{([^{}]*)\}/g)) {
    if ((block[1] as string).trim() !== selector) continue;
    for (const m of (block[2] as string).matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) out.set(m[1] as string, (m[2] as string).trim());
  }
  return out;
}

/** The default theme; the elder theme is the default with `.app--elder`'s overrides on top. */
const tokens: Tokens = declared(':root');
const elderOverrides = declared('.app--elder');
const elderTokens: Tokens = new Map([...tokens, ...elderOverrides]);

function px(name: string, set: Tokens = tokens): number {
  const value = set.get(name);
  const m = value ? /^(\d+(?:\.\d+)?)px$/.exec(value) : null;
  if (!m) throw new Error(`${name} is not a px value: ${value}`);
  return Number(m[1]);
}

/** WCAG 2.x relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const channel = (i: number): number => {
    const c = parseInt((m[1] as string).slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

function contrast(fg: string, bg: string, set: Tokens = tokens): number {
  const [a, b] = [luminance(set.get(fg) ?? fg), luminance(set.get(bg) ?? bg)].sort((x, y) => y - x) as [number, number];
  return (a + 0.05) / (b + 0.05);
}

/** Every text colour on every background it is used on (see the component CSS). */
const TEXT_PAIRS: [string, string][] = [
  ['--color-text', '--color-bg'],
  ['--color-text', '--color-surface'],
  ['--color-text-muted', '--color-bg'],
  ['--color-text-muted', '--color-surface'],
  ['--color-on-primary', '--color-primary'],
  ['--color-on-primary', '--color-primary-pressed'],
  ['--color-on-secondary', '--color-secondary-bg'],
  ['--color-text', '--color-secondary-bg'],
  ['--color-on-disabled', '--color-disabled-bg'],
  ['--color-on-disabled', '--color-disabled-hatch'],
  ['--color-on-disabled', '--color-surface'],
  ['--color-on-danger', '--color-danger'],
  ['--color-on-danger-bg', '--color-danger-bg'],
  ['--color-on-warning-bg', '--color-warning-bg'],
  ['--color-on-demo', '--color-demo-bg'],
  ['--color-on-demo', '--color-demo-stripe'],
  ['--color-ticket-number', '--color-surface'],
  ['--color-text', '--color-surface'],
];

describe('design tokens', () => {
  it('every text/background pair reaches 4.5:1', () => {
    for (const [fg, bg] of TEXT_PAIRS) expect(contrast(fg, bg), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
  });

  it('borders and the focus ring stand out from what they sit on (3:1, WCAG 1.4.11)', () => {
    expect(contrast('--color-border', '--color-surface')).toBeGreaterThanOrEqual(3);
    expect(contrast('--color-border', '--color-bg')).toBeGreaterThanOrEqual(3);
    expect(contrast('--color-focus-inner', '--color-focus')).toBeGreaterThanOrEqual(3);
  });

  it('no text is smaller than 30px and line spacing is at least 1.3 (elder-friendly guidance)', () => {
    const sizes = [...tokens.keys()].filter((k) => k.startsWith('--font-size-'));
    expect(sizes.length).toBeGreaterThan(4);
    for (const k of sizes) expect(px(k), k).toBeGreaterThanOrEqual(30);
    expect(Number(tokens.get('--line-height-body'))).toBeGreaterThanOrEqual(1.3);
    expect(Number(tokens.get('--line-height-tight'))).toBeGreaterThanOrEqual(1.3);
  });

  it('touch targets: minimum 60px, ordinary buttons well above it', () => {
    expect(px('--touch-min')).toBeGreaterThanOrEqual(60);
    for (const k of ['--button-height', '--button-height-large', '--button-height-hero', '--service-button-height', '--business-button-min-height']) {
      expect(px(k), k).toBeGreaterThanOrEqual(96);
    }
  });

  it('component CSS uses only declared tokens, and no literal colours or font sizes', () => {
    for (const file of componentFiles) {
      const css = read(file);
      for (const m of css.matchAll(/var\((--[\w-]+)/g)) expect(tokens.has(m[1] as string), `${file}: ${m[1]}`).toBe(true);
      expect(css.match(/#[0-9a-f]{3,8}\b|rgba?\(/gi), file).toBeNull();
      for (const m of css.matchAll(/font-size:\s*([^;]+);/g)) expect(m[1], `${file}: font-size`).toMatch(/^var\(--font-size-/);
    }
  });

  it('sizes live in tokens.css only: no raw px (nor any other absolute length) in component CSS', () => {
    // No exceptions: 0 needs no unit, and hairlines use --border-width like every other border.
    for (const file of componentFiles) {
      const css = read(file).replace(/\/\*[\s\S]*?\*\//g, '');
      expect(css.match(/(?<![\w-])\d*\.?\d+(?:px|pt|pc|cm|mm|in|q)\b/gi), file).toBeNull();
      // Component CSS uses tokens; it does not (re)define them, or a value would escape this file's checks.
      expect(css.match(/(?:^|[{;])\s*--[\w-]+\s*:/g), file).toBeNull();
    }
  });

  it('controls take their size from touch tokens (ARCHITECTURE.md §8.12)', () => {
    const css = componentFiles.map(read).join('\n');
    for (const m of css.matchAll(/(?:min-)?(?:height|width)\s*:\s*var\((--[\w-]+)\)/g)) {
      const token = m[1] as string;
      if (/button|touch/.test(token)) expect(px(token), token).toBeGreaterThanOrEqual(px('--touch-min'));
    }
  });

  it('the elder theme only overrides tokens the default theme declares', () => {
    expect(elderOverrides.size).toBeGreaterThan(10);
    for (const name of elderOverrides.keys()) expect(tokens.has(name), name).toBe(true);
  });

  it('elder theme: higher contrast, every text/background pair at least 7:1 (WCAG AAA), borders 4.5:1', () => {
    for (const [fg, bg] of TEXT_PAIRS) {
      expect(contrast(fg, bg, elderTokens), `${fg} on ${bg}`).toBeGreaterThanOrEqual(7);
      expect(contrast(fg, bg, elderTokens), `${fg} on ${bg} is not below the default`).toBeGreaterThanOrEqual(Math.min(contrast(fg, bg), 7));
    }
    expect(contrast('--color-border', '--color-surface', elderTokens)).toBeGreaterThanOrEqual(4.5);
    expect(contrast('--color-border', '--color-bg', elderTokens)).toBeGreaterThanOrEqual(4.5);
  });

  it('elder theme: larger type (no text under 36px, body at least 42px), every size and target larger than the default', () => {
    const sizes = [...tokens.keys()].filter((k) => k.startsWith('--font-size-'));
    for (const k of sizes) {
      expect(px(k, elderTokens), k).toBeGreaterThanOrEqual(36);
      expect(px(k, elderTokens), k).toBeGreaterThan(px(k));
    }
    expect(px('--font-size-body', elderTokens)).toBeGreaterThanOrEqual(42);
    expect(Number(elderTokens.get('--line-height-body'))).toBeGreaterThanOrEqual(Number(tokens.get('--line-height-body')));
  });

  it('elder theme: no touch target under 80px, and every control grows', () => {
    expect(px('--touch-min', elderTokens)).toBeGreaterThanOrEqual(80);
    const targets = [...tokens.keys()].filter((k) => /^--(touch-min$|button-height|[\w-]+-button-(min-)?height$)/.test(k));
    expect(targets.length).toBeGreaterThan(6);
    for (const k of targets) {
      expect(px(k, elderTokens), k).toBeGreaterThanOrEqual(80);
      expect(px(k, elderTokens), k).toBeGreaterThanOrEqual(px(k));
    }
    expect(px('--button-height-keypad', elderTokens)).toBeGreaterThan(px('--button-height-keypad'));
  });

  it('issue 16 §7 in both themes: main text >= 30px, line spacing >= 1.3, targets >= 60px; text contrast 4.5:1, in elder mode 7:1', () => {
    for (const [theme, set, minContrast] of [['default', tokens, 4.5], ['elder', elderTokens, 7]] as const) {
      for (const k of ['--font-size-body', '--font-size-lead', '--font-size-button', '--font-size-caption']) expect(px(k, set), `${theme} ${k}`).toBeGreaterThanOrEqual(30);
      for (const k of ['--line-height-body', '--line-height-tight']) expect(Number(set.get(k)), `${theme} ${k}`).toBeGreaterThanOrEqual(1.3);
      expect(px('--touch-min', set), `${theme} --touch-min`).toBeGreaterThanOrEqual(60);
      for (const [fg, bg] of TEXT_PAIRS) expect(contrast(fg, bg, set), `${theme} ${fg} on ${bg}`).toBeGreaterThanOrEqual(minContrast);
    }
  });

  it('the top bar’s 🔊 朗读, 呼叫帮助 and 长辈模式 are touch-sized toggles (buttons.css .button--toggle)', () => {
    const buttons = read('buttons.css').replace(/\/\*[\s\S]*?\*\//g, '');
    const toggle = /\.button--toggle\s*\{([^}]*)\}/.exec(buttons)?.[1] ?? '';
    expect(toggle).toMatch(/min-height:\s*var\(--touch-min\)/);
    expect(read('chrome.css')).not.toMatch(/min-height:\s*var\(--(?!touch-min|button-height)/);
  });

  it('motion stops for people who asked for less', () => {
    const css = componentFiles.map(read).join('\n');
    expect(css).toMatch(/@media \(prefers-reduced-motion: reduce\)\s*\{[^}]*animation:\s*none/);
  });
});
