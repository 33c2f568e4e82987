import { describe, expect, it } from 'vitest';
import { UsbBulkTransport } from '../../drivers/transport/usb-bulk-transport';
import { GA467_CONFIG } from './ga467-config';
import { openRealTransport } from './real-transports';

const problems = (model: string, transport: 'usb' | 'serial'): string[] => {
  const out: string[] = [];
  GA467_CONFIG.check({ roles: ['idCardReader'], model, transport, mode: 'production' }, (path, reason) => out.push(`${path.join('.')}: ${reason}`));
  return out;
};

describe('ga467 over usb (protocols.md §1.8)', () => {
  it('drives serial and usb', () => {
    expect(GA467_CONFIG.transports).toEqual(['sim', 'serial', 'usb']);
  });

  it('refuses usb for a model without an endpoint plan, naming it and the models that have one', () => {
    expect(problems('generic-ga467', 'usb')).toEqual([expect.stringMatching(/^transport\.kind: .*\(generic-ga467\) has no USB endpoint plan.*openidr200-usb, generic-ga467-usb-single$/)]);
    expect(problems('openidr200-usb', 'usb')).toEqual([]);
    expect(problems('generic-ga467', 'serial')).toEqual([]);
  });

  it('builds the vendor-bulk transport from the model row, without loading node-usb until opened', () => {
    const t = openRealTransport('id-card-reader', { kind: 'usb', vendorId: 0x0400, productId: 0xc35a }, { model: 'openidr200-usb' });
    expect(t).toBeInstanceOf(UsbBulkTransport);
    expect(t.description).toBe('usb:0400:c35a');
    expect(t.isOpen).toBe(false);
    expect(() => openRealTransport('id-card-reader', { kind: 'usb', vendorId: 0x0400, productId: 0xc35a }, { model: 'generic-ga467' })).toThrow(/no USB endpoint plan/);
    expect(() => openRealTransport('id-card-reader', { kind: 'usb', vendorId: 0x0400, productId: 0xc35a })).toThrow(/needs the reader's model/);
  });
});
