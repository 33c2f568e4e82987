/**
 * Frame log describer of the optical fingerprint module (protocols.md §3): both directions through the
 * drivers' packet decoder (any address, §3.1), commands read with the codec's command table, acks against the
 * command they answer (§3.2: an ack does not name its instruction) with the §3.3 confirmation words. Data
 * packets (templates, images) and passwords are masked (packet.ts `personalRanges`); only sizes are said.
 * Every decoded packet is zeroed once described (ARCHITECTURE.md §8.7).
 */
import { decodeAck } from '../../../drivers/protocol/zfm/ack';
import { parseCommand, type ZfmCommand, type ZfmOp } from '../../../drivers/protocol/zfm/commands';
import { describeConfirmationCode } from '../../../drivers/protocol/zfm/confirmation-codes';
import { PID_ACK, PID_COMMAND, PID_DATA, PID_END_OF_DATA } from '../../../drivers/protocol/zfm/constants';
import { ZfmPacketDecoder, type ZfmDecoderEvent, type ZfmPacket } from '../../../drivers/protocol/zfm/packet-decoder';
import { MASKED, PendingRequests, frameHex, hex2, type DescribedFrame, type FrameDescriber } from './frame-describer';

/** §3.2's instruction names, with the Chinese name module manuals use. */
const OP_NAMES: Readonly<Record<ZfmOp, string>> = {
  genImg: 'GenImg 采集图像',
  img2Tz: 'Img2Tz 生成特征',
  match: 'Match 比对',
  search: 'Search 搜索',
  highSpeedSearch: 'HighSpeedSearch 高速搜索',
  regModel: 'RegModel 合并模板',
  store: 'Store 存储模板',
  loadChar: 'LoadChar 读出模板',
  upChar: 'UpChar 上传特征',
  downChar: 'DownChar 下载特征',
  upImage: 'UpImage 上传图像',
  deleteChar: 'DeletChar 删除模板',
  empty: 'Empty 清空指纹库',
  readSysPara: 'ReadSysPara 读系统参数',
  setSysPara: 'SetSysPara 设置系统参数',
  vfyPwd: 'VfyPwd 验证口令',
  templateNum: 'TempleteNum 读模板数',
  readIndexTable: 'ReadIndexTable 读索引表',
  handShake: 'HandShake 握手',
};

interface Asked {
  name: string;
  command: ZfmCommand | undefined;
}

/** A command's parameters in plain words; a password is never said (it is masked in the hex too). */
function params(command: ZfmCommand): string {
  const fields = Object.entries(command).filter(([k]) => k !== 'op' && k !== 'password');
  return fields.length === 0 ? '' : ` (${fields.map(([k, v]) => `${k} ${String(v)}`).join(', ')})`;
}

function asked(packet: ZfmPacket): Asked {
  const parsed = parseCommand(packet.payload);
  switch (parsed.type) {
    case 'command':
      return { name: `${OP_NAMES[parsed.command.op]}${params(parsed.command)}`, command: parsed.command };
    case 'badParameters':
      return { name: `${OP_NAMES[parsed.op]} 参数错误 / bad parameters: ${parsed.reason}`, command: undefined };
    case 'unknownInstruction':
      return { name: `指令 / instruction ${hex2(parsed.instruction & 0xff)}`, command: undefined };
  }
}

function ackWords(packet: ZfmPacket, a: Asked | undefined): string {
  const head = a === undefined ? 'ZFM 应答 (无对应命令) / unsolicited ack' : `ZFM ${a.name.split(' (')[0]}`;
  const code = packet.payload[0];
  if (code === undefined) return `${head} → 无确认码 / no confirmation code`;
  if (a?.command === undefined) return `${head} → 确认码 ${hex2(code)} ${describeConfirmationCode(code).meaning}`;
  const ack = decodeAck(a.command, packet.pid, packet.payload);
  if (ack.type === 'malformed') return `${head} → 应答异常 / malformed ack: ${ack.reason}`;
  const { extra } = ack;
  const more = [
    extra.score !== undefined ? `score ${extra.score}` : '',
    extra.pageId !== undefined ? `page ${extra.pageId}` : '',
    extra.templateCount !== undefined ? `模板数 / templates ${extra.templateCount}` : '',
    extra.sysPara !== undefined ? `容量 / capacity ${extra.sysPara.capacity}, ${extra.sysPara.baudRate} baud, 数据包 / packet ${extra.sysPara.packetBytes ?? '?'} B` : '',
    extra.usedSlots !== undefined ? `已用 / used ${extra.usedSlots.length}` : '',
  ].filter((s) => s !== '');
  return `${head} → 确认码 ${hex2(code)} ${ack.meaning}${more.length > 0 ? `; ${more.join(', ')}` : ''}`;
}

function framingWords(event: Exclude<ZfmDecoderEvent, { type: 'packet' }>): DescribedFrame {
  switch (event.type) {
    case 'garbage':
      return { hex: '', meaning: `ZFM 包外字节 / bytes outside any packet: ${event.length} B ${MASKED}` };
    case 'badLength':
      return { hex: '', meaning: `ZFM 长度错误 / bad length field ${event.length} (PID ${hex2(event.pid)})` };
    case 'badChecksum':
      return { hex: '', meaning: `ZFM 校验错误 / bad checksum (PID ${hex2(event.pid)}): 应为 / expected ${event.expected.toString(16).toUpperCase()}, 收到 / got ${event.received.toString(16).toUpperCase()}` };
    case 'truncated':
      return { hex: '', meaning: `ZFM 包不完整 / packet cut off: ${event.received} B` };
  }
}

export class ZfmDescriber implements FrameDescriber {
  private readonly host = new ZfmPacketDecoder({ address: 'any' });
  private readonly module = new ZfmPacketDecoder({ address: 'any' });
  private readonly pending = new PendingRequests<Asked>();

  pendingTxBytes(): number {
    return this.host.bufferedBytes;
  }

  tx(chunk: Uint8Array): DescribedFrame[] {
    return this.host.push(chunk).map((event) => (event.type === 'packet' ? this.describe(event.packet, 'tx') : framingWords(event)));
  }

  rx(chunk: Uint8Array): DescribedFrame[] {
    return this.module.push(chunk).map((event) => (event.type === 'packet' ? this.describe(event.packet, 'rx') : framingWords(event)));
  }

  private describe(packet: ZfmPacket, direction: 'tx' | 'rx'): DescribedFrame {
    let meaning: string;
    if (packet.pid === PID_DATA || packet.pid === PID_END_OF_DATA) {
      const which = packet.pid === PID_DATA ? '数据包 / data packet' : '末数据包 / last data packet';
      meaning = `ZFM ${which} ${packet.payload.length} B ${MASKED}`;
    } else if (packet.pid === PID_COMMAND && direction === 'tx') {
      const a = asked(packet);
      this.pending.push(a);
      meaning = `ZFM ${a.name} 命令 / command`;
    } else if (packet.pid === PID_ACK && direction === 'rx') {
      meaning = ackWords(packet, this.pending.take());
    } else {
      meaning = `ZFM PID ${hex2(packet.pid)} ${direction === 'tx' ? '主机发出 / sent by the host' : '模块发出 / sent by the module'}`;
    }
    const described = { hex: frameHex(packet.frame, packet.personal), meaning };
    packet.frame.fill(0); // a template or an image (§3.4): no copy outlives the description
    packet.payload.fill(0);
    return described;
  }
}
