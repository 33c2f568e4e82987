import { describe, expect, it } from 'vitest';
import { isTextBlockProblem } from './card-text';
import { parseTextBlock } from './text-block';
import { encodeTextBlock, TextBlockFieldError } from './text-block-encoder';
import { DOC_LAYOUTS, PEOPLE } from './text-block.test-support';

describe('encodeTextBlock (protocols.md §1.5, §1.6)', () => {
  it('writes UCS-2LE at the §1.5 offsets, spaces elsewhere, the marker at 248', () => {
    const block = encodeTextBlock('resident', { name: '张三', idNumber: '1' });
    expect([...block.subarray(0, 6)]).toEqual([0x20, 0x5f, 0x09, 0x4e, 0x20, 0x00]);
    expect([...block.subarray(122, 124)]).toEqual([0x31, 0x00]); // DOC_LAYOUTS.resident.idNumber[0] = 122
    expect([...block.subarray(248, 250)]).toEqual([0x20, 0x00]);
    for (let i = 6; i < 122; i += 2) expect([block[i], block[i + 1]]).toEqual([0x20, 0x00]);
    expect(encodeTextBlock('foreignPermanent2023', {})[248]).toBe(0x59); // Y
    expect(encodeTextBlock('hkMacaoTaiwanResidence', {})[248]).toBe(0x4a); // J
    expect(encodeTextBlock('foreignPermanent2017', {})[248]).toBe(0x49); // I
  });

  it('round-trips every fake person through the parser', () => {
    const cases = [
      ['resident', PEOPLE.residentLongTerm],
      ['hkMacaoTaiwanResidence', PEOPLE.permitJ],
      ['foreignPermanent2017', PEOPLE.foreign2017],
      ['foreignPermanent2023', PEOPLE.foreign2023],
    ] as const;
    for (const [kind, fields] of cases) {
      const parsed = parseTextBlock(encodeTextBlock(kind, fields));
      expect(isTextBlockProblem(parsed) ? parsed.message : parsed.kind).toBe(kind);
    }
  });

  it('fills each span to its width and refuses one character more, naming the field but not the text', () => {
    for (const [kind, layout] of Object.entries(DOC_LAYOUTS) as [keyof typeof DOC_LAYOUTS, Record<string, readonly [number, number]>][]) {
      for (const [field, [, bytes]] of Object.entries(layout)) {
        expect(() => encodeTextBlock(kind, { [field]: 'Q'.repeat(bytes / 2) })).not.toThrow();
        const tooLong = 'Q'.repeat(bytes / 2 + 1);
        let error: unknown;
        try {
          encodeTextBlock(kind, { [field]: tooLong });
        } catch (e) {
          error = e;
        }
        expect(error, `${kind}.${field}`).toBeInstanceOf(TextBlockFieldError);
        expect((error as TextBlockFieldError).field).toBe(field);
        expect((error as Error).message).not.toContain('QQ');
      }
    }
  });

  it('refuses a field the layout has not', () => {
    expect(() => encodeTextBlock('resident', { passNumber: 'H1' } as never)).toThrow(TextBlockFieldError);
  });
});
