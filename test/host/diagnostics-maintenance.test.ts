/**
 * Maintenance mode, the raw console and the device editor's roll-back (issue 15 §3) with a real ESC/POS driver
 * and the printer simulator: a held printer stops polling and is no device to a citizen flow; raw DLE EOT 4 is
 * answered and read ("paper near end"); a printer that stops answering ends in "no reply in N ms"; a
 * configuration change after which the printer does not come back is rolled back and the old entry restarted.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../common/manual-clock';
import { SimEscPosPrinter } from '../../devices-sim/escpos/sim-escpos-printer';
import { EscPosPrinter } from '../../drivers/devices/escpos/escpos-printer';
import { createMemoryPair } from '../../drivers/transport/memory-pair';
import { DEFAULT_CONFIG_JSON } from '../../main/host/config/default-config';
import { applyWithRollback } from '../../main/host/diagnostics/config-rollback';
import { DeviceConfigEditor } from '../../main/host/diagnostics/device-config-editor';
import { describerFor } from '../../main/host/diagnostics/frame-describers';
import { FrameLog } from '../../main/host/diagnostics/frame-log';
import { Maintenance, type MaintenanceAudit } from '../../main/host/diagnostics/maintenance';
import { citizenForRole } from '../../main/host/diagnostics/maintenance-availability';
import { RawConsole, type RawCommandAudit } from '../../main/host/diagnostics/raw-console';
import { tapTransport } from '../../main/host/diagnostics/transport-tap';
import { elapse, settle } from '../drivers/escpos-fake-clock-rig';
import { memoryConfigFs } from '../support/memory-config-fs';

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

async function printerRig(clock: ManualClock, frames?: FrameLog) {
  const pair = createMemoryPair('printer');
  const sim = new SimEscPosPrinter({ id: 'ticket-printer', model: 'generic-escpos-80', transport: pair.device, clock, lineTimeMs: 0, paper: 'low' });
  const link = frames ? tapTransport(pair.host, frames.sink('ticket-printer', describerFor('escpos', 'generic-escpos-80'))) : pair.host;
  const printer = new EscPosPrinter({ id: 'ticket-printer', roles: ['ticketPrinter'], model: 'generic-escpos-80', transport: link, clock, statusTimeoutMs: 150, jobPollMs: 20 });
  stops.push(async () => {
    await printer.close().catch(() => undefined);
    await sim.stop();
  });
  await sim.start();
  await settle(clock, printer.open());
  await printer.enable();
  return { pair, sim, link, printer };
}

describe('maintenance and the raw console on a live printer (issue 15 §3)', () => {
  it('held: no polls, no device for citizens; raw DLE EOT 4 read as "paper near end"; a silent printer is "no reply"', async () => {
    const clock = new ManualClock();
    const frames = new FrameLog({ clock, capacity: 5000 });
    const { sim, link, printer } = await printerRig(clock, frames);
    const audits: Array<MaintenanceAudit | RawCommandAudit> = [];
    const maintenance = new Maintenance({ devices: { get: (id) => (id === printer.id ? printer : undefined) }, clock, audit: (e) => void audits.push(e) });
    const forRole = citizenForRole({ forRole: <T,>() => printer as unknown as T }, maintenance);
    await settle(clock, maintenance.enter('ticket-printer', 'tech-1'));
    expect(printer.lifecycle).toBe('claimed');
    expect(forRole('ticketPrinter')).toBeUndefined();
    // Quiesced: the printer's own status polls stop, the link is the console's
    const before = frames.entries('ticket-printer').length;
    await elapse(clock, 3000);
    expect(frames.entries('ticket-printer').length).toBe(before);

    const console_ = new RawConsole({
      deviceId: 'ticket-printer',
      driver: 'escpos',
      model: 'generic-escpos-80',
      transport: link,
      clock,
      assertMaintenance: () => maintenance.assertHeldBy('ticket-printer', 'tech-1'),
      audit: (e) => void audits.push(e),
    });
    const answered = await settle(clock, console_.send({ actor: 'tech-1', hex: '10 04 04' }));
    expect(answered.replies).toEqual([{ hex: '1E', meaning: 'ESC/POS DLE EOT 4 → 纸将尽 / paper near end' }]);
    // The frame log saw the same exchange
    expect(frames.entries('ticket-printer').slice(-2).map((e) => e.meaning)).toEqual(['ESC/POS DLE EOT 4 实时状态查询 / real-time status request (纸 / paper)', 'ESC/POS DLE EOT 4 → 纸将尽 / paper near end']);

    sim.setFaults({ noReply: true });
    const silent = await settle(clock, console_.send({ actor: 'tech-1', hex: '10 04 01', waitMs: 1000 }));
    expect(silent).toMatchObject({ outcome: 'noReply', message: '1000 ms 内无应答 / no reply in 1000 ms' });
    sim.clearFaults();

    await settle(clock, maintenance.releaseAllOf('tech-1'));
    expect(printer.lifecycle).toBe('enabled');
    expect(forRole('ticketPrinter')).toBe(printer);
    await expect(console_.send({ actor: 'tech-1', hex: '10 04 01' })).rejects.toMatchObject({ code: 'notInMaintenance' });
    expect(audits.map((a) => `${a.action}${'outcome' in a.detail ? `:${a.detail.outcome}` : ''}`)).toEqual([
      'device.maintenance.enter',
      'device.rawCommand:replied',
      'device.rawCommand:noReply',
      'device.maintenance.release',
    ]);
  });
});

describe('device editor roll-back on a live printer (issue 15 §3)', () => {
  it('a printer that does not come back on its new port: the backup restored, the old entry restarted and online', async () => {
    const clock = new ManualClock();
    // The file lives in memory: real writes finish on the thread pool's time, which the fake clock outruns.
    const file = '/etc/hallkiosk/kiosk.json';
    const files = new Map([[file, DEFAULT_CONFIG_JSON]]);
    const editor = new DeviceConfigEditor({ configPath: file, clock, testPort: async () => undefined, fs: memoryConfigFs(files) });

    let { printer } = await printerRig(clock);
    expect(printer.status.device).toBe('online');
    const restart = async (which: 'new' | 'old'): Promise<void> => {
      await printer.close();
      if (which === 'old') {
        printer = (await printerRig(clock)).printer;
        return;
      }
      // The new entry names a port nothing answers on: the link opens nowhere.
      const nowhere = createMemoryPair('nowhere');
      nowhere.device.unplug();
      printer = new EscPosPrinter({ id: 'ticket-printer', roles: ['ticketPrinter'], model: 'generic-escpos-80', transport: nowhere.host, clock, statusTimeoutMs: 150 });
      await printer.open().catch(() => undefined);
    };
    const result = await settle(
      clock,
      applyWithRollback({
        deviceId: 'ticket-printer',
        clock,
        waitMs: 3000,
        save: () => editor.apply('ticket-printer', { transport: { kind: 'serial', path: '/dev/ttyUSB7', baudRate: 9600 } }),
        restart,
        cameBack: () => printer.status.device === 'online',
        restore: (backup) => editor.rollback(backup),
      }),
      60_000,
    );
    expect(result).toMatchObject({ outcome: 'rolledBack', oldCameBack: true });
    expect(result.message).toMatch(/^ticket-printer 在 3 秒内未恢复在线,已还原原配置 \/ ticket-printer did not come back within 3 s/u);
    expect(files.get(file)).toBe(DEFAULT_CONFIG_JSON);
    expect([...files.keys()].filter((f) => f.includes('.bak-'))).toHaveLength(1);
    expect(printer.status.device).toBe('online');
    stops.push(async () => printer.close().catch(() => undefined));
  });
});
