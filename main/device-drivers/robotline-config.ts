/**
 * The robot base driver's entry in the configuration half of the driver table (driver-config.ts): any base
 * speaking HRL/1 (docs/robot-protocol.md), on a serial line (115200 8N1 by default) or a TCP stream, or the
 * simulator in training.
 */
import type { DriverConfigPart } from './driver-config';

/** `options` of a robotline device, after validation. */
export interface RobotLineOptions {
  /** STATUS heartbeat, ms (§6); default 1000. */
  pollMs?: number;
  /** Reply deadline, ms (§6); default 1000. */
  commandTimeoutMs?: number;
  /** Heartbeats in a row unanswered before the base shows offline; default 3. */
  missedBeforeOffline?: number;
  /** The simulator's walking speed, m/s; default 0.8. */
  simSpeedMps?: number;
  /** The simulator's battery at start, %; default 90. */
  simBatteryPercent?: number;
}

export const ROBOTLINE_CONFIG: DriverConfigPart = {
  models: ['generic-hrl'],
  defaultModel: 'generic-hrl',
  transports: ['sim', 'serial', 'tcp'],
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      pollMs: { type: 'integer', minimum: 200, maximum: 10_000 },
      commandTimeoutMs: { type: 'integer', minimum: 200, maximum: 10_000 },
      missedBeforeOffline: { type: 'integer', minimum: 1, maximum: 20 },
      simSpeedMps: { type: 'number', exclusiveMinimum: 0, maximum: 3 },
      simBatteryPercent: { type: 'number', minimum: 0, maximum: 100 },
    },
  },
  check() {
    // Nothing across fields: one base serves the robotBase role on any of its transports.
  },
};
