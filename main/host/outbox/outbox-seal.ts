/**
 * Sealing one outbox record (issue 17 §5; ARCHITECTURE.md §8.7): AES-256-GCM (node:crypto) under the outbox
 * seal key, a fresh random 12-byte nonce per record, and as additional authenticated data the format version,
 * the record id, its kind, its idempotency key and its citizen HMAC, so a sealed payload moved to another row,
 * or a row's key or kind edited, fails to open like a flipped byte does. Stored as nonce ‖ ciphertext ‖ tag.
 *
 * The payload is JSON; byte arrays (scans, the signature image) travel as base64 inside it and come back as
 * Buffers. The plaintext exists only in memory: the buffer it was encoded into is zeroed once sealed.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { OutboxSealError } from './outbox-errors';

export const SEAL_FORMAT_VERSION = 1;
export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;

/** The fields a sealed payload is bound to. */
export interface SealContext {
  id: string;
  kind: string;
  idempotencyKey: string;
  citizenHmac: string;
}

/** The tag a byte array becomes inside the JSON (a key no form field uses). */
const BYTES_TAG = '$outboxBytes';

export function aadOf(version: number, ctx: SealContext): Buffer {
  return Buffer.from(JSON.stringify([version, ctx.id, ctx.kind, ctx.idempotencyKey, ctx.citizenHmac]), 'utf8');
}

export function sealPayload(sealKey: Buffer, ctx: SealContext, payload: unknown): Buffer {
  const plain = encodePayload(payload);
  try {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', sealKey, nonce, { authTagLength: TAG_BYTES });
    cipher.setAAD(aadOf(SEAL_FORMAT_VERSION, ctx));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([nonce, body, cipher.getAuthTag()]);
  } finally {
    plain.fill(0);
  }
}

/** Opens a sealed payload; throws OutboxSealError when it fails authentication (tampered, damaged, other key). */
export function openPayload(sealKey: Buffer, version: number, ctx: SealContext, sealed: Buffer): unknown {
  if (version !== SEAL_FORMAT_VERSION) throw new OutboxSealError(`sealed with format ${version}, this kiosk reads ${SEAL_FORMAT_VERSION}`);
  if (sealed.length < NONCE_BYTES + TAG_BYTES) throw new OutboxSealError('sealed record too short');
  const nonce = sealed.subarray(0, NONCE_BYTES);
  const tag = sealed.subarray(sealed.length - TAG_BYTES);
  const body = sealed.subarray(NONCE_BYTES, sealed.length - TAG_BYTES);
  let plain: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', sealKey, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(aadOf(version, ctx));
    decipher.setAuthTag(tag);
    plain = Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    throw new OutboxSealError('sealed record fails authentication (altered, damaged, or sealed under another key)');
  }
  try {
    return decodePayload(plain);
  } finally {
    plain.fill(0);
  }
}

export function encodePayload(payload: unknown): Buffer {
  const text = JSON.stringify(payload, function (this: Record<string, unknown>, key: string, value: unknown) {
    const raw = this[key];
    return raw instanceof Uint8Array ? { [BYTES_TAG]: Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('base64') } : value;
  });
  if (text === undefined) throw new OutboxSealError('payload is not JSON-serialisable');
  return Buffer.from(text, 'utf8');
}

export function decodePayload(plain: Buffer): unknown {
  return JSON.parse(plain.toString('utf8'), (_key, value: unknown) => {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const keys = Object.keys(value);
      const tagged = (value as Record<string, unknown>)[BYTES_TAG];
      if (keys.length === 1 && typeof tagged === 'string') return Buffer.from(tagged, 'base64');
    }
    return value;
  });
}
