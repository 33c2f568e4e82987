/**
 * Driver ↔ simulator on a fake clock: late and stale replies never answer a newer request (protocols.md
 * §2.4 "the reply does not carry n", §2.7), open() is bounded, link errors map to noDevice, and the test
 * page prints hall-local time (ARCHITECTURE.md §8.4). Time moves only when the test advances it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../common/manual-clock';
import { EscPosPrinter } from '../../drivers/devices/escpos/escpos-printer';
import { renderDocument } from '../../drivers/devices/escpos/render-document';
import { escPosModel } from '../../drivers/protocol/escpos/models';
import { Listeners, type Transport } from '../../drivers/transport/transport';
import { elapse, opened, rig, runUntil, settle, stopRigs, ticket } from './escpos-fake-clock-rig';

afterEach(stopRigs);

describe('late and stale replies', () => {
  it('a DLE EOT reply that comes after its time-out is dropped, not read as the next query’s answer (slowMs just above)', async () => {
    const { clock, sim, printer } = await opened(rig());
    sim.setFaults({ slowMs: 200 });
    await expect(settle(clock, printer.refreshStatus())).rejects.toMatchObject({ code: 'timeout' });
    // The late 12 to "n = 1" is still on its way; the cover opens before the next round.
    sim.setFaults({ slowMs: 0, coverOpen: true });
    const bits = await settle(clock, printer.refreshStatus());
    expect(bits).toMatchObject({ offline: true, coverOpen: true, recoverableError: false, paperNearEnd: false });
    expect(printer.status).toMatchObject({ device: 'userError', printer: { coverOpen: true, paper: 'full' } });
  });

  it('GS r model: a job that timed out prints on (a healthy printer ignores DLE ENQ 2), the next waits for it to drain, and its late GS r reply confirms nothing (cashino)', async () => {
    const { clock, sim, printer } = await opened(rig('cashino-kp628e', 20));
    const first = await settle(clock, printer.print(ticket('JOB-1'), { timeoutMs: 100 }));
    expect(first).toMatchObject({ outcome: 'unknown', error: { code: 'printUncertain' } });
    let printedAtConfirm: ReturnType<typeof sim.printed> = [];
    const second = printer.print(ticket('JOB-2')).then((r) => {
      printedAtConfirm = sim.printed();
      return r;
    });
    expect(await settle(clock, second)).toEqual({ outcome: 'confirmed' });
    const job2 = printedAtConfirm.find((t) => t.lines.includes('JOB-2'));
    expect(job2?.cut).toBe(true);
    expect(job2?.lines).toContain('JOB-2 line 11');
    // The timed-out job finished first, and JOB-2 went out only after it had drained.
    expect(printedAtConfirm.map((t) => [t.lines[0], t.cut])).toEqual([['JOB-1', true], ['JOB-2', true]]);
    await elapse(clock, 3000);
    expect(sim.printed()).toHaveLength(2);
  });

  it('opened while a previous host process’s job is mid-print: its old process-ID reply cannot confirm this process’s first job', async () => {
    const r = rig('generic-escpos-80', 20);
    await r.sim.start();
    // The crashed process: its first job, tag "0000", was still in the printer's buffer.
    await r.pair.host.open();
    await r.pair.host.write(renderDocument(ticket('OLD', 20), escPosModel('generic-escpos-80'), '0000').bytes);
    await runUntil(r.clock, () => r.sim.printed().length > 0 || r.sim.statistics().linesPrinted > 2);
    await r.pair.host.close();
    // The new process starts, and its random tag start is the old "0000" (random 0): the sync request sent at
    // open takes that tag, so the old reply can release only the sync, never confirm a ticket.
    const printer = new EscPosPrinter({ id: 'p', roles: ['ticketPrinter'], model: 'generic-escpos-80', transport: r.pair.host, clock: r.clock, statusTimeoutMs: 150, jobPollMs: 20, random: () => 0 });
    r.stops.push(() => printer.close());
    await settle(r.clock, printer.open());
    let printedAtConfirm: ReturnType<typeof r.sim.printed> = [];
    const job = printer.print(ticket('NEW')).then((res) => {
      printedAtConfirm = r.sim.printed();
      return res;
    });
    expect(await settle(r.clock, job)).toEqual({ outcome: 'confirmed' });
    expect(printedAtConfirm.find((t) => t.lines.includes('NEW'))?.cut).toBe(true);
    // A healthy printer ignores the DLE ENQ 2 sent at open (§2.7): the old job printed on, ahead of the new.
    expect(printedAtConfirm.map((t) => [t.lines[0], t.cut])).toEqual([['OLD', true], ['NEW', true]]);
  });

  it('process-ID tags start afresh at random in every host process (4 decimal digits, §2.7)', async () => {
    const tags = new Set<string>();
    for (const draw of [0.1, 0.5, 0.9]) {
      const c = rig('generic-escpos-80', 0, { random: () => draw });
      await c.sim.start();
      const sent: number[] = [];
      c.pair.device.onData((chunk) => sent.push(...chunk));
      await settle(c.clock, c.printer.open());
      expect(await settle(c.clock, c.printer.print(ticket('T', 1)))).toEqual({ outcome: 'confirmed' });
      const m = /\x1d\(H\x06\x00\x30\x30(.{4})/.exec(String.fromCharCode(...sent));
      tags.add(m?.[1] ?? '');
    }
    expect(tags.size).toBe(3);
    expect([...tags].every((t) => /^[0-9]{4}$/.test(t))).toBe(true);
  });
});

describe('bounded open and link errors', () => {
  class StuckTransport implements Transport {
    readonly description = 'stuck:test';
    isOpen = false;
    closed = 0;
    constructor(private readonly stuckAt: 'open' | 'write') {}
    open(): Promise<void> {
      if (this.stuckAt === 'open') return new Promise(() => undefined);
      this.isOpen = true;
      return Promise.resolve();
    }
    async close(): Promise<void> {
      this.closed++;
      this.isOpen = false;
    }
    write(): Promise<void> {
      return new Promise(() => undefined);
    }
    private readonly data = new Listeners<[Uint8Array]>();
    private readonly gone = new Listeners<[string]>();
    onData(listener: (chunk: Uint8Array) => void): () => void {
      return this.data.add(listener);
    }
    onDisconnect(listener: (reason: string) => void): () => void {
      return this.gone.add(listener);
    }
  }

  it.each(['open', 'write'] as const)('a port stuck in %s fails open() with timeout on the clock, closed and noDevice', async (stuckAt) => {
    const clock = new ManualClock();
    const transport = new StuckTransport(stuckAt);
    const printer = new EscPosPrinter({ id: 'p', roles: ['ticketPrinter'], model: 'generic-escpos-80', transport, clock, openTimeoutMs: 1000 });
    await expect(settle(clock, printer.open())).rejects.toMatchObject({ code: 'timeout' });
    expect(printer.lifecycle).toBe('closed');
    expect(printer.status.device).toBe('noDevice');
    expect(transport.closed).toBeGreaterThan(0);
  });

  it('close() while the port is still opening: once it opens, it is closed again, never online or polled', async () => {
    class SlowOpen extends StuckTransport {
      finishOpen: () => void = () => undefined;
      override open(): Promise<void> {
        return new Promise((resolve) => {
          this.finishOpen = () => {
            this.isOpen = true;
            resolve();
          };
        });
      }
    }
    const clock = new ManualClock();
    const transport = new SlowOpen('write');
    const printer = new EscPosPrinter({ id: 'p', roles: ['ticketPrinter'], model: 'generic-escpos-80', transport, clock, openTimeoutMs: 5000 });
    const opening = printer.open().catch((err: unknown) => err);
    await printer.close();
    transport.finishOpen();
    expect(await settle(clock, opening)).toMatchObject({ code: 'canceled' });
    expect(transport.isOpen).toBe(false);
    expect(printer.lifecycle).toBe('closed');
    expect(printer.status.device).not.toBe('online');
  });

  it('open() is aborted by its signal', async () => {
    const clock = new ManualClock();
    const printer = new EscPosPrinter({ id: 'p', roles: ['ticketPrinter'], model: 'generic-escpos-80', transport: new StuckTransport('open'), clock });
    const ctl = new AbortController();
    const opening = printer.open({ signal: ctl.signal });
    ctl.abort();
    await expect(opening).rejects.toMatchObject({ code: 'canceled' });
    expect(printer.lifecycle).toBe('closed');
  });

  it('printing to a closed (unplugged) printer reports noDevice, not hardwareError', async () => {
    const { clock, pair, printer } = await opened(rig());
    await pair.host.close();
    expect(await settle(clock, printer.print(ticket('X', 1)))).toMatchObject({ outcome: 'notPrinted', error: { code: 'noDevice', actor: 'technician' } });
    await expect(settle(clock, printer.refreshStatus())).rejects.toMatchObject({ code: 'noDevice' });
  });
});

describe('the interactive test page', () => {
  it('prints the hall-local time, not UTC', async () => {
    const { clock, sim, printer } = await opened(rig('generic-escpos-80', 0, { timeZone: 'Asia/Shanghai' }));
    clock.set(Date.UTC(2026, 10, 23, 17, 30, 0)); // 01:30 the next day in Shanghai
    expect(await settle(clock, printer.healthCheck('interactive'))).toMatchObject({ ok: true });
    const lines = sim.printed()[0]?.lines ?? [];
    expect(lines).toContain('自检时间 2026-11-24 01:30');
    expect(lines.join('\n')).not.toContain('T17:30');
  });
});
