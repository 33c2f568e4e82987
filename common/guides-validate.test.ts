import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEPARTMENTS, LIFE_EVENTS, type Catalogue, type CatalogueProblem } from './guides';
import { compareCatalogueVersions, jsonPathLocation, validateCatalogue } from './guides-validate';
import { parseJsonPath } from './guides-validate-util';

const SHIPPED = new URL('../content/guides/catalogue.json', import.meta.url);
const shippedText = readFileSync(SHIPPED, 'utf8');
const shipped = (): Catalogue => JSON.parse(shippedText) as Catalogue;

function problemsOf(raw: unknown): CatalogueProblem[] {
  const checked = validateCatalogue(raw);
  return checked.ok ? [] : checked.problems;
}

describe('the shipped catalogue', () => {
  it('passes the check', () => {
    expect(problemsOf(shipped())).toEqual([]);
  });

  it('covers every department, both audiences and every life event, with bundles and policies', () => {
    const c = shipped();
    expect(c.version).toBe('2026.12.01-1');
    expect(c.items.length).toBeGreaterThanOrEqual(85);
    for (const d of DEPARTMENTS) expect(c.items.filter((i) => i.department === d).length, d).toBeGreaterThanOrEqual(8);
    for (const e of LIFE_EVENTS) expect(c.items.some((i) => i.lifeEvents.includes(e)), e).toBe(true);
    expect(c.items.some((i) => i.audience.includes('business'))).toBe(true);
    expect(c.items.some((i) => i.audience.includes('personal'))).toBe(true);
    expect(c.bundles.map((b) => b.id)).toEqual(expect.arrayContaining(['start-business', 'open-restaurant', 'open-pharmacy', 'retire', 'newborn']));
    expect(c.policies.length).toBeGreaterThanOrEqual(14);
    const untranslated = c.items.filter((i) => !i.name['zh-TW'] || !i.name.en).length;
    expect(untranslated).toBeGreaterThanOrEqual(8);
    expect(untranslated).toBeLessThanOrEqual(14);
  });

  it('names only the queries file answers that exist', () => {
    const c = shipped();
    const ids = new Set([...c.items.map((i) => i.code), ...c.bundles.map((b) => b.id)]);
    const file = JSON.parse(readFileSync(new URL('../bench/guides/eval-queries.json', import.meta.url), 'utf8')) as { queries: Array<{ query: string; expected: string[]; heldOut: boolean }> };
    for (const q of file.queries) for (const id of q.expected) expect(ids.has(id), `${q.query} → ${id}`).toBe(true);
    expect(file.queries.filter((q) => q.heldOut)).toHaveLength(20);
  });
});

describe('validateCatalogue', () => {
  it('reports a missing field, a duplicated code, a broken bundle reference and a bad enum, each at its place', () => {
    const c = shipped() as unknown as { items: Array<Record<string, unknown>>; bundles: Array<{ items: string[] }>; policies: Array<{ items: string[] }> };
    const renamed = c.items[7]!.code as string;
    delete c.items[3]!.steps;
    c.items[7]!.code = c.items[2]!.code;
    c.bundles[1]!.items[1] = 'XK99999999';
    c.items[12]!.department = 'markets';
    const problems = problemsOf(c);
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'items[3].steps', message: 'missing required field "steps" of the service item' },
        { path: 'items[7].code', message: `duplicate item code "${c.items[2]!.code as string}" (first at items[2].code)` },
        { path: 'bundles[1].items[1]', message: 'names item code "XK99999999", which is not in the catalogue' },
        expect.objectContaining({ path: 'items[12].department', message: expect.stringContaining('"markets" is not one of "market"') }),
      ]),
    );
    expect(problems.find((p) => p.path === 'items[12].department')?.message).toContain('did you mean "market"?');
    // The renamed item's code is gone, so whatever named it is reported too: every problem, not only the first.
    const dangling = [...c.bundles.map((b, i) => ['bundles', b, i] as const), ...c.policies.map((p, i) => ['policies', p, i] as const)].flatMap(([key, owner, i]) =>
      owner.items.flatMap((code, j) => (code === renamed ? [{ path: `${key}[${i}].items[${j}]`, message: `names item code "${renamed}", which is not in the catalogue` }] : [])),
    );
    expect(problems).toEqual(expect.arrayContaining(dangling));
    expect(problems).toHaveLength(4 + dangling.length);
  });

  it('checks the rules between fields', () => {
    const c = shipped();
    const item = c.items.find((i) => i.channels.includes('online') && i.noTrip)!;
    const at = `items[${c.items.indexOf(item)}]`;
    const raw = JSON.parse(JSON.stringify(c)) as { items: Array<Record<string, unknown>> };
    const broken = raw.items[c.items.indexOf(item)]!;
    broken.committedLimitDays = 99;
    broken.channels = ['window'];
    (broken.materials as Array<Record<string, unknown>>)[0]!.count = 0;
    broken.materials = [...(broken.materials as unknown[]), (broken.materials as unknown[])[0]];
    broken.fee = { free: false };
    const paths = problemsOf(raw).map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([`${at}.committedLimitDays`, `${at}.onlineUrl`, `${at}.noTrip`, `${at}.materials[0].count`, `${at}.materials[${(broken.materials as unknown[]).length - 1}].id`, `${at}.fee.description`]),
    );
  });

  it('refuses unknown fields, with a near miss named', () => {
    const raw = shipped() as unknown as { items: Array<Record<string, unknown>>; extra?: number };
    raw.items[0]!.synonym = ['x'];
    raw.extra = 1;
    const problems = problemsOf(raw);
    expect(problems).toContainEqual({ path: 'extra', message: 'unknown field "extra" in the catalogue' });
    expect(problems).toContainEqual({ path: 'items[0].synonym', message: 'unknown field "synonym" in the service item' });
    delete raw.items[0]!.synonyms;
    expect(problemsOf(raw)).toContainEqual({ path: 'items[0].synonym', message: 'unknown field "synonym" in the service item (did you mean "synonyms"?)' });
  });

  it('checks texts, codes, dates and policy references', () => {
    const raw = shipped() as unknown as Record<string, unknown> & { items: Array<Record<string, unknown>>; policies: Array<Record<string, unknown>>; bundles: Array<Record<string, unknown>> };
    raw.version = '2026.13.01-1';
    raw.items[0]!.name = { en: 'No Chinese' };
    raw.items[1]!.code = 'AB01001001';
    raw.policies[0]!.issuedOn = '2025-02-30';
    raw.policies[0]!.bundles = ['nowhere'];
    raw.bundles[0]!.items = ['XK01001001'];
    const byPath = new Map(problemsOf(raw).map((p) => [p.path, p.message]));
    expect(byPath.get('version')).toContain('"2026.13.01-1"');
    expect(byPath.get('items[0].name.zh-CN')).toContain('missing required field "zh-CN"');
    expect(byPath.get('items[1].code')).toContain('"AB01001001"');
    expect(byPath.get('policies[0].issuedOn')).toContain('"2025-02-30"');
    expect(byPath.get('policies[0].bundles[0]')).toBe('names bundle "nowhere", which is not in the catalogue');
    expect(byPath.get('bundles[0].items')).toBe('must list at least 2 entries, has 1');
  });

  it('answers a non-object at the root', () => {
    expect(problemsOf([])).toEqual([{ path: '', message: 'catalogue must be an object, not a list of 0' }]);
  });
});

describe('compareCatalogueVersions', () => {
  it('orders by date, then by the number of the day', () => {
    expect(compareCatalogueVersions('2026.12.01-1', '2026.12.01-1')).toBe(0);
    expect(compareCatalogueVersions('2026.12.01-2', '2026.12.01-10')).toBeLessThan(0);
    expect(compareCatalogueVersions('2027.01.01-1', '2026.12.31-9')).toBeGreaterThan(0);
    expect(() => compareCatalogueVersions('2026-12-01', '2026.12.01-1')).toThrow(RangeError);
  });
});

describe('jsonPathLocation', () => {
  const sample = ['{', '  "version": "2026.12.01-1",', '  "items": [', '    { "code": "A", "materials": [] },', '    {', '      "code": "B\\"x",', '      "materials": [{ "count": 0 }]', '    }', '  ]', '}'].join('\r\n');

  it('finds values on a multi-line file, past strings with escapes', () => {
    expect(jsonPathLocation(sample, '')).toEqual({ line: 1, column: 1 });
    expect(jsonPathLocation(sample, 'version')).toEqual({ line: 2, column: 14 });
    expect(jsonPathLocation(sample, 'items[0].code')).toEqual({ line: 4, column: 15 });
    expect(jsonPathLocation(sample, 'items[1]')).toEqual({ line: 5, column: 5 });
    expect(jsonPathLocation(sample, 'items[1].materials[0].count')).toEqual({ line: 7, column: 32 });
  });

  it('falls back to the deepest part present, and answers null for a bad path or text', () => {
    expect(jsonPathLocation(sample, 'items[1].name')).toEqual({ line: 5, column: 5 });
    expect(jsonPathLocation(sample, 'items[5].code')).toEqual({ line: 3, column: 12 });
    expect(jsonPathLocation(sample, 'items[')).toBeNull();
    expect(jsonPathLocation('{ "a": ', 'a.b')).toBeNull();
  });

  it('places every problem of a broken shipped file on its line', () => {
    const text = shippedText.replace('"count": 1', '"count": 0');
    const problems = problemsOf(JSON.parse(text));
    expect(problems).toHaveLength(1);
    const at = jsonPathLocation(text, problems[0]!.path);
    expect(text.split('\n')[at!.line - 1]!.slice(at!.column - 1)).toMatch(/^0/);
  });

  it('reads the paths the validator writes', () => {
    expect(parseJsonPath('items[12].materials[0].count')).toEqual(['items', 12, 'materials', 0, 'count']);
    expect(parseJsonPath('items[0].name.zh-CN')).toEqual(['items', 0, 'name', 'zh-CN']);
    expect(parseJsonPath('["a.b"][2]')).toEqual(['a.b', 2]);
    expect(parseJsonPath('.a')).toBeNull();
  });
});
