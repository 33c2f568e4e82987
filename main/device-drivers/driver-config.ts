/**
 * The configuration half of the driver table (ARCHITECTURE.md §8.14): what the configuration may say about a
 * device of each `driver` — its models, the transports it drives, its own options — and the checks only that
 * driver can make. Pure data and small functions, so validating a configuration never loads a driver.
 * The device and simulator factories are the other half (driver-table.ts).
 */
import type { DeviceRole, TransportConfig } from '../../common/device';

/** Reports one problem at a path under the device's entry (["transport", "kind"], ["model"]). */
export type EntryProblem = (path: Array<string | number>, reason: string) => void;

export interface DriverEntryFacts {
  roles: readonly DeviceRole[];
  model: string;
  transport: TransportConfig['kind'];
  mode: 'training' | 'production';
}

export interface DriverConfigPart {
  /** The models it knows (the configuration's `model`); `defaultModel` when none is given. */
  models: readonly string[];
  defaultModel: string;
  /** The transport kinds it can drive; `sim` where it has a simulator. */
  transports: readonly TransportConfig['kind'][];
  /** JSON Schema of its `options` object (defaults applied by the validator). */
  optionsSchema: Record<string, unknown>;
  /** Rules across fields that only this driver knows (a model that cannot confirm over that link). */
  check(facts: DriverEntryFacts, problem: EntryProblem): void;
}
