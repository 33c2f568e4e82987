import { describe, expect, it } from 'vitest';
import { SimFaultError } from '../sim-device';
import { PrinterFaultState, parsePrinterFaults } from './printer-faults';

function refusal(body: unknown): SimFaultError {
  try {
    parsePrinterFaults(body);
  } catch (err) {
    if (err instanceof SimFaultError) return err;
    throw err;
  }
  throw new Error(`accepted ${JSON.stringify(body)}`);
}

describe('parsePrinterFaults', () => {
  it('takes every field in the status words', () => {
    const all = { paper: 'low', coverOpen: true, cutterError: false, headOverheat: true, offline: true, unplugged: false, noReply: false, garbage: true, slowMs: 250, afterLines: 3 };
    expect(parsePrinterFaults(all)).toEqual(all);
    expect(parsePrinterFaults({ coverOpen: false })).toEqual({ coverOpen: false });
    expect(parsePrinterFaults({ paper: 'jammed', afterLines: 2 })).toEqual({ paper: 'jammed', afterLines: 2 });
  });

  it.each([
    [{ paper: 'torn' }, 'paper', /paper must be "full", "low", "out" or "jammed"/],
    [{ paper: 1 }, 'paper', /paper must be/],
    [{ coverOpen: 'yes' }, 'coverOpen', /coverOpen must be true or false/],
    [{ slowMs: -1 }, 'slowMs', /slowMs must be a whole number/],
    [{ slowMs: 1.5 }, 'slowMs', /slowMs/],
    [{ paper: 'out', afterLines: 'x' }, 'afterLines', /afterLines must be a whole number/],
    [{ afterLines: 3 }, 'afterLines', /defers the faults named with it/],
    [{ cardPresent: true }, 'cardPresent', /no fault "cardPresent"/],
  ])('refuses %j naming %s', (body, field, message) => {
    const err = refusal(body);
    expect(err.field).toBe(field);
    expect(err.message).toMatch(message);
  });

  it.each([[{}], [null], [[]], ['paper'], [42]])('refuses %j as a body', (body) => {
    expect(refusal(body).message).toMatch(/JSON object|at least one fault/);
  });
});

describe('parsePrinterFaults against the model\'s sensors', () => {
  it('refuses paper "low" (also deferred) on a model without a near-end sensor, naming the field', () => {
    const noNearEnd = { nearEndSensor: false };
    for (const body of [{ paper: 'low' }, { paper: 'low', afterLines: 3 }]) {
      let refused: unknown;
      try {
        parsePrinterFaults(body, noNearEnd);
      } catch (err) {
        refused = err;
      }
      expect(refused).toBeInstanceOf(SimFaultError);
      expect(refused).toMatchObject({ field: 'paper', message: expect.stringMatching(/near-end sensor/) });
    }
    expect(parsePrinterFaults({ paper: 'out' }, noNearEnd)).toEqual({ paper: 'out' });
    expect(parsePrinterFaults({ paper: 'low' }, { nearEndSensor: true })).toEqual({ paper: 'low' });
  });
});

describe('PrinterFaultState', () => {
  it('sets only what a partial names', () => {
    const s = new PrinterFaultState();
    s.apply({ coverOpen: true, slowMs: 10 });
    s.apply({ paper: 'low' });
    expect(s.current).toMatchObject({ coverOpen: true, slowMs: 10, paper: 'low', offline: false });
  });

  it('defers a paper change by afterLines, and an immediate change cancels the deferred one', () => {
    const s = new PrinterFaultState();
    s.apply({ paper: 'out', afterLines: 2 });
    expect(s.current.paper).toBe('full');
    expect(s.linePrinted()).toBe(false);
    expect(s.pending).toEqual({ faults: { paper: 'out' }, linesLeft: 1 });
    expect(s.linePrinted()).toBe(true);
    expect(s.current.paper).toBe('out');
    expect(s.linePrinted()).toBe(false);

    s.apply({ paper: 'low', afterLines: 5 });
    s.apply({ paper: 'full' });
    expect(s.pending).toBeUndefined();
    for (let i = 0; i < 6; i++) s.linePrinted();
    expect(s.current.paper).toBe('full');
  });

  it('defers every fault named with afterLines (the printer vanishes, the cover opens mid-ticket)', () => {
    const s = new PrinterFaultState();
    s.apply({ unplugged: true, coverOpen: true, afterLines: 2 });
    s.linePrinted();
    expect(s.current).toMatchObject({ unplugged: false, coverOpen: false });
    expect(s.linePrinted()).toBe(true);
    expect(s.current).toMatchObject({ unplugged: true, coverOpen: true });
    s.apply({ noReply: true, paper: 'out', afterLines: 3 });
    s.apply({ paper: 'full' }); // set at once: no longer part of the deferred change
    expect(s.pending).toEqual({ faults: { noReply: true }, linesLeft: 3 });
  });

  it('afterLines 0 applies at once; clear() heals everything', () => {
    const s = new PrinterFaultState();
    s.apply({ paper: 'out', afterLines: 0, garbage: true });
    expect(s.current).toMatchObject({ paper: 'out', garbage: true });
    s.apply({ paper: 'low', afterLines: 9 });
    s.clear();
    expect(s.current).toMatchObject({ paper: 'full', garbage: false });
    expect(s.pending).toBeUndefined();
  });
});
