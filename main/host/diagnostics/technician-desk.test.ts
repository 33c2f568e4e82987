import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../common/manual-clock';
import type { Device } from '../../../drivers/devices/device-types';
import type { AuditTrail } from '../audit/audit-trail';
import type { DeviceEntryConfig } from '../config/config-types';
import type { DeviceConfigEditor } from './device-config-editor';
import type { FrameLog } from './frame-log';
import type { Maintenance } from './maintenance';
import type { StatusHistory } from './status-history';
import { TechnicianDesk } from './technician-desk';

const ENTRY: DeviceEntryConfig = { role: 'ticketPrinter', driver: 'escpos', transport: { kind: 'serial', path: '/dev/ttyS0', baudRate: 9600, flowControl: 'rtscts' } };
const ACTOR = { accountId: 'li', name: '李强', role: 'technician' as const };

describe('TechnicianDesk.editDevice (issue 15 §3)', () => {
  it('keeps how the device is wired (its flow control) when the screen changes its port and speed', async () => {
    const applied: unknown[] = [];
    const device = { id: 'ticket-printer', status: { device: 'online' } } as unknown as Device;
    const desk = new TechnicianDesk({
      clock: new ManualClock(),
      devices: { summaries: () => [{ id: 'ticket-printer' }], get: () => device },
      entry: () => ENTRY,
      modelsOf: () => ['generic-escpos-80'],
      links: new Map(),
      frames: {} as FrameLog,
      history: {} as StatusHistory,
      maintenance: {} as Maintenance,
      audit: { record: () => undefined } as unknown as AuditTrail,
      editor: {
        apply: async (_id: string, change: { transport?: unknown }) => {
          applied.push(change.transport);
          return { backupPath: '/tmp/config.json.bak', entry: { ...ENTRY, transport: change.transport } };
        },
        rollback: async () => undefined,
      } as unknown as DeviceConfigEditor,
      rebuild: async () => undefined,
      exportBundle: async () => ({ path: '', bytes: 0, usb: [], message: '' }),
    });
    const result = await desk.editDevice({ deviceId: 'ticket-printer', transport: { kind: 'serial', path: '/dev/ttyUSB1', baudRate: 115200 } }, ACTOR);
    expect(result.outcome).toBe('applied');
    expect(applied).toEqual([{ kind: 'serial', path: '/dev/ttyUSB1', baudRate: 115200, flowControl: 'rtscts' }]);
  });
});
