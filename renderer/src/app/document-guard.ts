/**
 * Touch-kiosk guards on the whole document, installed once before anything renders (issue 13 §4), so they
 * cover the fallback screens too (the fault screen, out of service): no long-press context menu, no
 * dragging an image or a link out, no text selection started by a long press. The CSS in base.css turns
 * off the callout and highlighting; these stop the events themselves.
 */
const BLOCKED_EVENTS = ['contextmenu', 'dragstart', 'selectstart'] as const;

export function guardDocument(doc: Document): () => void {
  const block = (event: Event): void => event.preventDefault();
  for (const type of BLOCKED_EVENTS) doc.addEventListener(type, block, true);
  return () => {
    for (const type of BLOCKED_EVENTS) doc.removeEventListener(type, block, true);
  };
}
