/**
 * The small pieces of the catalogue check (guides-validate.ts): JSON paths (written `items[12].materials[0].count`,
 * and found again in the file's text so the CLI can print file:line:column), how a value is named in a message,
 * and the near-miss name behind "did you mean".
 */

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** The path of `key` inside `parent`: `parent.key`, or `parent["odd key"]` when the key is not a plain name. */
export function fieldPath(parent: string, key: string): string {
  if (!PLAIN_KEY.test(key)) return `${parent}[${JSON.stringify(key)}]`;
  return parent === '' ? key : `${parent}.${key}`;
}

/** The segments of a path written by fieldPath: names and indexes; null when it is not such a path. */
export function parseJsonPath(path: string): Array<string | number> | null {
  const segments: Array<string | number> = [];
  let i = 0;
  while (i < path.length) {
    const c = path[i];
    if (c === '[') {
      const close = path[i + 1] === '"' ? endOfString(path, i + 1) : path.indexOf(']', i);
      if (close < 0) return null;
      if (path[i + 1] === '"') {
        if (path[close + 1] !== ']') return null;
        try {
          segments.push(JSON.parse(path.slice(i + 1, close + 1)) as string);
        } catch {
          return null;
        }
        i = close + 2;
      } else {
        const digits = path.slice(i + 1, close);
        if (!/^\d+$/.test(digits)) return null;
        segments.push(Number(digits));
        i = close + 1;
      }
    } else {
      if (c === '.') {
        if (segments.length === 0) return null;
        i++;
      } else if (segments.length > 0) return null;
      let end = i;
      while (end < path.length && path[end] !== '.' && path[end] !== '[') end++;
      if (end === i) return null;
      segments.push(path.slice(i, end));
      i = end;
    }
  }
  return segments;
}

/** Index of the quote closing the JSON string that opens at `open`, or -1. */
function endOfString(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return -1;
}

class JsonScanError extends Error {}

/**
 * Where the value at `path` starts in the JSON `text`, 1-based line and column (UTF-16 units). When the path's
 * last part is not there (a missing field, an index past the end), the place of the deepest part that is: the
 * object the field is missing from. Null when the path is not a JSON path or the text is not JSON up to there.
 * Of a key repeated in one object the last counts, as in JSON.parse.
 */
export function jsonPathLocation(text: string, path: string): { line: number; column: number } | null {
  const segments = parseJsonPath(path);
  if (!segments) return null;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const ws = (): void => {
    while (pos < text.length && (text[pos] === ' ' || text[pos] === '\t' || text[pos] === '\n' || text[pos] === '\r')) pos++;
  };
  const expect = (c: string): void => {
    ws();
    if (text[pos] !== c) throw new JsonScanError(`expected ${c} at ${pos}`);
    pos++;
  };
  const readString = (): string => {
    ws();
    const close = text[pos] === '"' ? endOfString(text, pos) : -1;
    if (close < 0) throw new JsonScanError(`expected a string at ${pos}`);
    const raw = text.slice(pos, close + 1);
    pos = close + 1;
    try {
      return JSON.parse(raw) as string;
    } catch {
      throw new JsonScanError(`bad string at ${pos}`);
    }
  };
  const skipValue = (): void => {
    ws();
    const c = text[pos];
    if (c === '"') return void readString();
    if (c === '{' || c === '[') {
      let depth = 0;
      while (pos < text.length) {
        const d = text[pos];
        if (d === '"') {
          readString();
          continue;
        }
        if (d === '{' || d === '[') depth++;
        else if (d === '}' || d === ']') depth--;
        pos++;
        if (depth === 0) return;
      }
      throw new JsonScanError('unclosed object or array');
    }
    const start = pos;
    while (pos < text.length && !',}] \t\r\n'.includes(text[pos] ?? '')) pos++;
    if (pos === start) throw new JsonScanError(`expected a value at ${pos}`);
  };
  /** Moves to the value of `segment` inside the container at pos; false (pos unchanged) when it is not there. */
  const enter = (segment: string | number): boolean => {
    const start = pos;
    const open = text[pos];
    if (typeof segment === 'string' && open === '{') {
      let found = -1;
      pos++;
      ws();
      if (text[pos] === '}') return (pos = start), false;
      for (;;) {
        const key = readString();
        expect(':');
        ws();
        if (key === segment) found = pos;
        skipValue();
        ws();
        if (text[pos] === ',') pos++;
        else if (text[pos] === '}') break;
        else throw new JsonScanError(`expected , or } at ${pos}`);
      }
      pos = found >= 0 ? found : start;
      return found >= 0;
    }
    if (typeof segment === 'number' && open === '[') {
      pos++;
      ws();
      if (text[pos] === ']') return (pos = start), false;
      for (let i = 0; ; i++) {
        ws();
        if (i === segment) return true;
        skipValue();
        ws();
        if (text[pos] === ',') pos++;
        else return (pos = start), false;
      }
    }
    return false;
  };
  try {
    ws();
    if (pos >= text.length) return null;
    for (const segment of segments) if (!enter(segment)) break;
  } catch (err) {
    if (err instanceof JsonScanError) return null;
    throw err;
  }
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < pos; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: pos - lineStart + 1 };
}

/** A value as a message names it: short JSON for text and numbers, its kind for the rest. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 57)}…"` : json;
}

/** The allowed name `name` most likely meant (same letters in another case, or at most 2 edits away), if any. */
export function closestName(name: string, allowed: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = 3;
  for (const candidate of allowed) {
    if (candidate.toLowerCase() === name.toLowerCase()) return candidate;
    const d = editDistance(name, candidate, bestDistance);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

/** Levenshtein distance, giving up (returning `limit`) once it cannot be below `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin >= limit) return limit;
    previous = current;
  }
  return Math.min(previous[b.length] ?? limit, limit);
}

/** A real calendar day (no 2026-02-30). */
export function isCalendarDate(year: string, month: string, day: string): boolean {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= (days[m - 1] ?? 0);
}
