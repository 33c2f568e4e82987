import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from './json-error-position';

describe('jsonErrorOffset', () => {
  it('is null for JSON, and points at the first character that cannot continue it', () => {
    expect(jsonErrorOffset('{"a": [1, -2.5e3, "x\\u0041", true, null, {}]}\n')).toBeNull();
    expect(jsonErrorOffset('{\n  "items": [,]\n}')).toBe(14);
    expect(jsonErrorOffset('{"a": 1,}')).toBe(8);
    expect(jsonErrorOffset('{"a": tru}')).toBe(9);
    expect(jsonErrorOffset('{"a": "open')).toBe(11);
    expect(jsonErrorOffset('[1] 2')).toBe(4);
    expect(jsonErrorOffset('')).toBe(0);
  });
});
