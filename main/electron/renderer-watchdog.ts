/**
 * Reloads a crashed or hung renderer with back-off (ARCHITECTURE.md §8.9 "the shell reloads a crashed
 * renderer"): 1 s, 2 s, 4 s … capped at 60 s, back to 1 s once a page has stayed up for 5 minutes, so a page
 * that dies at once cannot spin the CPU and a rare crash is mended in a second. Pure over the injected Clock;
 * electron-shell.ts feeds it the webContents events.
 */
import type { Clock, TimerHandle } from '../../common/clock';
import { SILENT_LOGGER, type Logger } from '../../common/logger';
import { RestartBackoff, type BackoffOptions } from '../supervisor/restart-backoff';

export const RENDERER_BACKOFF: Readonly<BackoffOptions> = { initialMs: 1_000, maxMs: 60_000, resetAfterMs: 5 * 60_000 };

export interface RendererWatchdogOptions {
  clock: Clock;
  /** Reloads the kiosk page (webContents.reload()). */
  reload: () => void;
  backoff?: BackoffOptions;
  log?: Logger;
}

type Cause = 'crash' | 'hang';

export class RendererWatchdog {
  private readonly backoff: RestartBackoff;
  private readonly log: Logger;
  private healthySince: number | null = null;
  private pending: { timer: TimerHandle; cause: Cause; dueMs: number } | null = null;
  private failureCount = 0;
  private reloadCount = 0;
  private disposed = false;

  constructor(private readonly options: RendererWatchdogOptions) {
    this.backoff = new RestartBackoff(options.backoff ?? RENDERER_BACKOFF);
    this.log = options.log ?? SILENT_LOGGER;
  }

  /** The page finished loading: it counts as healthy from now on ('did-finish-load'). */
  loaded(): void {
    this.healthySince = this.options.clock.elapsedMs();
  }

  /** The renderer process is gone ('render-process-gone') or the page failed to load. */
  crashed(reason: string): void {
    this.fail('crash', reason);
  }

  /** The page stopped answering ('unresponsive'). */
  unresponsive(): void {
    this.fail('hang', 'unresponsive');
  }

  /** The page answers again ('responsive'): a reload planned only for the hang is called off. */
  responsive(): void {
    if (this.pending?.cause !== 'hang') return;
    this.pending.timer.cancel();
    this.pending = null;
    this.healthySince = this.options.clock.elapsedMs();
    this.log.info('renderer recovered before its reload');
  }

  dispose(): void {
    this.disposed = true;
    this.pending?.timer.cancel();
    this.pending = null;
  }

  /** Crashes and hangs seen so far (for telemetry and the technician's screen). */
  get failures(): number {
    return this.failureCount;
  }

  get reloads(): number {
    return this.reloadCount;
  }

  /** When the planned reload is due on the clock's elapsed (monotonic) line, or null when none is planned. */
  get reloadDueMs(): number | null {
    return this.pending?.dueMs ?? null;
  }

  private fail(cause: Cause, reason: string): void {
    if (this.disposed) return;
    this.failureCount += 1;
    if (this.pending) {
      // Already planned: a crash on top of a hang must not be called off by a late 'responsive'.
      if (cause === 'crash') this.pending.cause = 'crash';
      return;
    }
    const now = this.options.clock.elapsedMs();
    const healthyMs = this.healthySince === null ? 0 : now - this.healthySince;
    this.healthySince = null;
    const delayMs = this.backoff.next(healthyMs);
    this.log.warn('renderer failed, reloading', { cause, reason, delayMs, failures: this.failureCount });
    const timer = this.options.clock.setTimer(delayMs, () => {
      this.pending = null;
      if (this.disposed) return;
      this.reloadCount += 1;
      this.options.reload();
    });
    this.pending = { timer, cause, dueMs: now + delayMs };
  }
}
