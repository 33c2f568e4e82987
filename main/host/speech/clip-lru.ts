/**
 * The in-memory clip cache: least recently used goes first, bounded by entries and by bytes (one long clip
 * is a few megabytes of base64). Holds personal texts' clips too, so it lives only as long as the host.
 */
export class ClipLru {
  private readonly entries = new Map<string, string>();
  private bytes = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string): string | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: string, base64: string): void {
    if (base64.length > this.maxBytes) return;
    this.delete(key);
    this.entries.set(key, base64);
    this.bytes += base64.length;
    while (this.entries.size > this.maxEntries || this.bytes > this.maxBytes) {
      const oldest = this.entries.keys().next().value as string;
      this.delete(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  private delete(key: string): void {
    const value = this.entries.get(key);
    if (value === undefined) return;
    this.entries.delete(key);
    this.bytes -= value.length;
  }
}
