/**
 * The supervisor's API relay (ARCHITECTURE.md §8.9, §8.10): matches host replies to calls, and decides what
 * happens to a call while no host is ready. A call in flight when the host dies fails `offline`; a call made
 * while the host is down waits up to `waitMs` for the next one to become ready, then fails `offline`.
 * Callers' ids may collide (several windows, several bridges), so calls travel under the relay's own ids and
 * replies are handed back under the caller's.
 */
import type { ApiReply, ApiRequest } from '../../common/kiosk-api';
import { callDeadlineMs } from '../../common/kiosk-api-channels';
import { errorReply } from '../web/api-wire';

/** Sends one request to the ready host; `done` reports whether it left. */
export type RequestSender = (request: ApiRequest, done: (err: Error | null) => void) => void;

interface Waiter {
  request: ApiRequest;
  resolve: (reply: ApiReply) => void;
  timer: NodeJS.Timeout;
}

export class CallRelay {
  private nextId = 1;
  private sender: RequestSender | null = null;
  private closedDetail: string | null = null;
  private readonly pending = new Map<number, { callerId: number; resolve: (reply: ApiReply) => void; timer: NodeJS.Timeout }>();
  private readonly waiters = new Set<Waiter>();

  constructor(
    private readonly waitMs: number,
    /** How long a call sent to the host may go unanswered (a hung host) before it fails `timeout`. */
    private readonly deadlineMs: (request: ApiRequest) => number = (request) => callDeadlineMs(request.channel),
  ) {}

  call(request: ApiRequest): Promise<ApiReply> {
    if (this.closedDetail !== null) return Promise.resolve(errorReply(request.id, 'offline', this.closedDetail));
    return new Promise<ApiReply>((resolve) => {
      if (this.sender) return this.dispatch(this.sender, request, resolve);
      const waiter: Waiter = {
        request,
        resolve,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          resolve(errorReply(request.id, 'offline', 'host not ready'));
        }, this.waitMs),
      };
      this.waiters.add(waiter);
    });
  }

  /** A host became ready: calls go to it from now on, starting with those that were waiting. */
  online(sender: RequestSender): void {
    if (this.closedDetail !== null) return;
    this.sender = sender;
    for (const waiter of [...this.waiters]) {
      this.waiters.delete(waiter);
      clearTimeout(waiter.timer);
      this.dispatch(sender, waiter.request, waiter.resolve);
    }
  }

  /** The host is gone: calls in flight fail; new calls wait for the next `online`. */
  offline(detail: string): void {
    this.sender = null;
    for (const [id, call] of this.pending) {
      this.pending.delete(id);
      clearTimeout(call.timer);
      call.resolve(errorReply(call.callerId, 'offline', detail));
    }
  }

  /** Hands a host reply to its caller; false when no call waits for it (late, or never sent). */
  settle(reply: ApiReply): boolean {
    const call = this.pending.get(reply.id);
    if (!call) return false;
    this.pending.delete(reply.id);
    clearTimeout(call.timer);
    call.resolve({ ...reply, id: call.callerId });
    return true;
  }

  /** Fails everything in flight or waiting, and every later call. */
  close(detail: string): void {
    this.closedDetail = detail;
    this.offline(detail);
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.resolve(errorReply(waiter.request.id, 'offline', detail));
    }
    this.waiters.clear();
  }

  get inFlight(): number {
    return this.pending.size;
  }

  private dispatch(sender: RequestSender, request: ApiRequest, resolve: (reply: ApiReply) => void): void {
    const id = this.nextId++;
    const deadlineMs = this.deadlineMs(request);
    const timer = setTimeout(() => {
      if (this.pending.delete(id)) resolve(errorReply(request.id, 'timeout', `the host did not answer ${request.channel} within ${deadlineMs} ms`));
    }, deadlineMs);
    timer.unref();
    this.pending.set(id, { callerId: request.id, resolve, timer });
    sender({ ...request, id }, (err) => {
      if (err && this.pending.delete(id)) {
        clearTimeout(timer);
        resolve(errorReply(request.id, 'offline', 'host is not connected'));
      }
    });
  }
}
