/**
 * Masking of personal data for logs, diagnostics and displays (ARCHITECTURE.md §8.7).
 * A citizen ID number (GB 11643: 17 digits + check digit 0-9/X; the old 15-digit form too) keeps its
 * first 4 and last 4 characters: 5201**********1234.
 *
 * What counts as ID-like, on purpose wider than a valid ID (a log is no place to be clever):
 * - any run of 15 or more digits, whatever surrounds it (`sfz520102199001011234`, `id=…;`): 15 = the old
 *   ID, 18 = the current one, and longer runs may be an ID glued to other digits (or a bank card number);
 * - 17 digits followed by an X check character, also when a letter follows;
 * - the 6-8-4 grouping an ID is often written in (`520102 19900101 1234`, with spaces or hyphens);
 * - full-width digits (`５２０１…`) as well as ASCII ones.
 * Shorter numbers stay as they are: ticket numbers (A001), ports, counts, phone numbers (11 digits),
 * millisecond timestamps (13 digits).
 */
const D = '[0-9\uFF10-\uFF19]';
const X = '[Xx\uFF38\uFF58]';
const ID_LIKE = new RegExp(`${D}{6}[ -]${D}{8}[ -]${D}{3}(?:${D}|${X})|${D}{17}${X}|${D}{15,}`, 'g');

/** Integers with 15 or more digits are ID-like whatever their type (an ID kept as a number or bigint). */
const LONG_INTEGER_MIN = 100_000_000_000_000; // 1e14, the smallest 15-digit integer

export function maskIdNumber(id: string): string {
  const chars = Array.from(id);
  if (chars.length <= 8) return '*'.repeat(chars.length);
  return chars.slice(0, 4).join('') + '*'.repeat(chars.length - 8) + chars.slice(-4).join('');
}

/** Masks every ID-like number inside free text; grouped forms are masked without their separators. */
export function maskIdNumbersInText(text: string): string {
  return text.replace(ID_LIKE, (match) => maskIdNumber(match.replace(/[ -]/g, '')));
}

/**
 * A number or bigint as it may be logged: short integers and fractions are returned as they are; an integer
 * part of 15 or more digits comes back as masked text (a sign kept), since the value is probably an ID.
 */
export function maskIdLikeNumber(value: number | bigint): number | bigint | string {
  if (typeof value === 'bigint') {
    const negative = value < 0n;
    const digits = (negative ? -value : value).toString();
    return digits.length >= 15 ? (negative ? '-' : '') + maskIdNumber(digits) : value;
  }
  if (!Number.isFinite(value) || Math.abs(value) < LONG_INTEGER_MIN) return value;
  // BigInt() prints every digit; String() would switch to exponent notation from 1e21 on.
  return maskIdLikeNumber(BigInt(Math.trunc(value)));
}

const DEFAULT_MAX_DEPTH = 8;

/** Placeholder for an object nested deeper than the masking walk goes: it is never written as it is. */
export const DEPTH_LIMIT_PLACEHOLDER = '[nested too deep]';
export const CIRCULAR_PLACEHOLDER = '[circular]';

/**
 * A copy of `value` that is safe to log or report (§8.8: masking built in): every string, object key,
 * Error (name, message, stack, cause, own fields) and long integer is masked; bytes are summarised as their
 * length; objects nested deeper than `maxDepth` become a placeholder, so nothing can hide below the limit.
 * The result is plain JSON-friendly data (no bigint, no Map or Set, no cycles).
 */
export function maskForLog(value: unknown, maxDepth = DEFAULT_MAX_DEPTH): unknown {
  return walk(value, 0, maxDepth, new WeakSet<object>());
}

function walk(value: unknown, depth: number, maxDepth: number, seen: WeakSet<object>): unknown {
  switch (typeof value) {
    case 'string':
      return maskIdNumbersInText(value);
    case 'number':
      return maskIdLikeNumber(value);
    case 'bigint': {
      const masked = maskIdLikeNumber(value);
      return typeof masked === 'bigint' ? masked.toString() : masked;
    }
    case 'symbol':
      return maskIdNumbersInText(value.toString());
    case 'function':
      return `[function ${maskIdNumbersInText(value.name)}]`;
    case 'object':
      break;
    default:
      return value; // undefined, boolean
  }
  if (value === null) return null;
  if (value instanceof Uint8Array || value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
    return `<${(value as ArrayBufferLike | ArrayBufferView).byteLength} bytes>`;
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (value instanceof RegExp) return maskIdNumbersInText(String(value));
  if (depth >= maxDepth) return DEPTH_LIMIT_PLACEHOLDER;
  if (seen.has(value)) return CIRCULAR_PLACEHOLDER;
  seen.add(value);
  try {
    const next = (v: unknown): unknown => walk(v, depth + 1, maxDepth, seen);
    if (Array.isArray(value)) return value.map(next);
    if (value instanceof Map) return [...value.entries()].map(([k, v]) => [next(k), next(v)]);
    if (value instanceof Set) return [...value.values()].map(next);
    const out: Record<string, unknown> = {};
    if (value instanceof Error) {
      out.name = next(value.name);
      out.message = next(value.message);
      if (value.stack !== undefined) out.stack = next(value.stack);
      if (value.cause !== undefined) out.cause = next(value.cause);
      if (value instanceof AggregateError) out.errors = next(value.errors);
    }
    for (const key of Object.keys(value)) {
      let field: unknown;
      try {
        field = (value as Record<string, unknown>)[key];
      } catch {
        field = '[unreadable]'; // a throwing getter must not take the log line down with it
      }
      out[maskIdNumbersInText(key)] = next(field);
    }
    return out;
  } finally {
    seen.delete(value); // the same object twice side by side is not a cycle
  }
}

/** 张三 → 张*, 欧阳娜娜 → 欧***. */
export function maskName(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= 1) return name;
  return chars[0] + '*'.repeat(chars.length - 1);
}
