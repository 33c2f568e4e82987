import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../common/manual-clock';
import { PHOTO, REQUESTS, hex } from '../../../drivers/protocol/ga467/fixtures';
import { SW3 } from '../../../drivers/protocol/ga467/constants';
import { encodeResponse } from '../../../drivers/protocol/ga467/frame-encoder';
import { encodeReadData } from '../../../drivers/protocol/ga467/response-layout';
import { encodeTextBlock } from '../../../drivers/protocol/ga467/text-block-encoder';
import { createMemoryPair } from '../../../drivers/transport/memory-pair';
import { createReportMemoryPair } from '../../../drivers/transport/report-memory-pair';
import type { Transport } from '../../../drivers/transport/transport';
import { madeUpCitizen } from '../../../test/support/made-up-citizen';
import { PersonalDataSearch, describeFindings } from '../../../test/support/personal-data-search';
import { DiagnosticsError } from './diagnostics-error';
import { parseHexStrict } from './hex-input';
import { RawConsole, type RawCommandAudit, type RawConsoleOptions } from './raw-console';

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

async function rig(driver = 'escpos', model = 'generic-escpos-80', overrides: Partial<RawConsoleOptions> = {}) {
  const clock = new ManualClock();
  const pair = createMemoryPair('dev');
  await pair.host.open();
  await pair.device.open();
  const written: Uint8Array[] = [];
  pair.device.onData((c) => written.push(c));
  const audits: RawCommandAudit[] = [];
  let inMaintenance = true;
  const console_ = new RawConsole({
    deviceId: 'ticket-printer',
    driver,
    model,
    transport: pair.host,
    clock,
    assertMaintenance: () => {
      if (!inMaintenance) throw new DiagnosticsError('notInMaintenance', '不在维护模式 / not in maintenance mode');
    },
    audit: (e) => void audits.push(e),
    ...overrides,
  });
  return { clock, pair, written, audits, console: console_, leave: () => (inMaintenance = false) };
}

describe('parseHexStrict (issue 15 §3: raw console input)', () => {
  it('reads pairs in any grouping, with or without 0x', () => {
    expect(parseHexStrict(' 10 04 01 ')).toEqual(hex('10 04 01'));
    expect(parseHexStrict('AAaa\n0x96 69')).toEqual(hex('AA AA 96 69'));
  });
  it('refuses a stray character, an odd group, nothing, and too much, saying where', () => {
    expect(() => parseHexStrict('10 0G')).toThrow(/第 5 个字符 "G" 不是十六进制数字.* \/ character 5 \("G"\) is not a hex digit/u);
    expect(() => parseHexStrict('10,04')).toThrow(/character 3 \(","\)/u);
    expect(() => parseHexStrict('10 040')).toThrow(/"040" \(from character 4\) has an odd number of digits/u);
    expect(() => parseHexStrict('0x')).toThrow(/digits missing after the 0x/u);
    expect(() => parseHexStrict('   ')).toThrow(/请输入要发送的十六进制字节/u);
    expect(() => parseHexStrict('00 '.repeat(1025))).toThrow(expect.objectContaining({ code: 'commandTooLong' }));
    expect(parseHexStrict('00 '.repeat(1024)).length).toBe(1024);
  });
});

describe('RawConsole (issue 15 §3)', () => {
  it('sends DLE EOT 4, shows the framed reply, audits the command and the reply length', async () => {
    const r = await rig();
    const sending = r.console.send({ actor: 'tech-1', hex: '10 04 04' });
    await tick();
    expect(r.written).toEqual([hex('10 04 04')]);
    await r.pair.device.write(hex('1E'));
    await tick();
    r.clock.advance(300);
    const result = await sending;
    expect(result).toMatchObject({ outcome: 'replied', replyBytes: 1, message: '收到应答 1 字节 / reply of 1 bytes' });
    expect(result.sent.map((f) => f.meaning)).toEqual(['ESC/POS DLE EOT 4 实时状态查询 / real-time status request (纸 / paper)']);
    expect(result.replies).toEqual([{ hex: '1E', meaning: 'ESC/POS DLE EOT 4 → 纸将尽 / paper near end' }]);
    expect(result.listenedMs).toBe(300);
    expect(r.audits).toEqual([
      { actor: 'tech-1', action: 'device.rawCommand', subject: 'ticket-printer', detail: { hex: '10 04 04', bytes: 3, replyBytes: 1, outcome: 'replied', waitMs: 2000 } },
    ]);
  });

  it('a device that does not answer ends in "no reply in N ms", not a hang', async () => {
    const r = await rig();
    const sending = r.console.send({ actor: 'tech-1', hex: '10 04 01', waitMs: 500 });
    await tick();
    r.clock.advance(500);
    const result = await sending;
    expect(result).toMatchObject({ outcome: 'noReply', replies: [], replyBytes: 0 });
    expect(result.message).toBe('500 ms 内无应答 / no reply in 500 ms');
    expect(r.audits[0]!.detail).toMatchObject({ outcome: 'noReply', replyBytes: 0 });
    expect(r.clock.pendingTimers()).toBe(0);
  });

  it('an incomplete command (a raster whose data never follows) warns that the printer may be waiting', async () => {
    const r = await rig();
    const sending = r.console.send({ actor: 'tech-1', hex: '1D 76 30 00 FF 00 FF 00' });
    await tick();
    r.clock.advance(2000);
    const result = await sending;
    expect(result.message).toMatch(/^2000 ms 内无应答 \/ no reply in 2000 ms 注意:命令不完整.* power-cycle it if it stops answering$/u);
  });

  it('a write that never completes (a hung printer) is bounded by the window, said for the technician, audited', async () => {
    const stuck: Transport = {
      description: 'stuck',
      isOpen: true,
      write: () => new Promise<void>(() => undefined),
      onData: () => () => undefined,
      onDisconnect: () => () => undefined,
      open: async () => undefined,
      close: async () => undefined,
    };
    const r2 = await rig('escpos', 'generic-escpos-80', { transport: stuck });
    const sending = r2.console.send({ actor: 'tech-1', hex: '1B 40' });
    await tick();
    r2.clock.advance(2000);
    const err = await sending.catch((e: unknown) => e as DiagnosticsError);
    expect(err).toMatchObject({ code: 'writeHung', actor: 'technician' });
    expect(err.message).toMatch(/^命令在 2000 ms 内未能写出.*断电重启 ticket-printer.* \/ the command could not be written within 2000 ms/u);
    expect(r2.audits[0]!.detail.outcome).toBe('writeHung');
    expect(r2.clock.pendingTimers()).toBe(0);
  });

  it('refuses outside maintenance, a bad wait, bad hex and a closed link, sending nothing and auditing nothing', async () => {
    const r = await rig();
    await expect(r.console.send({ actor: 't', hex: '10 04 01', waitMs: 10_001 })).rejects.toMatchObject({ code: 'badWaitTime' });
    await expect(r.console.send({ actor: 't', hex: '10 04 01', waitMs: 20 })).rejects.toMatchObject({ code: 'badWaitTime' });
    await expect(r.console.send({ actor: 't', hex: 'zz' })).rejects.toMatchObject({ code: 'badHex' });
    r.leave();
    await expect(r.console.send({ actor: 't', hex: '10 04 01' })).rejects.toMatchObject({ code: 'notInMaintenance' });
    const closed = await rig();
    await closed.pair.host.close();
    await expect(closed.console.send({ actor: 't', hex: '10 04 01' })).rejects.toMatchObject({ code: 'notOpen' });
    await tick();
    expect([...r.written, ...closed.written]).toEqual([]);
    expect([...r.audits, ...closed.audits]).toEqual([]);
  });

  it('one command at a time', async () => {
    const r = await rig();
    const first = r.console.send({ actor: 't', hex: '10 04 01', waitMs: 100 });
    await expect(r.console.send({ actor: 't', hex: '10 04 02' })).rejects.toMatchObject({ code: 'consoleBusy' });
    await tick();
    r.clock.advance(100);
    await first;
  });

  it('a card read through the console: the reply framed and masked; neither result nor audit holds the citizen', async () => {
    const citizen = madeUpCitizen();
    const text = encodeTextBlock('resident', { name: citizen.name, idNumber: citizen.idNumber, address: citizen.address, gender: '1', ethnicity: '01', birthDate: citizen.idNumber.slice(6, 14), validFrom: '20150601', validUntil: '长期', issuingAuthority: '某某公安局' });
    const frame = encodeResponse(SW3.SUCCESS, encodeReadData({ text, photo: PHOTO }, 'textPhoto'));
    const r = await rig('ga467', 'generic-ga467');
    const sending = r.console.send({ actor: 'tech-1', hex: '  AA AA AA 96 69 00 03 30 01 32 ' });
    await tick();
    expect(r.written).toEqual([REQUESTS.readTextPhoto]);
    await r.pair.device.write(frame.subarray(0, 500));
    await tick();
    r.clock.advance(100);
    await r.pair.device.write(frame.subarray(500));
    await tick();
    r.clock.advance(300);
    const result = await sending;
    expect(result.replyBytes).toBe(1295);
    expect(result.replies.map((f) => f.meaning)).toEqual([
      'GA 467 读卡 / read text + photo (30 01) 应答 / reply: SW3 90 success (操作成功); 文字信息 / text 256 B, 相片 / photo 1024 B [已遮蔽 / masked]',
    ]);
    expect(r.audits[0]!.detail).toEqual({ hex: 'AA AA AA 96 69 00 03 30 01 32', bytes: 10, replyBytes: 1295, outcome: 'replied', waitMs: 2000 });
    const search = new PersonalDataSearch([{ label: 'name', text: citizen.name }, { label: 'ID number', text: citizen.idNumber }, { label: 'address', text: citizen.address }]);
    const findings = search.text('console', JSON.stringify({ result, audits: r.audits }));
    expect(findings, describeFindings(findings)).toEqual([]);
  });

  it('bytes that form no whole frame are counted, not shown', async () => {
    const r = await rig('ga467', 'generic-ga467');
    const sending = r.console.send({ actor: 't', hex: '11 FF' });
    await tick();
    await r.pair.device.write(hex('AA AA AA 96 69 00 04 00'));
    await tick();
    r.clock.advance(300);
    const result = await sending;
    expect(result.replies).toEqual([{ hex: '', meaning: '未成完整帧的字节 / bytes that formed no whole frame: 8 B [已遮蔽 / masked]' }]);
  });

  it('on a HID link, the command is one output report and each input report a reply', async () => {
    const clock = new ManualClock();
    const pair = createReportMemoryPair('scanner');
    await pair.host.open();
    await pair.device.open();
    const got: Uint8Array[] = [];
    pair.device.onReport((r) => got.push(r));
    const c = new RawConsole({ deviceId: 'scanner', driver: 'hidpos', model: 'generic-hidpos', transport: pair.host, clock, assertMaintenance: () => undefined, audit: () => undefined });
    const sending = c.send({ actor: 't', hex: '00 01 02' });
    await tick();
    expect(got).toEqual([hex('00 01 02')]);
    await pair.device.writeReport(new Uint8Array(64).fill(0x09, 0, 1));
    await tick();
    clock.advance(300);
    const result = await sending;
    expect(result.sent[0]!.meaning).toBe('HID POS 输出报告 / output report id 00, 3 B');
    expect(result.replies[0]!.meaning).toBe('HID POS 其他报告 / other report id 09');
  });
});

describe('RawConsole audit: what the describer masks stays masked', () => {
  it('a fingerprint module password and printer text are not in the audit', async () => {
    const zfm = await rig('zfm', 'generic-zfm');
    const sending = zfm.console.send({ actor: 't', hex: 'EF 01 FF FF FF FF 01 00 07 13 12 34 56 78 01 2F', waitMs: 100 });
    await tick();
    zfm.clock.advance(100);
    await sending;
    expect(zfm.audits[0]!.detail.hex).toBe('EF 01 FF FF FF FF 01 00 07 13 ** ** ** ** 01 2F');
    const printer = await rig();
    const printing = printer.console.send({ actor: 't', hex: '1B 40 48 65 6C 6C 6F 0A', waitMs: 100 });
    await tick();
    printer.clock.advance(100);
    await printing;
    expect(printer.audits[0]!.detail.hex).toBe('1B 40 ** ** ** ** ** 0A');
  });
});
