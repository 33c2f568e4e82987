/**
 * The GA 467 command set of protocols.md §1.2 as typed requests: `encodeCommand` for the driver and
 * `recogniseRequest` for the simulator, which answers SW3 `21` to what it does not recognise (§7 item 1).
 */
import * as C from './constants';
import type { Ga467RequestFrame } from './frame';
import { encodeRequest } from './frame-encoder';

export type Ga467Command =
  | { type: 'resetSam' }
  | { type: 'samStatus' }
  | { type: 'readSamId' }
  | { type: 'findCard' }
  | { type: 'selectCard' }
  | { type: 'readTextPhoto' }
  | { type: 'readLatestAddress' }
  | { type: 'readTextPhotoFingerprint' }
  | { type: 'setBaudRate'; baud: C.BaudRate }
  /** Max bytes per RF frame between SAM and RF module, 1–255 (hev sends 80). */
  | { type: 'setRfFrameSize'; bytes: number };

type FixedType = Exclude<Ga467Command['type'], 'setBaudRate' | 'setRfFrameSize'>;

/** [CMD, PARA] of the commands without a parameter value or data (§1.2). */
const FIXED: Record<FixedType, readonly [number, number]> = {
  resetSam: C.CMD_RESET_SAM,
  samStatus: C.CMD_SAM_STATUS,
  readSamId: C.CMD_READ_SAM_ID,
  findCard: C.CMD_FIND_CARD,
  selectCard: C.CMD_SELECT_CARD,
  readTextPhoto: C.CMD_READ_TEXT_PHOTO,
  readLatestAddress: C.CMD_READ_LATEST_ADDRESS,
  readTextPhotoFingerprint: C.CMD_READ_TEXT_PHOTO_FINGERPRINT,
};

const BAUD_BY_PARA = new Map<number, C.BaudRate>(
  Object.entries(C.BAUD_RATE_PARA).map(([baud, para]) => [para, Number(baud) as C.BaudRate]),
);

export function encodeCommand(command: Ga467Command): Uint8Array {
  switch (command.type) {
    case 'setBaudRate': {
      const para = (C.BAUD_RATE_PARA as Partial<Record<number, number>>)[command.baud];
      if (para === undefined) throw new RangeError(`no GA 467 baud-rate parameter for ${command.baud}`);
      return encodeRequest(C.CMD_SET_BAUD_RATE, para);
    }
    case 'setRfFrameSize': {
      if (!Number.isInteger(command.bytes) || command.bytes < 1 || command.bytes > 0xff) {
        throw new RangeError(`RF frame size must be 1–255 bytes, got ${command.bytes}`);
      }
      const [cmd, para] = C.CMD_SET_RF_FRAME_SIZE;
      return encodeRequest(cmd, para, Uint8Array.of(command.bytes));
    }
    default: {
      const [cmd, para] = FIXED[command.type];
      return encodeRequest(cmd, para);
    }
  }
}

/**
 * How many DATA bytes the §1.2 command CMD PARA takes, or undefined when §1.2 has no such command (or no
 * such value: `60 05`). Lets the simulator tell SW3 `21` (unknown command, bad value) from `11` (bad length).
 */
export function expectedDataLength(cmd: number, para: number): number | undefined {
  if (cmd === C.CMD_SET_RF_FRAME_SIZE[0] && para === C.CMD_SET_RF_FRAME_SIZE[1]) return C.RF_FRAME_SIZE_DATA_LENGTH;
  if (cmd === C.CMD_SET_BAUD_RATE) return BAUD_BY_PARA.has(para) ? 0 : undefined;
  return Object.values(FIXED).some(([c, p]) => c === cmd && p === para) ? 0 : undefined;
}

/**
 * The §1.2 command a request frame carries, or undefined for an unknown CMD/PARA or a data length the
 * command does not take. `01 FF` (the BearPi reset, §1.2 [!]) is not recognised: `10 FF` is the standard.
 */
export function recogniseRequest(frame: Pick<Ga467RequestFrame, 'cmd' | 'para' | 'data'>): Ga467Command | undefined {
  const { cmd, para, data } = frame;
  if (cmd === C.CMD_SET_RF_FRAME_SIZE[0] && para === C.CMD_SET_RF_FRAME_SIZE[1]) {
    const bytes = data[0];
    return data.length === C.RF_FRAME_SIZE_DATA_LENGTH && bytes !== undefined && bytes > 0 ? { type: 'setRfFrameSize', bytes } : undefined;
  }
  if (data.length !== 0) return undefined;
  if (cmd === C.CMD_SET_BAUD_RATE) {
    const baud = BAUD_BY_PARA.get(para);
    return baud === undefined ? undefined : { type: 'setBaudRate', baud };
  }
  for (const [type, [c, p]] of Object.entries(FIXED) as [FixedType, readonly [number, number]][]) {
    if (c === cmd && p === para) return { type };
  }
  return undefined;
}
