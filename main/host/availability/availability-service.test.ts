import { describe, expect, it } from 'vitest';
import type { ServiceAvailability } from '../../../common/availability';
import type { DeviceStatus } from '../../../common/device';
import { AvailabilityService } from './availability-service';

function rig(initial: DeviceStatus | undefined) {
  let status = initial;
  const service = new AvailabilityService({ statusOfRole: (role) => (role === 'ticketPrinter' ? status : undefined) }, { takeTicket: { 'zh-CN': '请到一楼咨询台人工取号' } });
  const pushes: ServiceAvailability[][] = [];
  service.onChanged((a) => pushes.push(a));
  return { service, pushes, set: (s: DeviceStatus | undefined) => ((status = s), service.refresh()) };
}

describe('AvailabilityService', () => {
  it('withdraws takeTicket with the reason and the alternative, and brings it back on recovery', () => {
    const { service, pushes, set } = rig({ device: 'online', printer: { paper: 'full' } });
    expect(service.of('takeTicket')).toEqual({ service: 'takeTicket', available: true });
    set({ device: 'userError', printer: { paper: 'out' } });
    set({ device: 'userError', printer: { paper: 'out' } });
    set({ device: 'online', printer: { paper: 'low' } });
    expect(pushes.map((list) => list.find((a) => a.service === 'takeTicket'))).toEqual([
      { service: 'takeTicket', available: false, reason: 'paperOut', role: 'ticketPrinter', alternative: { 'zh-CN': '请到一楼咨询台人工取号' } },
      { service: 'takeTicket', available: true },
    ]);
  });

  it('withdraws 刷身份证取号 while either of its devices cannot serve: the printer or the ID-card reader', () => {
    const statuses: Partial<Record<string, DeviceStatus>> = { ticketPrinter: { device: 'online', printer: { paper: 'full' } }, idCardReader: { device: 'online', cardReader: { sam: 'ok' } } };
    const service = new AvailabilityService({ statusOfRole: (role) => statuses[role] }, {});
    expect(service.of('identityTicket')).toEqual({ service: 'identityTicket', available: true });
    statuses.idCardReader = { device: 'hardwareError', cardReader: { sam: 'error' } };
    expect(service.of('identityTicket')).toMatchObject({ available: false, reason: 'hardwareError', role: 'idCardReader' });
    expect(service.of('takeTicket')).toEqual({ service: 'takeTicket', available: true });
    statuses.idCardReader = { device: 'online', cardReader: { sam: 'ok' } };
    statuses.ticketPrinter = { device: 'userError', printer: { paper: 'out' } };
    expect(service.of('identityTicket')).toMatchObject({ available: false, reason: 'paperOut', role: 'ticketPrinter' });
  });

  it.each([
    [{ device: 'online', printer: { coverOpen: true } }, 'coverOpen'],
    [{ device: 'hardwareError', printer: { cutterError: true } }, 'cutterError'],
    [{ device: 'offline' }, 'offline'],
    [{ device: 'noDevice' }, 'noDevice'],
    [{ device: 'starting' }, 'deviceNotReady'],
    [undefined, 'noDevice'],
  ] as Array<[DeviceStatus | undefined, string]>)('status %j → %s', (status, reason) => {
    expect(rig(status).service.of('takeTicket')).toMatchObject({ available: false, reason });
  });
  it('withdraws takeTicket for a reason of the host’s own (a clock not believed), whatever the printer says', () => {
    let blocked: 'clockInvalid' | null = 'clockInvalid';
    const service = new AvailabilityService({ statusOfRole: () => ({ device: 'online', printer: { paper: 'full' } }) }, {}, { takeTicket: () => blocked });
    expect(service.of('takeTicket')).toEqual({ service: 'takeTicket', available: false, reason: 'clockInvalid' });
    blocked = null;
    expect(service.of('takeTicket')).toEqual({ service: 'takeTicket', available: true });
  });
});
