import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../common/manual-clock';
import { encodeGb18030 } from '../../../drivers/protocol/escpos/gb18030';
import { COMMANDS as ESCPOS_COMMANDS, REPLIES as ESCPOS_REPLIES } from '../../../drivers/protocol/escpos/fixtures';
import { PHOTO, REQUESTS, RESPONSES, chunkings, concatBytes, hex } from '../../../drivers/protocol/ga467/fixtures';
import { SW3 } from '../../../drivers/protocol/ga467/constants';
import { encodeResponse } from '../../../drivers/protocol/ga467/frame-encoder';
import { encodeReadData } from '../../../drivers/protocol/ga467/response-layout';
import { encodeTextBlock } from '../../../drivers/protocol/ga467/text-block-encoder';
import { ECERT_QR_UTF8, ECERT_QR_UTF8_TEXT } from '../../../drivers/protocol/hidpos/fixtures';
import { ACKS_QUOTED, COMMANDS as ZFM_COMMANDS, UP_CHAR_STREAM, COMMANDS_CONSTRUCTED } from '../../../drivers/protocol/zfm/fixtures';
import { createMemoryPair } from '../../../drivers/transport/memory-pair';
import { createReportMemoryPair } from '../../../drivers/transport/report-memory-pair';
import { madeUpCitizen } from '../../../test/support/made-up-citizen';
import { PersonalDataSearch, describeFindings } from '../../../test/support/personal-data-search';
import { describerFor } from './frame-describers';
import type { DescribedFrame, FrameDescriber } from './frame-describer';
import { FrameLog } from './frame-log';
import { tapReportTransport, tapTransport } from './transport-tap';

/** Feeds a stream (tx then rx per step) to a fresh describer and returns what it described. */
function describe_(driver: string, model: string, steps: Array<['tx' | 'rx', Uint8Array[]]>): DescribedFrame[] {
  const d = describerFor(driver, model)!;
  return steps.flatMap(([dir, chunks]) => chunks.flatMap((c) => d[dir](c.slice())));
}

const meanings = (frames: DescribedFrame[]): string[] => frames.map((f) => f.meaning);

function cardReadFrame(citizen = madeUpCitizen()): { frame: Uint8Array; citizen: ReturnType<typeof madeUpCitizen> } {
  const text = encodeTextBlock('resident', {
    name: citizen.name,
    gender: '1',
    ethnicity: '01',
    birthDate: citizen.idNumber.slice(6, 14),
    address: citizen.address,
    idNumber: citizen.idNumber,
    issuingAuthority: '贵阳市公安局花溪分局',
    validFrom: '20150601',
    validUntil: '长期',
  });
  return { frame: encodeResponse(SW3.SUCCESS, encodeReadData({ text, photo: PHOTO }, 'textPhoto')), citizen };
}

describe('frame describers: golden frames of protocols.md give the right meanings', () => {
  it('GA 467 (§1.2, §1.3): requests by name and code, responses read against their request', () => {
    const frames = describe_('ga467', 'generic-ga467', [
      ['tx', [REQUESTS.samStatus]],
      ['rx', [RESPONSES.statusOk]],
      ['tx', [REQUESTS.findCard]],
      ['rx', [RESPONSES.findOk]],
      ['tx', [REQUESTS.selectCard]],
      ['rx', [RESPONSES.selectOk]],
      ['tx', [REQUESTS.setBaud9600]],
      ['tx', [REQUESTS.findCard]],
      ['rx', [RESPONSES.findFailed]],
    ]);
    expect(meanings(frames)).toEqual([
      'GA 467 SAM状态检测 / SAM status (11 FF) 请求 / request',
      'GA 467 SAM状态检测 / SAM status (11 FF) 应答 / reply: SW3 90 success (操作成功)',
      'GA 467 寻卡 / find card (20 01) 请求 / request',
      'GA 467 寻卡 / find card (20 01) 应答 / reply: SW3 9F card found (寻找证/卡成功), find only; 数据 / data 4 B',
      'GA 467 选卡 / select card (20 02) 请求 / request',
      'GA 467 选卡 / select card (20 02) 应答 / reply: SW3 90 success (操作成功); 数据 / data 8 B [已遮蔽 / masked]',
      'GA 467 设置波特率 / set baud rate 9600 (60 04) 请求 / request',
      'GA 467 寻卡 / find card (20 01) 请求 / request',
      'GA 467 设置波特率 / set baud rate 9600 (60 04) 应答 / reply: SW3 80 find card failed: no card, or card not re-presented',
    ]);
    expect(frames[0]!.hex).toBe('AA AA AA 96 69 00 03 11 FF ED');
    // The card serial of a select (§1.3) is masked; the find data (IIN, all zero) is not personal.
    expect(frames[5]!.hex).toBe(`AA AA AA 96 69 00 0C 00 00 90 ${'** '.repeat(8)}9C`);
    expect(frames[3]!.hex).toBe('AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97');
  });

  it('GA 467 read (30 01): sizes of text and photo, every byte of both masked', () => {
    const { frame } = cardReadFrame();
    const frames = describe_('ga467', 'generic-ga467', [['tx', [REQUESTS.readTextPhoto]], ['rx', [frame]]]);
    expect(frames[1]!.meaning).toBe(
      'GA 467 读卡 / read text + photo (30 01) 应答 / reply: SW3 90 success (操作成功); 文字信息 / text 256 B, 相片 / photo 1024 B [已遮蔽 / masked]',
    );
    // header, SW, the two length fields, then masked bytes; cut at 64 and counted
    expect(frames[1]!.hex).toBe(`AA AA AA 96 69 05 08 00 00 90 01 00 04 00 ${Array(50).fill('**').join(' ')} …(+1231 bytes)`);
  });

  it('ZFM (§3.2): commands by name, acks against the command with the §3.3 words, data and passwords masked', () => {
    const genImg = ZFM_COMMANDS.find((c) => c.name === 'GenImg')!.frame;
    const search = ZFM_COMMANDS.find((c) => c.name === 'Search 1, 0, 163')!.frame;
    const upChar = ZFM_COMMANDS.find((c) => c.name === 'UpChar buffer 1')!.frame;
    const vfy = COMMANDS_CONSTRUCTED.find((c) => c.name === 'VfyPwd 12345678')!.frame;
    const frames = describe_('zfm', 'generic-zfm', [
      ['tx', [genImg]],
      ['rx', [ACKS_QUOTED.ok]],
      ['tx', [genImg]],
      ['rx', [ACKS_QUOTED.noFinger]],
      ['tx', [search]],
      ['rx', [ACKS_QUOTED.searchHitPage5Score100]],
      ['tx', [vfy]],
      ['tx', [upChar]],
      ['rx', [UP_CHAR_STREAM]],
    ]);
    expect(meanings(frames)).toEqual([
      'ZFM GenImg 采集图像 命令 / command',
      'ZFM GenImg 采集图像 → 确认码 00 OK',
      'ZFM GenImg 采集图像 命令 / command',
      'ZFM GenImg 采集图像 → 确认码 02 No finger on the sensor',
      'ZFM Search 搜索 (buffer 1, start 0, count 163) 命令 / command',
      'ZFM Search 搜索 → 确认码 00 OK; score 100, page 5',
      'ZFM VfyPwd 验证口令 命令 / command',
      'ZFM UpChar 上传特征 (buffer 1) 命令 / command',
      // the VfyPwd went unanswered here, so the next ack is read against it: the log says what it saw
      'ZFM VfyPwd 验证口令 → 确认码 00 OK',
      'ZFM 数据包 / data packet 128 B [已遮蔽 / masked]',
      'ZFM 数据包 / data packet 128 B [已遮蔽 / masked]',
      'ZFM 数据包 / data packet 128 B [已遮蔽 / masked]',
      'ZFM 末数据包 / last data packet 128 B [已遮蔽 / masked]',
    ]);
    expect(frames[6]!.hex).toBe('EF 01 FF FF FF FF 01 00 07 13 ** ** ** ** 01 2F');
    expect(frames[9]!.hex).toMatch(/^EF 01 FF FF FF FF 02 00 82 (\*\* ){54}\*\* …\(\+75 bytes\)$/u);
  });

  it('ESC/POS (§2.4): DLE EOT n and its one-byte reply, read against the n that was asked', () => {
    const frames = describe_('escpos', 'generic-escpos-80', [
      ['tx', [ESCPOS_COMMANDS.dleEot4]],
      ['rx', [hex('1E')]],
      ['tx', [ESCPOS_COMMANDS.dleEot4]],
      ['rx', [hex('72')]],
      ['tx', [ESCPOS_COMMANDS.dleEot2]],
      ['rx', [hex('16')]],
      ['tx', [ESCPOS_COMMANDS.dleEot1, ESCPOS_COMMANDS.dleEot4]],
      ['rx', [hex('12 12')]],
      ['tx', [ESCPOS_COMMANDS.processIdT001]],
      ['rx', [ESCPOS_REPLIES.processIdT001]],
    ]);
    expect(meanings(frames)).toEqual([
      'ESC/POS DLE EOT 4 实时状态查询 / real-time status request (纸 / paper)',
      'ESC/POS DLE EOT 4 → 纸将尽 / paper near end',
      'ESC/POS DLE EOT 4 实时状态查询 / real-time status request (纸 / paper)',
      'ESC/POS DLE EOT 4 → 缺纸 / paper end',
      'ESC/POS DLE EOT 2 实时状态查询 / real-time status request (脱机原因 / offline cause)',
      'ESC/POS DLE EOT 2 → 上盖打开 / cover open',
      'ESC/POS DLE EOT 1 实时状态查询 / real-time status request (打印机 / printer)',
      'ESC/POS DLE EOT 4 实时状态查询 / real-time status request (纸 / paper)',
      'ESC/POS DLE EOT 1 → 正常 / OK',
      'ESC/POS DLE EOT 4 → 纸正常 / paper OK',
      'ESC/POS GS ( H 作业完成确认请求 / process ID request "T001"',
      'ESC/POS 作业已处理完 / process ID reply "T001" (job done up to here)',
    ]);
    expect(frames[1]!.hex).toBe('1E');
    expect(frames[11]!.hex).toBe('37 22 54 30 30 31 00');
  });

  it('ESC/POS print data: text runs, QR data and barcode data masked, the commands around them kept', () => {
    const name = '欧阳霁翎';
    const stream = concatBytes(
      ESCPOS_COMMANDS.init,
      ESCPOS_COMMANDS.chineseOn,
      ESCPOS_COMMANDS.alignCenter,
      encodeGb18030(`姓名:${name}`),
      hex('0A'),
      ESCPOS_COMMANDS.qrStoreA001,
      ESCPOS_COMMANDS.code128A001,
      ESCPOS_COMMANDS.cutPartial,
    );
    const frames = describe_('escpos', 'generic-escpos-80', [['tx', [stream]]]);
    expect(meanings(frames)).toEqual([
      'ESC/POS ESC @ 初始化 / initialise',
      'ESC/POS FS & 汉字模式 / Chinese mode on',
      'ESC/POS ESC a 对齐 / align center',
      'ESC/POS 文字 / text 13 B [已遮蔽 / masked]',
      'ESC/POS LF 换行 / line feed',
      'ESC/POS GS ( k 二维码数据 / QR data 4 B [已遮蔽 / masked]',
      'ESC/POS GS h 条码高度 / barcode height 80',
      'ESC/POS GS w 条码宽度 / barcode module 2',
      'ESC/POS GS H 条码文字位置 / HRI below',
      'ESC/POS GS k 条码 / barcode (system 73) 6 字符 / chars [已遮蔽 / masked]',
      'ESC/POS GS V 切纸 / cut 半切 / partial',
    ]);
    expect(frames[3]!.hex).toBe(Array(13).fill('**').join(' '));
    expect(frames[5]!.hex).toBe('1D 28 6B 07 00 31 50 30 ** ** ** **');
    expect(frames[9]!.hex).toBe('1D 6B 49 06 ** ** ** ** ** **');
    const search = new PersonalDataSearch([{ label: 'name', text: name }]);
    const findings = search.text('frame log', JSON.stringify(frames));
    expect(findings, describeFindings(findings)).toEqual([]);
  });

  it('ESC/POS: a command the codec does not model shows its introducer, its parameters masked', () => {
    const frames = describe_('escpos', 'generic-escpos-80', [['tx', [hex('1C 70 01 00 1B 40')]]]);
    expect(frames.map((f) => [f.hex, f.meaning])).toEqual([
      ['1C 70 ** **', expect.stringMatching(/^ESC\/POS 未识别命令 \/ unrecognised command \(\w+\) 4 B \[已遮蔽 \/ masked\]$/u)],
      ['1B 40', 'ESC/POS ESC @ 初始化 / initialise'],
    ]);
  });

  it('HID POS: a two-report label is one "continued" entry and one scan entry, its data never shown', () => {
    const frames = describe_('hidpos', 'honeywell-hidpos', [['rx', ECERT_QR_UTF8.map((r) => r.slice())]]);
    expect(meanings(frames)).toEqual([
      'HID POS 扫码报告 (续传) / scan report, continued: 56 B [已遮蔽 / masked]',
      `HID POS 扫码完成 / scan: qr, ${Array.from(ECERT_QR_UTF8_TEXT).length} 字符 / chars, 2 个报告 / report(s), utf-8 [已遮蔽 / masked]`,
    ]);
    expect(frames[0]!.hex.startsWith('02 38 5D 51 31 ** **')).toBe(true);
    const search = new PersonalDataSearch([{ label: 'label', text: ECERT_QR_UTF8_TEXT.split('|')[2]! }]);
    expect(search.text('frame log', JSON.stringify(frames))).toEqual([]);
  });

  it('the face camera and unknown drivers have no describer', () => {
    expect(describerFor('facecam', 'generic-uvc')).toBeUndefined();
    expect(describerFor('nonesuch', 'x')).toBeUndefined();
    expect(describerFor('__proto__', 'x')).toBeUndefined();
  });
});

describe('frame describers: chunks split anywhere give the same entries (ARCHITECTURE.md §5)', () => {
  const cases: Array<{ driver: string; model: string; tx: Uint8Array; rx: Uint8Array }> = [
    { driver: 'ga467', model: 'generic-ga467', tx: concatBytes(REQUESTS.findCard, REQUESTS.selectCard, REQUESTS.readTextPhoto), rx: concatBytes(RESPONSES.findOk, RESPONSES.selectOk, cardReadFrame().frame) },
    { driver: 'zfm', model: 'generic-zfm', tx: ZFM_COMMANDS.find((c) => c.name === 'UpChar buffer 1')!.frame, rx: UP_CHAR_STREAM },
    {
      driver: 'escpos',
      model: 'generic-escpos-80',
      tx: concatBytes(ESCPOS_COMMANDS.init, ESCPOS_COMMANDS.chineseOn, encodeGb18030('请到二楼'), hex('0A'), ESCPOS_COMMANDS.raster8x2, ESCPOS_COMMANDS.cutFull, ESCPOS_COMMANDS.dleEot4, ESCPOS_COMMANDS.dleEot1),
      rx: hex('1E 12'),
    },
  ];
  for (const c of cases) {
    it(`${c.driver}: whole, cut in two at every offset, byte by byte`, () => {
      const whole = describe_(c.driver, c.model, [['tx', [c.tx]], ['rx', [c.rx]]]);
      expect(whole.length).toBeGreaterThan(2);
      for (const txChunks of chunkings(c.tx).slice(0, 40)) {
        expect(describe_(c.driver, c.model, [['tx', txChunks], ['rx', [c.rx]]])).toEqual(whole);
      }
      for (const rxChunks of chunkings(c.rx)) {
        expect(describe_(c.driver, c.model, [['tx', [c.tx]], ['rx', rxChunks]])).toEqual(whole);
      }
    });
  }
});

describe('frame log: a card read never shows the citizen (issue 15 §3, ARCHITECTURE.md §8.7)', () => {
  it('no name, ID number or address in the log, as text or hex, however the read arrives', async () => {
    const clock = new ManualClock();
    const log = new FrameLog({ clock });
    const { frame, citizen } = cardReadFrame();
    const pair = createMemoryPair('reader');
    const host = tapTransport(pair.host, log.sink('id-card-reader', describerFor('ga467', 'generic-ga467')));
    const received: Uint8Array[] = [];
    host.onData((c) => received.push(c.slice()));
    await host.open();
    await pair.device.open();
    await host.write(REQUESTS.readTextPhoto);
    for (let i = 0; i < frame.length; i += 97) await pair.device.write(frame.subarray(i, i + 97));
    await new Promise((r) => setTimeout(r, 0));
    // The driver's side got every byte, unchanged
    expect(concatBytes(...received)).toEqual(frame);
    const entries = log.entries('id-card-reader');
    expect(entries.map((e) => [e.seq, e.direction])).toEqual([[1, 'tx'], [2, 'rx']]);
    expect(entries[1]!.at).toBe(clock.now());
    const search = new PersonalDataSearch([
      { label: 'name', text: citizen.name },
      { label: 'ID number', text: citizen.idNumber },
      { label: 'address', text: citizen.address },
    ]);
    const findings = search.text('frame log', JSON.stringify(entries));
    expect(findings, describeFindings(findings)).toEqual([]);
  });
});

describe('frame log: the ring and the tap', () => {
  it('keeps the newest `capacity` entries per device; seq keeps counting; afterSeq and limit', () => {
    const log = new FrameLog({ clock: new ManualClock(), capacity: 3 });
    const seen: number[] = [];
    log.onEntry((_id, e) => seen.push(e.seq));
    for (let i = 0; i < 5; i++) log.append('p', 'tx', [{ hex: '', meaning: `m${i}` }]);
    log.append('q', 'rx', [{ hex: '', meaning: 'other' }]);
    expect(log.entries('p').map((e) => e.meaning)).toEqual(['m2', 'm3', 'm4']);
    expect(log.entries('p', { afterSeq: 4 }).map((e) => e.seq)).toEqual([5]);
    expect(log.entries('p', { limit: 1 }).map((e) => e.seq)).toEqual([5]);
    expect(log.entries('q')[0]!.seq).toBe(1);
    log.clear('p');
    log.append('p', 'tx', [{ hex: '', meaning: 'after clear' }]);
    expect(log.entries('p').map((e) => e.seq)).toEqual([6]);
    expect(seen).toEqual([1, 2, 3, 4, 5, 1, 6]);
    expect(log.devices().sort()).toEqual(['p', 'q']);
  });

  it('a describer that throws never breaks the link; a driver without one logs sizes only', async () => {
    const log = new FrameLog({ clock: new ManualClock() });
    const broken: FrameDescriber = { tx: () => { throw new Error('bug'); }, rx: () => { throw new Error('bug'); } };
    const pair = createMemoryPair('x');
    const host = tapTransport(pair.host, log.sink('x', broken));
    await host.open();
    await pair.device.open();
    const got: number[] = [];
    host.onData((c) => got.push(c.length));
    await host.write(hex('01 02'));
    await pair.device.write(hex('03'));
    await new Promise((r) => setTimeout(r, 0));
    expect(got).toEqual([1]);
    expect(log.entries('x')).toEqual([]);
    const raw = new FrameLog({ clock: new ManualClock() });
    raw.sink('y', undefined).rx(hex('41 42 43'));
    expect(raw.entries('y')[0]).toMatchObject({ hex: '', meaning: '原始字节 / raw bytes 3 B [已遮蔽 / masked]' });
  });

  it('forwards the link facts of the transport it wraps', async () => {
    const pair = createMemoryPair('z');
    const host = tapTransport(pair.host, { tx: () => undefined, rx: () => undefined });
    expect(host.description).toBe(pair.host.description);
    expect(host.isOpen).toBe(false);
    await host.open();
    expect(host.isOpen).toBe(true);
    const reasons: string[] = [];
    host.onDisconnect((r) => reasons.push(r));
    pair.device.unplug();
    expect(reasons).toEqual(['unplugged']);
  });

  it('untap stops the tap seeing (and forwarding) the inner link', async () => {
    const pair = createMemoryPair('u');
    const seen: number[] = [];
    const host = tapTransport(pair.host, { tx: () => undefined, rx: (c) => seen.push(c.length) });
    await host.open();
    await pair.device.open();
    await pair.device.write(hex('01'));
    await new Promise((r) => setTimeout(r, 0));
    host.untap();
    await pair.device.write(hex('02 03'));
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual([1]);
  });
});

describe('frame log: the HID report tap', () => {
  it('shows each report to the sink before the driver, who may zero it; output reports too', async () => {
    const log = new FrameLog({ clock: new ManualClock() });
    const pair = createReportMemoryPair('scanner');
    const host = tapReportTransport(pair.host, log.sink('scanner', describerFor('hidpos', 'honeywell-hidpos')));
    await host.open();
    await pair.device.open();
    host.onReport((r) => r.fill(0)); // as the HID POS driver does once it has read a report
    for (const r of ECERT_QR_UTF8) await pair.device.writeReport(r.slice());
    await host.writeReport(hex('00 01'));
    await new Promise((r) => setTimeout(r, 0));
    expect(log.entries('scanner').map((e) => `${e.direction} ${e.meaning}`)).toEqual([
      'rx HID POS 扫码报告 (续传) / scan report, continued: 56 B [已遮蔽 / masked]',
      `rx HID POS 扫码完成 / scan: qr, ${Array.from(ECERT_QR_UTF8_TEXT).length} 字符 / chars, 2 个报告 / report(s), utf-8 [已遮蔽 / masked]`,
      'tx HID POS 输出报告 / output report id 00, 2 B',
    ]);
  });
});
