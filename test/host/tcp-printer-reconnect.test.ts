/**
 * A network ticket printer whose switch restarts (issue 13 §2), through the composed host: the TCP
 * simulator (devices-sim/tcp) closes every connection with a ticket in flight and stops listening, then
 * comes back on the same port. The ticket in flight is uncertain (listed for staff, never reissued), the
 * device goes noDevice with the network wording, the device manager reconnects by itself, and the next
 * ticket takes the next number: none issued twice, none lost or reused.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiChannel, ApiRequestOf, ApiResultOf } from '../../common/kiosk-api';
import { SILENT_LOGGER } from '../../common/logger';
import { TcpSimServer } from '../../devices-sim/tcp/tcp-sim-server';
import type { EscPosPrinter } from '../../drivers/devices/escpos/escpos-printer';
import { composeKiosk, type Kiosk } from '../../main/composition';
import { AdjustableClock } from '../../main/host/clock/adjustable-clock';
import { validateConfig } from '../../main/host/config/config-validate';
import { DEFAULT_CONFIG_JSON } from '../../main/host/config/default-config';
import { MONDAY_10AM } from './kiosk-rig';

const SI = 'social-insurance';
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});

async function hostOnLanPrinter() {
  const clock = new AdjustableClock();
  clock.set(MONDAY_10AM);
  const lan = await TcpSimServer.start({ clock, id: 'ticket-printer' });
  const raw = { ...JSON.parse(DEFAULT_CONFIG_JSON), devices: { 'ticket-printer': { role: 'ticketPrinter', driver: 'escpos', transport: { kind: 'tcp', host: '127.0.0.1', port: lan.port } } } };
  const valid = validateConfig(raw);
  if (!valid.ok) throw new Error(JSON.stringify(valid.problems));
  const dir = mkdtempSync(join(tmpdir(), 'hallkiosk-lan-'));
  const kiosk: Kiosk = composeKiosk({ config: valid.config, dataDir: dir, clock, log: SILENT_LOGGER });
  cleanups.push(async () => {
    await kiosk.stop();
    await lan.close();
    rmSync(dir, { recursive: true, force: true });
  });
  await kiosk.start();
  let id = 0;
  const call = async <C extends ApiChannel>(channel: C, request: ApiRequestOf<C>): Promise<ApiResultOf<C>> => {
    const reply = await kiosk.api.handle({ kind: 'request', id: ++id, channel, request }, { via: 'ipc', clientId: 'test' });
    if (!reply.ok) throw Object.assign(new Error(reply.error.code), { info: reply.error });
    return reply.result as ApiResultOf<C>;
  };
  return { kiosk, lan, call, printer: kiosk.devices.forRole<EscPosPrinter>('ticketPrinter')! };
}

/** Runs `action` once, right after the next job's bytes were written (the first write after markSent, as kiosk-rig.ts). */
function afterNextJobSent(kiosk: Kiosk, printer: EscPosPrinter, action: () => void): void {
  let jobStarting = false;
  const { markSent } = kiosk.queue;
  kiosk.queue.markSent = (ticketId) => {
    jobStarting = true;
    kiosk.queue.markSent = markSent;
    return markSent.call(kiosk.queue, ticketId);
  };
  const { send } = printer;
  printer.send = async (...args: Parameters<typeof send>) => {
    await send.apply(printer, args);
    if (!jobStarting) return;
    printer.send = send;
    action();
  };
}

describe('a network ticket printer whose switch restarts', () => {
  it('leaves the ticket in flight uncertain, tells the technician, reconnects by itself, and numbers on', async () => {
    const { kiosk, lan, call, printer } = await hostOnLanPrinter();
    await expect.poll(() => printer.status.device, { timeout: 10_000 }).toBe('online');
    expect(await call('queue:take-ticket', { businessId: SI, requestId: 'r1' })).toMatchObject({ outcome: 'issued', ticket: { number: 'A001' } });

    afterNextJobSent(kiosk, printer, () => void lan.goDown());
    expect(await call('queue:take-ticket', { businessId: SI, requestId: 'r2' })).toMatchObject({ outcome: 'uncertain', number: 'A002' });
    await expect.poll(() => printer.status.device, { timeout: 10_000 }).toBe('noDevice');
    expect(kiosk.alerts.active()).toMatchObject([{ code: 'noDevice', actor: 'technician', deviceId: 'ticket-printer', message: expect.stringContaining('网络打印机连接中断') }]);
    expect(kiosk.alerts.recentEvents()).toMatchObject([{ code: 'printUncertain', actor: 'staff', ref: '2026-11-23 A002' }]);
    expect((await call('kiosk:get-snapshot', {})).availability[0]).toMatchObject({ available: false, reason: 'noDevice' });

    await lan.comeBack();
    await expect.poll(() => printer.status.device, { timeout: 20_000 }).toBe('online');
    expect(kiosk.alerts.active()).toEqual([]);
    expect(await call('queue:take-ticket', { businessId: SI, requestId: 'r3' })).toMatchObject({ outcome: 'issued', ticket: { number: 'A003' } });
    // The same request again is answered from the record, not printed again (§8.3 idempotency).
    expect(await call('queue:take-ticket', { businessId: SI, requestId: 'r3' })).toMatchObject({ ticket: { number: 'A003' } });

    expect(kiosk.queue.listUncertain().map((t) => t.number)).toEqual(['A002']);
    const printedWith = (n: string): number => lan.printer.printed().filter((t) => t.lines.some((l) => l.includes(n))).length;
    expect([printedWith('A001'), printedWith('A003')]).toEqual([1, 1]);
    expect(printedWith('A002')).toBeLessThanOrEqual(1); // it may have reached the printer before the switch went down
  }, 60_000);
});
