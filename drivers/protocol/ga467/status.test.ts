import { describe, expect, it } from 'vitest';
import { ERROR_ACTOR, isErrorCode } from '../../../common/errors';
import { SW3, SW3_HOST_DLL_ONLY } from './constants';
import { interpretStatus, KNOWN_SW3 } from './status';

describe('SW3 status table (protocols.md §1.3)', () => {
  it('lists every §1.3 code once', () => {
    expect([...KNOWN_SW3].sort((a, b) => a - b)).toEqual(
      [0x10, 0x11, 0x21, 0x23, 0x24, 0x31, 0x32, 0x33, 0x37, 0x3f, 0x40, 0x41, 0x47, 0x60, 0x66, 0x80, 0x81, 0x90, 0x91, 0x9f],
    );
    expect(new Set(Object.values(SW3)).size).toBe(KNOWN_SW3.length);
  });

  it('90 and 9F are success, with no error code', () => {
    expect(interpretStatus(0x90)).toEqual({ sw3: 0x90, meaning: 'success (操作成功)', outcome: 'ok', known: true });
    expect(interpretStatus(0x9f)).toMatchObject({ outcome: 'ok', known: true });
    expect(interpretStatus(0x9f).code).toBeUndefined();
  });

  it('80 (no card) and 91 (no such item) are normal answers, with a code for when a yes was needed', () => {
    expect(interpretStatus(0x80)).toMatchObject({ outcome: 'negative', code: 'cardRemoved', actor: 'citizen' });
    expect(interpretStatus(0x91)).toMatchObject({ outcome: 'negative', code: 'cardNotSupported', actor: 'citizen' });
  });

  it.each([
    [0x10, 'garbledReply', 'technician'],
    [0x11, 'garbledReply', 'technician'],
    [0x21, 'unsupported', 'technician'],
    [0x23, 'samError', 'technician'],
    [0x24, 'samError', 'technician'],
    [0x31, 'cardUnreadable', 'citizen'],
    [0x32, 'cardUnreadable', 'citizen'],
    [0x33, 'cardUnreadable', 'citizen'],
    [0x37, 'cardUnreadable', 'citizen'],
    [0x3f, 'cardUnreadable', 'citizen'],
    [0x40, 'cardNotSupported', 'citizen'],
    [0x41, 'cardRemoved', 'citizen'],
    [0x47, 'cardUnreadable', 'citizen'],
    [0x60, 'samError', 'technician'],
    [0x66, 'samError', 'technician'],
    [0x81, 'cardUnreadable', 'citizen'],
  ] as const)('SW3 %s is an error: %s, %s acts', (sw3, code, actor) => {
    expect(interpretStatus(sw3)).toMatchObject({ sw3, outcome: 'error', code, actor, known: true });
  });

  it('every non-ok status carries a common error code and its actor', () => {
    for (const sw3 of KNOWN_SW3) {
      const s = interpretStatus(sw3);
      expect(s.meaning.length).toBeGreaterThan(0);
      if (s.outcome === 'ok') continue;
      expect(isErrorCode(s.code)).toBe(true);
      expect(s.actor).toBe(ERROR_ACTOR[s.code!]);
    }
  });

  it('an unlisted SW3, including the host-DLL-only codes, is an unknown SAM error', () => {
    for (const sw3 of [...SW3_HOST_DLL_ONLY, 0x00, 0x42, 0x92, 0xff]) {
      expect(interpretStatus(sw3)).toMatchObject({ sw3, outcome: 'error', code: 'samError', actor: 'technician', known: false });
    }
    expect(interpretStatus(0x0a).meaning).toBe('unknown status 0A');
  });
});
