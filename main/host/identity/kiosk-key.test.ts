/** The per-kiosk identity key (kiosk-key.ts, issue 14 §7). */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KIOSK_KEY_FILE, KioskKeyError, openKioskKey } from './kiosk-key';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'kiosk-key-'));
  dirs.push(d);
  return d;
};
const ID = '52010219900101123X';

describe('openKioskKey', () => {
  it('makes a 32-byte owner-only key on first start and keeps it across starts', () => {
    const dir = tempDir();
    const first = openKioskKey(dir);
    expect(first.created).toBe(true);
    const file = join(dir, KIOSK_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file)).toHaveLength(32);
    const again = openKioskKey(dir);
    expect(again.created).toBe(false);
    expect(again.idHmac(ID)).toBe(first.idHmac(ID));
  });

  it('names a citizen by a keyed hash: stable, case-insensitive for the X, different per kiosk, never the number', () => {
    const a = openKioskKey(tempDir());
    const b = openKioskKey(tempDir());
    const h = a.idHmac(ID);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(a.idHmac(ID.toLowerCase())).toBe(h);
    expect(a.idHmac('520102199001011235')).not.toBe(h);
    expect(b.idHmac(ID)).not.toBe(h); // another kiosk's key: records cannot be joined across kiosks
    expect(h).not.toContain('19900101');
  });

  it('tightens a key file others can read, and says so', () => {
    const dir = tempDir();
    openKioskKey(dir);
    const file = join(dir, KIOSK_KEY_FILE);
    chmodSync(file, 0o644);
    const loose: number[] = [];
    openKioskKey(dir, (mode) => loose.push(mode));
    expect(loose).toEqual([0o644]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses a file that is not a key instead of replacing it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, KIOSK_KEY_FILE), 'not a key', { mode: 0o600 });
    expect(() => openKioskKey(dir)).toThrow(KioskKeyError);
    expect(readFileSync(join(dir, KIOSK_KEY_FILE), 'utf8')).toBe('not a key');
  });
});
