import { describe, it, expect } from 'vitest';
import { ESCPOS_MODELS, escPosModel } from './models';

describe('ESC/POS model table', () => {
  it('has the three rows with their confirmation method (protocols.md §2.6, §2.7)', () => {
    expect(escPosModel('generic-escpos-80')).toMatchObject({ completion: 'processId', asb: true, nearEndSensor: true, paperWidthDots: 576 });
    expect(escPosModel('epson-tm-t88')).toMatchObject({ completion: 'processId', asb: true, nearEndSensor: true, ticketTakenBit: false });
    expect(escPosModel('cashino-kp628e')).toMatchObject({
      completion: 'paperStatus', asb: false, ticketTakenBit: true, nearEndSensor: true, paperWidthDots: 384, charsPerLine: 32,
      code128CodeSetPrefix: false, legacyCut: { escI: 'full', escM: 'partial' },
    });
  });

  it('rows are consistent and frozen', () => {
    for (const [id, model] of Object.entries(ESCPOS_MODELS)) {
      expect(model.id).toBe(id);
      expect(model.charsPerLine).toBe(model.paperWidthDots / 12);
      expect(model.lineTimeMs).toBeGreaterThan(0);
      expect(Object.isFrozen(model)).toBe(true);
      expect(Object.isFrozen(model.legacyCut)).toBe(true);
    }
    expect(Object.isFrozen(ESCPOS_MODELS)).toBe(true);
  });

  it('an unknown id throws and lists the known ones', () => {
    expect(() => escPosModel('tm-t88')).toThrow(/unknown ESC\/POS model "tm-t88".*generic-escpos-80, epson-tm-t88, cashino-kp628e/u);
    expect(() => escPosModel('toString')).toThrow(/unknown/u);
  });
});
