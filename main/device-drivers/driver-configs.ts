/**
 * The configuration half of the driver table, by the registry's `driver` name (ARCHITECTURE.md §8.14).
 * Adding a device kind adds an entry here and one in driver-table.ts (its factories); the type of
 * driver-table.ts makes the two lists the same.
 */
import type { DriverConfigPart } from './driver-config';
import { ESCPOS_CONFIG } from './escpos-config';
import { DOCCAM_CONFIG } from './doccam-config';
import { FACECAM_CONFIG } from './facecam-config';
import { GA467_CONFIG } from './ga467-config';
import { HIDPOS_CONFIG } from './hidpos-config';
import { IPP_CONFIG } from './ipp-config';
import { LOCKER_CONFIG } from './locker-config';
import { ROBOTLINE_CONFIG } from './robotline-config';
import { ZFM_CONFIG } from './zfm-config';

export const DRIVER_CONFIGS = {
  escpos: ESCPOS_CONFIG,
  ga467: GA467_CONFIG,
  zfm: ZFM_CONFIG,
  hidpos: HIDPOS_CONFIG,
  facecam: FACECAM_CONFIG,
  robotline: ROBOTLINE_CONFIG,
  ipp: IPP_CONFIG,
  hlb: LOCKER_CONFIG,
  doccam: DOCCAM_CONFIG,
} as const satisfies Record<string, DriverConfigPart>;

export type DriverName = keyof typeof DRIVER_CONFIGS;

export const DRIVER_NAMES = Object.keys(DRIVER_CONFIGS) as DriverName[];

export function driverConfig(name: string): DriverConfigPart | undefined {
  return Object.prototype.hasOwnProperty.call(DRIVER_CONFIGS, name) ? DRIVER_CONFIGS[name as DriverName] : undefined;
}
