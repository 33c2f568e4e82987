/**
 * Garbage from a scanner, reported once (issue 14 item 6: "a scanner that types garbage … gets a clear
 * message"): every bad report is counted, but listeners hear `scanUnreadable` once per burst. A burst ends
 * with a good scan, or after `quietMs` on the injected clock's monotonic line with no bad report.
 */
import type { Clock } from '../../../common/clock';
import { errorInfo, type KioskErrorInfo } from '../../../common/errors';
import type { Logger } from '../../../common/logger';
import type { ScanProblem } from '../../protocol/hidpos/scan-problem';
import { Listeners } from '../../transport/transport';
import type { DeviceCounters } from '../statistics';

export class ScanFailures {
  readonly listeners = new Listeners<[KioskErrorInfo]>();
  private lastBadAt: number | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly counters: DeviceCounters,
    private readonly quietMs: number,
  ) {}

  /** A bad report or label; true when listeners were told (the first of a burst). */
  problem(problem: ScanProblem): boolean {
    this.counters.add('unreadableReports');
    this.counters.add(`unreadable.${problem.reason}`);
    const now = this.clock.elapsedMs();
    const inBurst = this.lastBadAt !== null && now - this.lastBadAt < this.quietMs;
    this.lastBadAt = now;
    if (inBurst) return false;
    this.counters.add('unreadableScans');
    this.log.warn('scanner sent something that is no label', { reason: problem.reason, problem: problem.message });
    this.listeners.emit(errorInfo('scanUnreadable', `the scanner sent no readable label: ${problem.message}`));
    return true;
  }

  /** A good scan ends a burst. */
  readable(): void {
    this.lastBadAt = null;
  }
}
