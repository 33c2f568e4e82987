/**
 * One packet on the wire (protocols.md §3.1): EF 01, address (4, BE), PID, length (2, BE) = payload + 2,
 * payload, checksum (2, BE) = low 16 bits of the sum of PID, both length bytes and every payload byte.
 * Shared by the host (commands, DownChar data) and the simulator (acks, UpChar/UpImage data).
 */
import type { ByteRange } from '../../../common/hex-dump';
import * as C from './constants';

export class ZfmEncodeError extends Error {
  override readonly name = 'ZfmEncodeError';
}

/** Low 16 bits of PID + length bytes + payload (§3.1); header and address are not included. */
export function checksum(pid: number, lengthField: number, payload: Uint8Array): number {
  let sum = pid + (lengthField >> 8) + (lengthField & 0xff);
  for (const b of payload) sum += b;
  return sum & 0xffff;
}

export function encodePacket(pid: number, payload: Uint8Array, address: number = C.DEFAULT_ADDRESS): Uint8Array {
  if (!C.PIDS.includes(pid)) throw new ZfmEncodeError(`unknown packet identifier ${pid}`);
  if (payload.length < 1 || payload.length > C.MAX_PAYLOAD_BYTES) {
    throw new ZfmEncodeError(`payload of ${payload.length} bytes: §3.1 allows 1–${C.MAX_PAYLOAD_BYTES}`);
  }
  if (!Number.isInteger(address) || address < 0 || address > 0xffffffff) throw new ZfmEncodeError(`bad address ${address}`);
  const lengthField = payload.length + C.CHECKSUM_BYTES;
  const frame = new Uint8Array(C.PREFIX_BYTES + lengthField);
  frame.set(C.HEADER, 0);
  new DataView(frame.buffer).setUint32(2, address);
  frame[C.PID_OFFSET] = pid;
  frame[C.LENGTH_OFFSET] = lengthField >> 8;
  frame[C.LENGTH_OFFSET + 1] = lengthField & 0xff;
  frame.set(payload, C.PREFIX_BYTES);
  const sum = checksum(pid, lengthField, payload);
  frame[frame.length - 2] = sum >> 8;
  frame[frame.length - 1] = sum & 0xff;
  return frame;
}

/** Instructions whose 4 parameter bytes are a password: a secret, masked like personal data. */
const PASSWORD_INSTRUCTIONS: readonly number[] = [C.INS_VFY_PWD, C.INS_SET_PWD];

/**
 * The byte ranges of a whole frame that dumps must mask (ARCHITECTURE.md §8.7): the payload of every data
 * packet (data packets carry only templates and images, §3.2) and a password's 4 bytes. The checksum stays
 * visible: 16 bits of sum say nothing about a finger and help diagnose a line.
 */
export function personalRanges(frame: Uint8Array): ByteRange[] {
  if (frame.length <= C.PREFIX_BYTES) return [];
  const pid = frame[C.PID_OFFSET];
  const payloadEnd = Math.max(C.PREFIX_BYTES, frame.length - C.CHECKSUM_BYTES);
  if (pid === C.PID_DATA || pid === C.PID_END_OF_DATA) return [{ start: C.PREFIX_BYTES, end: payloadEnd }];
  if (pid === C.PID_COMMAND && PASSWORD_INSTRUCTIONS.includes(frame[C.PREFIX_BYTES] as number)) {
    return [{ start: C.PREFIX_BYTES + 1, end: Math.max(C.PREFIX_BYTES + 1, Math.min(C.PREFIX_BYTES + 5, payloadEnd)) }];
  }
  return [];
}
