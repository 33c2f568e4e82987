/**
 * Times on the platform's wire are ISO 8601 with the hall's offset (common/platform-api.ts, ARCHITECTURE.md
 * §8.4): `2026-11-23T09:30:00+08:00`, whatever the machine's own zone is.
 */
import { localParts } from '../../common/local-time';

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** `epochMs` (to the second) as the hall's local time with its UTC offset. */
export function isoWithOffset(epochMs: number, timeZone: string): string {
  const whole = Math.floor(epochMs / 1000) * 1000;
  const p = localParts(whole, timeZone);
  const offsetMinutes = Math.round((Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - whole) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const date = `${String(p.year).padStart(4, '0')}-${pad2(p.month)}-${pad2(p.day)}`;
  return `${date}T${pad2(p.hour)}:${pad2(p.minute)}:${pad2(p.second)}${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}
