import { describe, expect, it } from 'vitest';
import { ClipLru } from './clip-lru';

describe('ClipLru', () => {
  it('drops the least recently used past its entry bound', () => {
    const lru = new ClipLru(2, 1_000);
    lru.set('a', 'A');
    lru.set('b', 'B');
    expect(lru.get('a')).toBe('A');
    lru.set('c', 'C');
    expect(lru.get('b')).toBeUndefined();
    expect([lru.get('a'), lru.get('c'), lru.size]).toEqual(['A', 'C', 2]);
  });

  it('stays under its byte bound, and ignores a clip bigger than all of it', () => {
    const lru = new ClipLru(10, 10);
    lru.set('a', 'xxxx');
    lru.set('b', 'yyyy');
    lru.set('c', 'zzzz');
    expect([lru.get('a'), lru.size]).toEqual([undefined, 2]);
    lru.set('big', 'x'.repeat(11));
    expect(lru.get('big')).toBeUndefined();
    lru.set('b', 'yy');
    lru.set('d', 'dddd');
    expect([lru.get('b'), lru.get('c'), lru.get('d')]).toEqual(['yy', 'zzzz', 'dddd']);
  });
});
