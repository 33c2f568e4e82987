/**
 * The SAM's number as technicians and vendors write it (protocols.md §1.4, "Read SAM ID" [V*: A905Reader],
 * display shape [C]): byte 0 and byte 2 as two-digit hex joined by `.`, then three little-endian uint32 values
 * (bytes 4–7, 8–11, 12–15) in decimal joined by `-`, the last two zero-padded to 10 digits, e.g.
 * `05.01-20101011-0012345678-1234567890`. Anything but 16 bytes is not a SAM id: null.
 */
import { SAM_ID_LENGTH } from './constants';

const hex2 = (b: number): string => b.toString(16).padStart(2, '0');

function uint32le(data: Uint8Array, at: number): number {
  return (data[at]! | (data[at + 1]! << 8) | (data[at + 2]! << 16)) + data[at + 3]! * 0x1_00_00_00;
}

export function formatSamId(data: Uint8Array): string | null {
  if (data.length !== SAM_ID_LENGTH) return null;
  return `${hex2(data[0]!)}.${hex2(data[2]!)}-${uint32le(data, 4)}-${String(uint32le(data, 8)).padStart(10, '0')}-${String(uint32le(data, 12)).padStart(10, '0')}`;
}
