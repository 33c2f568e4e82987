/** Command-line arguments of cli/platform-sim.ts. */
import { parseArgs } from 'node:util';
import { DEFAULT_LATENCY_MS, MAX_LATENCY_MS, type LatencyRange } from '../platform/latency';
import { wholeNumber } from './serial-sim-args';

export interface PlatformSimArgs {
  /** Loopback port; 0 picks a free one. */
  port: number;
  /** Seeds latency, scores and appointment ids (PlatformSimOptions.seed). */
  seed: number;
  latencyMs: LatencyRange;
}

/** `--latency-ms 500` (fixed) or `--latency-ms 300-800` (uniform in that range), each bound 0 to MAX_LATENCY_MS. */
function latency(text: string | undefined): LatencyRange {
  if (text === undefined) return DEFAULT_LATENCY_MS;
  const m = /^(\d+)(?:-(\d+))?$/u.exec(text);
  const usage = `--latency-ms must be a whole number of milliseconds or a range MIN-MAX, each from 0 to ${MAX_LATENCY_MS}, got "${text}"`;
  if (!m) throw new Error(usage);
  const min = Number(m[1]);
  const max = m[2] === undefined ? min : Number(m[2]);
  if (min > MAX_LATENCY_MS || max > MAX_LATENCY_MS) throw new Error(usage);
  if (min > max) throw new Error(`--latency-ms must have MIN ≤ MAX, got "${text}"`);
  return [min, max];
}

export function parsePlatformSimArgs(argv: readonly string[]): PlatformSimArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string' },
      seed: { type: 'string' },
      'latency-ms': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  return {
    port: wholeNumber('port', values.port, 0, 65_535)!,
    seed: wholeNumber('seed', values.seed, 1, 2 ** 31 - 1)!,
    latencyMs: latency(values['latency-ms']),
  };
}
