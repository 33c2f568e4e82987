/** The outbox key file (outbox-key.ts, open-outbox.ts; issue 17 §5): owner-only, outside the data folder, never replaced. */
import { chmodSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OutboxKeyError } from './outbox-errors';
import { checkKeyPlacement, createOutboxKey, defaultOutboxKeyFile, deriveOutboxKeys, readOutboxKey } from './outbox-key';
import { type OutboxRig, makeRig } from './test-outbox-rig';

const ID = '52010219900101123X';
let rig: OutboxRig;
afterEach(() => rig.dispose());

describe('the outbox key file', () => {
  it('is made on first start: 32 bytes, 0600, in a 0700 folder, and read back the same', async () => {
    rig = makeRig();
    const box = rig.open();
    expect(statSync(rig.keyFile).mode & 0o777).toBe(0o600);
    expect(statSync(join(rig.root, 'keys')).mode & 0o777).toBe(0o700);
    const raw = readFileSync(rig.keyFile);
    expect(raw).toHaveLength(32);
    const h = box.citizenHmac(ID);
    await box.close();
    const again = rig.open();
    expect(again.citizenHmac(ID)).toBe(h);
    expect(readFileSync(rig.keyFile).equals(raw)).toBe(true);
    await again.close();
  });

  it('tightens a key file others can read to 0600 and reports it', async () => {
    rig = makeRig();
    await rig.open().close();
    chmodSync(rig.keyFile, 0o644);
    const loose: number[] = [];
    const box = rig.open({ onLoosePermissions: (m) => loose.push(m) });
    expect(loose).toEqual([0o644]);
    expect(statSync(rig.keyFile).mode & 0o777).toBe(0o600);
    await box.close();
  });

  it('refuses a file that is not a key and leaves it as it is', () => {
    rig = makeRig();
    mkdirSync(join(rig.root, 'keys'));
    writeFileSync(rig.keyFile, 'not a key', { mode: 0o600 });
    expect(() => rig.open()).toThrow(OutboxKeyError);
    expect(readFileSync(rig.keyFile, 'utf8')).toBe('not a key');
  });

  it('refuses a key path inside the data folder, also through a symbolic link, with a message naming the setting', () => {
    rig = makeRig();
    mkdirSync(rig.dataDir, { recursive: true });
    expect(() => rig.open({ keyFile: join(rig.dataDir, 'outbox.key') })).toThrow(/outbox\.keyFile/);
    expect(() => rig.open({ keyFile: join(rig.dataDir, 'sub', 'deeper', 'outbox.key') })).toThrow(OutboxKeyError);
    expect(() => checkKeyPlacement(rig.dataDir, rig.dataDir)).toThrow(OutboxKeyError);
    symlinkSync(rig.dataDir, join(rig.root, 'alias'));
    expect(() => rig.open({ keyFile: join(rig.root, 'alias', 'outbox.key') })).toThrow(OutboxKeyError);
    expect(() => readFileSync(join(rig.dataDir, 'outbox.key'))).toThrow();
    // A sibling folder whose name starts like the data folder's is outside it.
    expect(() => checkKeyPlacement(join(rig.root, 'data-keys', 'outbox.key'), rig.dataDir)).not.toThrow();
  });

  it('defaults beside the configuration file, or beside the data folder, never inside it', () => {
    expect(defaultOutboxKeyFile('/etc/hallkiosk/kiosk.json', '/var/lib/hallkiosk')).toBe('/etc/hallkiosk/outbox.key');
    expect(defaultOutboxKeyFile(undefined, '/var/lib/hallkiosk')).toBe('/var/lib/hallkiosk-keys/outbox.key');
    expect(defaultOutboxKeyFile('/var/lib/hallkiosk/kiosk.json', '/var/lib/hallkiosk')).toBe('/var/lib/hallkiosk-keys/outbox.key');
    // One key folder per data folder: two kiosks (or test runs) side by side never share one.
    expect(defaultOutboxKeyFile(undefined, '/tmp/kiosk-a1')).toBe('/tmp/kiosk-a1-keys/outbox.key');
  });

  it('derives separate sub-keys: the citizen HMAC is keyed, stable, case-insensitive for the X, and never the number', () => {
    rig = makeRig();
    const raw = createOutboxKey(rig.keyFile);
    expect(readOutboxKey(rig.keyFile)!.equals(raw)).toBe(true);
    const k = deriveOutboxKeys(raw);
    const h = k.citizenHmac(ID);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(k.citizenHmac(ID.toLowerCase())).toBe(h);
    expect(k.citizenHmac('520102199001011235')).not.toBe(h);
    expect(deriveOutboxKeys(Buffer.alloc(32, 1)).citizenHmac(ID)).not.toBe(h);
    expect(k.sealKey.equals(raw)).toBe(false);
    expect(k.keyId).toMatch(/^[0-9a-f]{32}$/);
    expect(raw.toString('hex')).not.toContain(k.keyId);
  });

  it('says there is no key rather than inventing one when asked to read', () => {
    rig = makeRig();
    expect(readOutboxKey(rig.keyFile)).toBeNull();
  });
});
