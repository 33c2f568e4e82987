/**
 * Frame log describer of the smart locker's boards (docs/locker-protocol.md, HLB/1): both directions through
 * the driver's own frame decoder and parsers, each frame said in plain words. HLB/1 carries door and sensor
 * states and lock numbers, no personal data (pick-up codes never travel to the board), so nothing is masked.
 */
import { encodeFrame, parseReply, parseRequest } from '../../../drivers/protocol/locker/frame-codec';
import { LockerFrameDecoder } from '../../../drivers/protocol/locker/frame-decoder';
import type { DecodedFrame, LockerReply, LockerRequest } from '../../../drivers/protocol/locker/frames';
import { frameHex, type DescribedFrame, type FrameDescriber } from './frame-describer';

const list = (n: number[]): string => (n.length === 0 ? '—' : n.join(','));

function requestWords(r: LockerRequest): string {
  switch (r.cmd) {
    case 'status':
      return '查询整板状态 / board status';
    case 'open':
      return `开 ${r.lock} 号门 / open door ${r.lock}`;
    case 'readLock':
      return `读 ${r.lock} 号锁 / read lock ${r.lock}`;
    case 'light':
      return `${r.lock} 号灯 ${r.mode} / light ${r.lock} ${r.mode}`;
    case 'version':
      return '查询版本 / version';
  }
}

function replyWords(r: LockerReply): string {
  switch (r.cmd) {
    case 'status':
      return `${r.locks} 门：开着 ${list(r.doorsOpen)}，有物 ${list(r.occupied)}，故障 ${list(r.faults)} / ${r.locks} doors: open ${list(r.doorsOpen)}, occupied ${list(r.occupied)}, faulty ${list(r.faults)}`;
    case 'open':
      return `${r.lock} 号门 ${r.result === 'opened' ? '已打开 / opened' : r.result === 'stillClosed' ? '未打开 / still closed' : '锁线圈故障 / coil fault'}`;
    case 'readLock':
      return `${r.lock} 号：门${r.doorOpen ? '开' : '关'}，${r.occupied ? '有物' : '空'}${r.fault ? '，故障' : ''} / lock ${r.lock}: door ${r.doorOpen ? 'open' : 'closed'}, ${r.occupied ? 'occupied' : 'empty'}${r.fault ? ', fault' : ''}`;
    case 'light':
      return `${r.lock} 号灯已设 / light ${r.lock} set`;
    case 'version':
      return `${r.model} 固件 ${r.firmware}，${r.locks} 门 / ${r.model} firmware ${r.firmware}, ${r.locks} doors`;
    case 'error':
      return `板拒绝：${r.error} / the board refused: ${r.error}`;
  }
}

function described(d: DecodedFrame): DescribedFrame {
  if (d.type === 'garbage') return { hex: '', meaning: `HLB 无法读取的字节 / unreadable bytes (${d.reason}), ${d.length} B` };
  const { frame } = d;
  const hex = frameHex(encodeFrame(frame));
  if (frame.direction === 'request') {
    const r = parseRequest(frame);
    return { hex, meaning: `HLB → 板 ${frame.address}：${r.ok ? requestWords(r.request) : `无效请求 / bad request (${r.error})`}` };
  }
  const reply = parseReply(frame);
  return { hex, meaning: `HLB ← 板 ${frame.address}：${reply ? replyWords(reply) : '无法读取的应答 / unreadable reply'}` };
}

export class HlbDescriber implements FrameDescriber {
  private readonly host = new LockerFrameDecoder();
  private readonly boards = new LockerFrameDecoder();

  pendingTxBytes(): number {
    return this.host.pendingBytes;
  }

  tx(chunk: Uint8Array): DescribedFrame[] {
    return this.host.push(chunk).map(described);
  }

  rx(chunk: Uint8Array): DescribedFrame[] {
    return this.boards.push(chunk).map(described);
  }
}
