/**
 * `npm run guides` for content editors (issue 16 §3):
 *   search "<query>" [--json] [--catalogue <file>] [--limit N] [--kinds item,bundle,policy] [--worker]
 *       ranked hits: kind, code or id, the zh-CN name with the matched part in [brackets], the short name or
 *       synonym that matched, the score; or what the kiosk would suggest instead. --json prints the answer as
 *       the kiosk gets it; --worker searches through the worker thread, as the kiosk does.
 *   check [<catalogue file>]
 *       validates the file (common/guides-validate.ts), one problem a line: `file:line:column  path  message`.
 * The catalogue defaults to content/guides/catalogue.json. Exit code 0 valid / 1 invalid / 2 usage.
 */
import { readFileSync } from 'node:fs';
import type { Catalogue } from '../../../common/guides';
import { GUIDE_HIT_KINDS, MAX_GUIDE_HITS, type GuideHit, type GuideHitKind, type GuideSearchResult } from '../../../common/guides-api';
import { jsonPathLocation, validateCatalogue } from '../../../common/guides-validate';
import { SILENT_LOGGER } from '../../../common/logger';
import { jsonErrorOffset } from './json-error-position';
import { createInlineGuideIndex, createWorkerGuideIndex } from './search/guide-index';

const DEFAULT_CATALOGUE = 'content/guides/catalogue.json';
const USAGE = `usage: npm run guides -- search "<query>" [--json] [--catalogue <file>] [--limit N] [--kinds item,bundle,policy] [--worker]
       npm run guides -- check [<catalogue file>]     (default ${DEFAULT_CATALOGUE})`;

class UsageError extends Error {}

interface Loaded {
  ok: boolean;
  catalogue?: Catalogue;
  problems: string[];
}

/** Where the text stops being JSON, as line and column. */
function positionOf(text: string): { line: number; column: number } {
  const at = jsonErrorOffset(text) ?? 0;
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

function load(file: string): Loaded {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    const { line, column } = positionOf(text);
    return { ok: false, problems: [`${file}:${line}:${column}  $  not JSON: ${(err as Error).message}`] };
  }
  const check = validateCatalogue(raw);
  if (check.ok) return { ok: true, catalogue: check.catalogue, problems: [] };
  const problems = check.problems.map((p) => {
    const where = jsonPathLocation(text, p.path);
    return `${file}:${where?.line ?? 1}:${where?.column ?? 1}  ${p.path}  ${p.message}`;
  });
  return { ok: false, problems };
}

function parseArgs(argv: readonly string[]): { positional: string[]; flags: Map<string, string | true> } {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  const valued = new Set(['--catalogue', '--limit', '--kinds']);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (valued.has(a)) {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      flags.set(a, v);
    } else if (a === '--json' || a === '--worker') flags.set(a, true);
    else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else positional.push(a);
  }
  return { positional, flags };
}

/** The name with each highlighted range in [brackets]. */
export function markName(hit: GuideHit): string {
  const name = hit.name['zh-CN'];
  let out = '';
  let at = 0;
  for (const [s, e] of hit.highlight) {
    out += `${name.slice(at, s)}[${name.slice(s, e)}]`;
    at = e;
  }
  return out + name.slice(at);
}

function printHits(result: GuideSearchResult): void {
  const lines = (list: GuideHit[]): string =>
    list.map((h, i) => `${String(i + 1).padStart(2)}. ${h.kind.padEnd(6)} ${h.id.padEnd(16)} ${markName(h)}${h.matchedAlias ? `  (${h.matchedAlias})` : ''}  ${h.score.toFixed(4)}\n`).join('');
  if (result.hits.length > 0) {
    process.stdout.write(`${result.hits.length} hits for "${result.query}" (${result.tookMs.toFixed(2)} ms)\n${lines(result.hits)}`);
    return;
  }
  process.stdout.write(`no hits for "${result.query}"; the kiosk suggests:\n${lines(result.suggestions)}`);
}

async function search(positional: string[], flags: Map<string, string | true>): Promise<number> {
  if (positional.length !== 1) throw new UsageError('search takes one query (quote it)');
  const limit = flags.has('--limit') ? Number(flags.get('--limit')) : 10;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_GUIDE_HITS) throw new UsageError(`--limit must be an integer 1-${MAX_GUIDE_HITS}`);
  const kindsFlag = flags.get('--kinds');
  const kinds = typeof kindsFlag === 'string' ? kindsFlag.split(',') : undefined;
  if (kinds && !kinds.every((k) => (GUIDE_HIT_KINDS as readonly string[]).includes(k))) throw new UsageError(`--kinds is a list of ${GUIDE_HIT_KINDS.join(', ')}`);
  const file = (flags.get('--catalogue') as string | undefined) ?? DEFAULT_CATALOGUE;
  const loaded = load(file);
  if (!loaded.ok || !loaded.catalogue) {
    process.stderr.write(`${file} is not a valid catalogue:\n${loaded.problems.join('\n')}\n`);
    return 1;
  }
  const index = flags.has('--worker') ? createWorkerGuideIndex({ log: SILENT_LOGGER }) : createInlineGuideIndex();
  try {
    await index.build(loaded.catalogue);
    const result = await index.search({ query: positional[0] as string, limit, ...(kinds && { kinds: kinds as GuideHitKind[] }) });
    if (flags.has('--json')) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else printHits(result);
    return 0;
  } finally {
    await index.dispose();
  }
}

function check(positional: string[], flags: Map<string, string | true>): number {
  if (positional.length > 1 || flags.size > 0) throw new UsageError('check takes one catalogue file');
  const file = positional[0] ?? DEFAULT_CATALOGUE;
  const loaded = load(file);
  if (loaded.ok && loaded.catalogue) {
    const c = loaded.catalogue;
    process.stdout.write(`${file}: valid, version ${c.version}: ${c.items.length} items, ${c.bundles.length} bundles, ${c.policies.length} policies\n`);
    return 0;
  }
  process.stdout.write(`${loaded.problems.join('\n')}\n`);
  process.stderr.write(`${file}: ${loaded.problems.length} problem${loaded.problems.length === 1 ? '' : 's'}\n`);
  return 1;
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { positional, flags } = parseArgs(rest);
  if (command === 'search') return search(positional, flags);
  if (command === 'check') return check(positional, flags);
  throw new UsageError(command === undefined ? 'no command' : `unknown command ${command}`);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UsageError) process.stderr.write(`guides: ${err.message}\n${USAGE}\n`);
    else process.stderr.write(`guides: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 2;
  },
);
