import { describe, expect, it } from 'vitest';
import { createMemoryPair } from '../drivers/transport/memory-pair';
import { SimEscPosPrinter } from './escpos/sim-escpos-printer';
import { SimRegistry } from './sim-registry';
import { ManualClock } from './test-support/manual-clock';

const printer = (id: string): SimEscPosPrinter =>
  new SimEscPosPrinter({ id, model: 'generic-escpos-80', transport: createMemoryPair(id).device, clock: new ManualClock(), lineTimeMs: 0 });

describe('SimRegistry', () => {
  it('keeps devices by id in registration order and refuses a second device with the same id', () => {
    const a = printer('ticket-printer');
    const b = printer('receipt-printer');
    const registry = new SimRegistry([a, b]);
    expect(registry.list().map((d) => d.id)).toEqual(['ticket-printer', 'receipt-printer']);
    expect(registry.get('receipt-printer')).toBe(b);
    expect(registry.get('nope')).toBeUndefined();
    expect(() => registry.add(printer('ticket-printer'))).toThrow(/already registered/);
  });

  it('resetAll() heals every device', () => {
    const a = printer('a');
    const b = printer('b');
    a.setFaults({ coverOpen: true });
    b.setFaults({ paper: 'out' });
    new SimRegistry([a, b]).resetAll();
    expect([a.status().device, b.status().device]).toEqual(['online', 'online']);
  });
});
