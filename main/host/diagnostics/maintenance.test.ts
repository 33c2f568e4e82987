import { describe, expect, it } from 'vitest';
import type { DeviceRole, DeviceStatus } from '../../../common/device';
import { ManualClock } from '../../../common/manual-clock';
import type { Device, HealthLevel, HealthReport, Lifecycle } from '../../../drivers/devices/device-types';
import { LifecycleState } from '../../../drivers/devices/lifecycle';
import { AvailabilityService } from '../availability/availability-service';
import { Maintenance, type MaintenanceAudit } from './maintenance';
import { citizenForRole, maintenanceBlockers } from './maintenance-availability';

class FakeDevice implements Device {
  readonly driver = 'escpos';
  readonly model = 'generic-escpos-80';
  readonly status: DeviceStatus = { device: 'online' };
  private readonly life = new LifecycleState();
  calls: string[] = [];
  constructor(
    readonly id: string,
    readonly roles: readonly DeviceRole[],
  ) {}
  get lifecycle(): Lifecycle {
    return this.life.value;
  }
  get claimedBy(): string | null {
    return this.life.claimedBy;
  }
  async open(): Promise<void> {
    this.life.opened();
  }
  async close(): Promise<void> {
    this.life.closed();
  }
  claim(owner: string): void {
    this.life.claim(this.id, owner);
  }
  release(owner: string): void {
    this.life.release(owner);
  }
  async enable(): Promise<void> {
    this.calls.push('enable');
    this.life.enable(this.id);
  }
  async disable(): Promise<void> {
    this.calls.push('disable');
    this.life.disable();
  }
  onStatusChanged(): () => void {
    return () => undefined;
  }
  async healthCheck(level: HealthLevel): Promise<HealthReport> {
    return { level, ok: true, findings: [] };
  }
  statistics(): Record<string, number> {
    return {};
  }
}

async function rig() {
  const clock = new ManualClock();
  const printer = new FakeDevice('ticket-printer', ['ticketPrinter']);
  const reader = new FakeDevice('id-card-reader', ['idCardReader']);
  await printer.open();
  await printer.enable();
  const devices = new Map<string, Device>([[printer.id, printer], [reader.id, reader]]);
  const audits: MaintenanceAudit[] = [];
  const m = new Maintenance({ devices: { get: (id) => devices.get(id) }, clock, audit: (e) => void audits.push(e) });
  const changes: string[] = [];
  m.onChanged((id, h) => changes.push(`${id}:${h?.actor ?? '-'}`));
  return { clock, printer, reader, m, audits, changes };
}

describe('Maintenance (issue 15 §3: maintenance mode claims the device exclusively)', () => {
  it('enter claims and quiesces the device; release gives it back and re-enables it; both audited', async () => {
    const r = await rig();
    const holder = await r.m.enter('ticket-printer', 'tech-1');
    expect(holder).toEqual({ actor: 'tech-1', since: r.clock.now() });
    expect(r.printer.claimedBy).toBe('maintenance:tech-1');
    expect(r.printer.calls).toEqual(['enable', 'disable']);
    expect(r.m.isHeld('ticket-printer')).toBe(true);
    expect(r.m.holder('ticket-printer')).toEqual(holder);
    expect(() => r.m.assertHeldBy('ticket-printer', 'tech-1')).not.toThrow();
    expect(await r.m.enter('ticket-printer', 'tech-1')).toEqual(holder);
    r.clock.advance(60_000);
    expect(await r.m.release('ticket-printer', 'tech-1')).toBe(true);
    expect(r.printer.claimedBy).toBeNull();
    expect(r.printer.lifecycle).toBe('enabled');
    expect(r.m.isHeld('ticket-printer')).toBe(false);
    expect(await r.m.release('ticket-printer', 'tech-1')).toBe(false);
    expect(r.changes).toEqual(['ticket-printer:tech-1', 'ticket-printer:-']);
    expect(r.audits).toEqual([
      { actor: 'tech-1', action: 'device.maintenance.enter', subject: 'ticket-printer', detail: { claimed: true, quiesced: true } },
      { actor: 'tech-1', action: 'device.maintenance.release', subject: 'ticket-printer', detail: { reason: 'byHand', heldMs: 60_000, reEnabled: true } },
    ]);
  });

  it('a second technician is refused, cannot release, cannot use the console guard', async () => {
    const r = await rig();
    await r.m.enter('ticket-printer', 'tech-1');
    await expect(r.m.enter('ticket-printer', 'tech-2')).rejects.toMatchObject({ code: 'heldByOther', message: 'ticket-printer 正由 tech-1 维护中 / ticket-printer is held for maintenance by tech-1' });
    await expect(r.m.release('ticket-printer', 'tech-2')).rejects.toMatchObject({ code: 'heldByOther' });
    expect(() => r.m.assertHeldBy('ticket-printer', 'tech-2')).toThrow(/held for maintenance by tech-1/u);
    expect(() => r.m.assertHeldBy('id-card-reader', 'tech-1')).toThrow(/不在维护模式.* \/ id-card-reader is not in maintenance mode/u);
    await expect(r.m.enter('nonesuch', 'tech-1')).rejects.toMatchObject({ code: 'unknownDevice' });
  });

  it('a device claimed by someone else is refused; a closed device is held without a claim', async () => {
    const r = await rig();
    r.printer.claim('citizen-session');
    await expect(r.m.enter('ticket-printer', 'tech-1')).rejects.toMatchObject({ code: 'deviceInUse' });
    expect(r.m.isHeld('ticket-printer')).toBe(false);
    await r.m.enter('id-card-reader', 'tech-1');
    expect(r.m.isHeld('id-card-reader')).toBe(true);
    expect(r.audits.at(-1)!.detail).toEqual({ claimed: false, quiesced: false });
  });

  it('releaseAllOf ends every hold of a technician whose staff session ended', async () => {
    const r = await rig();
    await r.m.enter('ticket-printer', 'tech-1');
    await r.m.enter('id-card-reader', 'tech-1');
    expect(await r.m.releaseAllOf('tech-2')).toEqual([]);
    expect((await r.m.releaseAllOf('tech-1')).sort()).toEqual(['id-card-reader', 'ticket-printer']);
    expect(r.m.held()).toEqual([]);
    expect(r.audits.filter((a) => a.action === 'device.maintenance.release').map((a) => a.detail.reason)).toEqual(['sessionEnded', 'sessionEnded']);
  });

  it('while held, citizen availability says maintenance and forRole gives no device', async () => {
    const r = await rig();
    const idFor = (role: DeviceRole): string | undefined => (role === 'ticketPrinter' ? 'ticket-printer' : role === 'idCardReader' ? 'id-card-reader' : undefined);
    const availability = new AvailabilityService({ statusOfRole: () => ({ device: 'online' }) }, {}, maintenanceBlockers(r.m, idFor));
    const forRole = citizenForRole({ forRole: <T extends Device>(role: DeviceRole) => (role === 'ticketPrinter' ? (r.printer as unknown as T) : undefined) }, r.m);
    expect(availability.of('takeTicket')).toEqual({ service: 'takeTicket', available: true });
    expect(forRole('ticketPrinter')).toBe(r.printer);
    await r.m.enter('ticket-printer', 'tech-1');
    expect(availability.of('takeTicket')).toMatchObject({ available: false, reason: 'maintenance' });
    expect(availability.of('identityTicket')).toMatchObject({ available: false, reason: 'maintenance' });
    expect(forRole('ticketPrinter')).toBeUndefined();
    await r.m.release('ticket-printer', 'tech-1');
    expect(availability.of('takeTicket').available).toBe(true);
  });
});
