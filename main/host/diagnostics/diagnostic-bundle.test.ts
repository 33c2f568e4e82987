import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../common/manual-clock';
import { encodeGb18030 } from '../../../drivers/protocol/escpos/gb18030';
import { gb11643CheckDigit } from '../../../drivers/protocol/ga467/id-number';
import { madeUpCitizen } from '../../../test/support/made-up-citizen';
import { PersonalDataSearch, describeFindings } from '../../../test/support/personal-data-search';
import { DEFAULT_CONFIG_JSON } from '../config/default-config';
import { scrubLogLine, scrubText, withoutSecrets } from './bundle-scrub';
import { buildDiagnosticBundle, exportDiagnosticBundle, type DiagnosticBundleSources } from './diagnostic-bundle';
import type { DiagnosticsError } from './diagnostics-error';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function temp(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

const hexOf = (bytes: Uint8Array, sep = ''): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(sep);
const utf16 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf16le'));

/** A second, unknown citizen: only the ID pattern can catch this one's number. */
function strangerId(): string {
  const body = '52010219580307123';
  return body + gb11643CheckDigit(body)!;
}

const AUDIT_HASH = `00ab${'1234567890'.repeat(2)}cd${'e'.repeat(38)}`;

function sources(dataDir: string, citizen = madeUpCitizen(), overrides: Partial<DiagnosticBundleSources> = {}): DiagnosticBundleSources {
  const config = JSON.parse(DEFAULT_CONFIG_JSON) as Record<string, any>;
  config.devices.fingerprint.options = { address: 0xffffffff, password: 0x12345678 };
  config.queue.callingApi = { host: '127.0.0.1', port: 0, tokenEnv: 'KIOSK_CALLING_TOKEN' };
  return {
    kioskId: 'gy-zwfw',
    dataDir,
    clock: new ManualClock(),
    config,
    configSource: '/etc/hallkiosk/kiosk.json',
    devices: () => [{ id: 'id-card-reader', driver: 'ga467', model: 'generic-ga467', transport: 'serial', status: { device: 'online' } }],
    statistics: () => ({ 'id-card-reader': { reads: 3, [`last reader ${citizen.name}`]: 1, [`id ${citizen.idNumber}`]: 1 } }),
    statusHistory: () => ({ 'id-card-reader': [{ at: 1, summary: `device=online holder=${citizen.name} ${citizen.idNumber}`, delta: {} }] }),
    auditHead: () => ({ id: 42, hash: AUDIT_HASH, at: 1_795_000_000_000 }),
    knownPersonalData: () => ({ names: [citizen.name], idNumbers: [citizen.idNumber] }),
    recentLogLines: () => [`in memory: ${Buffer.from(citizen.name, 'utf8').toString('base64')} ${Buffer.from(citizen.name, 'utf16le').toString('base64')}`],
    versions: { app: '0.1.0' },
    usb: { roots: [] },
    ...overrides,
  };
}

function writeLogs(dataDir: string, citizen: ReturnType<typeof madeUpCitizen>): void {
  mkdirSync(join(dataDir, 'logs'), { recursive: true });
  const id = citizen.idNumber;
  const lines = [
    JSON.stringify({ level: 30, ns: 'identity', msg: `card read for ${citizen.name} ${id}` }),
    `{"level":30,"msg":"holder ${Array.from(citizen.name, (c) => `\\u${c.charCodeAt(0).toString(16)}`).join('')}"}`,
    `rx ${hexOf(utf16(citizen.name), ' ').toUpperCase()}`,
    `rx ${hexOf(encodeGb18030(citizen.name))}`,
    `rx ${hexOf(new TextEncoder().encode(citizen.name), ' ')}`,
    `id ascii hex ${hexOf(new TextEncoder().encode(id), ' ')} and utf-16 ${hexOf(utf16(id), ' ')} and ${hexOf(utf16(id)).toUpperCase()}`,
    `stranger ${strangerId()} grouped ${strangerId().slice(0, 6)} ${strangerId().slice(6, 14)} ${strangerId().slice(14)} hex ${hexOf(new TextEncoder().encode(strangerId()))}`,
    JSON.stringify({ level: 30, msg: 'calling api', token: 'abcdefabcdefabcdefabcdefabcdefabcdef' }),
    'Authorization: Bearer abcdef0123456789abcdef0123',
    'pin scrypt$16384$8$1$+KqK8e3lpfiPd/bLfJDUjw==$XUUgsZX/4VR0frlzrU1uEq5W+K5dR+uOnPmz6xJsG9Q=',
  ];
  writeFileSync(join(dataDir, 'logs', 'host.log'), `${lines.join('\n')}\n`);
}

describe('diagnostic bundle (issue 15 §3): no unmasked ID number or name, no secrets', () => {
  it('holds none of the citizen (UTF-8, UTF-16LE, GB18030, hex, base64, JSON escapes), nor a stranger\'s ID, nor a PIN hash or token', async () => {
    const dataDir = temp('kiosk-data-');
    const citizen = madeUpCitizen();
    writeLogs(dataDir, citizen);
    const result = await exportDiagnosticBundle(sources(dataDir, citizen));
    expect(result.path).toBe(join(dataDir, 'exports', 'diagnostic-gy-zwfw-20261123T010000000Z.json'));
    expect(result.message).toMatch(/^诊断包已导出:.*,未发现 U 盘 \/ diagnostic bundle exported to .* bytes\); no USB stick found$/u);
    const bytes = readFileSync(result.path);
    const search = new PersonalDataSearch([
      { label: 'name', text: citizen.name },
      { label: 'ID number', text: citizen.idNumber },
      { label: 'stranger ID number', text: strangerId() },
      { label: 'staff name', text: '演示管理员' },
    ]);
    const findings = search.bytes('bundle', bytes);
    expect(findings, describeFindings(findings)).toEqual([]);
    const text = bytes.toString('utf8');
    for (const secret of ['scrypt$', '"pinHash"', '"password"', '"tokenEnv"', 'KIOSK_CALLING_TOKEN', 'abcdefabcdefabcdef', 'abcdef0123456789', String(0x12345678)]) {
      expect(text, secret).not.toContain(secret);
    }
    const bundle = JSON.parse(text);
    // What a technician needs is still there
    expect(bundle).toMatchObject({
      format: 'hallkiosk-diagnostic-bundle/1',
      kioskId: 'gy-zwfw',
      createdAt: '2026-11-23T01:00:00.000Z',
      versions: { app: '0.1.0', node: process.versions.node },
      configuration: { source: '/etc/hallkiosk/kiosk.json' },
      auditHead: { id: 42, hash: AUDIT_HASH, at: 1_795_000_000_000 },
      logs: { files: ['host.log'] },
    });
    expect(bundle.configuration.config.devices.fingerprint.options).toEqual({ address: 0xffffffff });
    expect(bundle.configuration.config.staff.accounts[0]).toEqual({ id: 'demo-staff', name: '演****', role: 'technician' });
    expect(bundle.statistics['id-card-reader'].reads).toBe(3);
    expect(bundle.logs.lines).toHaveLength(11);
    expect(bundle.logs.lines[0]).toContain(`card read for ${citizen.name[0]}`);
    expect(bundle.logs.lines[0]).toContain(`${citizen.idNumber.slice(0, 4)}**********${citizen.idNumber.slice(-4)}`);
  });

  it('a full disk: a clear message, the partial file removed', async () => {
    const dataDir = temp('kiosk-data-');
    const err = await exportDiagnosticBundle(
      sources(dataDir, madeUpCitizen(), {
        writeFile: async (p, t) => {
          writeFileSync(p, t.slice(0, 100));
          throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        },
      }),
    ).catch((e: unknown) => e as DiagnosticsError);
    expect(err).toMatchObject({ code: 'diskFull', actor: 'technician' });
    expect(err.message).toBe(
      `磁盘已满,诊断包未能导出,不完整的文件已删除:请清理 ${join(dataDir, 'exports')} 后重试 / the disk is full: the diagnostic bundle was not exported and the partial file was removed; free space in ${join(dataDir, 'exports')} and try again`,
    );
    expect(readdirSync(join(dataDir, 'exports'))).toEqual([]);
  });

  it('a read-only data folder: said as such', async () => {
    const dataDir = temp('kiosk-data-');
    const err = await exportDiagnosticBundle(sources(dataDir, madeUpCitizen(), { writeFile: async () => Promise.reject(Object.assign(new Error('ro'), { code: 'EROFS' })) })).catch((e: unknown) => e as DiagnosticsError);
    expect(err).toMatchObject({ code: 'readOnly', message: expect.stringMatching(/只读或无写权限\(EROFS\).* \/ .* is read-only or not writable \(EROFS\)/u) });
  });

  it('copies to every mounted, writable stick; a full stick is reported and left clean', async () => {
    const dataDir = temp('kiosk-data-');
    const media = temp('media-');
    for (const d of ['kiosk/STICK_A', 'kiosk/STICK_B', 'kiosk/not-mounted']) mkdirSync(join(media, d), { recursive: true });
    const result = await exportDiagnosticBundle(
      sources(dataDir, madeUpCitizen(), {
        usb: { roots: [media, join(media, 'absent')], isMount: async (d) => !d.endsWith('not-mounted') },
        copyFile: async (from, to) => {
          if (to.includes('STICK_B')) {
            writeFileSync(to, 'half');
            throw Object.assign(new Error('full'), { code: 'ENOSPC' });
          }
          writeFileSync(to, readFileSync(from));
        },
      }),
    );
    expect(result.usb.map((u) => [u.dir.slice(media.length), u.ok])).toEqual([['/kiosk/STICK_A', true], ['/kiosk/STICK_B', false]]);
    expect(result.usb[1]!.message).toBe(`U 盘 ${join(media, 'kiosk/STICK_B')} 已满,未复制 / the USB stick ${join(media, 'kiosk/STICK_B')} is full: not copied`);
    expect(readFileSync(join(media, 'kiosk/STICK_A', 'diagnostic-gy-zwfw-20261123T010000000Z.json'))).toEqual(readFileSync(result.path));
    expect(existsSync(join(media, 'kiosk/STICK_B', 'diagnostic-gy-zwfw-20261123T010000000Z.json'))).toBe(false);
    expect(result.message).toContain('copied to 1 of 2 USB stick(s)');
  });

  it('without a log folder or audit head the bundle still builds', async () => {
    const dataDir = temp('kiosk-data-');
    const text = await buildDiagnosticBundle(sources(dataDir, madeUpCitizen(), { auditHead: () => null, recentLogLines: undefined, devices: undefined }));
    const bundle = JSON.parse(text);
    expect(bundle.auditHead).toBeNull();
    expect(bundle.logs).toEqual({ files: [], lines: [] });
  });
});

describe('bundle scrubbing', () => {
  it('removes secret keys at any depth and masks name fields', () => {
    expect(withoutSecrets({ a: { pinHash: 'x', apiKey: 'k', hmacKey: 'h', key: 'v', secretWord: 's', monkey: 1, keyboard: 2 }, staff: [{ name: '张三丰', id: 'a' }] })).toEqual({
      a: { monkey: 1, keyboard: 2 },
      staff: [{ name: '张**', id: 'a' }],
    });
  });

  it('the final pass keeps the audit hash as it is, even where its digits look like an ID', () => {
    const text = JSON.stringify({ hash: AUDIT_HASH, other: `x${'1234567890'.repeat(2)}` });
    const out = scrubText(text, { names: [], idNumbers: [] }, [AUDIT_HASH]);
    expect(JSON.parse(out)).toEqual({ hash: AUDIT_HASH, other: 'x1234************7890' });
  });
});

describe('bundle scrubbing of log lines', () => {
  it('drops credentials in addresses and token-like query values; masks a Chinese name field', () => {
    expect(scrubLogLine('GET https://kiosk:s3cretpass@platform.example/api?appId=1&access_token=abcd1234&x=2')).toBe('GET https://[removed]@platform.example/api?appId=1&access_token=[removed]&x=2');
    expect(scrubLogLine('{"msg":"verified","name":"欧阳霁翎","error":{"name":"TypeError"}}')).toBe('{"msg":"verified","name":"欧***","error":{"name":"TypeError"}}');
  });
});
