/**
 * Frame log describer of the GA 467 ID-card reader (protocols.md §1): requests through the simulator's
 * request parser, responses through the driver's response decoder (drivers/protocol/ga467), so the log
 * frames bytes exactly as the driver does. A response is read against the request it answers (§1.1: SW1–SW3
 * do not name the command; the driver sends one request at a time, §1.9). The text block, photo and
 * fingerprint of a read, the card serial of a select and any data §1 does not describe are masked
 * (response-layout.ts `responsePersonalRanges`); only their sizes are said. Every decoded frame is zeroed once
 * described (ARCHITECTURE.md §8.7).
 */
import type { Ga467Command } from '../../../drivers/protocol/ga467/commands';
import { recogniseRequest } from '../../../drivers/protocol/ga467/commands';
import { HEADER_LENGTH, SW3 } from '../../../drivers/protocol/ga467/constants';
import type { Ga467FramingEvent, Ga467RequestFrame, Ga467ResponseFrame } from '../../../drivers/protocol/ga467/frame';
import { Ga467RequestParser } from '../../../drivers/protocol/ga467/request-parser';
import { Ga467ResponseDecoder } from '../../../drivers/protocol/ga467/response-decoder';
import { parseReadData } from '../../../drivers/protocol/ga467/response-layout';
import { interpretStatus } from '../../../drivers/protocol/ga467/status';
import { MASKED, PendingRequests, frameHex, hex2, type DescribedFrame, type FrameDescriber } from './frame-describer';

/** §1.2's purposes, in the words of the SAM specification's command names. */
const COMMAND_NAMES: Readonly<Record<Ga467Command['type'], string>> = {
  resetSam: '复位SAM / reset SAM',
  samStatus: 'SAM状态检测 / SAM status',
  readSamId: '读SAM编号 / read SAM ID',
  findCard: '寻卡 / find card',
  selectCard: '选卡 / select card',
  readTextPhoto: '读卡 / read text + photo',
  readLatestAddress: '读最新住址 / read latest address',
  readTextPhotoFingerprint: '读卡含指纹 / read text + photo + fingerprint',
  setBaudRate: '设置波特率 / set baud rate',
  setRfFrameSize: '设置射频帧长 / set RF frame size',
};

interface Asked {
  name: string;
  code: string;
  command: Ga467Command | undefined;
}

function asked(frame: Ga467RequestFrame): Asked {
  const command = recogniseRequest(frame);
  const code = `${hex2(frame.cmd)} ${hex2(frame.para)}`;
  if (command === undefined) return { name: '未知命令 / unknown command', code, command };
  const value = command.type === 'setBaudRate' ? ` ${command.baud}` : command.type === 'setRfFrameSize' ? ` ${command.bytes} B` : '';
  return { name: `${COMMAND_NAMES[command.type]}${value}`, code, command };
}

/** The sizes of what a response carries, never its content. */
function dataWords(frame: Ga467ResponseFrame, command: Ga467Command | undefined): string {
  const { data } = frame;
  if (data.length === 0) return '';
  const masked = frame.personal.length > 0 ? ` ${MASKED}` : '';
  const kind = command?.type === 'readTextPhotoFingerprint' ? 'textPhotoFingerprint' : 'textPhoto';
  if (frame.sw3 === SW3.SUCCESS && (command?.type === 'readTextPhoto' || command?.type === 'readTextPhotoFingerprint')) {
    const parts = parseReadData(data, kind);
    if (parts.ok) {
      const { text, photo, fingerprint } = parts.value;
      const finger = fingerprint === undefined ? '' : `, 指纹 / fingerprint ${fingerprint.length} B`;
      return `; 文字信息 / text ${text.length} B, 相片 / photo ${photo.length} B${finger}${masked}`;
    }
  }
  return `; 数据 / data ${data.length} B${masked}`;
}

function framingWords(event: Ga467FramingEvent): DescribedFrame {
  switch (event.type) {
    case 'garbage':
      return { hex: frameHex(event.bytes, event.personal), meaning: `GA 467 帧外字节 / bytes outside any frame: ${event.bytes.length} B ${MASKED}` };
    case 'badChecksum':
      return { hex: frameHex(event.head), meaning: `GA 467 校验错误 / bad checksum: 应为 / expected ${hex2(event.expected)}, 收到 / got ${hex2(event.received)}` };
    case 'badLength':
      return { hex: '', meaning: `GA 467 长度错误 / bad length: Len ${event.len} (${event.reason === 'tooShort' ? '过短 / too short' : '过长 / too long'})` };
    case 'truncated':
      return { hex: frameHex(event.head), meaning: `GA 467 帧不完整 / frame cut off: ${event.received} / ${HEADER_LENGTH + event.len} B` };
  }
}

export class Ga467Describer implements FrameDescriber {
  private readonly requests = new Ga467RequestParser();
  private readonly responses = new Ga467ResponseDecoder();
  private readonly pending = new PendingRequests<Asked>();

  pendingTxBytes(): number {
    return this.requests.buffered;
  }

  tx(chunk: Uint8Array): DescribedFrame[] {
    return this.requests.push(chunk).map((event) => {
      if (event.type !== 'request') return framingWords(event);
      const a = asked(event.frame);
      this.pending.push(a);
      // Requests carry no personal data (§1.2); maskedHex still hides ID-like digit runs.
      const described = { hex: frameHex(event.frame.raw), meaning: `GA 467 ${a.name} (${a.code}) 请求 / request` };
      event.frame.raw.fill(0);
      return described;
    });
  }

  rx(chunk: Uint8Array): DescribedFrame[] {
    return this.responses.push(chunk).map((event) => {
      if (event.type !== 'response') {
        const described = framingWords(event);
        if (event.type === 'garbage') event.bytes.fill(0);
        return described;
      }
      const { frame } = event;
      const a = this.pending.take();
      const what = a === undefined ? '应答 (无对应请求) / unsolicited reply' : `${a.name} (${a.code}) 应答 / reply`;
      const status = interpretStatus(frame.sw3);
      const described = {
        hex: frameHex(frame.raw, frame.personal),
        meaning: `GA 467 ${what}: SW3 ${hex2(frame.sw3)} ${status.meaning}${dataWords(frame, a?.command)}`,
      };
      frame.raw.fill(0); // the text block and photo of a read (§1.4): no copy outlives the description
      return described;
    });
  }
}
