import { describe, expect, it } from 'vitest';
import { requestSegments } from './static-files';

describe('requestSegments', () => {
  it('maps / to index.html and splits ordinary paths', () => {
    expect(requestSegments('/')).toEqual(['index.html']);
    expect(requestSegments('/?x=1')).toEqual(['index.html']);
    expect(requestSegments('/assets/app-1a2b.js?v=2')).toEqual(['assets', 'app-1a2b.js']);
    expect(requestSegments('/fonts/%E6%80%9D%E6%BA%90.woff2')).toEqual(['fonts', '思源.woff2']);
  });

  it('refuses traversal, dotfiles, encoded separators and bad encodings', () => {
    for (const target of ['/../x', '/a/../../x', '/%2e%2e/x', '/a/..%2f..%2fx', '/.git/config', '/a/./b']) expect(requestSegments(target), target).toBe(403);
    for (const target of ['/a%5c..%5cx', '/a%00.js', '/%E0%A4%A', 'http://evil.example/', '', undefined]) expect(requestSegments(target), String(target)).toBe(400);
  });
});
