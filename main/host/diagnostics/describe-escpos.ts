/**
 * Frame log describer of ESC/POS printers (protocols.md §2): what the host sends through the simulator's
 * command parser (one entry per command; a text run is one entry, its bytes masked), what the printer answers
 * through the driver's reply decoder, set up from the model row as the driver sets it up (ASB, DLE EOT 1 bit 7,
 * full status). A DLE EOT reply byte does not carry its n (§2.4), so it is read against the DLE EOT the host
 * sent before it; a GS r 1 announces its paper-status reply (§2.7) the same way.
 */
import { BLOCK_REPLY_HEADER, NUL, PROCESS_ID_REPLY_ID } from '../../../drivers/protocol/escpos/constants';
import { EscPosCommandParser, type EscPosCommand } from '../../../drivers/protocol/escpos/command-parser';
import { escPosModel, type EscPosModel } from '../../../drivers/protocol/escpos/models';
import { EscPosReplyDecoder, type EscPosReply } from '../../../drivers/protocol/escpos/reply-decoder';
import { interpretFullStatus, interpretPaperStatus, interpretRealtimeStatus } from '../../../drivers/protocol/escpos/status-bits';
import { commandWords, printDataRanges, statusWords } from './escpos-command-words';
import { PendingRequests, frameHex, hex2, type DescribedFrame, type FrameDescriber } from './frame-describer';

/** GS r n asks the paper sensors for n = 1 or its ASCII form '1' (§2.1). */
const PAPER_STATUS_N = new Set([0x01, 0x31]);

export class EscPosDescriber implements FrameDescriber {
  private readonly commands: EscPosCommandParser;
  private readonly replies: EscPosReplyDecoder;
  private readonly realtimeAsked = new PendingRequests<1 | 2 | 3 | 4>();

  constructor(model: EscPosModel) {
    this.commands = new EscPosCommandParser({ charset: model.charset, legacyCut: model.legacyCut });
    this.replies = new EscPosReplyDecoder({ ticketTakenBit: model.ticketTakenBit, asb: model.asb, fullStatus: model.statusQuery === 'fullStatus' });
  }

  /** A describer for a model id; an id the table does not know is read as the generic 80 mm printer. */
  static forModel(id: string): EscPosDescriber {
    let model: EscPosModel;
    try {
      model = escPosModel(id);
    } catch {
      model = escPosModel('generic-escpos-80');
    }
    return new EscPosDescriber(model);
  }

  pendingTxBytes(): number {
    return this.commands.pendingBytes;
  }

  tx(chunk: Uint8Array): DescribedFrame[] {
    return this.commands.push(chunk).map((command) => this.describeCommand(command));
  }

  rx(chunk: Uint8Array): DescribedFrame[] {
    return this.replies.push(chunk).map((reply) => this.describeReply(reply));
  }

  private describeCommand(command: EscPosCommand): DescribedFrame {
    if (command.type === 'realtimeStatus' && command.n >= 1 && command.n <= 4) this.realtimeAsked.push(command.n as 1 | 2 | 3 | 4);
    if (command.type === 'transmitStatus' && PAPER_STATUS_N.has(command.n)) this.replies.expectPaperStatus();
    const described = { hex: frameHex(command.raw, printDataRanges(command)), meaning: commandWords(command) };
    command.raw.fill(0); // print data may be a ticket's text (§8.7)
    return described;
  }

  private describeReply(reply: EscPosReply): DescribedFrame {
    switch (reply.type) {
      case 'realtimeStatus': {
        const n = this.realtimeAsked.take();
        if (n === undefined) return { hex: hex2(reply.byte), meaning: 'ESC/POS 实时状态字节 (无对应查询) / real-time status byte (unsolicited)' };
        const ok = n === 4 ? '纸正常 / paper OK' : '正常 / OK';
        return { hex: hex2(reply.byte), meaning: `ESC/POS DLE EOT ${n} → ${statusWords(interpretRealtimeStatus(n, reply.byte), ok)}` };
      }
      case 'asb':
        return { hex: frameHex(reply.bytes), meaning: `ESC/POS 自动状态返回 / ASB → ${statusWords(reply.status)}` };
      case 'processId':
        return { hex: frameHex(Uint8Array.of(BLOCK_REPLY_HEADER, PROCESS_ID_REPLY_ID, ...Array.from(reply.id, (c) => c.charCodeAt(0)), NUL)), meaning: `ESC/POS 作业已处理完 / process ID reply "${reply.id}" (job done up to here)` };
      case 'paperStatus':
        return { hex: hex2(reply.byte), meaning: `ESC/POS GS r 1 → ${statusWords(interpretPaperStatus(reply.byte), '纸正常 / paper OK')}` };
      case 'fullStatus':
        return { hex: frameHex(reply.bytes), meaning: `ESC/POS DLE EOT 20 → ${statusWords(interpretFullStatus(reply.bytes))}` };
      case 'garbage':
        return { hex: frameHex(reply.bytes), meaning: `ESC/POS 无法识别的应答字节 / unrecognised reply bytes: ${reply.bytes.length} B` };
    }
  }
}
