/**
 * Validates a parsed configuration: the JSON Schema with its defaults (config-schema.ts), then the
 * cross-field rules (config-checks.ts). Every ajv error is turned into plain words naming the field, e.g.
 * `queue.businesses[1].prefix: must be one capital letter A-Z (got "aa")`, and every problem is listed.
 */
import Ajv, { type ErrorObject } from 'ajv';
import { crossFieldProblems } from './config-checks';
import { type ConfigProblem, type PathSegment, describeValue, formatPath } from './config-error';
import { KIOSK_CONFIG_SCHEMA, PATTERN_WORDS, TRANSPORT_KINDS } from './config-schema';
import type { KioskConfig } from './config-types';

// ajv 8 is CommonJS: under ESM its class may arrive as the default export's `default`.
const AjvCtor = (Ajv as unknown as { default?: typeof Ajv }).default ?? Ajv;

const ajv = new AjvCtor({
  allErrors: true,
  useDefaults: true,
  discriminator: true,
  allowUnionTypes: true,
  verbose: true,
  logger: false,
});
const validateSchema = ajv.compile(KIOSK_CONFIG_SCHEMA);

export type ValidationResult = { ok: true; config: KioskConfig } | { ok: false; problems: ConfigProblem[] };

/** Validates `raw` (left untouched) and returns the configuration with defaults filled in. */
export function validateConfig(raw: unknown): ValidationResult {
  const data: unknown = raw === undefined ? undefined : structuredClone(raw);
  const schemaOk = validateSchema(data);
  const problems = schemaOk ? [] : schemaProblems(validateSchema.errors ?? [], data);
  problems.push(...crossFieldProblems(data));
  const unique = dedupe(problems);
  return unique.length === 0 ? { ok: true, config: data as KioskConfig } : { ok: false, problems: unique };
}

function dedupe(problems: ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}\u0000${p.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** JSON pointer → segments, array indices as numbers (checked against the data, so "1" keys stay keys). */
function segmentsOf(pointer: string, root: unknown): PathSegment[] {
  const out: PathSegment[] = [];
  let node: unknown = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node) && /^\d+$/.test(key)) {
      out.push(Number(key));
      node = node[Number(key)];
    } else {
      out.push(key);
      node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
    }
  }
  return out;
}

const TYPE_WORDS: Record<string, string> = {
  integer: 'a whole number',
  number: 'a number',
  string: 'text in quotes',
  boolean: 'true or false',
  array: 'a list [ … ]',
  object: 'an object { … }',
  null: 'null',
};

const list = (values: readonly unknown[]): string => values.map((v) => JSON.stringify(v)).join(', ');

function schemaProblems(errors: readonly ErrorObject[], data: unknown): ConfigProblem[] {
  // Only the first type or enum error per field: an if/then/else branch repeats the field's own verdict (a
  // driver's narrower list of transports after the list of every transport kind, §8.14).
  const seen = new Set<string>();
  // A kind no transport has at all is said once, by the discriminator; the driver's list would repeat it.
  for (const e of errors) if (e.keyword === 'discriminator') seen.add(`enum\u0000${e.instancePath}/${String((e.params as { tag?: unknown }).tag)}`);
  const kept = errors.filter((e) => {
    if (e.keyword !== 'type' && e.keyword !== 'enum') return true;
    const key = `${e.keyword}\u0000${e.instancePath}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const worded = kept.flatMap((e) => {
    const problem = wordError(e, segmentsOf(e.instancePath, data));
    return problem ? [{ e, problem }] : [];
  });
  // A misspelt required field ("kioskname" for "kioskName") is one problem, not also "kioskName: is missing".
  const suggested = new Set(
    worded.filter((w) => w.problem.suggestion !== undefined).map((w) => `${w.e.instancePath}/${w.problem.suggestion}`),
  );
  return worded
    .filter(({ e }) => !(e.keyword === 'required' && suggested.has(`${e.instancePath}/${String(e.params.missingProperty)}`)))
    .map(({ problem }) => ({ path: problem.path, reason: problem.reason }));
}

function wordError(e: ErrorObject, at: PathSegment[]): (ConfigProblem & { suggestion?: string }) | null {
  const got = `(got ${describeValue(e.data)})`;
  const here = (reason: string, extra: PathSegment[] = []): ConfigProblem => ({
    path: formatPath([...at, ...extra]),
    reason,
  });
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'if':
    case 'oneOf':
      return null; // the failing branch reports its own, more precise error
    case 'required':
      return here('is missing', [String(p.missingProperty)]);
    case 'additionalProperties': {
      const name = String(p.additionalProperty);
      const known = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const near = closest(name, known);
      if (near === undefined) return here('is not a known setting', [name]);
      return { ...here(`is not a known setting; did you mean "${near}"?`, [name]), suggestion: near };
    }
    case 'propertyNames':
      return null; // reported by the pattern error on the name itself
    case 'type': {
      const types = Array.isArray(p.type) ? (p.type as string[]) : [String(p.type)];
      if (types.includes('string') && types.includes('array')) return here(`must be a role name or a list of role names ${got}`);
      return here(`must be ${types.map((t) => TYPE_WORDS[t] ?? t).join(' or ')} ${got}`);
    }
    case 'pattern': {
      if (e.propertyName !== undefined) return here(`the name ${PATTERN_WORDS[String(p.pattern)] ?? `must match ${String(p.pattern)}`} (got ${JSON.stringify(e.propertyName)})`, [e.propertyName]);
      return here(`${PATTERN_WORDS[String(p.pattern)] ?? `must match ${String(p.pattern)}`} ${got}`);
    }
    case 'enum':
      return here(`must be one of ${list(p.allowedValues as unknown[])} ${got}`);
    case 'const':
      return here(`must be ${JSON.stringify(p.allowedValue)} ${got}`);
    case 'minimum':
      return here(`must be at least ${String(p.limit)} ${got}`);
    case 'maximum':
      return here(`must be at most ${String(p.limit)} ${got}`);
    case 'exclusiveMinimum':
      return here(`must be more than ${String(p.limit)} ${got}`);
    case 'minItems':
      return here(`must list at least ${String(p.limit)} item${p.limit === 1 ? '' : 's'}`);
    case 'maxItems':
      return here(`must list at most ${String(p.limit)} items`);
    case 'minLength':
      return here('must not be empty');
    case 'uniqueItems':
      return here(`lists the same value twice (items ${String(p.j)} and ${String(p.i)})`);
    case 'discriminator': {
      if (p.error === 'tag' && p.tagValue === undefined) return here('is missing', [String(p.tag)]);
      return here(`must be one of ${list(TRANSPORT_KINDS)} (got ${describeValue(p.tagValue)})`, [String(p.tag)]);
    }
    default:
      return here(e.message ?? `fails the ${e.keyword} rule`);
  }
}

/** The one known name the misspelt one is closest to: edit distance ≤ 2, or one begins with the other. */
function closest(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const scored = known
    .map((k) => ({ k, d: editDistance(lower, k.toLowerCase()) }))
    .filter((s) => s.d <= 2 || (Math.min(lower.length, s.k.length) >= 3 && (lower.startsWith(s.k.toLowerCase()) || s.k.toLowerCase().startsWith(lower))));
  scored.sort((a, b) => a.d - b.d);
  return scored.length > 0 && (scored.length === 1 || scored[0]!.d < scored[1]!.d) ? scored[0]!.k : undefined;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}
