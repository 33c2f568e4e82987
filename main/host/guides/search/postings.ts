/**
 * Inverted lists for the search engine: integer key → the sorted, distinct entry ids that have it, stored
 * compressed-row style (one Int32Array of ids and one of offsets per key type), built in two passes over the
 * same keys (count, then fill) so 160,000 entries need no per-key arrays. Entry ids are the entries' static
 * order, so every list is in tie-break order and caps keep the best-placed entries.
 */
export class PostingsBuilder {
  private readonly slotOf = new Map<number, number>();
  private counts: Int32Array = new Int32Array(1024);
  private last: Int32Array = new Int32Array(1024).fill(-1);
  private ids: Int32Array | null = null;
  private offsets: Int32Array | null = null;
  private fill: Int32Array | null = null;

  /** Pass 1 (count) before `seal()`, pass 2 (fill) after; entries in increasing id order, keys in any order. */
  add(key: number, entry: number): void {
    let slot = this.slotOf.get(key);
    if (this.ids === null) {
      if (slot === undefined) {
        slot = this.slotOf.size;
        this.slotOf.set(key, slot);
        if (slot >= this.counts.length) this.grow();
      }
      if (this.last[slot] === entry) return;
      this.last[slot] = entry;
      this.counts[slot]!++;
      return;
    }
    if (slot === undefined || this.last[slot] === entry) return;
    this.last[slot] = entry;
    const fill = this.fill as Int32Array;
    this.ids[fill[slot]!++] = entry;
  }

  seal(): void {
    const n = this.slotOf.size;
    const offsets = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + this.counts[i]!;
    this.offsets = offsets;
    this.ids = new Int32Array(offsets[n]!);
    this.fill = offsets.slice(0, n);
    this.last = new Int32Array(n).fill(-1);
    this.counts = new Int32Array(0);
  }

  finish(): Postings {
    if (this.ids === null || this.offsets === null) this.seal();
    return new Postings(this.slotOf, this.ids as Int32Array, this.offsets as Int32Array);
  }

  private grow(): void {
    const counts = new Int32Array(this.counts.length * 2);
    counts.set(this.counts);
    const last = new Int32Array(this.last.length * 2).fill(-1);
    last.set(this.last);
    this.counts = counts;
    this.last = last;
  }
}

const EMPTY = new Int32Array(0);

export class Postings {
  constructor(
    private readonly slotOf: Map<number, number>,
    private readonly ids: Int32Array,
    private readonly offsets: Int32Array,
  ) {}

  get(key: number): Int32Array {
    const slot = this.slotOf.get(key);
    if (slot === undefined) return EMPTY;
    return this.ids.subarray(this.offsets[slot], this.offsets[slot + 1]);
  }

  get size(): number {
    return this.ids.length;
  }
}

/** Sorted intersection; gallops through the longer list when the two differ much in length. */
export function intersect(a: Int32Array, b: Int32Array): Int32Array {
  if (a.length > b.length) [a, b] = [b, a];
  if (a.length === 0) return EMPTY;
  const out = new Int32Array(a.length);
  let n = 0;
  let j = 0;
  for (let i = 0; i < a.length && j < b.length; i++) {
    const v = a[i]!;
    if (b[j]! < v) {
      let step = 1;
      while (j + step < b.length && b[j + step]! < v) step *= 2;
      let lo = j + (step >> 1);
      let hi = Math.min(j + step, b.length - 1);
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (b[mid]! < v) lo = mid + 1;
        else hi = mid;
      }
      j = lo;
    }
    if (b[j] === v) out[n++] = v;
  }
  return out.subarray(0, n);
}

let marks = new Uint8Array(0);

/** Sorted union of sorted lists, distinct (through a bitmap when the lists are long and the ids dense). */
export function union(lists: readonly Int32Array[]): Int32Array {
  const nonEmpty = lists.filter((l) => l.length > 0);
  if (nonEmpty.length === 0) return EMPTY;
  if (nonEmpty.length === 1) return nonEmpty[0]!;
  let total = 0;
  let top = 0;
  for (const l of nonEmpty) {
    total += l.length;
    top = Math.max(top, l[l.length - 1]! + 1);
  }
  if (total > 4096 && top < total * 16) {
    if (marks.length < top) marks = new Uint8Array(top);
    for (const l of nonEmpty) for (let i = 0; i < l.length; i++) marks[l[i]!] = 1;
    const out = new Int32Array(Math.min(total, top));
    let n = 0;
    for (let e = 0; e < top; e++) {
      if (marks[e] === 1) {
        out[n++] = e;
        marks[e] = 0;
      }
    }
    return out.subarray(0, n);
  }
  const all = new Int32Array(total);
  let at = 0;
  for (const l of nonEmpty) {
    all.set(l, at);
    at += l.length;
  }
  all.sort();
  let n = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[n++] = all[i]!;
  return all.subarray(0, n);
}
