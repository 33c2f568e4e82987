/**
 * Encodes an IPP message (RFC 8010 §3.1–§3.9; protocols.md §4.1): version, operation-id or status-code,
 * request-id, each group as its delimiter tag and attributes, the end-of-attributes tag, then the document.
 * An attribute is value-tag, name-length, name, value-length, value; its further values repeat that with
 * name-length 0. Collections (§3.1.6): begCollection, then per member a memberAttrName value naming it and the
 * member's values, each with name-length 0, then endCollection. Pure: no I/O, no Buffer.
 */
import { END_OF_ATTRIBUTES, TAG } from './constants';
import type { IppAttribute, IppMessage, IppScalar } from './ipp-message';

export class IppEncodeError extends Error {
  override readonly name = 'IppEncodeError';
}

/** RFC 8010 §3.1.4: name-length and value-length are signed 16-bit; no name or value may exceed 32767. */
const MAX_FIELD_BYTES = 0x7fff;

const utf8 = new TextEncoder();

class ByteWriter {
  private chunks: number[] = [];
  u8(v: number): void {
    this.chunks.push(v & 0xff);
  }
  u16(v: number): void {
    this.chunks.push((v >> 8) & 0xff, v & 0xff);
  }
  i32(v: number): void {
    this.chunks.push((v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff);
  }
  bytes(b: Uint8Array): void {
    for (const x of b) this.chunks.push(x);
  }
  finish(tail: Uint8Array): Uint8Array {
    const out = new Uint8Array(this.chunks.length + tail.length);
    out.set(this.chunks);
    out.set(tail, this.chunks.length);
    return out;
  }
}

function field(w: ByteWriter, bytes: Uint8Array, what: string): void {
  if (bytes.length > MAX_FIELD_BYTES) throw new IppEncodeError(`${what} is ${bytes.length} bytes; IPP allows at most ${MAX_FIELD_BYTES}`);
  w.u16(bytes.length);
  w.bytes(bytes);
}

function int32(value: IppScalar, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < -0x80000000 || value > 0x7fffffff) {
    throw new IppEncodeError(`${what} must be a 32-bit integer, got ${JSON.stringify(value)}`);
  }
  return value;
}

function isObject<K extends string>(value: IppScalar, ...keys: K[]): value is IppScalar & Record<K, unknown> {
  return value !== null && typeof value === 'object' && !(value instanceof Uint8Array) && keys.every((k) => k in value);
}

/** The value bytes of one value (without its length), for every tag but collections. */
function valueBytes(tag: number, value: IppScalar, what: string): Uint8Array {
  if (tag >= 0x10 && tag <= 0x1f) return new Uint8Array(0); // out-of-band
  const w = new ByteWriter();
  switch (tag) {
    case TAG.integer:
    case TAG.enum:
      w.i32(int32(value, what));
      return w.finish(new Uint8Array(0));
    case TAG.boolean:
      if (typeof value !== 'boolean') throw new IppEncodeError(`${what} must be a boolean`);
      return Uint8Array.of(value ? 1 : 0);
    case TAG.rangeOfInteger:
      if (!isObject(value, 'lower', 'upper')) throw new IppEncodeError(`${what} must be { lower, upper }`);
      w.i32(int32(value.lower as number, what));
      w.i32(int32(value.upper as number, what));
      return w.finish(new Uint8Array(0));
    case TAG.resolution:
      if (!isObject(value, 'x', 'y', 'units')) throw new IppEncodeError(`${what} must be { x, y, units }`);
      w.i32(int32(value.x as number, what));
      w.i32(int32(value.y as number, what));
      w.u8(value.units as number);
      return w.finish(new Uint8Array(0));
    case TAG.textWithLanguage:
    case TAG.nameWithLanguage:
      if (!isObject(value, 'language', 'text')) throw new IppEncodeError(`${what} must be { language, text }`);
      field(w, utf8.encode(String(value.language)), what);
      field(w, utf8.encode(String(value.text)), what);
      return w.finish(new Uint8Array(0));
    default:
      if (tag >= 0x40 && tag <= 0x5f) {
        if (typeof value !== 'string') throw new IppEncodeError(`${what} must be a string (tag 0x${tag.toString(16)})`);
        return utf8.encode(value);
      }
      if (!(value instanceof Uint8Array)) throw new IppEncodeError(`${what} must be bytes (tag 0x${tag.toString(16)})`);
      return value;
  }
}

function writeValue(w: ByteWriter, tag: number, name: string, value: IppScalar, what: string): void {
  if (tag < 0x10 || tag > 0xff || tag === 0x7f) throw new IppEncodeError(`${what}: 0x${tag.toString(16)} is not a value tag`);
  w.u8(tag);
  field(w, utf8.encode(name), `${what} name`);
  if (tag !== TAG.begCollection) {
    field(w, valueBytes(tag, value, what), what);
    return;
  }
  if (!isObject(value, 'members')) throw new IppEncodeError(`${what} must be a collection { members }`);
  w.u16(0);
  for (const member of value.members as IppAttribute[]) {
    w.u8(TAG.memberAttrName);
    w.u16(0);
    field(w, utf8.encode(member.name), `${what} member name`);
    if (member.values.length === 0) throw new IppEncodeError(`${what}.${member.name} has no value`);
    for (const v of member.values) writeValue(w, v.tag, '', v.value, `${what}.${member.name}`);
  }
  w.u8(TAG.endCollection);
  w.u16(0);
  w.u16(0);
}

function writeAttribute(w: ByteWriter, attr: IppAttribute): void {
  if (attr.name.length === 0) throw new IppEncodeError('an attribute needs a name');
  if (attr.values.length === 0) throw new IppEncodeError(`${attr.name} has no value (use the no-value tag 0x13)`);
  attr.values.forEach((v, i) => writeValue(w, v.tag, i === 0 ? attr.name : '', v.value, attr.name));
}

export function encodeIppMessage(message: IppMessage): Uint8Array {
  const w = new ByteWriter();
  w.u8(message.version.major);
  w.u8(message.version.minor);
  w.u16(message.code);
  if (!Number.isInteger(message.requestId) || message.requestId < 1 || message.requestId > 0x7fffffff) {
    throw new IppEncodeError(`request-id must be 1…2147483647 (RFC 8010 §3.4.1), got ${message.requestId}`);
  }
  w.i32(message.requestId);
  for (const group of message.groups) {
    if (group.tag < 0x01 || group.tag > 0x0f || group.tag === END_OF_ATTRIBUTES) throw new IppEncodeError(`0x${group.tag.toString(16)} is not a group tag`);
    w.u8(group.tag);
    for (const attr of group.attributes) writeAttribute(w, attr);
  }
  w.u8(END_OF_ATTRIBUTES);
  return w.finish(message.data);
}
