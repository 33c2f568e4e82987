/**
 * Driver ↔ simulator over a memory pair, with every fault the simulator can produce (issue 9 §7, §12;
 * ARCHITECTURE.md §5 "driver tests"). Assertions are on outcomes and error codes, and on what the simulated
 * paper shows.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../common/device';
import type { PrintDocument } from '../../common/print-document';
import { SimEscPosPrinter } from '../../devices-sim/escpos/sim-escpos-printer';
import { EscPosPrinter } from '../../drivers/devices/escpos/escpos-printer';
import { createMemoryPair } from '../../drivers/transport/memory-pair';
import { AdjustableClock } from '../../main/host/clock/adjustable-clock';

const TICKET: PrintDocument = {
  jobId: 't',
  cut: 'full',
  blocks: [
    { kind: 'text', text: '贵阳市政务服务中心', align: 'center' },
    { kind: 'text', text: 'A007', align: 'center', scale: 3, bold: true },
    { kind: 'text', text: '社保医保' },
    { kind: 'text', text: '前面还有 3 人' },
    { kind: 'text', text: '预计等待约 12 分钟' },
    { kind: 'text', text: '办理地点：二楼 A 区' },
    { kind: 'qr', data: 'HALLKIOSK:gy:2026-11-23:A007' },
    { kind: 'rule' },
  ],
};

const rigs: Array<{ printer: EscPosPrinter; sim: SimEscPosPrinter }> = [];
afterEach(async () => {
  for (const r of rigs.splice(0)) {
    await r.printer.close().catch(() => undefined);
    await r.sim.stop();
  }
});

async function rig(model = 'generic-escpos-80', lineTimeMs = 2) {
  const clock = new AdjustableClock();
  const pair = createMemoryPair('p');
  const sim = new SimEscPosPrinter({ id: 'p', model, transport: pair.device, clock, lineTimeMs });
  await sim.start();
  const printer = new EscPosPrinter({ id: 'p', roles: ['ticketPrinter'], model, transport: pair.host, clock, pollIntervalMs: 50, statusTimeoutMs: 150, jobPollMs: 20 });
  await printer.open();
  await printer.enable();
  rigs.push({ printer, sim });
  return { printer, sim, pair, clock };
}

describe('EscPosPrinter ↔ SimEscPosPrinter (memory pair)', () => {
  it('a healthy print is confirmed by the process-ID reply and the paper shows the ticket', async () => {
    const { printer, sim } = await rig();
    expect(printer.status).toMatchObject({ device: 'online', printer: { paper: 'full', coverOpen: false, cutterError: false } });
    let sending = 0;
    expect(await printer.print(TICKET, { events: { onSending: () => sending++ } })).toEqual({ outcome: 'confirmed' });
    expect(sending).toBe(1);
    const [ticket] = sim.printed();
    expect(ticket?.cut).toBe(true);
    expect(ticket?.lines).toContain('A007');
    expect(ticket?.lines).toContain('前面还有 3 人');
    expect(ticket?.qr).toEqual(['HALLKIOSK:gy:2026-11-23:A007']);
    expect(printer.statistics()).toMatchObject({ jobs: 1, cuts: 1 });
  });

  it('an image full of 10 04 / 10 05 bytes prints confirmed: the encoder whitens a dot of each, so the printer answers nothing mid-job (§2.7)', async () => {
    const { printer, sim } = await rig();
    const bits = new Uint8Array(8 * 48);
    for (let i = 0; i + 2 < bits.length; i += 3) bits.set([0x10, i % 2 === 0 ? 0x04 : 0x05, 0x02], i);
    const asked = sim.statistics().statusRequests;
    const sent: PrintDocument = { jobId: 'img', cut: 'full', blocks: [{ kind: 'image', widthDots: 64, heightDots: 48, bits }] };
    let during = 0;
    const result = await printer.print(sent, { events: { onSending: () => (during = sim.statistics().statusRequests) } });
    expect(result).toEqual({ outcome: 'confirmed' });
    expect(sim.printed()).toMatchObject([{ images: [{ widthDots: 64, heightDots: 48 }], cut: true }]);
    expect(during).toBeGreaterThan(asked); // the status round before the job
    expect(sim.statistics().statusRequests - during).toBeLessThan(20); // only the job's own polls, none from the image
  });

  it('a QR payload holding a real-time sequence → notPrinted(invalidData, software), nothing sent', async () => {
    const { printer, sim, pair } = await rig();
    const received: number[] = [];
    pair.device.onData((chunk) => received.push(...chunk));
    const result = await printer.print({ jobId: 'qr', cut: 'full', blocks: [{ kind: 'qr', data: 'ID\u0010\u0004X' }] });
    expect(result).toMatchObject({ outcome: 'notPrinted', error: { code: 'invalidData', actor: 'software', detail: expect.stringMatching(/real-time sequence 10 04/u) } });
    await expect.poll(() => received.length).toBeGreaterThan(0); // a status poll went out after it
    expect(Buffer.from(received).includes(Buffer.from([0x1d, 0x28, 0x6b]))).toBe(false); // no GS ( k went out
    expect(sim.printed()).toEqual([]);
    expect(printer.statistics()).toMatchObject({ jobsNotPrinted: 1 });
  });

  it('a character the model’s set cannot hold (GBK: 𠀀) prints as a visible □, never mojibake (cashino-kp628e)', async () => {
    const { printer, sim } = await rig('cashino-kp628e');
    const doc: PrintDocument = { jobId: 'gbk', cut: 'full', blocks: [{ kind: 'text', text: '姓名：王𠀀明' }, { kind: 'text', text: '社保医保' }] };
    expect(await printer.print(doc)).toEqual({ outcome: 'confirmed' });
    expect(sim.printed()[0]!.lines).toEqual(['姓名：王□明', '社保医保']);
  });

  it('an image wider than the paper → notPrinted(invalidData), nothing sent (58 mm: 384 dots)', async () => {
    const { printer, sim } = await rig('cashino-kp628e');
    const wide: PrintDocument = { jobId: 'wide', cut: 'full', blocks: [{ kind: 'image', widthDots: 576, heightDots: 8, bits: new Uint8Array(72 * 8) }] };
    expect(await printer.print(wide)).toMatchObject({ outcome: 'notPrinted', error: { code: 'invalidData', detail: expect.stringMatching(/576 dots wide.*at most 384/u) } });
    expect(sim.printed()).toEqual([]);
  });

  it('a model without process ID is confirmed by GS r 1 (cashino-kp628e)', async () => {
    const { printer, sim } = await rig('cashino-kp628e');
    expect(await printer.print(TICKET)).toEqual({ outcome: 'confirmed' });
    expect(sim.printed()).toHaveLength(1);
  });

  it('paper out before the job → notPrinted(paperOut, staff), nothing on paper', async () => {
    const { printer, sim } = await rig();
    sim.setFaults({ paper: 'out' });
    expect(await printer.print(TICKET)).toMatchObject({ outcome: 'notPrinted', error: { code: 'paperOut', actor: 'staff' } });
    expect(sim.printed()).toEqual([]);
    expect(printer.status).toMatchObject({ device: 'userError', printer: { paper: 'out' } });
  });

  it('paper low still prints and reports low', async () => {
    const { printer, sim } = await rig();
    sim.setFaults({ paper: 'low' });
    expect(await printer.print(TICKET)).toEqual({ outcome: 'confirmed' });
    expect(printer.status.printer?.paper).toBe('low');
  });

  it('paper out after 3 lines → unknown(paperOut): no model clears at a paper end, so the rest prints after a refill, before the next job (§2.7)', async () => {
    const { printer, sim } = await rig();
    sim.setFaults({ paper: 'out', afterLines: 3 });
    expect(await printer.print(TICKET)).toMatchObject({ outcome: 'unknown', error: { code: 'paperOut', actor: 'staff' } });
    expect(sim.printed()).toMatchObject([{ cut: false }]); // the start, torn off with the old roll
    expect(await printer.print(TICKET)).toMatchObject({ outcome: 'notPrinted', error: { code: 'paperOut' } });
    sim.setFaults({ paper: 'full' });
    expect(await printer.print(TICKET)).toEqual({ outcome: 'confirmed' });
    const printed = sim.printed();
    expect(printed.map((t) => t.cut)).toEqual([false, true, true]);
    expect(printed[1]!.lines).toContain('预计等待约 12 分钟'); // the rest of the first ticket
  });

  it('cover open → notPrinted(coverOpen); a cutter error → notPrinted(cutterError, technician)', async () => {
    const { printer, sim } = await rig();
    sim.setFaults({ coverOpen: true });
    expect(await printer.print(TICKET)).toMatchObject({ outcome: 'notPrinted', error: { code: 'coverOpen' } });
    sim.clearFaults();
    sim.setFaults({ cutterError: true });
    expect(await printer.print(TICKET)).toMatchObject({ outcome: 'notPrinted', error: { code: 'cutterError', actor: 'technician' } });
    expect(printer.status).toMatchObject({ device: 'hardwareError', printer: { cutterError: true } });
  });

  it('offline → notPrinted(offline)', async () => {
    const { printer, sim } = await rig();
    sim.setFaults({ offline: true });
    expect(await printer.print(TICKET)).toMatchObject({ outcome: 'notPrinted', error: { code: 'offline' } });
  });

  it('unplugged → noDevice, refused; re-plugged and reopened → prints again', async () => {
    const { printer, sim } = await rig();
    sim.setFaults({ unplugged: true });
    await expect.poll(() => printer.status.device).toBe('noDevice');
    expect(await printer.print(TICKET)).toMatchObject({ outcome: 'notPrinted', error: { code: 'noDevice', actor: 'technician' } });
    sim.setFaults({ unplugged: false });
    await printer.close();
    await printer.open();
    await printer.enable();
    expect(printer.status.device).toBe('online');
    expect(await printer.print(TICKET)).toEqual({ outcome: 'confirmed' });
  });

  it('the printer vanishes mid-ticket → unknown (the citizen must check the tray)', async () => {
    const { printer, sim } = await rig('generic-escpos-80', 20);
    const job = printer.print(TICKET, { events: { onSending: () => setTimeout(() => sim.setFaults({ unplugged: true }), 30) } });
    expect(await job).toMatchObject({ outcome: 'unknown', error: { code: 'noDevice' } });
  });

  it('no reply → notPrinted(offline) before sending; going silent mid-job → unknown', async () => {
    const { printer, sim } = await rig('generic-escpos-80', 20);
    sim.setFaults({ noReply: true });
    expect(await printer.print(TICKET)).toMatchObject({ outcome: 'notPrinted', error: { code: 'offline' } });
    await expect.poll(() => printer.status.device).toBe('offline');
    sim.clearFaults();
    await expect.poll(() => printer.status.device).toBe('online');
    const job = printer.print(TICKET, { events: { onSending: () => sim.setFaults({ noReply: true }) } });
    expect(await job).toMatchObject({ outcome: 'unknown' });
  });

  it('garbage replies → notPrinted(garbledReply, technician) and a hardwareError status', async () => {
    const { printer, sim } = await rig();
    const states: DeviceStatus['device'][] = [];
    printer.onStatusChanged((_d, s) => states.push(s.device));
    sim.setFaults({ garbage: true });
    expect(await printer.print(TICKET)).toMatchObject({ outcome: 'notPrinted', error: { code: 'garbledReply', actor: 'technician' } });
    await expect.poll(() => printer.status.device).toBe('hardwareError');
    sim.clearFaults();
    await expect.poll(() => printer.status.device).toBe('online');
    expect(states).toContain('hardwareError');
  });

  it('garbage replies on the Cashino (wider DLE EOT rule) are never read as status', async () => {
    const { printer, sim } = await rig('cashino-kp628e');
    await printer.disable();
    sim.setFaults({ garbage: true });
    for (let i = 0; i < 10; i++) await expect(printer.refreshStatus()).rejects.toMatchObject({ code: 'garbledReply' });
    expect(await printer.print(TICKET)).toMatchObject({ outcome: 'notPrinted', error: { code: 'garbledReply' } });
    expect(sim.printed()).toEqual([]);
  });

  it('slow replies within the time-out still print; slower than the time-out → notPrinted', async () => {
    const { printer, sim } = await rig();
    sim.setFaults({ slowMs: 40 });
    expect(await printer.print(TICKET)).toEqual({ outcome: 'confirmed' });
    sim.setFaults({ slowMs: 400 });
    expect(await printer.print(TICKET)).toMatchObject({ outcome: 'notPrinted', error: { code: 'offline' } });
  });

  it('health checks: internal, external, and an interactive test page', async () => {
    const { printer, sim } = await rig();
    expect(await printer.healthCheck('internal')).toMatchObject({ ok: true });
    expect(await printer.healthCheck('external')).toMatchObject({ ok: true });
    expect(await printer.healthCheck('interactive')).toMatchObject({ ok: true });
    expect(sim.printed()[0]?.lines).toContain('打印机自检页');
    sim.setFaults({ coverOpen: true });
    expect(await printer.healthCheck('external')).toMatchObject({ ok: false, error: { code: 'coverOpen' } });
  });
});

describe('durations on the monotonic clock (issue 13 §1)', () => {
  it('the wall clock set back a year, then forward two, while a lost reply is owed: a healthy printer stays online and prints', async () => {
    let wallOffsetMs = 0;
    const clock = new AdjustableClock(() => Date.now() + wallOffsetMs);
    const pair = createMemoryPair('p');
    const sim = new SimEscPosPrinter({ id: 'p', model: 'generic-escpos-80', transport: pair.device, clock, lineTimeMs: 2 });
    await sim.start();
    const printer = new EscPosPrinter({ id: 'p', roles: ['ticketPrinter'], model: 'generic-escpos-80', transport: pair.host, clock, statusTimeoutMs: 150, lateReplyMs: 300, jobPollMs: 20 });
    rigs.push({ printer, sim });
    await printer.open();
    sim.setFaults({ noReply: true }); // one lost reply: owed until presumed lost, lateReplyMs after its time-out
    await expect(printer.refreshStatus()).rejects.toMatchObject({ code: 'timeout' });
    sim.clearFaults();
    wallOffsetMs = -365 * 86_400_000; // NTP after a boot with a flat RTC battery, the other way round
    const states: string[] = [];
    printer.onStatusChanged((_d, s) => states.push(s.device));
    await printer.refreshStatus();
    wallOffsetMs = 365 * 86_400_000;
    await printer.refreshStatus();
    expect(await printer.print(TICKET)).toEqual({ outcome: 'confirmed' });
    expect(states).not.toContain('offline');
    expect(printer.status.device).toBe('online');
  });
});
