import { describe, expect, it } from 'vitest';
import type { PrintDocument } from '../../../common/print-document';
import { ESCPOS_MODELS } from '../../protocol/escpos/models';
import { codecSelfTest, roundTripProblems } from './codec-self-test';
import { renderDocument } from './render-document';

const page: PrintDocument = {
  jobId: 'selftest',
  cut: 'full',
  blocks: [
    { kind: 'text', text: '打印机自检页', align: 'center', scale: 2, bold: true },
    { kind: 'text', text: '中文 GB18030：𠀀 ABC 123' },
    { kind: 'qr', data: 'HALLKIOSK:selftest', align: 'center' },
  ],
};

describe('codec self-test (internal health check)', () => {
  it.each(Object.keys(ESCPOS_MODELS))('passes for model %s', (id) => {
    expect(codecSelfTest(page, ESCPOS_MODELS[id]!)).toEqual([]);
  });

  it('finds a job cut short, a lost line and the wrong completion request', () => {
    const model = ESCPOS_MODELS['generic-escpos-80']!;
    const bytes = renderDocument(page, model, '0000').bytes;
    const cutShort = bytes.subarray(0, Math.floor(bytes.length / 3));
    const problems = roundTripProblems(page, cutShort, { completion: 'processId', charset: 'gb18030' });
    expect(problems).toContain('no cut');
    expect(problems.some((p) => p.includes('does not read back'))).toBe(true);
    expect(problems.some((p) => p.includes('completion request'))).toBe(true);
    expect(roundTripProblems(page, bytes, { completion: 'paperStatus', charset: 'gb18030' })).toEqual(['the job does not end with its completion request (paperStatus)']);
  });
});
