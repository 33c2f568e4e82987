/**
 * What the simulated module does with each instruction (protocols.md §3.2) and which confirmation code it
 * answers (§3.3): the finger on the sensor, the image buffer, char buffers 1 and 2, the template library and
 * the system parameters. I/O, timing and faults on the line are sim-zfm-fingerprint.ts's. Where §3 does not
 * say what a module answers, the choice is marked [decision].
 */
import type { CharBuffer, ZfmCommand } from '../../drivers/protocol/zfm/commands';
import * as C from '../../drivers/protocol/zfm/constants';
import type { SimFinger } from './finger-request';
import type { SensorCondition } from './module-faults';
import { simTemplate, simTemplateFinger, type SimFingerId } from './sim-template';

export const CC = {
  OK: 0x00,
  RECEIVE_ERROR: 0x01,
  NO_FINGER: 0x02,
  IMAGE_FAIL: 0x03,
  MESSY_IMAGE: 0x06,
  FEW_FEATURES: 0x07,
  NO_MATCH: 0x08,
  NOT_FOUND: 0x09,
  MERGE_FAILED: 0x0a,
  BAD_PAGE: 0x0b,
  BAD_TEMPLATE: 0x0c,
  UPLOAD_FAILED: 0x0d,
  UPLOAD_IMAGE_FAILED: 0x0f,
  WRONG_PASSWORD: 0x13,
  NO_IMAGE: 0x15,
  BAD_REGISTER: 0x1a,
  PASSWORD_NEEDED: 0x21,
} as const;

/** The Match / Search score of two presses of the same simulated finger: 100, as §3.2's quoted search hit [decision]. */
export const SAME_FINGER_SCORE = 100;

export interface ModuleSettings {
  address: number;
  password: number;
  capacity: number;
  templateBytes: number;
  /** ReadSysPara's baud N (N × 9600, §3.1). */
  baudMultiplier: number;
}

export interface ModuleAnswer {
  code: number;
  /** Ack data after the code (§3.2 "Ack data" column). */
  data?: Uint8Array;
  /** UpChar / UpImage: the data sent in PID 02 … 08 packets after the ack. */
  upload?: Uint8Array;
  /** DownChar: the host's data packets that follow go into this buffer. */
  receiveInto?: CharBuffer;
  /** SetSysPara: a line speed (N × 9600) to switch to once the ack is out. */
  thenBaud?: number;
}

interface ImageBuffer {
  finger: SimFingerId;
  poor: boolean;
}

const u16 = (...values: number[]): Uint8Array => {
  const out = new Uint8Array(values.length * 2);
  values.forEach((v, i) => new DataView(out.buffer).setUint16(i * 2, v));
  return out;
};

export class ZfmModuleState {
  finger: SimFinger | null = null;
  packetSizeCode = 2; // §3.1 F2 default: 128 bytes
  private image: ImageBuffer | null = null;
  private readonly chars: [Uint8Array | null, Uint8Array | null] = [null, null];
  private readonly library = new Map<number, Uint8Array>();
  private verified: boolean;
  private securityLevel = 5;
  private baudMultiplier: number;
  private poorImages = 0;

  constructor(readonly settings: ModuleSettings) {
    this.verified = settings.password === C.DEFAULT_PASSWORD;
    this.baudMultiplier = settings.baudMultiplier;
  }

  get packetBytes(): number {
    return C.DATA_PACKET_SIZES[this.packetSizeCode] ?? C.DEFAULT_DATA_PACKET_SIZE;
  }

  get storedTemplates(): number {
    return this.library.size;
  }

  /** Power cycle (reset): buffers and library wiped, password to verify again, parameters back to the defaults. */
  reset(): void {
    this.image = null;
    for (const b of this.chars) b?.fill(0);
    this.chars[0] = this.chars[1] = null;
    for (const t of this.library.values()) t.fill(0);
    this.library.clear();
    this.verified = this.settings.password === C.DEFAULT_PASSWORD;
    this.packetSizeCode = 2;
    this.securityLevel = 5;
    this.baudMultiplier = this.settings.baudMultiplier;
    this.poorImages = 0;
  }

  /** DownChar's data packets arrived whole (or not: `null`). */
  received(buffer: CharBuffer, data: Uint8Array | null): void {
    this.setChar(buffer, data);
  }

  run(command: ZfmCommand, sensor: SensorCondition): ModuleAnswer {
    if (!this.verified && command.op !== 'vfyPwd') return { code: CC.PASSWORD_NEEDED };
    switch (command.op) {
      case 'vfyPwd':
        this.verified = command.password === this.settings.password;
        return { code: this.verified ? CC.OK : CC.WRONG_PASSWORD };
      case 'handShake':
        return { code: CC.OK };
      case 'genImg':
        return this.genImg(sensor);
      case 'img2Tz':
        return this.img2Tz(command.buffer);
      case 'match':
        return this.match();
      case 'regModel': {
        const [a, b] = this.chars;
        const finger = a && simTemplateFinger(a);
        if (!a || !b || finger === undefined || finger !== simTemplateFinger(b)) return { code: CC.MERGE_FAILED };
        this.setChar(2, a.slice());
        return { code: CC.OK };
      }
      case 'upChar': {
        const t = this.char(command.buffer);
        return t ? { code: CC.OK, upload: t.slice() } : { code: CC.UPLOAD_FAILED }; // [decision] an empty buffer
      }
      case 'downChar':
        return { code: CC.OK, receiveInto: command.buffer };
      case 'upImage':
        // [decision] a flat mid-grey image (§3.4: 4 bits per pixel, two per byte): no finger is ever drawn.
        return this.image ? { code: CC.OK, upload: new Uint8Array(C.IMAGE_BYTES).fill(0x77) } : { code: CC.NO_IMAGE };
      case 'store': {
        const t = this.char(command.buffer);
        if (command.page >= this.settings.capacity) return { code: CC.BAD_PAGE };
        if (!t) return { code: CC.BAD_TEMPLATE };
        this.library.get(command.page)?.fill(0);
        this.library.set(command.page, t.slice());
        return { code: CC.OK };
      }
      case 'loadChar': {
        const t = this.library.get(command.page);
        if (command.page >= this.settings.capacity) return { code: CC.BAD_PAGE };
        if (!t) return { code: CC.BAD_TEMPLATE };
        this.setChar(command.buffer, t.slice());
        return { code: CC.OK };
      }
      case 'search':
      case 'highSpeedSearch':
        return this.search(command.buffer, command.start, command.count);
      case 'deleteChar':
        for (let p = command.page; p < command.page + command.count; p++) {
          this.library.get(p)?.fill(0);
          this.library.delete(p);
        }
        return { code: CC.OK };
      case 'empty':
        for (const t of this.library.values()) t.fill(0);
        this.library.clear();
        return { code: CC.OK };
      case 'templateNum':
        return { code: CC.OK, data: u16(this.library.size) };
      case 'readIndexTable': {
        const table = new Uint8Array(C.INDEX_TABLE_BYTES);
        const first = command.indexPage * C.INDEX_TABLE_SLOTS_PER_PAGE;
        for (const page of this.library.keys()) {
          const slot = page - first;
          if (slot >= 0 && slot < C.INDEX_TABLE_SLOTS_PER_PAGE) table[slot >> 3]! |= 1 << (slot & 7);
        }
        return { code: CC.OK, data: table };
      }
      case 'readSysPara':
        return { code: CC.OK, data: this.sysPara() };
      case 'setSysPara':
        return this.setSysPara(command.register, command.value);
    }
  }

  private genImg(sensor: SensorCondition): ModuleAnswer {
    if (this.finger === null) return { code: CC.NO_FINGER };
    if (sensor === 'imageFail') return { code: CC.IMAGE_FAIL };
    this.image = { finger: this.finger.matches ? 'cardHolder' : 'other', poor: this.finger.quality === 'poor' };
    return { code: CC.OK };
  }

  private img2Tz(buffer: CharBuffer): ModuleAnswer {
    if (this.image === null) return { code: CC.NO_IMAGE };
    if (this.image.poor) return { code: this.poorImages++ % 2 === 0 ? CC.FEW_FEATURES : CC.MESSY_IMAGE };
    this.setChar(buffer, simTemplate(this.image.finger, this.settings.templateBytes));
    return { code: CC.OK };
  }

  private match(): ModuleAnswer {
    const [a, b] = this.chars;
    const finger = a ? simTemplateFinger(a) : undefined;
    const same = b !== null && finger !== undefined && simTemplateFinger(b) === finger;
    // A failed Match carries no score (as fixtures.ts ACKS_CONSTRUCTED.noMatch; F2 reads one only on OK).
    return same ? { code: CC.OK, data: u16(SAME_FINGER_SCORE) } : { code: CC.NO_MATCH };
  }

  private search(buffer: CharBuffer, start: number, count: number): ModuleAnswer {
    const t = this.char(buffer);
    const finger = t ? simTemplateFinger(t) : undefined;
    if (finger !== undefined) {
      for (const [page, stored] of [...this.library.entries()].sort((x, y) => x[0] - y[0])) {
        if (page >= start && page < start + count && simTemplateFinger(stored) === finger) return { code: CC.OK, data: u16(page, SAME_FINGER_SCORE) };
      }
    }
    return { code: CC.NOT_FOUND, data: u16(0, 0) };
  }

  private sysPara(): Uint8Array {
    const out = new Uint8Array(C.SYS_PARA_BYTES);
    const v = new DataView(out.buffer);
    v.setUint16(2, 9); // system ID, as F2's example output [decision]
    v.setUint16(4, this.settings.capacity);
    v.setUint16(6, this.securityLevel);
    v.setUint32(8, this.settings.address);
    v.setUint16(12, this.packetSizeCode);
    v.setUint16(14, this.baudMultiplier);
    return out;
  }

  private setSysPara(register: number, value: number): ModuleAnswer {
    if (register === C.SYS_PARA_BAUD && value >= 1 && value <= 12) {
      this.baudMultiplier = value;
      return { code: CC.OK, thenBaud: value * C.BAUD_UNIT };
    }
    if (register === C.SYS_PARA_SECURITY_LEVEL && value >= 1 && value <= 5) {
      this.securityLevel = value;
      return { code: CC.OK };
    }
    if (register === C.SYS_PARA_PACKET_SIZE && value <= 3) {
      this.packetSizeCode = value;
      return { code: CC.OK };
    }
    return { code: CC.BAD_REGISTER };
  }

  private char(buffer: CharBuffer): Uint8Array | null {
    return this.chars[buffer - 1] ?? null;
  }

  private setChar(buffer: CharBuffer, data: Uint8Array | null): void {
    this.chars[buffer - 1]?.fill(0);
    this.chars[buffer - 1] = data;
  }
}
