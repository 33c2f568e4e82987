/**
 * Builds GA 467 frames (protocols.md §1.1): preamble, big-endian Len (every byte after Len, CHK included),
 * the body, and CHK = XOR of Len1 through the last DATA byte. Requests for the driver, responses for the
 * simulator. Throws RangeError on a value that is not a byte or a frame too long for Len.
 */
import { HEADER_LENGTH, LEN_OFFSET, PREAMBLE, SW1_OK, SW2_OK } from './constants';
import { xorChecksum } from './frame';

const EMPTY = new Uint8Array(0);
const MAX_LEN = 0xffff;

function checkByte(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 0 || value > 0xff) throw new RangeError(`${what} must be a byte, got ${value}`);
}

function encodeFrame(fixed: readonly number[], data: Uint8Array): Uint8Array {
  const len = fixed.length + data.length + 1;
  if (len > MAX_LEN) throw new RangeError(`frame body of ${len} bytes does not fit Len`);
  const out = new Uint8Array(HEADER_LENGTH + len);
  out.set(PREAMBLE, 0);
  out[LEN_OFFSET] = len >> 8;
  out[LEN_OFFSET + 1] = len & 0xff;
  out.set(fixed, HEADER_LENGTH);
  out.set(data, HEADER_LENGTH + fixed.length);
  out[out.length - 1] = xorChecksum(out, LEN_OFFSET, out.length - 1);
  return out;
}

/** Host → reader: CMD, PARA and optional DATA (§1.1; only `61 FF` carries data in §1.2). */
export function encodeRequest(cmd: number, para: number, data: Uint8Array = EMPTY): Uint8Array {
  checkByte(cmd, 'CMD');
  checkByte(para, 'PARA');
  return encodeFrame([cmd, para], data);
}

/** Reader → host: SW1 SW2 (`00 00` in every captured frame), SW3 (§1.3) and optional DATA (§1.4). */
export function encodeResponse(sw3: number, data: Uint8Array = EMPTY, sw1: number = SW1_OK, sw2: number = SW2_OK): Uint8Array {
  checkByte(sw1, 'SW1');
  checkByte(sw2, 'SW2');
  checkByte(sw3, 'SW3');
  return encodeFrame([sw1, sw2, sw3], data);
}
