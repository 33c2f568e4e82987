/**
 * Renders a device-neutral PrintDocument (common/print-document.ts) as one ESC/POS job: initialise,
 * Chinese mode (FS &), the blocks, a feed so the cut falls below the last line, the cut, and then the
 * completion request the model supports (protocols.md §2.7): GS ( H process ID, or GS r 1.
 * Also estimates the printed lines, which sizes the job's time-out.
 */
import type { PrintBlock, PrintDocument } from '../../../common/print-document';
import { EscPosEncodeError, EscPosEncoder, type EscPosBuild } from '../../protocol/escpos/encoder';
import type { EscPosModel } from '../../protocol/escpos/models';

export interface RenderedJob extends EscPosBuild {
  /** Estimated text-line equivalents the job feeds, for time-outs and statistics. */
  lines: number;
}

/** Feed before the cut: the head-to-cutter distance of common 80 mm mechanisms is 3–4 lines [C]. */
const FEED_BEFORE_CUT = 4;
const DOTS_PER_LINE = 24;

/** Display columns of a string: CJK and other wide characters take two (half-width columns). */
export function columns(text: string): number {
  let n = 0;
  for (const ch of text) n += (ch.codePointAt(0) ?? 0) > 0x2e7f ? 2 : 1;
  return n;
}

function linesFor(block: PrintBlock, model: EscPosModel): number {
  switch (block.kind) {
    case 'text': {
      const scale = block.scale ?? 1;
      return Math.max(1, Math.ceil(columns(block.text) / Math.floor(model.charsPerLine / scale))) * scale;
    }
    case 'qr':
      return Math.ceil(((block.moduleSize ?? 6) * 33) / DOTS_PER_LINE) + 1;
    case 'barcode':
      return Math.ceil((block.heightDots ?? 80) / DOTS_PER_LINE) + 1;
    case 'image':
      return Math.ceil(block.heightDots / DOTS_PER_LINE);
    case 'rule':
      return 1;
    case 'feed':
      return block.lines;
  }
}

function renderBlock(enc: EscPosEncoder, block: PrintBlock, model: EscPosModel): void {
  switch (block.kind) {
    case 'text': {
      const scale = block.scale ?? 1;
      enc.align(block.align ?? 'left');
      if (scale !== 1) enc.size(scale, scale);
      if (block.bold) enc.bold(true);
      enc.line(block.text, { personal: block.personal === true });
      if (block.bold) enc.bold(false);
      if (scale !== 1) enc.size(1, 1);
      return;
    }
    case 'qr':
      enc.align(block.align ?? 'left');
      enc.qr(block.data, { model: 2, moduleSize: block.moduleSize ?? 6, ecLevel: 'M' }).newline();
      return;
    case 'barcode':
      enc.align(block.align ?? 'left');
      enc.code128(block.data, { heightDots: block.heightDots ?? 80, hri: 'below', codeSetPrefix: model.code128CodeSetPrefix }).newline();
      return;
    case 'image':
      // Wider than the print head: the printer would wrap or drop the rest of every row (§2.3).
      if (block.widthDots > model.paperWidthDots) {
        throw new EscPosEncodeError(`image is ${block.widthDots} dots wide; ${model.displayName} prints at most ${model.paperWidthDots}`);
      }
      enc.align(block.align ?? 'left');
      enc.raster({ widthDots: block.widthDots, heightDots: block.heightDots, bits: block.bits });
      return;
    case 'rule':
      enc.align('left');
      enc.line('-'.repeat(model.charsPerLine));
      return;
    case 'feed':
      enc.feedLines(block.lines);
      return;
  }
}

/** `presentTimeoutS`: on presenter models, how long the ticket waits in the mouth (default: the model row's). */
export function renderDocument(doc: PrintDocument, model: EscPosModel, completionTag: string, presentTimeoutS?: number): RenderedJob {
  const enc = new EscPosEncoder({ realtimeInData: model.realtimeInData, charset: model.charset }).initialize().chineseMode(true);
  let lines = FEED_BEFORE_CUT;
  for (const block of doc.blocks) {
    renderBlock(enc, block, model);
    lines += linesFor(block, model);
  }
  enc.align('left').feedLines(FEED_BEFORE_CUT);
  // A presenter cuts as it presents (FS P, §2.6): the ticket waits in the mouth until taken or retracted.
  if (model.presenter) enc.present({ steps: model.presenter.steps, blink: true, onTimeout: 'retract', timeoutS: presentTimeoutS ?? model.presenter.retractAfterS });
  else enc.cut(doc.cut);
  if (model.completion === 'processId') enc.processIdRequest(completionTag);
  else enc.transmitPaperStatus();
  return { ...enc.build(), lines };
}
