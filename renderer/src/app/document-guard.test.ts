// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { guardDocument } from './document-guard';

describe('guardDocument', () => {
  it('stops the long-press menu, drags and selection anywhere in the document until removed', () => {
    document.body.innerHTML = '<main><p>out of service</p><img alt="" /></main>';
    const remove = guardDocument(document);
    for (const type of ['contextmenu', 'dragstart', 'selectstart']) {
      const event = new Event(type, { bubbles: true, cancelable: true });
      document.querySelector('p')!.dispatchEvent(event);
      expect(event.defaultPrevented, type).toBe(true);
    }
    remove();
    const after = new Event('contextmenu', { bubbles: true, cancelable: true });
    document.body.dispatchEvent(after);
    expect(after.defaultPrevented).toBe(false);
  });
});
