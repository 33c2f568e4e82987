/**
 * The live frame log (issue 15 §3) between real drivers and the simulators: the tap sits on the driver's
 * link, the describers frame what the two exchange, and a made-up citizen's card read or ticket leaves no
 * name, ID number or address in the log, in any encoding (test/support/personal-data-search.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../common/manual-clock';
import { SimEscPosPrinter } from '../../devices-sim/escpos/sim-escpos-printer';
import { parseCardRequest } from '../../devices-sim/ga467/card-request';
import { INSTANT_TIMING } from '../../devices-sim/ga467/reader-timing';
import { SimGa467Reader } from '../../devices-sim/ga467/sim-ga467-reader';
import { EscPosPrinter } from '../../drivers/devices/escpos/escpos-printer';
import { Ga467IdCardReader } from '../../drivers/devices/ga467/ga467-id-card-reader';
import type { CardRead } from '../../drivers/devices/id-card-types';
import { createMemoryPair } from '../../drivers/transport/memory-pair';
import { describerFor } from '../../main/host/diagnostics/frame-describers';
import { FrameLog } from '../../main/host/diagnostics/frame-log';
import { tapTransport } from '../../main/host/diagnostics/transport-tap';
import { runUntil, settle } from '../drivers/escpos-fake-clock-rig';
import { madeUpCitizen } from '../support/made-up-citizen';
import { PersonalDataSearch, describeFindings } from '../support/personal-data-search';

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

function searchFor(citizen: ReturnType<typeof madeUpCitizen>): PersonalDataSearch {
  const search = new PersonalDataSearch([
    { label: 'name', text: citizen.name },
    { label: 'ID number', text: citizen.idNumber },
    { label: 'address', text: citizen.address },
  ]);
  // Positive control: the search does find the citizen where they are.
  expect(search.text('control', `x ${citizen.name} ${Buffer.from(citizen.idNumber, 'utf16le').toString('hex')}`)).toHaveLength(2);
  return search;
}

describe('frame log on a live link (issue 15 §3)', () => {
  it('an ID card read: the poll cycle in words, the read framed once, the citizen nowhere in it', async () => {
    const clock = new ManualClock();
    const frames = new FrameLog({ clock, capacity: 2000 });
    const pair = createMemoryPair('reader');
    const sim = new SimGa467Reader({ id: 'id-card-reader', model: 'generic-ga467', transport: pair.device, clock, baud: 0, timing: INSTANT_TIMING });
    const link = tapTransport(pair.host, frames.sink('id-card-reader', describerFor('ga467', 'generic-ga467')));
    const reader = new Ga467IdCardReader({ id: 'id-card-reader', model: 'generic-ga467', transport: link, clock, pollIntervalMs: 200 });
    const reads: CardRead[] = [];
    reader.onCardRead((card) => reads.push(card));
    stops.push(async () => {
      await reader.close().catch(() => undefined);
      await sim.stop();
    });
    await sim.start();
    await settle(clock, reader.open());
    await reader.enable();
    const citizen = madeUpCitizen();
    sim.placeCard(parseCardRequest(citizen.card));
    await runUntil(clock, () => reads.length === 1);
    reads[0]!.wipe();

    const meanings = frames.entries('id-card-reader').map((e) => `${e.direction} ${e.meaning}`);
    expect(meanings[0]).toBe('tx GA 467 SAM状态检测 / SAM status (11 FF) 请求 / request');
    expect(meanings[1]).toBe('rx GA 467 SAM状态检测 / SAM status (11 FF) 应答 / reply: SW3 90 success (操作成功)');
    expect(meanings).toContain('tx GA 467 寻卡 / find card (20 01) 请求 / request');
    expect(meanings).toContain('rx GA 467 寻卡 / find card (20 01) 应答 / reply: SW3 9F card found (寻找证/卡成功), find only; 数据 / data 4 B');
    expect(meanings.filter((m) => m.startsWith('rx GA 467 读卡'))).toEqual([
      'rx GA 467 读卡 / read text + photo (30 01) 应答 / reply: SW3 90 success (操作成功); 文字信息 / text 256 B, 相片 / photo 1024 B [已遮蔽 / masked]',
    ]);
    const findings = searchFor(citizen).text('frame log', JSON.stringify(frames.entries('id-card-reader')));
    expect(findings, describeFindings(findings)).toEqual([]);
  });

  it('a ticket with the citizen\'s name: text masked, commands and status replies in words, the name nowhere', async () => {
    const clock = new ManualClock();
    const frames = new FrameLog({ clock, capacity: 2000 });
    const pair = createMemoryPair('printer');
    const sim = new SimEscPosPrinter({ id: 'ticket-printer', model: 'generic-escpos-80', transport: pair.device, clock, lineTimeMs: 0, paper: 'low' });
    const link = tapTransport(pair.host, frames.sink('ticket-printer', describerFor('escpos', 'generic-escpos-80')));
    const printer = new EscPosPrinter({ id: 'ticket-printer', roles: ['ticketPrinter'], model: 'generic-escpos-80', transport: link, clock, statusTimeoutMs: 150, jobPollMs: 20 });
    stops.push(async () => {
      await printer.close().catch(() => undefined);
      await sim.stop();
    });
    await sim.start();
    await settle(clock, printer.open());
    const citizen = madeUpCitizen();
    const result = await settle(
      clock,
      printer.print({ jobId: 'A001', cut: 'full', blocks: [{ kind: 'text', text: 'A001', scale: 2 }, { kind: 'text', text: `${citizen.name} ${citizen.idNumber}`, personal: true }, { kind: 'qr', data: `HALLKIOSK:${citizen.idNumber}` }] }),
    );
    expect(result.outcome).toBe('confirmed');
    const entries = frames.entries('ticket-printer');
    const meanings = entries.map((e) => `${e.direction} ${e.meaning}`);
    expect(meanings).toContain('tx ESC/POS DLE EOT 4 实时状态查询 / real-time status request (纸 / paper)');
    expect(meanings).toContain('rx ESC/POS DLE EOT 4 → 纸将尽 / paper near end');
    expect(meanings).toContain('tx ESC/POS FS & 汉字模式 / Chinese mode on');
    expect(meanings.some((m) => /^tx ESC\/POS 文字 \/ text \d+ B \[已遮蔽 \/ masked\]$/u.test(m))).toBe(true);
    expect(meanings.some((m) => m.startsWith('tx ESC/POS GS V 切纸'))).toBe(true);
    const findings = searchFor(citizen).text('frame log', JSON.stringify(entries));
    expect(findings, describeFindings(findings)).toEqual([]);
  });
});
