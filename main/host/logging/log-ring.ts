/**
 * The host's latest log lines kept in memory (issue 15 §3: the diagnostic bundle carries "recent logs"). A
 * pino destination beside stderr: the lines are already masked by the logger (logger.ts), and the bundle
 * masks again. Bounded by count, so a chatty device cannot grow it.
 */
export const LOG_RING_LINES = 2_000;

export class LogRing {
  private readonly lines: string[] = [];
  private partial = '';

  constructor(private readonly capacity = LOG_RING_LINES) {}

  /** pino calls this with one or more whole JSON lines. */
  write(chunk: string): boolean {
    const parts = (this.partial + chunk).split('\n');
    this.partial = parts.pop() ?? '';
    for (const line of parts) if (line !== '') this.lines.push(line);
    if (this.lines.length > this.capacity) this.lines.splice(0, this.lines.length - this.capacity);
    return true;
  }

  recent(): readonly string[] {
    return [...this.lines];
  }
}
