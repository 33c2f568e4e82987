import { describe, expect, it } from 'vitest';
import { SECRETS_FLAG, parseSecrets, readStdinSecrets } from './stdin-secrets';

describe('secrets on stdin (issue 13 §4)', () => {
  it('are read only when the launcher says it sends them', () => {
    let reads = 0;
    const read = (): string => {
      reads++;
      return '{"KIOSK_CALLING_TOKEN":"abc","n":1}';
    };
    expect(readStdinSecrets({}, read)).toEqual({});
    expect(reads).toBe(0);
    expect(readStdinSecrets({ [SECRETS_FLAG]: '1' }, read)).toEqual({ KIOSK_CALLING_TOKEN: 'abc' });
  });

  it('refuse anything but one JSON object, and more than 64 KiB', () => {
    expect(parseSecrets('')).toEqual({});
    expect(() => parseSecrets('[1]')).toThrow(/not a JSON object/u);
    expect(() => parseSecrets('{')).toThrow();
    expect(() => parseSecrets(`{"a":"${'x'.repeat(70_000)}"}`)).toThrow(/64 KiB/u);
  });
});
