/**
 * Nothing readable on disk (issue 17 §5; ARCHITECTURE.md §8.7): a record with a recognisable ID number, name
 * and scan is written, sent, refused and acknowledged, and at each step the raw bytes of every file in the
 * data folder are searched for them (as text, as UTF-16, as the base64 the payload carries bytes in), for
 * the key, and after the acknowledgement for the record's ciphertext too.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { OUTBOX_DB_FILES } from './outbox-store';
import { FakePlatform, type OutboxRig, makeRig } from './test-outbox-rig';

const ID = '52010219900101123X';
const NAME = '欧阳娜娜';
const SCAN_MARK = Buffer.from('SCAN-MARKER-户口簿-0042', 'utf8');
let rig: OutboxRig;
afterEach(() => rig.dispose());

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

function needles(key: Buffer): [string, Buffer][] {
  const text = (label: string, s: string): [string, Buffer][] => [
    [label, Buffer.from(s, 'utf8')],
    [`${label} (UTF-16)`, Buffer.from(s, 'utf16le')],
  ];
  return [
    ...text('ID number', ID),
    ...text('ID number, lower-case x', ID.toLowerCase()),
    ...text('ID digits', ID.slice(0, 17)),
    ...text('birth date run', '19900101123'),
    ...text('name', NAME),
    ['scan bytes', SCAN_MARK],
    ['scan as base64', Buffer.from(SCAN_MARK.toString('base64').slice(0, 24))],
    ['key', key],
    ['key (hex)', Buffer.from(key.toString('hex'))],
  ];
}

function expectNothingReadable(extra: [string, Buffer][] = []): void {
  const key = readFileSync(rig.keyFile);
  const files = filesUnder(rig.dataDir);
  expect(files.some((f) => f.endsWith(OUTBOX_DB_FILES.production))).toBe(true);
  for (const file of files) {
    const bytes = readFileSync(file);
    for (const [label, needle] of [...needles(key), ...extra]) expect(bytes.includes(needle), `${label} in ${file}`).toBe(false);
    expect(statSync(file).mode & 0o077, `${file} is owner-only`).toBe(0);
  }
}

describe('the outbox on disk', () => {
  it('holds no plaintext, no key, and after the acknowledgement not even the ciphertext', async () => {
    rig = makeRig();
    const box = rig.open();
    const payload = { form: { name: NAME, idNumber: ID, address: '贵州省贵阳市南明区' }, scans: [Buffer.concat([SCAN_MARK, Buffer.alloc(50_000, 7), SCAN_MARK])], signature: SCAN_MARK };
    const id = box.put('application', 'kiosk-01-app-2001', box.citizenHmac(ID), payload);
    box.put('evaluation', 'kiosk-01-eval-2001', box.citizenHmac(ID), { level: '不满意', reasons: [`${NAME} ${ID}`] });
    expectNothingReadable();

    const platform = new FakePlatform();
    platform.down = true;
    box.register('application', platform.send);
    box.register('evaluation', async () => ({ outcome: 'rejected', error: `bad reason text ${ID}` }));
    box.start();
    await box.sendNow();
    expect(box.records().map((r) => r.state).sort()).toEqual(['refused', 'waiting']);
    expect(box.records().find((r) => r.state === 'refused')!.lastError).toBe('bad reason text 5201**********123X');
    expectNothingReadable();

    const raw = new Database(join(rig.dataDir, OUTBOX_DB_FILES.production), { readonly: true });
    const { sealed } = raw.prepare<[string], { sealed: Buffer }>('SELECT sealed FROM outbox_records WHERE id = ?').get(id)!;
    raw.close();
    platform.down = false;
    await box.sendNow();
    expect(platform.acceptances).toBe(1);
    expect(box.records().map((r) => r.state)).toEqual(['refused']);
    await box.close();
    const slices: [string, Buffer][] = [0, 1_000, 20_000, sealed.length - 64].map((at) => [`ciphertext at ${at}`, sealed.subarray(at, at + 48)]);
    expectNothingReadable(slices);
  });
});
