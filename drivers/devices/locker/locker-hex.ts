/** A frame as the hex a technician reads in a trace (docs/locker-protocol.md §2.1); lockers carry no personal data. */
import { encodeFrame } from '../../protocol/locker/frame-codec';
import type { RawFrame } from '../../protocol/locker/frames';

export const frameHex = (frame: RawFrame): string => Array.from(encodeFrame(frame), (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
