/**
 * Searches for a citizen's personal data (issue 14 §9's privacy proof; ARCHITECTURE.md §8.7): each datum
 * (name, full ID number, address; or bytes such as a fingerprint template) in every form it could take in
 * memory, on disk or on the wire —
 *
 * - bytes: UTF-8, UTF-16LE, UTF-16BE, GB18030 (a datum given as bytes: those bytes);
 * - text written from those bytes (as ASCII, and as UTF-16LE for a two-byte string or file): hex in lower
 *   and upper case, plain and spaced like common/hex-dump.ts's frame dumps, and base64 (standard and url-safe)
 *   in all three alignments — the datum may start at any byte of a 3-byte group, so for each offset only the
 *   characters that depend on the datum alone are searched, never fewer than MIN_BASE64_CHARS;
 * - JSON's `\uXXXX` escapes of its non-ASCII characters, in both cases.
 *
 * Sources are bytes (files, process output), text (the DOM, storage), whole folders, or V8 heap snapshots.
 * A heap snapshot's JSON writes every non-ASCII character as `\uXXXX`, so it is parsed and its strings
 * searched (each string's UTF-8 bytes, and its Latin-1 bytes when it is a one-byte string, i.e. possibly
 * binary); a finding there comes with the retaining path from the snapshot's root, so a leak can be told to
 * whoever owns the object. Snapshots hold no ArrayBuffer contents: zeroed buffers are not proven here.
 */
import { lstatSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import iconv from 'iconv-lite';

/** A datum given as text (a name, a number, an address), or as bytes (a fingerprint template, a photo). */
export type PersonalDatum =
  | {
      /** What it is, for the report: "name", "ID number", "address". */
      label: string;
      text: string;
    }
  | { label: string; bytes: Uint8Array };

export interface NeedleForm {
  label: string;
  /** How the datum was written, e.g. "GB18030", "base64(UTF-16LE)+1 as UTF-16LE". */
  encoding: string;
  bytes: Buffer;
}

export interface Finding {
  label: string;
  encoding: string;
  source: string;
  /** Byte offset in the source (for a heap snapshot: in the string where it was found). */
  offset: number;
  /** A few characters around the find, personal data replaced by its label. */
  context: string;
  /** Heap snapshots: what holds the string, from the root. */
  retainedBy?: string[];
}

/** A base64 core shorter than this (36 bits) would turn up by chance in a large heap. */
export const MIN_BASE64_CHARS = 6;
/** Hex and the other forms are at least this many bytes long or not searched (a 1-character datum). */
const MIN_FORM_BYTES = 4;

const hex = (b: Buffer): string => b.toString('hex');
const spaced = (h: string): string => h.replace(/(..)(?!$)/g, '$1 ');

/** The characters of base64(`k` unknown bytes + `bytes` + unknown bytes) that depend on `bytes` alone. */
export function base64Core(bytes: Buffer, k: 0 | 1 | 2): string {
  const full = Buffer.concat([Buffer.alloc(k), bytes]).toString('base64');
  const start = k === 0 ? 0 : 4;
  const end = 4 * Math.floor((k + bytes.length) / 3);
  return end > start ? full.slice(start, end) : '';
}

function jsonEscapes(text: string, upper: boolean): string | null {
  let out = '';
  let escaped = false;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out += ch;
    else {
      escaped = true;
      for (const unit of ch.length === 2 ? [ch.charCodeAt(0), ch.charCodeAt(1)] : [code]) {
        const h = unit.toString(16).padStart(4, '0');
        out += `\\u${upper ? h.toUpperCase() : h}`;
      }
    }
  }
  return escaped ? out : null;
}

/** Every form of each datum, deduplicated by bytes (an ASCII ID number is the same in UTF-8 and GB18030). */
export function needleForms(data: readonly PersonalDatum[]): NeedleForm[] {
  const forms: NeedleForm[] = [];
  for (const datum of data) {
    const { label } = datum;
    const seen = new Map<string, NeedleForm>();
    const add = (encoding: string, bytes: Buffer): void => {
      if (bytes.length < MIN_FORM_BYTES) return;
      const key = bytes.toString('latin1');
      const same = seen.get(key);
      if (same) same.encoding += ` = ${encoding}`;
      else {
        const form = { label, encoding, bytes };
        seen.set(key, form);
        forms.push(form);
      }
    };
    /** A form that is itself ASCII text: as one-byte text and as two-byte (UTF-16LE) text. */
    const addText = (encoding: string, ascii: string): void => {
      add(encoding, Buffer.from(ascii, 'latin1'));
      add(`${encoding} as UTF-16LE`, Buffer.from(ascii, 'utf16le'));
    };
    const text = 'text' in datum ? datum.text : null;
    const byteForms: Array<[string, Buffer]> =
      text === null
        ? [['bytes', Buffer.from((datum as { bytes: Uint8Array }).bytes)]]
        : [
            ['UTF-8', Buffer.from(text, 'utf8')],
            ['UTF-16LE', Buffer.from(text, 'utf16le')],
            ['GB18030', iconv.encode(text, 'gb18030')],
          ];
    for (const [name, bytes] of byteForms) add(name, bytes);
    if (text !== null) add('UTF-16BE', Buffer.from(text, 'utf16le').swap16());
    for (const [name, bytes] of byteForms) {
      const h = hex(bytes);
      addText(`hex(${name})`, h);
      addText(`HEX(${name})`, h.toUpperCase());
      addText(`spaced hex(${name})`, spaced(h));
      addText(`spaced HEX(${name})`, spaced(h.toUpperCase()));
      for (const k of [0, 1, 2] as const) {
        const core = base64Core(bytes, k);
        if (core.length < MIN_BASE64_CHARS) continue;
        addText(`base64(${name})+${k}`, core);
        addText(`base64url(${name})+${k}`, core.replace(/\+/g, '-').replace(/\//g, '_'));
      }
    }
    for (const upper of text === null ? [] : [false, true]) {
      const escaped = jsonEscapes(text as string, upper);
      if (escaped !== null) addText(`JSON \\u escapes${upper ? ' (upper case)' : ''}`, escaped);
    }
  }
  return forms;
}

/** The text around a find, each datum's own forms shown as «label», the rest as printable ASCII. */
function contextAt(haystack: Uint8Array, offset: number, length: number, label: string): string {
  const printable = (from: number, to: number): string =>
    Buffer.from(haystack.subarray(Math.max(0, from), Math.min(haystack.length, to)))
      .toString('latin1')
      .replace(/[^\x20-\x7e]/g, '.');
  return `${printable(offset - 24, offset)}«${label}»${printable(offset + length, offset + length + 24)}`;
}

export class PersonalDataSearch {
  readonly forms: NeedleForm[];

  constructor(readonly data: readonly PersonalDatum[]) {
    if (data.length === 0) throw new Error('nothing to search for');
    for (const d of data) if (('text' in d ? d.text : d.bytes).length === 0) throw new Error(`an empty ${d.label} cannot be searched for`);
    this.forms = needleForms(data);
  }

  /** Every occurrence of every form in `haystack`. */
  bytes(source: string, haystack: Uint8Array): Finding[] {
    const hay = Buffer.isBuffer(haystack) ? haystack : Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength);
    const findings: Finding[] = [];
    for (const form of this.forms) {
      for (let at = hay.indexOf(form.bytes); at !== -1; at = hay.indexOf(form.bytes, at + 1)) {
        findings.push({ label: form.label, encoding: form.encoding, source, offset: at, context: contextAt(hay, at, form.bytes.length, form.label) });
        if (findings.length > 1000) return findings;
      }
    }
    return findings;
  }

  /**
   * A JS string: its UTF-8 bytes, and — when every character is below U+0100, so it may be bytes held as
   * text ("binary" or Latin-1 strings) — its Latin-1 bytes too.
   */
  text(source: string, text: string): Finding[] {
    const found = this.bytes(source, Buffer.from(text, 'utf8'));
    if (/^[\u0000-\u00ff]*$/.test(text) && /[\u0080-\u00ff]/.test(text)) found.push(...this.bytes(`${source} (as Latin-1 bytes)`, Buffer.from(text, 'latin1')));
    return found;
  }

  /** Every regular file under `dir` (symbolic links not followed), each file a source of its own. */
  folder(source: string, dir: string, options: { skip?: (path: string) => boolean } = {}): { findings: Finding[]; files: string[] } {
    const findings: Finding[] = [];
    const files: string[] = [];
    const walk = (d: string): void => {
      for (const entry of readdirSync(d, { withFileTypes: true })) {
        const path = join(d, entry.name);
        if (options.skip?.(path)) continue;
        if (entry.isDirectory()) walk(path);
        else if (entry.isFile()) {
          let bytes: Buffer;
          try {
            bytes = readFileSync(path);
          } catch (err) {
            // A file removed between the listing and the read (a WAL checkpointed, a lock dropped).
            if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
            throw err;
          }
          const name = relative(dir, path);
          files.push(`${name} (${bytes.length} bytes)`);
          findings.push(...this.bytes(`${source}/${name}`, bytes));
        }
      }
    };
    if (lstatSync(dir).isDirectory()) walk(dir);
    return { findings, files };
  }

  /**
   * A V8 heap snapshot (the JSON of HeapProfiler.takeHeapSnapshot or --heapsnapshot-signal). `stats`, when
   * given, is told how many strings it holds and the longest one's length: a longest string of exactly 1024
   * characters means V8 cut them (--heap-snapshot-string-limit) and a datum far into a string would be missed.
   */
  heapSnapshot(source: string, json: string, stats?: { strings: number; longest: number }): Finding[] {
    const snapshot = new HeapSnapshot(json);
    if (stats) {
      stats.strings = snapshot.strings.length;
      stats.longest = snapshot.strings.reduce((m, s) => Math.max(m, s.length), 0);
    }
    const findings: Finding[] = [];
    // One search over all strings joined by NUL (no form holds one), offsets mapped back to the string.
    const search = (indices: number[], encoding: 'utf8' | 'latin1', note: string): void => {
      const starts: number[] = [];
      let at = 0;
      for (const i of indices) {
        starts.push(at);
        at += Buffer.byteLength(snapshot.strings[i]!, encoding) + 1;
      }
      const joined = Buffer.from(indices.map((i) => snapshot.strings[i]).join('\u0000'), encoding);
      for (const f of this.bytes(source, joined)) {
        let lo = 0;
        let hi = starts.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (starts[mid]! <= f.offset) lo = mid;
          else hi = mid - 1;
        }
        const index = indices[lo]!;
        findings.push({ ...f, source: `${source} string #${index}${note}`, offset: f.offset - starts[lo]!, retainedBy: snapshot.holdersOf(index) });
      }
    };
    const all = snapshot.strings.map((_, i) => i);
    search(all, 'utf8', '');
    search(all.filter((i) => /^[\u0000-\u00ff]*$/.test(snapshot.strings[i]!) && /[\u0080-\u00ff]/.test(snapshot.strings[i]!)), 'latin1', ' (as Latin-1 bytes)');
    return findings;
  }
}

/** The parts of a V8 heap snapshot the search needs: its strings, and who holds each. */
export class HeapSnapshot {
  readonly strings: string[];
  private readonly nodes: number[];
  private readonly edges: number[];
  private readonly nodeFields: number;
  private readonly edgeFields: number;
  private readonly nodeTypes: string[];
  private readonly edgeTypes: string[];
  private readonly nameOffset: number;
  private readonly typeOffset: number;
  private readonly edgeCountOffset: number;
  private readonly edgeTypeOffset: number;
  private readonly edgeNameOffset: number;
  private readonly edgeToOffset: number;
  private firstEdge: Int32Array | null = null;
  /** For each node (by ordinal), the edge (by index into `edges`) that first reached it from the root; -1 for none. */
  private parentEdge: Int32Array | null = null;
  private parentNode: Int32Array | null = null;

  constructor(json: string) {
    const parsed = JSON.parse(json) as {
      snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]]; edge_fields: string[]; edge_types: [string[], ...unknown[]] } };
      nodes: number[];
      edges: number[];
      strings: string[];
    };
    const meta = parsed.snapshot.meta;
    this.strings = parsed.strings;
    this.nodes = parsed.nodes;
    this.edges = parsed.edges;
    this.nodeFields = meta.node_fields.length;
    this.edgeFields = meta.edge_fields.length;
    this.nodeTypes = meta.node_types[0];
    this.edgeTypes = meta.edge_types[0];
    this.nameOffset = meta.node_fields.indexOf('name');
    this.typeOffset = meta.node_fields.indexOf('type');
    this.edgeCountOffset = meta.node_fields.indexOf('edge_count');
    this.edgeTypeOffset = meta.edge_fields.indexOf('type');
    this.edgeNameOffset = meta.edge_fields.indexOf('name_or_index');
    this.edgeToOffset = meta.edge_fields.indexOf('to_node');
  }

  get nodeCount(): number {
    return this.nodes.length / this.nodeFields;
  }

  /** Where string `index` is used: as a node's name (a string value, mostly) or as an edge's name (a property key). */
  holdersOf(index: number, limit = 3): string[] {
    const out: string[] = [];
    this.index();
    for (let n = 0; n < this.nodeCount && out.length < limit; n++) {
      if (this.nodes[n * this.nodeFields + this.nameOffset] === index) out.push(this.pathTo(n));
    }
    for (let n = 0; n < this.nodeCount && out.length < limit; n++) {
      this.forEachEdge(n, (e) => {
        if (out.length >= limit || !this.namedEdge(e)) return;
        if (this.edges[e + this.edgeNameOffset] === index) out.push(`${this.pathTo(n)} has a ${this.edgeType(e)} named by it`);
      });
    }
    return out;
  }

  private edgeType(e: number): string {
    return this.edgeTypes[this.edges[e + this.edgeTypeOffset]!] ?? '?';
  }

  private namedEdge(e: number): boolean {
    const t = this.edgeType(e);
    return t !== 'element' && t !== 'hidden';
  }

  private forEachEdge(n: number, fn: (edgeIndex: number) => void): void {
    const first = this.firstEdge![n]!;
    const count = this.nodes[n * this.nodeFields + this.edgeCountOffset]!;
    for (let i = 0; i < count; i++) fn((first + i) * this.edgeFields);
  }

  private nodeLabel(n: number): string {
    if (n === 0) return '(root)';
    const type = this.nodeTypes[this.nodes[n * this.nodeFields + this.typeOffset]!] ?? '?';
    const name = this.strings[this.nodes[n * this.nodeFields + this.nameOffset]!] ?? '?';
    return `${name.length > 60 ? `${name.slice(0, 60)}…` : name} (${type})`;
  }

  private edgeLabel(e: number): string {
    const name = this.edges[e + this.edgeNameOffset]!;
    return this.namedEdge(e) ? `.${this.strings[name] ?? name}` : `[${name}]`;
  }

  /** The shortest path of strong edges from the snapshot's root, the way DevTools shows "Retainers". */
  private pathTo(target: number): string {
    const steps: string[] = [];
    let n = target;
    for (let guard = 0; guard < 40 && n > 0; guard++) {
      const e = this.parentEdge![n]!;
      if (e < 0) return `${this.nodeLabel(target)} — unreachable from the root (the snapshot keeps it anyway)`;
      steps.unshift(`${this.edgeLabel(e)} → ${this.nodeLabel(n)}`);
      n = this.parentNode![n]!;
    }
    return `${this.nodeLabel(n)} ${steps.join(' ')}`;
  }

  private index(): void {
    if (this.firstEdge) return;
    const count = this.nodeCount;
    const first = new Int32Array(count);
    let edge = 0;
    for (let n = 0; n < count; n++) {
      first[n] = edge;
      edge += this.nodes[n * this.nodeFields + this.edgeCountOffset]!;
    }
    this.firstEdge = first;
    const parentEdge = new Int32Array(count).fill(-1);
    const parentNode = new Int32Array(count).fill(-1);
    const queue = new Int32Array(count);
    let head = 0;
    let tail = 0;
    queue[tail++] = 0;
    parentNode[0] = 0;
    while (head < tail) {
      const n = queue[head++]!;
      this.forEachEdge(n, (e) => {
        if (this.edgeType(e) === 'weak') return;
        const to = this.edges[e + this.edgeToOffset]! / this.nodeFields;
        if (parentNode[to] !== -1) return;
        parentNode[to] = n;
        parentEdge[to] = e;
        queue[tail++] = to;
      });
    }
    this.parentEdge = parentEdge;
    this.parentNode = parentNode;
  }
}

/** One line per finding, for an assertion message a reader can act on. */
export function describeFindings(findings: readonly Finding[]): string {
  return findings
    .map((f) => {
      const held = f.retainedBy?.length ? `\n      held by: ${f.retainedBy.join('\n               ')}` : '';
      return `  ${f.label} as ${f.encoding} in ${f.source} at ${f.offset}: ${f.context}${held}`;
    })
    .join('\n');
}
