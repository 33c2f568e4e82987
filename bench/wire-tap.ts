/**
 * The bytes actually exchanged with the simulated ID-card reader (issue 14 item 12, row 1): a Transport that
 * passes everything through to the memory pair's host end and notes each request frame (a copy: requests
 * carry no personal data, protocols.md §1.2) and the length of each reply chunk (never its bytes: replies
 * carry the card). From that log, `exchanges` pairs each request with the reply bytes that followed it, and
 * `simulatedWaitMs` is what the simulator waited for them: its processing time per command and the reply's
 * wire time (devices-sim/ga467/reader-timing.ts). The simulator does not delay requests on the memory pair,
 * so their wire time is reported apart and is in neither the measured time nor the simulated wait.
 */
import { performance } from 'node:perf_hooks';
import { processingMs, wireMs, type ReaderTiming } from '../devices-sim/ga467/reader-timing';
import { recogniseRequest, type Ga467Command } from '../drivers/protocol/ga467/commands';
import { Ga467RequestParser } from '../drivers/protocol/ga467/request-parser';
import type { Transport } from '../drivers/transport/transport';

export type TapEvent = { dir: 'request'; atMs: number; bytes: Uint8Array } | { dir: 'reply'; atMs: number; length: number };

export interface Exchange {
  /** The request's command as the simulator recognises it; undefined for a frame it would refuse. */
  command: Ga467Command | undefined;
  sentAtMs: number;
  requestBytes: number;
  replyBytes: number;
}

export interface SimulatedWait {
  processingMs: number;
  replyWireMs: number;
  /** Not simulated on the memory pair (see above); a real 115200 line would add it. */
  requestWireMs: number;
  requestBytes: number;
  replyBytes: number;
}

/** Each request of `events` with the reply bytes received after it and before the next request. */
export function exchanges(events: readonly TapEvent[]): Exchange[] {
  const out: Exchange[] = [];
  for (const e of events) {
    if (e.dir === 'request') {
      const frames = new Ga467RequestParser().push(e.bytes);
      const first = frames[0];
      const command = frames.length === 1 && first?.type === 'request' ? recogniseRequest(first.frame) : undefined;
      out.push({ command, sentAtMs: e.atMs, requestBytes: e.bytes.length, replyBytes: 0 });
    } else {
      const last = out[out.length - 1];
      if (last) last.replyBytes += e.length;
    }
  }
  return out;
}

/** What the simulator with `timing` at `baud` waits for these exchanges, and the requests' own wire time. */
export function simulatedWaitMs(list: readonly Exchange[], timing: ReaderTiming, baud: number): SimulatedWait {
  const sum = (f: (x: Exchange) => number): number => list.reduce((a, x) => a + f(x), 0);
  const requestBytes = sum((x) => x.requestBytes);
  const replyBytes = sum((x) => x.replyBytes);
  return {
    processingMs: sum((x) => processingMs(timing, x.command)),
    replyWireMs: sum((x) => wireMs(x.replyBytes, baud)),
    requestWireMs: wireMs(requestBytes, baud),
    requestBytes,
    replyBytes,
  };
}

export class WireTap implements Transport {
  readonly events: TapEvent[] = [];
  readonly description: string;

  /** `bytesPerSecond`: the line the simulator models (serial 8N1 reports baud / 10), for the driver's deadlines. */
  constructor(
    private readonly inner: Transport,
    readonly bytesPerSecond: number | undefined,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.description = `tap:${inner.description}`;
    // Subscribed first, once: every chunk is counted before the driver sees it, however often it resubscribes.
    inner.onData((chunk) => this.events.push({ dir: 'reply', atMs: this.now(), length: chunk.length }));
  }

  get isOpen(): boolean {
    return this.inner.isOpen;
  }

  open(): Promise<void> {
    return this.inner.open();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  write(bytes: Uint8Array, signal?: AbortSignal): Promise<void> {
    this.events.push({ dir: 'request', atMs: this.now(), bytes: bytes.slice() });
    return this.inner.write(bytes, signal);
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    return this.inner.onData(listener);
  }

  onDisconnect(listener: (reason: string) => void): () => void {
    return this.inner.onDisconnect(listener);
  }
}
