import { describe, expect, it } from 'vitest';
import { renderDocument } from '../drivers/devices/escpos/render-document';
import { escPosModel } from '../drivers/protocol/escpos/models';
import { assertSameTicket, encodeThroughput, sampleTicket } from './encode-throughput';

describe('the encoding benchmark compares the same ticket', () => {
  const doc = sampleTicket();
  const ours = renderDocument(doc, escPosModel('generic-escpos-80'), '0001').bytes;

  it('is the real queue ticket, with Chinese text and a QR code', () => {
    expect(doc.blocks.some((b) => b.kind === 'text' && /前面还有/.test(b.text))).toBe(true);
    expect(doc.blocks.some((b) => b.kind === 'qr')).toBe(true);
  });

  it('refuses an encoder output that lost a line', () => {
    const line = doc.blocks.find((b) => b.kind === 'text' && /前面还有/.test(b.text));
    const withoutLine = renderDocument({ ...doc, blocks: doc.blocks.filter((b) => b !== line) }, escPosModel('generic-escpos-80'), '0001').bytes;
    expect(() => assertSameTicket(doc, ours, withoutLine)).toThrow(/前面还有/);
  });

  it('both encoders carry every line (checked before timing) and report positive rates', () => {
    const r = encodeThroughput(20);
    expect(r.ours).toBeGreaterThan(0);
    expect(r.published).toBeGreaterThan(0);
    expect(r.publishedBytes).toBeGreaterThan(100);
  });
});
