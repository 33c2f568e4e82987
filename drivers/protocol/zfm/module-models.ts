/**
 * Per-model facts of the optical fingerprint modules of protocols.md §3 (R305/R307/R503/AS608/ZFM-20), pure
 * data like ga467/reader-models.ts. Every module of the family speaks the same EF 01 packets and §3.3 codes,
 * so the rows differ only in timings and sizes. [V] marks a fact from §3, [C] one not checked on hardware.
 */
import * as C from './constants';

export interface ZfmModuleModel {
  id: string;
  displayName: string;
  /** UART rate after power-up (§3.1 [V]: "baud 57600", N × 9600 for N = 1–12). */
  defaultBaud: number;
  /**
   * Size of a character file as UpChar sends it and DownChar takes it (§3.4 [!]: F2 512 bytes, F1 "256-byte
   * template"; "Sizes differ between modules").
   */
  templateBytes: number;
  /** Data-packet size assumed until ReadSysPara reports the module's own (§3.1 size code 0–3). */
  packetBytes: C.DataPacketSize;
  /** Bound of one short exchange (VfyPwd, ReadSysPara, Match, RegModel, DownChar), before wire time. */
  commandTimeoutMs: number;
  /** Bound of GenImg (the sensor takes an image) and Img2Tz (feature extraction), before wire time. */
  imageTimeoutMs: number;
  /** Bound of Search over the library, before wire time. */
  searchTimeoutMs: number;
  /** Period of GenImg while waiting for a finger, or for it to be lifted (F1/F2 poll GenImg in a loop). */
  fingerPollMs: number;
  /** Period of GenImg while the device is enabled and no capture runs: keeps `fingerPresent` and liveness. */
  idlePollMs: number;
}

const ROWS = {
  'generic-zfm': {
    id: 'generic-zfm',
    displayName: '通用光学指纹模块 (R307 / AS608 / ZFM-20, EF 01 packets)',
    defaultBaud: 57600, // [V] §3.1 F1 baud_rate = 57600, F2 default
    templateBytes: C.TEMPLATE_BYTES, // [V] §3.4 F2 downloadCharacteristics: 512
    packetBytes: C.DEFAULT_DATA_PACKET_SIZE, // [V] §3.1 F2 default size code 2 (128 bytes); ReadSysPara overrides
    commandTimeoutMs: 1000, // [C] F1 DEFAULTTIMEOUT 1000 ms per reply
    imageTimeoutMs: 1000, // [C] same bound; a module images and extracts in well under a second
    searchTimeoutMs: 2000, // [C] a full library search is the longest short command
    fingerPollMs: 200, // [C] a citizen's press lasts a second or more
    idlePollMs: 1000, // [C] like the ID-card reader's find period (§1.9)
  },
  r503: {
    id: 'r503',
    displayName: 'R503 (EF 01 packets, ring LED)',
    defaultBaud: 57600, // [V] §3.1 same family default
    templateBytes: C.TEMPLATE_BYTES, // [C] §3.4: "check them with ReadSysPara"; 512 as F2
    packetBytes: C.DEFAULT_DATA_PACKET_SIZE, // [C] ReadSysPara overrides
    commandTimeoutMs: 1000, // [C]
    imageTimeoutMs: 1000, // [C]
    searchTimeoutMs: 2000, // [C]
    fingerPollMs: 200, // [C]
    idlePollMs: 1000, // [C]
  },
} as const satisfies Record<string, ZfmModuleModel>;

export const ZFM_MODULE_MODELS: Readonly<Record<string, ZfmModuleModel>> = Object.freeze(ROWS);

export function zfmModuleModel(id: string): ZfmModuleModel {
  const model = Object.prototype.hasOwnProperty.call(ZFM_MODULE_MODELS, id) ? ZFM_MODULE_MODELS[id] : undefined;
  if (!model) throw new Error(`unknown fingerprint module model "${id}"; known: ${Object.keys(ZFM_MODULE_MODELS).join(', ')}`);
  return model;
}
