import { describe, expect, it } from 'vitest';
import type { PrintDocument } from '../../../common/print-document';
import { EscPosCommandParser } from '../../protocol/escpos/command-parser';
import { escPosModel } from '../../protocol/escpos/models';
import { columns, renderDocument } from './render-document';

const doc: PrintDocument = {
  jobId: 'j1',
  cut: 'full',
  blocks: [
    { kind: 'text', text: 'A001', align: 'center', scale: 3, bold: true },
    { kind: 'text', text: '张三', personal: true },
    { kind: 'qr', data: 'HALLKIOSK:gy:2026-11-23:A001', align: 'center' },
    { kind: 'rule' },
  ],
};

describe('renderDocument', () => {
  it('ends with the cut and then the process-ID request on a processId model (protocols.md §2.7)', () => {
    const job = renderDocument(doc, escPosModel('generic-escpos-80'), '00AB');
    const commands = new EscPosCommandParser().push(job.bytes);
    const types = commands.map((c) => c.type);
    expect(types.slice(0, 2)).toEqual(['initialize', 'chineseMode']);
    expect(types.slice(-2)).toEqual(['cut', 'processId']);
    expect(commands.at(-1)).toMatchObject({ type: 'processId', id: '00AB' });
    expect(types).toContain('qrStore');
  });

  it('asks for GS r 1 instead on a model without process ID', () => {
    const job = renderDocument(doc, escPosModel('cashino-kp628e'), '0001');
    const commands = new EscPosCommandParser().push(job.bytes);
    expect(commands.at(-1)).toMatchObject({ type: 'transmitStatus', n: 1 });
  });

  it('marks the personal text as a byte range', () => {
    const job = renderDocument(doc, escPosModel('generic-escpos-80'), '0000');
    expect(job.personalRanges).toHaveLength(1);
    const r = job.personalRanges[0]!;
    expect([...job.bytes.slice(r.start, r.end)]).toEqual([0xd5, 0xc5, 0xc8, 0xfd]);
  });

  it('estimates lines from text width and scale', () => {
    expect(columns('取号A1')).toBe(6);
    const model = escPosModel('generic-escpos-80');
    const long = renderDocument({ jobId: 'x', cut: 'full', blocks: [{ kind: 'text', text: '办'.repeat(48) }] }, model, '0000');
    const short = renderDocument({ jobId: 'x', cut: 'full', blocks: [{ kind: 'text', text: '办' }] }, model, '0000');
    expect(long.lines - short.lines).toBe(1);
  });
});
