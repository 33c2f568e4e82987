import { describe, expect, it } from 'vitest';
import { asReportDeviceEnd, createReportMemoryPair } from './report-memory-pair';
import { TransportError } from './transport';

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('report memory pair', () => {
  it('carries whole reports both ways, in order, as copies, once both ends are open', async () => {
    const { host, device } = createReportMemoryPair('s');
    await host.open();
    await device.open();
    const atHost: number[][] = [];
    host.onReport((r) => atHost.push([...r]));
    const sent = Uint8Array.of(0x02, 0x01, 0x41);
    await device.writeReport(sent);
    await device.writeReport(Uint8Array.of(0x02, 0x02));
    sent[2] = 0;
    await turn();
    expect(atHost).toEqual([[0x02, 0x01, 0x41], [0x02, 0x02]]);
    const atDevice: number[][] = [];
    device.onReport((r) => atDevice.push([...r]));
    await host.writeReport(Uint8Array.of(0x00, 0x16));
    await turn();
    expect(atDevice).toEqual([[0x00, 0x16]]);
  });

  it('a closed host end receives nothing and cannot write', async () => {
    const { host, device } = createReportMemoryPair('s');
    await device.open();
    const got: Uint8Array[] = [];
    host.onReport((r) => got.push(r));
    await device.writeReport(Uint8Array.of(2));
    await turn();
    expect(got).toEqual([]);
    await expect(host.writeReport(Uint8Array.of(0))).rejects.toMatchObject({ kind: 'closed' });
  });

  it('unplug disconnects the host end, refuses writes and re-opening until replugged', async () => {
    const { host, device } = createReportMemoryPair('s');
    await host.open();
    await device.open();
    const reasons: string[] = [];
    host.onDisconnect((r) => reasons.push(r));
    expect(asReportDeviceEnd(device)).toBe(device);
    expect(asReportDeviceEnd(host)).toBeUndefined();
    device.unplug();
    device.unplug();
    expect(reasons).toEqual(['unplugged']);
    expect(host.isOpen).toBe(false);
    await expect(host.open()).rejects.toBeInstanceOf(TransportError);
    await expect(host.writeReport(Uint8Array.of(0))).rejects.toMatchObject({ kind: 'closed' });
    const got: Uint8Array[] = [];
    host.onReport((r) => got.push(r));
    await device.writeReport(Uint8Array.of(2)); // a scan while the cable is out reaches nobody
    device.replug();
    await host.open();
    await turn();
    expect(got).toEqual([]);
    expect(host.isOpen).toBe(true);
  });
});
