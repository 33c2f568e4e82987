/**
 * Frame log describer of the robot base (docs/robot-protocol.md): both directions through the drivers' line
 * decoder, each line shown as the codec writes it and said in plain words. HRL/1 carries no personal data
 * (point ids, positions, battery), so nothing is masked.
 */
import type { RobotFrame } from '../../../drivers/protocol/robot-line/frames';
import { commandText, errText, eventText, okText } from '../../../drivers/protocol/robot-line/line-codec';
import { RobotLineDecoder } from '../../../drivers/protocol/robot-line/line-decoder';
import { frameHex, type DescribedFrame, type FrameDescriber } from './frame-describer';

const VERB_WORDS: Readonly<Record<string, string>> = {
  HELLO: '握手 / hello',
  STATUS: '查询状态 / status',
  GOTO: '前往 / go to',
  CANCEL: '立即停止 / cancel',
  HALT: '在下一点停 / halt at the next point',
  DOCK: '回充电桩 / dock',
};

const EVENT_WORDS: Readonly<Record<string, string>> = {
  POS: '位置 / position',
  ARRIVED: '已到达 / arrived',
  BLOCKED: '受阻 / blocked',
  CLEAR: '通畅 / clear',
  BATTERY: '电量 / battery',
  DOCKED: '已回桩 / docked',
  STOPPED: '已停下 / stopped',
  FAULT: '故障 / fault',
  READY: '已启动 / ready',
};

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

function described(frame: RobotFrame): DescribedFrame {
  switch (frame.type) {
    case 'command': {
      const text = commandText(frame.seq, frame.command);
      return { hex: frameHex(ascii(text)), meaning: `HRL ${text} — ${VERB_WORDS[frame.command.verb] ?? frame.command.verb}` };
    }
    case 'ok': {
      const text = okText(frame.seq, frame.fields);
      return { hex: frameHex(ascii(text)), meaning: `HRL ${text} — 接受 / accepted` };
    }
    case 'err': {
      const text = errText(frame.seq, frame.code, frame.text);
      return { hex: frameHex(ascii(text)), meaning: `HRL ${text} — 拒绝 / refused` };
    }
    case 'event': {
      const text = eventText(frame.event);
      return { hex: frameHex(ascii(text)), meaning: `HRL ${text} — ${EVENT_WORDS[frame.event.name] ?? frame.event.name}` };
    }
    case 'refused':
      return { hex: '', meaning: `HRL #${frame.seq} 无法执行的命令 / a command the base cannot take: ${frame.code} ${frame.text}` };
    case 'garbage':
      return { hex: '', meaning: `HRL 无法读取的行 / unreadable line (${frame.reason}), ${frame.length} B` };
  }
}

export class RobotLineDescriber implements FrameDescriber {
  private readonly host = new RobotLineDecoder();
  private readonly base = new RobotLineDecoder();

  pendingTxBytes(): number {
    return this.host.pendingBytes;
  }

  tx(chunk: Uint8Array): DescribedFrame[] {
    return this.host.push(chunk).map(described);
  }

  rx(chunk: Uint8Array): DescribedFrame[] {
    return this.base.push(chunk).map(described);
  }
}
