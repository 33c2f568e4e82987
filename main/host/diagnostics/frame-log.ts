/**
 * The live frame log of issue 15 §3: per device, the last frames that crossed its link, each one frame in
 * hex with its meaning beside it, personal data masked. Bounded (a ring of `capacity` entries per device)
 * and fed by a transport tap (transport-tap.ts) through a per-driver describer (frame-describers.ts), which
 * reassembles frames from chunks split anywhere with the drivers' own decoders. Entries hold only masked hex
 * and words, so the log may outlive a citizen's session (ARCHITECTURE.md §8.7); time from the Clock (§8.4).
 */
import type { Clock } from '../../../common/clock';
import { SILENT_LOGGER, type Logger } from '../../../common/logger';
import { MASKED, type DescribedFrame, type FrameDescriber } from './frame-describer';

export type FrameDirection = 'tx' | 'rx';

export interface FrameEntry {
  /** 1, 2, 3 … per device, so a screen can ask for what came after the last entry it showed. */
  seq: number;
  /** Clock time, epoch ms. */
  at: number;
  direction: FrameDirection;
  /** Masked hex (common/hex-dump.ts): personal bytes as `**`. */
  hex: string;
  meaning: string;
}

/** Where a transport tap hands the chunks it sees. Never throws into the link. */
export interface FrameSink {
  tx(chunk: Uint8Array): void;
  rx(chunk: Uint8Array): void;
}

export interface FrameLogOptions {
  clock: Clock;
  /** Entries kept per device (default 500); older ones drop off. */
  capacity?: number;
  log?: Logger;
}

export const DEFAULT_FRAME_LOG_CAPACITY = 500;

interface Ring {
  entries: FrameEntry[];
  nextSeq: number;
}

export class FrameLog {
  private readonly rings = new Map<string, Ring>();
  private readonly listeners = new Set<(deviceId: string, entry: FrameEntry) => void>();
  private readonly clock: Clock;
  private readonly capacity: number;
  private readonly log: Logger;

  constructor(options: FrameLogOptions) {
    this.clock = options.clock;
    this.capacity = Math.max(1, options.capacity ?? DEFAULT_FRAME_LOG_CAPACITY);
    this.log = options.log ?? SILENT_LOGGER;
  }

  /**
   * The sink a device's tap feeds. Without a describer (a driver whose frames are not described) every chunk
   * is one entry with its size and no bytes shown: an unknown stream may carry anything.
   */
  sink(deviceId: string, describer: FrameDescriber | undefined): FrameSink {
    const feed = (direction: FrameDirection, chunk: Uint8Array): void => {
      try {
        const frames = describer === undefined ? [{ hex: '', meaning: `原始字节 / raw bytes ${chunk.length} B ${MASKED}` }] : describer[direction](chunk);
        this.append(deviceId, direction, frames);
      } catch (err) {
        // A describer bug must never break the device's link; the log says so, without the bytes.
        this.log.warn('frame log: a chunk could not be described', { deviceId, direction, bytes: chunk.length, error: err instanceof Error ? err.message : String(err) });
      }
    };
    return { tx: (chunk) => feed('tx', chunk), rx: (chunk) => feed('rx', chunk) };
  }

  /** Records described frames (a tap's sink does this; the raw console too, for its replies). */
  append(deviceId: string, direction: FrameDirection, frames: readonly DescribedFrame[]): FrameEntry[] {
    if (frames.length === 0) return [];
    const ring = this.ring(deviceId);
    const at = this.clock.now();
    const added = frames.map((f) => ({ seq: ring.nextSeq++, at, direction, hex: f.hex, meaning: f.meaning }));
    ring.entries.push(...added);
    if (ring.entries.length > this.capacity) ring.entries.splice(0, ring.entries.length - this.capacity);
    for (const entry of added) for (const l of [...this.listeners]) l(deviceId, entry);
    return added;
  }

  /** A device's entries, oldest first; `afterSeq` keeps only newer ones, `limit` the newest that many. */
  entries(deviceId: string, options: { afterSeq?: number; limit?: number } = {}): FrameEntry[] {
    const all = this.rings.get(deviceId)?.entries ?? [];
    const after = options.afterSeq === undefined ? all : all.filter((e) => e.seq > options.afterSeq!);
    const limited = options.limit === undefined ? after : after.slice(Math.max(0, after.length - options.limit));
    return limited.map((e) => ({ ...e }));
  }

  /** Devices with a log. */
  devices(): string[] {
    return [...this.rings.keys()];
  }

  /** Empties a device's log (seq keeps counting, so a screen never sees a number twice). */
  clear(deviceId: string): void {
    const ring = this.rings.get(deviceId);
    if (ring) ring.entries = [];
  }

  /** Every new entry, as it is added; returns an unsubscribe. */
  onEntry(listener: (deviceId: string, entry: FrameEntry) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private ring(deviceId: string): Ring {
    let ring = this.rings.get(deviceId);
    if (!ring) {
      ring = { entries: [], nextSeq: 1 };
      this.rings.set(deviceId, ring);
    }
    return ring;
  }
}
