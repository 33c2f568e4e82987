/**
 * Configuration problems in plain words: every problem names the field as a path a technician can find in
 * the file (`queue.businesses[1].prefix`) and says what is wrong with it, and one ConfigError lists them all.
 */

/** One problem: `path` is the field ("" for the file as a whole), `reason` the plain-words explanation. */
export interface ConfigProblem {
  path: string;
  reason: string;
}

export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `['queue', 'businesses', 1, 'prefix']` → `queue.businesses[1].prefix`; odd keys are quoted: `devices["ticket-printer"]`. */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

export function problemLine(problem: ConfigProblem): string {
  return problem.path === '' ? problem.reason : `${problem.path}: ${problem.reason}`;
}

/** A configuration that cannot be used; `source` is the file (or "built-in default configuration"). */
export class ConfigError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly ConfigProblem[],
  ) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(`Invalid configuration ${source} (${count}):\n${problems.map((p) => `  - ${problemLine(p)}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Short description of a value for "(got …)" clauses; never dumps a whole object. */
export function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}
