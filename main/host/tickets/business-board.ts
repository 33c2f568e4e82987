/**
 * The business list the citizen sees (open or closed, waiting, estimated wait) kept fresh and pushed:
 * after each ticket, when the clock is moved (training), and every half minute so openings and closings
 * (service hours, stop-issuing margins, local midnight) show without anybody touching the screen.
 */
import type { Clock, TimerHandle } from '../../../common/clock';
import type { BusinessView } from '../../../common/queue';

const REFRESH_MS = 30_000;

export class BusinessBoard {
  private last = '';
  private timer: TimerHandle | null = null;
  private offJump: (() => void) | null = null;
  private readonly listeners = new Set<(businesses: BusinessView[]) => void>();

  constructor(
    private readonly source: { listBusinesses(): BusinessView[] },
    private readonly clock: Clock,
  ) {}

  list(): BusinessView[] {
    return this.source.listBusinesses();
  }

  refresh(): void {
    const now = this.list();
    const key = JSON.stringify(now);
    if (key === this.last) return;
    this.last = key;
    for (const l of [...this.listeners]) l(now);
  }

  start(): void {
    this.last = JSON.stringify(this.list());
    this.offJump = this.clock.onJump(() => this.refresh());
    this.timer = this.clock.every(REFRESH_MS, () => this.refresh());
  }

  stop(): void {
    this.timer?.cancel();
    this.offJump?.();
  }

  onChanged(listener: (businesses: BusinessView[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
