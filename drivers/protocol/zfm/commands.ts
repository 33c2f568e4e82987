/**
 * Typed commands (protocols.md §3.2) and their payloads: instruction byte, then big-endian parameters. One
 * table drives both `encodeCommand` (host) and `parseCommand` (simulator), so the two cannot drift apart.
 */
import * as C from './constants';
import { encodePacket, ZfmEncodeError } from './packet';

export type CharBuffer = 1 | 2;

export type ZfmCommand =
  | { op: 'genImg' }
  | { op: 'img2Tz'; buffer: CharBuffer }
  | { op: 'match' }
  | { op: 'search'; buffer: CharBuffer; start: number; count: number }
  | { op: 'highSpeedSearch'; buffer: CharBuffer; start: number; count: number }
  | { op: 'regModel' }
  | { op: 'store'; buffer: CharBuffer; page: number }
  | { op: 'loadChar'; buffer: CharBuffer; page: number }
  | { op: 'upChar'; buffer: CharBuffer }
  | { op: 'downChar'; buffer: CharBuffer }
  | { op: 'upImage' }
  | { op: 'deleteChar'; page: number; count: number }
  | { op: 'empty' }
  | { op: 'readSysPara' }
  | { op: 'setSysPara'; register: number; value: number }
  | { op: 'vfyPwd'; password: number }
  | { op: 'templateNum' }
  | { op: 'readIndexTable'; indexPage: number }
  | { op: 'handShake' };

export type ZfmOp = ZfmCommand['op'];

/** A parameter: its field name, its size in bytes (big-endian) and its allowed range. */
type Param = readonly [name: string, bytes: 1 | 2 | 4, min: number, max: number];

const BUF: Param = ['buffer', 1, C.CHAR_BUFFER_1, C.CHAR_BUFFER_2];
const U16 = (name: string): Param => [name, 2, 0, 0xffff];

/** §3.2's instruction and parameter list per command. */
export const COMMAND_TABLE: Readonly<Record<ZfmOp, { instruction: number; params: readonly Param[] }>> = {
  genImg: { instruction: C.INS_GEN_IMG, params: [] },
  img2Tz: { instruction: C.INS_IMG2TZ, params: [BUF] },
  match: { instruction: C.INS_MATCH, params: [] },
  search: { instruction: C.INS_SEARCH, params: [BUF, U16('start'), U16('count')] },
  highSpeedSearch: { instruction: C.INS_HIGH_SPEED_SEARCH, params: [BUF, U16('start'), U16('count')] },
  regModel: { instruction: C.INS_REG_MODEL, params: [] },
  store: { instruction: C.INS_STORE, params: [BUF, U16('page')] },
  loadChar: { instruction: C.INS_LOAD_CHAR, params: [BUF, U16('page')] },
  upChar: { instruction: C.INS_UP_CHAR, params: [BUF] },
  downChar: { instruction: C.INS_DOWN_CHAR, params: [BUF] },
  upImage: { instruction: C.INS_UP_IMAGE, params: [] },
  deleteChar: { instruction: C.INS_DELETE_CHAR, params: [U16('page'), U16('count')] },
  empty: { instruction: C.INS_EMPTY, params: [] },
  readSysPara: { instruction: C.INS_READ_SYS_PARA, params: [] },
  // §3.2: "reg (4 baud, 5 security 1–5, 6 packet size), value"; one byte each as in F2.
  setSysPara: { instruction: C.INS_SET_SYS_PARA, params: [['register', 1, C.SYS_PARA_BAUD, C.SYS_PARA_PACKET_SIZE], ['value', 1, 0, 0xff]] },
  vfyPwd: { instruction: C.INS_VFY_PWD, params: [['password', 4, 0, 0xffffffff]] },
  templateNum: { instruction: C.INS_TEMPLATE_NUM, params: [] },
  readIndexTable: { instruction: C.INS_READ_INDEX_TABLE, params: [['indexPage', 1, 0, C.INDEX_TABLE_PAGES - 1]] },
  // §3.2 HandShake parameter "00": a fixed byte, modelled as a parameter that must be 0.
  handShake: { instruction: C.INS_HANDSHAKE, params: [['control', 1, 0, 0]] },
};

const OP_BY_INSTRUCTION: ReadonlyMap<number, ZfmOp> = new Map(
  (Object.keys(COMMAND_TABLE) as ZfmOp[]).map((op) => [COMMAND_TABLE[op].instruction, op]),
);

export function commandPayload(command: ZfmCommand): Uint8Array {
  const { instruction, params } = COMMAND_TABLE[command.op];
  const values = command as unknown as Record<string, number | undefined>;
  const payload = new Uint8Array(1 + params.reduce((n, p) => n + p[1], 0));
  const view = new DataView(payload.buffer);
  payload[0] = instruction;
  let at = 1;
  for (const [name, bytes, min, max] of params) {
    const value = values[name] ?? (min === max ? min : undefined);
    if (value === undefined || !Number.isInteger(value) || value < min || value > max) {
      throw new ZfmEncodeError(`${command.op}: ${name} must be an integer ${min}–${max}, not ${String(value)}`);
    }
    if (bytes === 1) view.setUint8(at, value);
    else if (bytes === 2) view.setUint16(at, value);
    else view.setUint32(at, value);
    at += bytes;
  }
  return payload;
}

/** The whole command frame (PID 01), ready to write. */
export function encodeCommand(command: ZfmCommand, address: number = C.DEFAULT_ADDRESS): Uint8Array {
  return encodePacket(C.PID_COMMAND, commandPayload(command), address);
}

export type ParsedCommand =
  | { type: 'command'; command: ZfmCommand }
  /** An instruction this table does not know (SetPwd, AuraLedConfig …): the simulator may answer it itself. */
  | { type: 'unknownInstruction'; instruction: number }
  /** A known instruction with the wrong number of parameter bytes or a value out of range. */
  | { type: 'badParameters'; op: ZfmOp; reason: string };

/** A command packet's payload → the typed command (for the simulator). Never throws. */
export function parseCommand(payload: Uint8Array): ParsedCommand {
  const instruction = payload[0];
  const op = instruction === undefined ? undefined : OP_BY_INSTRUCTION.get(instruction);
  if (op === undefined) return { type: 'unknownInstruction', instruction: instruction ?? -1 };
  const { params } = COMMAND_TABLE[op];
  const expected = 1 + params.reduce((n, p) => n + p[1], 0);
  if (payload.length !== expected) return { type: 'badParameters', op, reason: `${payload.length - 1} parameter bytes, expected ${expected - 1}` };
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  const command: Record<string, number | string> = { op };
  let at = 1;
  for (const [name, bytes, min, max] of params) {
    const value = bytes === 1 ? view.getUint8(at) : bytes === 2 ? view.getUint16(at) : view.getUint32(at);
    if (value < min || value > max) return { type: 'badParameters', op, reason: `${name} ${value} is outside ${min}–${max}` };
    if (min !== max) command[name] = value;
    at += bytes;
  }
  return { type: 'command', command: command as unknown as ZfmCommand };
}
