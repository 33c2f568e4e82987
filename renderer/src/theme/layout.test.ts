import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const layoutCss = readFileSync(new URL('./layout.css', import.meta.url), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

function declarations(selector: string): string {
  const m = new RegExp(`(?:^|\\})\\s*${selector.replace(/\./g, '\\.')}\\s*\\{([^}]*)\\}`).exec(layoutCss);
  if (!m) throw new Error(`layout.css has no rule for ${selector}`);
  return m[1] as string;
}

describe('top bar layout', () => {
  it('the hall name wraps gracefully: balanced lines, Chinese words kept whole (no lone 区 at 1080 px)', () => {
    const hall = declarations('.top-bar__hall');
    expect(hall).toMatch(/text-wrap:\s*balance;/);
    expect(hall).toMatch(/word-break:\s*keep-all;/);
    expect(hall).toMatch(/overflow-wrap:\s*break-word;/);
  });

  it('the names take all the width the clock leaves, and may shrink instead of pushing the clock', () => {
    const names = declarations('.top-bar__names');
    expect(names).toMatch(/flex:\s*1 1 auto;/);
    expect(names).toMatch(/min-width:\s*0;/);
    expect(declarations('.host-clock')).toMatch(/flex:\s*none;/);
  });
});
