/**
 * Driver ↔ simulator flows on a fake clock (ARCHITECTURE.md §5 "driver tests"): a cutter error at the cut,
 * ASB-only status with polling off (protocols.md §2.5), print() aborted by its signal, statistics that
 * survive a close/reopen through a persistent store (§3), and trace frame dumps that mask personal data
 * (§8.7).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../common/manual-clock';
import type { LogFields, Logger, LogLevel } from '../../common/logger';
import type { PrintDocument } from '../../common/print-document';
import { EscPosPrinter } from '../../drivers/devices/escpos/escpos-printer';
import type { DeviceStatistics } from '../../drivers/devices/device-types';
import type { StatisticsStore } from '../../drivers/devices/statistics';
import { createMemoryPair } from '../../drivers/transport/memory-pair';
import type { Transport } from '../../drivers/transport/transport';
import { SimEscPosPrinter } from '../../devices-sim/escpos/sim-escpos-printer';
import { elapse, opened, rig, runUntil, settle, stopRigs, ticket } from './escpos-fake-clock-rig';

afterEach(stopRigs);

/** Keeps statistics as serialised JSON, like a row in the host's database: nothing is shared by reference. */
class JsonStatisticsStore implements StatisticsStore {
  readonly rows = new Map<string, string>();
  load(deviceId: string): DeviceStatistics {
    return JSON.parse(this.rows.get(deviceId) ?? '{}') as DeviceStatistics;
  }
  save(deviceId: string, statistics: DeviceStatistics): void {
    this.rows.set(deviceId, JSON.stringify(statistics));
  }
}

function capturingLogger(entries: Array<{ level: LogLevel; msg: string; fields?: LogFields }>): Logger {
  const at = (level: LogLevel) => (msg: string, fields?: LogFields) => void entries.push({ level, msg, fields });
  const log: Logger = { trace: at('trace'), debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), child: () => log, isEnabled: () => true };
  return log;
}

describe('EscPosPrinter ↔ SimEscPosPrinter flows (fake clock)', () => {
  it('a cutter error at the cut → incomplete(cutterError, technician); the ticket is never cut, even after repair', async () => {
    const { clock, sim, printer } = await opened(rig('generic-escpos-80', 2, { jobPollMs: 200 }));
    const job = printer.print(ticket('CUT'), { events: { onSending: () => void sim.setFaults({ cutterError: true }) } });
    expect(await settle(clock, job)).toMatchObject({ outcome: 'incomplete', error: { code: 'cutterError', actor: 'technician' } });
    const [paper] = sim.printed();
    expect(paper?.lines).toContain('CUT line 11'); // every line printed: the job stopped at the cut
    expect(paper?.cut).toBe(false);
    sim.clearFaults();
    await elapse(clock, 1000);
    expect(sim.printed().some((t) => t.cut)).toBe(false);
    expect(await settle(clock, printer.print(ticket('AFTER', 1)))).toEqual({ outcome: 'confirmed' });
  });

  it('a jam mid-ticket on a model that clears there (epson-tm-t88) → incomplete(paperJam, staff), the rest never prints', async () => {
    const { clock, sim, printer } = await opened(rig('epson-tm-t88', 2));
    sim.setFaults({ paper: 'jammed', afterLines: 3 });
    expect(await settle(clock, printer.print(ticket('JAM')))).toMatchObject({ outcome: 'incomplete', error: { code: 'paperJam', actor: 'staff' } });
    expect(printer.status).toMatchObject({ device: 'userError', printer: { paper: 'jammed' } });
    sim.setFaults({ paper: 'full' });
    expect(await settle(clock, printer.print(ticket('AFTER', 1)))).toEqual({ outcome: 'confirmed' });
    expect(sim.printed().map((t) => [t.lines[0], t.cut])).toEqual([['JAM', false], ['AFTER', true]]);
  });

  it('a jam on the generic row (no clear there) → unknown(paperJam): the rest prints once cleared, ahead of the next job', async () => {
    const { clock, sim, printer } = await opened(rig('generic-escpos-80', 2));
    sim.setFaults({ paper: 'jammed', afterLines: 3 });
    expect(await settle(clock, printer.print(ticket('JAM')))).toMatchObject({ outcome: 'unknown', error: { code: 'paperJam', actor: 'staff' } });
    // Still jammed: the next job is refused, nothing of it sent.
    expect(await settle(clock, printer.print(ticket('REFUSED', 1)))).toMatchObject({ outcome: 'notPrinted', error: { code: 'paperJam' } });
    sim.setFaults({ paper: 'full' });
    expect(await settle(clock, printer.print(ticket('AFTER', 1)))).toEqual({ outcome: 'confirmed' });
    expect(sim.printed().map((t) => [t.lines[0], t.cut])).toEqual([['JAM', true], ['AFTER', true]]);
  });

  it('a printer power-cycled with a cut-short ticket in its buffer: the next job does not wait out the old one’s budget (a fresh sync request answers at once)', async () => {
    const { clock, sim, printer } = await opened(rig('generic-escpos-80', 2));
    sim.setFaults({ paper: 'out', afterLines: 3 });
    expect(await settle(clock, printer.print(ticket('LOST')))).toMatchObject({ outcome: 'unknown', error: { code: 'paperOut' } });
    sim.reset(); // staff switched it off and on with a new roll: the buffer is gone
    const start = clock.elapsedMs();
    expect(await settle(clock, printer.print(ticket('NEXT', 1)))).toEqual({ outcome: 'confirmed' });
    expect(clock.elapsedMs() - start).toBeLessThan(1_500);
    expect(sim.printed().map((t) => t.lines[0])).toEqual(['NEXT']);
  });

  it('a printer that prints and cuts but never answers the process-ID request → unknown(printUncertain), the ticket on paper and cut', async () => {
    const clock = new ManualClock();
    const pair = createMemoryPair('p');
    const sim = new SimEscPosPrinter({ id: 'p', model: 'generic-escpos-80', transport: pair.device, clock, lineTimeMs: 2, answersProcessId: false });
    const printer = new EscPosPrinter({ id: 'p', roles: ['ticketPrinter'], model: 'generic-escpos-80', transport: pair.host, clock, statusTimeoutMs: 150, jobPollMs: 20, openDrainBudgetMs: 500 });
    await sim.start();
    await settle(clock, printer.open());
    const result = await settle(clock, printer.print(ticket('SILENT', 2)), 60_000);
    expect(result).toMatchObject({ outcome: 'unknown', error: { code: 'printUncertain' } });
    expect(sim.printed().map((t) => [t.lines[0], t.cut])).toEqual([['SILENT', true]]);
    await printer.close();
    await sim.stop();
  });

  it('a hot head mid-ticket pauses the job, which then confirms (auto-recoverable, nobody need act)', async () => {
    const { clock, sim, printer } = await opened(rig('generic-escpos-80', 2));
    sim.setFaults({ headOverheat: true, afterLines: 3 });
    const job = printer.print(ticket('HOT'));
    await runUntil(clock, () => printer.status.printer?.headOverheat === true);
    expect(printer.status.device).toBe('busy');
    sim.setFaults({ headOverheat: false });
    expect(await settle(clock, job)).toEqual({ outcome: 'confirmed' });
  });

  it('GS r model (cashino): garbage once the job is sent — every byte value, look-alikes included — never confirms it (§2.7)', async () => {
    const outcomes = new Set<string>();
    for (let seed = 1; seed <= 24; seed++) {
      const { clock, sim, printer } = await opened(rig('cashino-kp628e', 2, { jobPollMs: 20 }, seed));
      const job = printer.print(ticket(`G${seed}`, 3), { events: { onSending: () => void sim.setFaults({ garbage: true }) } });
      const result = await settle(clock, job);
      expect(result.outcome, `seed ${seed}`).toBe('unknown');
      outcomes.add(result.outcome === 'unknown' ? result.error.code : result.outcome);
      await stopRigs();
    }
    expect(outcomes.has('garbledReply')).toBe(true);
  });

  it('a 7 KB image over 9600 baud: the job deadline counts the wire time and starts with the last byte written (issue 13 §1)', async () => {
    const clock = new ManualClock();
    const pair = createMemoryPair('p');
    const sim = new SimEscPosPrinter({ id: 'p', model: 'generic-escpos-80', transport: pair.device, clock, lineTimeMs: 2 });
    const link = new SlowLink(pair.host, clock, 960); // 9600 baud, 8N1
    const printer = new EscPosPrinter({ id: 'p', roles: ['ticketPrinter'], model: 'generic-escpos-80', transport: link, clock, statusTimeoutMs: 150, jobPollMs: 20 });
    await sim.start();
    await settle(clock, printer.open());
    const image: PrintDocument = { jobId: 'img', cut: 'full', blocks: [{ kind: 'image', widthDots: 576, heightDots: 100, bits: new Uint8Array(72 * 100).fill(0xaa) }] };
    const sentAt: number[] = [];
    const job = printer.print(image, { events: { onSending: () => sentAt.push(clock.elapsedMs()) } });
    expect(await settle(clock, job, 60_000)).toEqual({ outcome: 'confirmed' });
    expect(link.writtenAtMs - sentAt[0]!).toBeGreaterThan(7000); // ~7.5 s on the wire alone
    await printer.close();
    await sim.stop();
  });

  it('status rounds called off by their signal are no fault: the printer stays online, no status error counted', async () => {
    const { clock, sim, printer } = await opened(rig('generic-escpos-80', 0, { statusTimeoutMs: 150 }));
    await settle(clock, printer.refreshStatus());
    sim.setFaults({ slowMs: 100 }); // each round is waiting on a reply when it is called off
    for (let i = 0; i < 3; i++) {
      const off = new AbortController();
      const asked = sim.statistics().statusRequests;
      const round = printer.refreshStatus({ signal: off.signal });
      await runUntil(clock, () => sim.statistics().statusRequests > asked, 1000, 1);
      off.abort();
      await expect(settle(clock, round)).rejects.toMatchObject({ code: 'canceled' });
      await elapse(clock, 400); // its late replies come and go
    }
    expect(printer.status.device).toBe('online');
    expect(printer.statistics().statusErrors ?? 0).toBe(0);
  });

  it('a fault just after the cut (the roll ends, the cover opens) does not void a ticket the printer confirmed', async () => {
    const { clock, sim, printer } = await opened(rig('generic-escpos-80', 0, { jobPollMs: 20 }));
    sim.setFaults({ slowMs: 100 }); // replies in flight while the next status poll goes out
    const job = printer.print(ticket('LAST', 2));
    await runUntil(clock, () => sim.printed().some((t) => t.cut));
    sim.setFaults({ paper: 'out' });
    expect(await settle(clock, job)).toEqual({ outcome: 'confirmed' });
    expect(printer.status.printer?.paper).toBe('out');
  });

  it('with polling off, an ASB block alone carries a status change (no DLE EOT sent)', async () => {
    const { clock, sim, printer } = await opened(rig());
    expect(printer.lifecycle).toBe('open'); // not enabled: no polling
    const asked = sim.statistics().statusRequests;
    sim.setFaults({ coverOpen: true });
    await runUntil(clock, () => printer.status.printer?.coverOpen === true);
    sim.setFaults({ coverOpen: false, paper: 'low' });
    await runUntil(clock, () => printer.status.printer?.paper === 'low' && printer.status.printer.coverOpen === false);
    expect(sim.statistics().statusRequests).toBe(asked);
  });

  it('print() aborted by its signal: before sending → notPrinted(canceled); mid-job → unknown(canceled), the rest prints on (healthy: DLE ENQ 2 ignored) and the next job waits for it', async () => {
    const { clock, sim, printer } = await opened(rig('generic-escpos-80', 20));
    const early = new AbortController();
    early.abort();
    expect(await settle(clock, printer.print(ticket('EARLY'), { signal: early.signal }))).toMatchObject({ outcome: 'notPrinted', error: { code: 'canceled' } });
    expect(sim.printed()).toEqual([]);

    const mid = new AbortController();
    const job = printer.print(ticket('MID'), { signal: mid.signal });
    await runUntil(clock, () => sim.statistics().linesPrinted >= 3);
    mid.abort();
    expect(await settle(clock, job)).toMatchObject({ outcome: 'unknown', error: { code: 'canceled' } });
    expect(await settle(clock, printer.print(ticket('NEXT', 1)))).toEqual({ outcome: 'confirmed' });
    expect(sim.printed().map((t) => [t.lines[0], t.cut])).toEqual([['MID', true], ['NEXT', true]]);
    expect(printer.statistics()).toMatchObject({ jobs: 1, jobsFailed: 1, jobsNotPrinted: 1 });
  });

  it('statistics survive close/reopen and a new driver instance on the same persistent store', async () => {
    const store = new JsonStatisticsStore();
    const r = await opened(rig('generic-escpos-80', 0, { statistics: store }));
    expect(await settle(r.clock, r.printer.print(ticket('S1', 2)))).toEqual({ outcome: 'confirmed' });
    await r.printer.close();
    await settle(r.clock, r.printer.open());
    expect(await settle(r.clock, r.printer.print(ticket('S2', 2)))).toEqual({ outcome: 'confirmed' });
    await r.printer.close();
    const lines = r.printer.statistics().linesPrinted ?? 0;
    expect(lines).toBeGreaterThan(0);
    const restarted = new EscPosPrinter({ id: 'p', roles: ['ticketPrinter'], model: 'generic-escpos-80', transport: r.pair.host, clock: r.clock, statusTimeoutMs: 150, statistics: store });
    r.stops.push(() => restarted.close());
    await settle(r.clock, restarted.open());
    expect(restarted.statistics()).toMatchObject({ jobs: 2, cuts: 2, linesPrinted: lines });
  });

  it('trace frame dumps mask the personal-data ranges the codec marked', async () => {
    const entries: Array<{ level: LogLevel; msg: string; fields?: LogFields }> = [];
    const { clock, printer } = await opened(rig('generic-escpos-80', 0, { log: capturingLogger(entries) }));
    const id = '520102199001011234';
    const doc: PrintDocument = {
      jobId: 'receipt',
      cut: 'full',
      blocks: [
        { kind: 'text', text: '办理回执' },
        { kind: 'text', text: id, personal: true },
        { kind: 'text', text: '张三丰', personal: true },
      ],
    };
    expect(await settle(clock, printer.print(doc))).toEqual({ outcome: 'confirmed' });
    const dumps = entries.filter((e) => e.level === 'trace' && e.msg === 'tx').map((e) => String(e.fields?.hex));
    const jobDump = dumps.find((d) => d.includes('**'));
    expect(jobDump).toBeDefined();
    const idHex = Array.from(id, (c) => c.charCodeAt(0).toString(16).toUpperCase()).join(' ');
    expect(dumps.join('\n')).not.toContain(idHex.slice(0, 20));
    expect(jobDump?.match(/\*\*/g)?.length).toBeGreaterThanOrEqual(id.length + 6); // 18 digits + 3 GB18030 characters
    expect(JSON.stringify(entries)).not.toContain(id);
  });
});

/** A link with a serial port's rate: each write takes its bytes' wire time on the clock (a pty has none). */
class SlowLink implements Transport {
  readonly description = 'slow-link';
  writtenAtMs = 0;
  constructor(
    private readonly inner: Transport,
    private readonly clock: ManualClock,
    readonly bytesPerSecond: number,
  ) {}
  get isOpen(): boolean {
    return this.inner.isOpen;
  }
  open(): Promise<void> {
    return this.inner.open();
  }
  close(): Promise<void> {
    return this.inner.close();
  }
  async write(bytes: Uint8Array): Promise<void> {
    await new Promise<void>((resolve) => this.clock.setTimer((bytes.length * 1000) / this.bytesPerSecond, resolve));
    await this.inner.write(bytes);
    this.writtenAtMs = this.clock.elapsedMs();
  }
  onData(listener: (chunk: Uint8Array) => void): () => void {
    return this.inner.onData(listener);
  }
  onDisconnect(listener: (reason: string) => void): () => void {
    return this.inner.onDisconnect(listener);
  }
}
