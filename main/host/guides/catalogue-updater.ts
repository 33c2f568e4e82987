/**
 * Asks the platform for a newer catalogue (issue 16 §1) once after start and then every `intervalMs`, one ask
 * at a time; what it sends goes to the store, which validates it and keeps the previous catalogue on any
 * problem. An unreachable platform is normal at night: the kiosk works from the catalogue it has.
 */
import type { Clock, TimerHandle } from '../../../common/clock';
import type { Logger } from '../../../common/logger';
import type { PlatformClient } from '../platform/platform-client';
import type { CatalogueOffer, CatalogueStore } from './catalogue-store';

export type UpdateCheck = { kind: 'current' } | { kind: 'unreachable'; code: string } | ({ kind: 'offered' } & CatalogueOffer);

export class CatalogueUpdater {
  private timer: TimerHandle | null = null;
  private running: Promise<UpdateCheck> | null = null;

  constructor(
    private readonly deps: { clock: Clock; log: Logger; store: CatalogueStore; platform: () => PlatformClient | null; intervalMs: number },
  ) {}

  start(): void {
    if (this.timer || this.deps.intervalMs <= 0) return;
    void this.checkNow();
    this.timer = this.deps.clock.every(this.deps.intervalMs, () => void this.checkNow());
  }

  stop(): void {
    this.timer?.cancel();
    this.timer = null;
  }

  /** One ask (or the one under way). */
  checkNow(): Promise<UpdateCheck> {
    this.running ??= this.ask().finally(() => (this.running = null));
    return this.running;
  }

  private async ask(): Promise<UpdateCheck> {
    const platform = this.deps.platform();
    if (!platform) return { kind: 'unreachable', code: 'platformUnavailable' };
    const reply = await platform.fetchCatalogue(this.deps.store.current.version);
    if (!reply.ok) {
      this.deps.log.info('catalogue update not reached: working from the catalogue in force', { code: reply.error.code });
      return { kind: 'unreachable', code: reply.error.code };
    }
    if (reply.value.status === 'current') return { kind: 'current' };
    return { kind: 'offered', ...this.deps.store.offer(reply.value.catalogue) };
  }
}
