/**
 * Decodes a whole IPP message (an HTTP body; RFC 8010 §3.1–§3.9, protocols.md §4.1). Strict: a message that
 * ends early, a length that runs past the end, a value of the wrong size for its tag, a value before any
 * group, an additional value with no attribute before it, or a collection left open is refused with an
 * IppDecodeError that says where. Everything after the end-of-attributes tag is the document data.
 * Collections are decoded (members in order, nested ones too). Pure: no I/O, no Buffer.
 */
import { END_OF_ATTRIBUTES, TAG, TAG_EXTENSION } from './constants';
import type { IppAttribute, IppGroup, IppMessage, IppScalar, IppValue } from './ipp-message';

export class IppDecodeError extends Error {
  override readonly name = 'IppDecodeError';
  constructor(
    message: string,
    /** Byte offset where the problem was found. */
    readonly offset: number,
  ) {
    super(`${message} (at byte ${offset})`);
  }
}

/** Deepest collection nesting accepted: a malicious message cannot recurse the decoder into the ground. */
const MAX_COLLECTION_DEPTH = 16;

const utf8 = new TextDecoder('utf-8', { fatal: false });

class ByteReader {
  pos = 0;
  constructor(private readonly bytes: Uint8Array) {}
  get left(): number {
    return this.bytes.length - this.pos;
  }
  need(n: number, what: string): void {
    if (this.left < n) throw new IppDecodeError(`message ends inside ${what}: ${n} bytes needed, ${this.left} left`, this.pos);
  }
  u8(what: string): number {
    this.need(1, what);
    return this.bytes[this.pos++]!;
  }
  u16(what: string): number {
    this.need(2, what);
    const v = (this.bytes[this.pos]! << 8) | this.bytes[this.pos + 1]!;
    this.pos += 2;
    return v;
  }
  i32(what: string): number {
    this.need(4, what);
    const b = this.bytes;
    const v = (b[this.pos]! << 24) | (b[this.pos + 1]! << 16) | (b[this.pos + 2]! << 8) | b[this.pos + 3]!;
    this.pos += 4;
    return v;
  }
  take(n: number, what: string): Uint8Array {
    this.need(n, what);
    const out = this.bytes.slice(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  rest(): Uint8Array {
    const out = this.bytes.slice(this.pos);
    this.pos = this.bytes.length;
    return out;
  }
}

function int32At(bytes: Uint8Array, at: number): number {
  return (bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!;
}

function expectLength(tag: number, bytes: Uint8Array, sizes: number[], offset: number): void {
  if (!sizes.includes(bytes.length)) throw new IppDecodeError(`a value of tag 0x${tag.toString(16)} must be ${sizes.join(' or ')} bytes, got ${bytes.length}`, offset);
}

/** Interprets the value bytes of one (non-collection) value by its tag. */
function scalar(tag: number, bytes: Uint8Array, offset: number): IppScalar {
  if (tag >= 0x10 && tag <= 0x1f) return null;
  switch (tag) {
    case TAG.integer:
    case TAG.enum:
      expectLength(tag, bytes, [4], offset);
      return int32At(bytes, 0);
    case TAG.boolean:
      expectLength(tag, bytes, [1], offset);
      if (bytes[0]! > 1) throw new IppDecodeError(`a boolean must be 0 or 1, got ${bytes[0]}`, offset);
      return bytes[0] === 1;
    case TAG.rangeOfInteger:
      expectLength(tag, bytes, [8], offset);
      return { lower: int32At(bytes, 0), upper: int32At(bytes, 4) };
    case TAG.resolution:
      expectLength(tag, bytes, [9], offset);
      return { x: int32At(bytes, 0), y: int32At(bytes, 4), units: bytes[8]! };
    case TAG.dateTime:
      expectLength(tag, bytes, [11], offset);
      return bytes;
    case TAG.textWithLanguage:
    case TAG.nameWithLanguage: {
      const r = new ByteReader(bytes);
      const language = utf8.decode(r.take(r.u16('a language length'), 'a language'));
      const text = utf8.decode(r.take(r.u16('a text length'), 'a text'));
      if (r.left !== 0) throw new IppDecodeError(`${r.left} stray bytes after a string with language`, offset);
      return { language, text };
    }
    default:
      return tag >= 0x40 && tag <= 0x5f ? utf8.decode(bytes) : bytes;
  }
}

interface RawValue {
  tag: number;
  name: string;
  bytes: Uint8Array;
  offset: number;
}

function readRaw(r: ByteReader, tag: number): RawValue {
  const offset = r.pos - 1;
  if (tag === TAG_EXTENSION) throw new IppDecodeError('extended (4-byte) value tags are not supported', offset);
  const name = utf8.decode(r.take(r.u16('a name length'), 'an attribute name'));
  const bytes = r.take(r.u16('a value length'), `the value of "${name || '(additional value)'}"`);
  return { tag, name, bytes, offset };
}

/** Reads a collection's members after its begCollection value, through its endCollection. */
function readCollection(r: ByteReader, depth: number, at: number): IppAttribute[] {
  if (depth > MAX_COLLECTION_DEPTH) throw new IppDecodeError(`collections nested deeper than ${MAX_COLLECTION_DEPTH}`, at);
  const members: IppAttribute[] = [];
  let current: IppAttribute | undefined;
  for (;;) {
    if (r.left === 0) throw new IppDecodeError('message ends inside a collection (no endCollection)', r.pos);
    const tag = r.u8('a member tag');
    if (tag < 0x10) throw new IppDecodeError(`group tag 0x${tag.toString(16)} inside a collection (no endCollection)`, r.pos - 1);
    const raw = readRaw(r, tag);
    if (raw.name !== '') throw new IppDecodeError(`a collection member value must have name-length 0, got "${raw.name}"`, raw.offset);
    if (tag === TAG.endCollection) {
      if (raw.bytes.length !== 0) throw new IppDecodeError('endCollection must have value-length 0', raw.offset);
      if (current && current.values.length === 0) throw new IppDecodeError(`collection member "${current.name}" has no value`, raw.offset);
      return members;
    }
    if (tag === TAG.memberAttrName) {
      if (current && current.values.length === 0) throw new IppDecodeError(`collection member "${current.name}" has no value`, raw.offset);
      current = { name: utf8.decode(raw.bytes), values: [] };
      if (current.name === '') throw new IppDecodeError('a memberAttrName must name the member', raw.offset);
      members.push(current);
      continue;
    }
    if (!current) throw new IppDecodeError('a collection value before any memberAttrName', raw.offset);
    current.values.push(valueOf(r, raw, depth));
  }
}

function valueOf(r: ByteReader, raw: RawValue, depth: number): IppValue {
  if (raw.tag === TAG.begCollection) return { tag: raw.tag, value: { members: readCollection(r, depth + 1, raw.offset) } };
  if (raw.tag === TAG.endCollection || raw.tag === TAG.memberAttrName) throw new IppDecodeError(`tag 0x${raw.tag.toString(16)} outside a collection`, raw.offset);
  return { tag: raw.tag, value: scalar(raw.tag, raw.bytes, raw.offset) };
}

export function decodeIppMessage(bytes: Uint8Array): IppMessage {
  const r = new ByteReader(bytes);
  if (bytes.length < 9) throw new IppDecodeError(`an IPP message is at least 9 bytes (version, code, request-id, end tag), got ${bytes.length}`, 0);
  const major = r.u8('the version');
  const minor = r.u8('the version');
  if (major < 1 || major > 2) throw new IppDecodeError(`IPP version ${major}.${minor} is not 1.x or 2.x (not an IPP message?)`, 0);
  const code = r.u16('the operation-id / status-code');
  const requestId = r.i32('the request-id');
  const groups: IppGroup[] = [];
  let group: IppGroup | undefined;
  let last: IppAttribute | undefined;
  for (;;) {
    if (r.left === 0) throw new IppDecodeError('message ends before the end-of-attributes tag', r.pos);
    const tag = r.u8('a tag');
    if (tag === END_OF_ATTRIBUTES) break;
    if (tag < 0x10) {
      if (tag === 0x00 || tag > 0x07) throw new IppDecodeError(`0x${tag.toString(16).padStart(2, '0')} is not a group tag`, r.pos - 1);
      group = { tag, attributes: [] };
      groups.push(group);
      last = undefined;
      continue;
    }
    const raw = readRaw(r, tag);
    if (!group) throw new IppDecodeError(`attribute "${raw.name}" before any group tag`, raw.offset);
    const value = valueOf(r, raw, 0);
    if (raw.name === '') {
      if (!last) throw new IppDecodeError('an additional value (name-length 0) with no attribute before it', raw.offset);
      last.values.push(value);
    } else {
      last = { name: raw.name, values: [value] };
      group.attributes.push(last);
    }
  }
  return { version: { major, minor }, code, requestId, groups, data: r.rest() };
}
