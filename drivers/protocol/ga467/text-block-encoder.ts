/**
 * Builds the 256-byte text block of an ID card read (protocols.md §1.5, §1.6): every field UCS-2
 * little-endian at its span, padded on the right with spaces (`20 00`), reserved areas spaces, and the
 * card-type marker at bytes 248–249. The simulator's card source and the codec tests' fixtures. The spans are
 * text-block.ts's TEXT_BLOCK_LAYOUTS (written once, ARCHITECTURE.md §4); text-block.test.ts holds them to an
 * independent transcription of the §1.5/§1.6 tables, so a wrong span cannot hide on both sides.
 * Refusals name the field and the rule, never the text: the text is personal data (ARCHITECTURE.md §8.7).
 */
import type { CardKind } from './card-text';
import { TEXT_LENGTH } from './constants';
import { CARD_TYPE_MARKER_OFFSET, TEXT_BLOCK_LAYOUTS } from './text-block';

type Layouts = typeof TEXT_BLOCK_LAYOUTS;

/** The fields of one layout, by the names text-block.ts reads them with; an absent field stays padding. */
export type TextBlockFields<K extends CardKind> = { [F in keyof Layouts[K]]?: string };

/** §1.6: the marker character of each layout (space for the resident card). */
export const CARD_TYPE_MARKER_CHARS: Readonly<Record<CardKind, string>> = {
  resident: ' ',
  hkMacaoTaiwanResidence: 'J',
  foreignPermanent2017: 'I',
  foreignPermanent2023: 'Y',
};

/** The padding code unit of §1.5: a space, `20 00`. */
const SPACE = 0x0020;

/** A field the layout has not, or a text too long for its span: the caller's input, reported without it. */
export class TextBlockFieldError extends RangeError {
  override readonly name = 'TextBlockFieldError';
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

/** How many characters (UCS-2 code units) a span holds: two bytes each (§1.5). */
export function spanChars(kind: CardKind, field: string): number | undefined {
  const span = (TEXT_BLOCK_LAYOUTS[kind] as Record<string, { length: number }>)[field];
  return span === undefined ? undefined : span.length / 2;
}

/** Writes `text` as UCS-2 little-endian code units at `offset`; the rest of the span keeps what it had. */
export function writeUcs2(block: Uint8Array, offset: number, lengthBytes: number, text: string): void {
  if (text.length * 2 > lengthBytes) throw new RangeError(`${text.length} characters do not fit ${lengthBytes} bytes at offset ${offset}`);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    block[offset + 2 * i] = unit & 0xff;
    block[offset + 2 * i + 1] = unit >> 8;
  }
}

/**
 * A text block of `kind` holding `fields`. Throws TextBlockFieldError for a field the layout has not or a
 * text wider than its span. The values are not validated beyond their width (dates, codes and numbers are
 * text-block.ts's business): a simulator must be able to present a card the parser refuses.
 */
export function encodeTextBlock<K extends CardKind>(kind: K, fields: TextBlockFields<K>): Uint8Array {
  const block = new Uint8Array(TEXT_LENGTH);
  for (let i = 0; i < TEXT_LENGTH; i += 2) block[i] = SPACE;
  const layout = TEXT_BLOCK_LAYOUTS[kind] as Record<string, { offset: number; length: number }>;
  for (const [field, text] of Object.entries(fields as Record<string, string | undefined>)) {
    const span = Object.hasOwn(layout, field) ? layout[field] : undefined;
    if (span === undefined) throw new TextBlockFieldError(`the ${kind} layout has no field ${field}`, field);
    if (text === undefined) continue;
    if (text.length * 2 > span.length) {
      throw new TextBlockFieldError(`${field} holds at most ${span.length / 2} characters (UCS-2 code units), got ${text.length}`, field);
    }
    writeUcs2(block, span.offset, span.length, text);
  }
  writeUcs2(block, CARD_TYPE_MARKER_OFFSET, 2, CARD_TYPE_MARKER_CHARS[kind]);
  return block;
}
