/**
 * Where a value sits in a JSON text, so the device editor can replace one device's entry and leave the rest
 * of a hand-formatted configuration file byte for byte as it was (issue 15 §3 "editing a device's
 * configuration"; load-config.ts reads plain JSON, no comments). Only locates: the caller parses the result
 * with JSON.parse and checks it says what was meant, so a mistake here cannot write a wrong file.
 */

export interface JsonSpan {
  /** Offset of the value's first character. */
  start: number;
  /** Offset just after its last character. */
  end: number;
}

class Scanner {
  i = 0;
  constructor(readonly text: string) {}

  ws(): void {
    while (this.i < this.text.length && ' \t\n\r'.includes(this.text[this.i]!)) this.i++;
  }

  fail(): never {
    throw new SyntaxError(`unexpected character at ${this.i}`);
  }

  string(): string {
    const start = this.i;
    if (this.text[this.i] !== '"') this.fail();
    this.i++;
    while (this.i < this.text.length && this.text[this.i] !== '"') this.i += this.text[this.i] === '\\' ? 2 : 1;
    if (this.i >= this.text.length) this.fail();
    this.i++;
    return JSON.parse(this.text.slice(start, this.i)) as string;
  }

  /** Skips one value; when `path` is not empty, looks for its next key inside it. */
  value(path: readonly string[]): JsonSpan | undefined {
    this.ws();
    const ch = this.text[this.i];
    if (ch === '{') return this.object(path);
    if (ch === '[') return this.array();
    if (ch === '"') {
      this.string();
      return undefined;
    }
    const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?|^true|^false|^null/u.exec(this.text.slice(this.i, this.i + 64));
    if (!m) this.fail();
    this.i += m[0].length;
    return undefined;
  }

  private object(path: readonly string[]): JsonSpan | undefined {
    let found: JsonSpan | undefined;
    this.i++;
    this.ws();
    if (this.text[this.i] === '}') {
      this.i++;
      return undefined;
    }
    for (;;) {
      this.ws();
      const key = this.string();
      this.ws();
      if (this.text[this.i] !== ':') this.fail();
      this.i++;
      this.ws();
      const start = this.i;
      if (path.length > 0 && key === path[0]) {
        const inner = this.value(path.slice(1));
        if (path.length === 1) found = { start, end: this.i };
        else if (inner !== undefined) found = inner;
      } else this.value([]);
      this.ws();
      if (this.text[this.i] === ',') {
        this.i++;
        continue;
      }
      if (this.text[this.i] !== '}') this.fail();
      this.i++;
      return found;
    }
  }

  private array(): undefined {
    this.i++;
    this.ws();
    if (this.text[this.i] === ']') {
      this.i++;
      return undefined;
    }
    for (;;) {
      this.value([]);
      this.ws();
      if (this.text[this.i] === ',') {
        this.i++;
        continue;
      }
      if (this.text[this.i] !== ']') this.fail();
      this.i++;
      return undefined;
    }
  }
}

/** The span of the value at `path` (object keys; the last duplicate key wins, as in JSON.parse), or undefined. */
export function findJsonValue(text: string, path: readonly string[]): JsonSpan | undefined {
  try {
    const s = new Scanner(text);
    const span = s.value(path);
    s.ws();
    return s.i === text.length ? span : undefined;
  } catch {
    return undefined;
  }
}

/** The leading white space of the line `offset` is on. */
export function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/u.exec(text.slice(lineStart))![0];
}

/** The file's indent unit: the leading white space of its first indented line (default two spaces). */
export function indentUnit(text: string): string {
  return /\n([ \t]+)\S/u.exec(text)?.[1] ?? '  ';
}

/** A value on one line, spaced as the default configuration is written: `{ "kind": "serial", "baudRate": 9600 }`. */
export function inlineJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inlineJson).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${inlineJson(v)}`).join(', ')} }`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** An object one key per line at `indent` + `unit`, each value inline, closing brace at `indent`. */
export function blockJson(value: Record<string, unknown>, indent: string, unit: string): string {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${indent}${unit}${JSON.stringify(k)}: ${inlineJson(v)}`).join(',\n')}\n${indent}}`;
}
