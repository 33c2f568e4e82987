/**
 * Routes decoded printer replies (protocols.md §2.4–2.7) to whoever waits for them: one DLE EOT query at a
 * time (a reply byte does not say which n it answers, so queries are strictly one after another), the
 * running job's completion (process ID with its tag, or a GS r reply), and unsolicited ASB blocks.
 */
import type { Clock } from '../../../common/clock';
import { EscPosReplyDecoder, type EscPosReply } from '../../protocol/escpos/reply-decoder';
import type { AsbStatus } from '../../protocol/escpos/status-bits';
import { DeviceError } from '../device-error';

interface Waiter<T> {
  resolve(value: T): void;
  reject(err: DeviceError): void;
}

export class ReplyRouter {
  private readonly decoder: EscPosReplyDecoder;
  private statusWaiter: Waiter<number> | null = null;
  private completion: { tag: string | null; waiter: Waiter<void> } | null = null;
  private readonly asbListeners = new Set<(status: AsbStatus) => void>();
  garbageBytes = 0;

  constructor(
    private readonly clock: Clock,
    options: { ticketTakenBit: boolean },
    private readonly onStray?: (reply: EscPosReply) => void,
  ) {
    // Kiosk printers that report "ticket not taken" in DLE EOT 1 bit 7 (protocols.md §2.6) need the wider tag rule.
    this.decoder = new EscPosReplyDecoder({ ticketTakenBit: options.ticketTakenBit });
  }

  push(chunk: Uint8Array): void {
    for (const reply of this.decoder.push(chunk)) this.route(reply);
  }

  /** Waits for the next DLE EOT reply byte; garbage instead fails with garbledReply. */
  nextStatusByte(timeoutMs: number, signal: AbortSignal): Promise<number> {
    return this.wait<number>(timeoutMs, signal, 'status reply', (waiter) => (this.statusWaiter = waiter), () => (this.statusWaiter = null));
  }

  /** Waits for the job's completion reply: the process ID `tag`, or (tag null) the next GS r reply. */
  completionOf(tag: string | null, timeoutMs: number, signal: AbortSignal): Promise<void> {
    if (tag === null) this.decoder.expectPaperStatus();
    return this.wait<void>(timeoutMs, signal, 'job completion', (waiter) => (this.completion = { tag, waiter }), () => (this.completion = null));
  }

  onAsb(listener: (status: AsbStatus) => void): () => void {
    this.asbListeners.add(listener);
    return () => this.asbListeners.delete(listener);
  }

  /** After a reconnect or a cleared buffer: forget half replies and pending waits. */
  reset(reason: DeviceError): void {
    this.decoder.reset();
    this.statusWaiter?.reject(reason);
    this.completion?.waiter.reject(reason);
    this.statusWaiter = null;
    this.completion = null;
  }

  private route(reply: EscPosReply): void {
    switch (reply.type) {
      case 'realtimeStatus':
        if (this.statusWaiter) return this.statusWaiter.resolve(reply.byte);
        return this.onStray?.(reply);
      case 'asb':
        for (const l of [...this.asbListeners]) l(reply.status);
        return;
      case 'processId':
        if (this.completion && this.completion.tag === reply.id) return this.completion.waiter.resolve();
        return this.onStray?.(reply);
      case 'paperStatus':
        if (this.completion && this.completion.tag === null) return this.completion.waiter.resolve();
        return this.onStray?.(reply);
      case 'garbage':
        this.garbageBytes += reply.bytes.length;
        this.statusWaiter?.reject(new DeviceError('garbledReply', `printer answered ${reply.bytes.length} unexpected byte(s)`));
        this.onStray?.(reply);
        return;
    }
  }

  private wait<T>(timeoutMs: number, signal: AbortSignal, what: string, install: (w: Waiter<T>) => void, uninstall: () => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const done = (): void => {
        timer.cancel();
        signal.removeEventListener('abort', onAbort);
        uninstall();
      };
      const onAbort = (): void => {
        done();
        reject(new DeviceError('canceled', `${what}: canceled`));
      };
      const timer = this.clock.setTimer(timeoutMs, () => {
        done();
        reject(new DeviceError('timeout', `${what}: no answer within ${timeoutMs} ms`));
      });
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      install({
        resolve: (v) => {
          done();
          resolve(v);
        },
        reject: (e) => {
          done();
          reject(e);
        },
      });
    });
  }
}
