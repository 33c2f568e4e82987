/**
 * Ack packets (PID 07) read against the command they answer (protocols.md §3.2 "Ack data after the
 * confirmation code", §3.3 codes). An ack does not name its instruction, so the caller passes the command.
 * The data after the code is read only when the code is OK: F2 reads it only then (a failed Search answers
 * "-1", a failed Match "0"), and nothing in §3 says what a failing module puts there.
 */
import type { ErrorCode } from '../../../common/errors';
import * as C from './constants';
import type { ZfmCommand } from './commands';
import { CC_OK, describeConfirmationCode } from './confirmation-codes';

export interface SysPara {
  statusRegister: number;
  systemId: number;
  /** Library capacity in templates (§3.4: "Capacity comes from ReadSysPara"). */
  capacity: number;
  securityLevel: number;
  address: number;
  packetSizeCode: number;
  /** 32/64/128/256 for size codes 0–3; undefined for any other code. */
  packetBytes: number | undefined;
  baudMultiplier: number;
  /** N × 9600 (§3.1). */
  baudRate: number;
}

export interface AckExtra {
  score?: number;
  pageId?: number;
  templateCount?: number;
  sysPara?: SysPara;
  /** Slot numbers (page × 256 + bit) marked used in the index table page read. */
  usedSlots?: number[];
}

export type ZfmAck =
  | { type: 'ack'; code: number; meaning: string; known: boolean; error: ErrorCode | undefined; extra: AckExtra }
  /** Not an ack, no confirmation code, or an OK without the data §3.2 promises: the line is not right. */
  | { type: 'malformed'; reason: string; error: 'garbledReply' };

/** Data bytes §3.2 promises after an OK code, per command. */
function extraBytes(op: ZfmCommand['op']): number {
  switch (op) {
    case 'match':
    case 'templateNum':
      return 2;
    case 'search':
    case 'highSpeedSearch':
      return 4;
    case 'readSysPara':
      return C.SYS_PARA_BYTES;
    case 'readIndexTable':
      return C.INDEX_TABLE_BYTES;
    default:
      return 0;
  }
}

/**
 * Reads an ack payload. Bytes beyond what §3.2 lists are ignored (modules of the family differ, §3.4 [C]).
 * Never throws.
 */
export function decodeAck(command: ZfmCommand, pid: number, payload: Uint8Array): ZfmAck {
  if (pid !== C.PID_ACK) return { type: 'malformed', reason: `packet identifier ${pid} where an ack (07) was due`, error: 'garbledReply' };
  const code = payload[0];
  if (code === undefined) return { type: 'malformed', reason: 'ack without a confirmation code', error: 'garbledReply' };
  const described = describeConfirmationCode(code);
  const ack = { type: 'ack' as const, code, meaning: described.meaning, known: described.known, error: described.error };
  if (code !== CC_OK) return { ...ack, extra: {} };
  const data = payload.subarray(1);
  const need = extraBytes(command.op);
  if (data.length < need) {
    return { type: 'malformed', reason: `${command.op} ack OK with ${data.length} data bytes, expected ${need}`, error: 'garbledReply' };
  }
  return { ...ack, extra: readExtra(command, new DataView(data.buffer, data.byteOffset, data.byteLength)) };
}

function readExtra(command: ZfmCommand, v: DataView): AckExtra {
  switch (command.op) {
    case 'match':
      return { score: v.getUint16(0) };
    case 'search':
    case 'highSpeedSearch':
      return { pageId: v.getUint16(0), score: v.getUint16(2) };
    case 'templateNum':
      return { templateCount: v.getUint16(0) };
    case 'readSysPara':
      return { sysPara: readSysPara(v) };
    case 'readIndexTable': {
      const usedSlots: number[] = [];
      // F2 getTemplateIndex: byte i, bit p (least significant first) is slot i × 8 + p of the page.
      for (let i = 0; i < C.INDEX_TABLE_BYTES; i++) {
        const byte = v.getUint8(i);
        for (let p = 0; p < 8; p++) if ((byte >> p) & 1) usedSlots.push(command.indexPage * C.INDEX_TABLE_SLOTS_PER_PAGE + i * 8 + p);
      }
      return { usedSlots };
    }
    default:
      return {};
  }
}

function readSysPara(v: DataView): SysPara {
  const packetSizeCode = v.getUint16(12);
  const baudMultiplier = v.getUint16(14);
  return {
    statusRegister: v.getUint16(0),
    systemId: v.getUint16(2),
    capacity: v.getUint16(4),
    securityLevel: v.getUint16(6),
    address: v.getUint32(8),
    packetSizeCode,
    packetBytes: C.DATA_PACKET_SIZES[packetSizeCode],
    baudMultiplier,
    baudRate: baudMultiplier * C.BAUD_UNIT,
  };
}
