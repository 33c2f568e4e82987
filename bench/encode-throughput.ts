/**
 * Ticket encoding throughput: our renderer (PrintDocument → ESC/POS via EscPosEncoder, GB18030) against the
 * published @point-of-sale/receipt-printer-encoder building the same ticket layout in the same run.
 * That encoder has no GB18030/CP936 code page, so its Chinese text falls back to its "auto" single-byte
 * mapping: it does less work per character than we do, which the table notes.
 */
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import { performance } from 'node:perf_hooks';
import type { PrintDocument } from '../common/print-document';
import { renderDocument } from '../drivers/devices/escpos/render-document';
import { escPosModel } from '../drivers/protocol/escpos/models';

export const SAMPLE_TICKET: PrintDocument = {
  jobId: 'bench',
  cut: 'full',
  blocks: [
    { kind: 'text', text: '贵阳市政务服务中心', align: 'center', bold: true },
    { kind: 'text', text: 'A023', align: 'center', scale: 3, bold: true },
    { kind: 'text', text: '社保医保', align: 'center', scale: 2 },
    { kind: 'text', text: '前面还有 12 人 · 预计等待约 25 分钟' },
    { kind: 'text', text: '办理地点：二楼 A 区 1-6 号窗口' },
    { kind: 'text', text: '取号时间：2026-11-23 09:41' },
    { kind: 'qr', data: 'https://zwfw.example.gov.cn/queue?hall=gy&date=2026-11-23&no=A023', align: 'center' },
    { kind: 'text', text: '请留意叫号屏幕和语音提示，过号请重新取号', align: 'center' },
    { kind: 'rule' },
  ],
};

function encodeWithPublished(doc: PrintDocument): Uint8Array {
  const enc = new ReceiptPrinterEncoder({ language: 'esc-pos', columns: 48 });
  enc.initialize().codepage('auto');
  for (const b of doc.blocks) {
    if (b.kind === 'text') {
      enc.align(b.align ?? 'left').bold(b.bold === true);
      if (b.scale && b.scale > 1) enc.size(b.scale, b.scale);
      enc.line(b.text);
      if (b.scale && b.scale > 1) enc.size(1, 1);
    } else if (b.kind === 'qr') enc.align('center').qrcode(b.data, 2, 6, 'm');
    else if (b.kind === 'rule') enc.rule();
  }
  return enc.newline(4).cut('full').encode();
}

export function encodeThroughput(iterations: number): { ours: number; published: number; oursBytes: number; publishedBytes: number } {
  const model = escPosModel('generic-escpos-80');
  const run = (fn: () => Uint8Array): { perSec: number; bytes: number } => {
    for (let i = 0; i < 200; i++) fn();
    const t0 = performance.now();
    let bytes = 0;
    for (let i = 0; i < iterations; i++) bytes = fn().length;
    return { perSec: iterations / ((performance.now() - t0) / 1000), bytes };
  };
  const ours = run(() => renderDocument(SAMPLE_TICKET, model, '0001').bytes);
  const published = run(() => encodeWithPublished(SAMPLE_TICKET));
  return { ours: ours.perSec, published: published.perSec, oursBytes: ours.bytes, publishedBytes: published.bytes };
}
