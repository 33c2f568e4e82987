/**
 * Which spoken texts may be kept on disk (issue 16 §8, ARCHITECTURE.md §8.7): only a prompt the renderer marked
 * `cacheable` (a catalogue or guide text) and that does not look like it carries anything of a citizen. A
 * number of four digits or more, an ID-number or phone-like run (also with spaces or dashes, full-width, or
 * spelled in Chinese digits) or a masked value (`张*`, `5201****1234`) keeps the clip in memory only.
 */

const DIGIT = '[0-9０-９]';
const LOOKS_PERSONAL: readonly RegExp[] = [
  new RegExp(`${DIGIT}{4,}`, 'u'),
  // A phone or ID number written in groups: 138 1234 5678, 138-1234-5678 (7 digits or more in all).
  new RegExp(`${DIGIT}(?:[\\s\\-－.·]*${DIGIT}){6,}`, 'u'),
  /[〇零一二三四五六七八九幺两]{7,}/u,
  /[*＊×]/u,
];

/** True when a clip of `text` may be written to the disk cache. */
export function mayKeepOnDisk(text: string, cacheable: boolean): boolean {
  if (!cacheable) return false;
  return !LOOKS_PERSONAL.some((pattern) => pattern.test(text));
}
