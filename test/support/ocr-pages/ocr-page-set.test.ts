import { describe, expect, it } from 'vitest';
import { validCreditCode } from '../../../common/credit-code';
import { checkIdNumber } from '../../../main/host/ocr/check-characters';
import { characterAccuracy } from './char-accuracy';
import { ocrTestPage, testDocuments } from './ocr-page-set';

describe('OCR test pages', () => {
  it('made-up papers carry valid check characters', () => {
    for (const { truth } of testDocuments()) {
      if (truth.kind === 'businessLicence') expect(validCreditCode(truth.creditCode)).toBe(true);
      else expect(checkIdNumber(truth.idNumber).checked).toBe('valid');
    }
  });

  it('renders and degrades deterministically: the same bytes each time, degraded unlike clean', () => {
    const a = ocrTestPage('register-1', 'camera-bad-day');
    const b = ocrTestPage('register-1', 'camera-bad-day');
    expect(a.mime).toBe('image/jpeg');
    expect(Buffer.from(a.image).equals(Buffer.from(b.image))).toBe(true);
    const clean = ocrTestPage('register-1', 'clean');
    expect(clean.mime).toBe('image/png');
    expect(Buffer.from(clean.image).equals(Buffer.from(ocrTestPage('register-1', 'tilt+3').image))).toBe(false);
    expect(clean.truthLines[0]).toBe('常住人口登记卡');
  });
});

describe('character accuracy', () => {
  it('ignores spacing and full-width forms, counts edits against the truth length', () => {
    expect(characterAccuracy('名 称 ＡＢ', '名称AB')).toBe(1);
    expect(characterAccuracy('名称AC', '名称AB')).toBe(0.75);
    expect(characterAccuracy('', '名称AB')).toBe(0);
    expect(characterAccuracy('多余的很多很多字', 'A')).toBe(0);
  });
});
