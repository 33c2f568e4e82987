/** Sealing records (outbox-seal.ts, issue 17 §5): AES-256-GCM, a nonce per record, bound to its row. */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { OutboxSealError } from './outbox-errors';
import { deriveOutboxKeys } from './outbox-key';
import { NONCE_BYTES, SEAL_FORMAT_VERSION, TAG_BYTES, openPayload, sealPayload } from './outbox-seal';

const keys = deriveOutboxKeys(randomBytes(32));
const ctx = { id: 'r-1', kind: 'application', idempotencyKey: 'kiosk-01-app-0001', citizenHmac: 'a'.repeat(64) };
const payload = { form: { name: '张三丰', idNumber: '52010219900101123X' }, scan: Buffer.from([0, 1, 2, 250, 255]), signature: new Uint8Array([9, 8, 7]) };

describe('sealPayload / openPayload', () => {
  it('round-trips a payload with byte arrays, which come back as Buffers', () => {
    const sealed = sealPayload(keys.sealKey, ctx, payload);
    const back = openPayload(keys.sealKey, SEAL_FORMAT_VERSION, ctx, sealed) as typeof payload;
    expect(back.form).toEqual(payload.form);
    expect(Buffer.isBuffer(back.scan) && back.scan.equals(payload.scan)).toBe(true);
    expect([...(back.signature as Uint8Array)]).toEqual([9, 8, 7]);
  });

  it('uses a fresh nonce per record and hides the plaintext', () => {
    const a = sealPayload(keys.sealKey, ctx, payload);
    const b = sealPayload(keys.sealKey, ctx, payload);
    expect(a.subarray(0, NONCE_BYTES).equals(b.subarray(0, NONCE_BYTES))).toBe(false);
    expect(a.includes(Buffer.from('52010219900101123X'))).toBe(false);
    expect(a.includes(Buffer.from('张三丰'))).toBe(false);
  });

  it('refuses to open under another key', () => {
    const sealed = sealPayload(keys.sealKey, ctx, payload);
    const other = deriveOutboxKeys(randomBytes(32));
    expect(() => openPayload(other.sealKey, SEAL_FORMAT_VERSION, ctx, sealed)).toThrow(OutboxSealError);
  });

  it('refuses a flipped byte in the nonce, the ciphertext or the tag', () => {
    const sealed = sealPayload(keys.sealKey, ctx, payload);
    for (const at of [0, NONCE_BYTES - 1, NONCE_BYTES, Math.floor(sealed.length / 2), sealed.length - TAG_BYTES - 1, sealed.length - 1]) {
      const bad = Buffer.from(sealed);
      bad[at]! ^= 0x01;
      expect(() => openPayload(keys.sealKey, SEAL_FORMAT_VERSION, ctx, bad), `byte ${at}`).toThrow(OutboxSealError);
    }
    expect(() => openPayload(keys.sealKey, SEAL_FORMAT_VERSION, ctx, sealed.subarray(0, 20))).toThrow(OutboxSealError);
  });

  it('binds the payload to its record: id, kind, idempotency key, citizen and format version', () => {
    const sealed = sealPayload(keys.sealKey, ctx, payload);
    for (const change of [{ id: 'r-2' }, { kind: 'evaluation' }, { idempotencyKey: 'kiosk-01-app-0002' }, { citizenHmac: 'b'.repeat(64) }]) {
      expect(() => openPayload(keys.sealKey, SEAL_FORMAT_VERSION, { ...ctx, ...change }, sealed), JSON.stringify(change)).toThrow(OutboxSealError);
    }
    expect(() => openPayload(keys.sealKey, SEAL_FORMAT_VERSION + 1, ctx, sealed)).toThrow(OutboxSealError);
  });
});
