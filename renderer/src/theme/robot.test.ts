import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = new URL('./', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, dir), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
const robotCss = read('robot.css');

function declarations(selector: string): string {
  const m = new RegExp(`(?:^|\\})\\s*${selector.replace(/\./g, '\\.')}\\s*\\{([^}]*)\\}`).exec(robotCss);
  if (!m) throw new Error(`robot.css has no rule for ${selector}`);
  return m[1] as string;
}

describe('the robot profile’s layout (issue 16 §9)', () => {
  it('is part of the theme, and applies only under .app--robot (besides the greeting, which only the robot shows)', () => {
    expect(read('index.css')).toMatch(/@import '\.\/robot\.css';/);
    for (const m of robotCss.matchAll(/(?:^|\})\s*([^{}@]+?)\s*\{/g)) {
      for (const selector of (m[1] as string).split(',')) expect(selector.trim(), selector).toMatch(/^\.app--robot |^\.home__greeting$/);
    }
  });

  it('one column: the home tiles one under the other, the content width held in a landscape window too', () => {
    expect(declarations('.app--robot .services')).toMatch(/grid-template-columns:\s*minmax\(0, 1fr\);/);
    expect(declarations('.app--robot .business-list')).toMatch(/grid-template-columns:\s*minmax\(0, 1fr\);/);
    expect(declarations('.app--robot .screen')).toMatch(/max-width:\s*calc\(var\(--robot-content-max-width\)/);
  });

  it('the tiles stay touch-sized (their own token, ≥ --touch-min and grown by the elder theme)', () => {
    expect(declarations('.app--robot .button--service')).toMatch(/min-height:\s*var\(--robot-service-button-height\);/);
  });

  it('nothing in the citizen UI needs a hover', () => {
    const citizenCss = readdirSync(dir).filter((f) => f.endsWith('.css') && !/^(staff|technician)\.css$/.test(f));
    for (const file of citizenCss) expect(read(file), file).not.toMatch(/:hover/);
  });
});
