import { describe, expect, it } from 'vitest';
import { createMemoryPair } from './memory-pair';

const nextData = (t: { onData(l: (c: Uint8Array) => void): () => void }) =>
  new Promise<number[]>((resolve) => {
    const off = t.onData((c) => {
      off();
      resolve([...c]);
    });
  });

describe('memory pair', () => {
  it('carries bytes both ways once both ends are open', async () => {
    const { host, device } = createMemoryPair('p');
    await host.open();
    await device.open();
    const atDevice = nextData(device);
    await host.write(Uint8Array.from([0x10, 0x04, 0x01]));
    expect(await atDevice).toEqual([0x10, 0x04, 0x01]);
    const atHost = nextData(host);
    await device.write(Uint8Array.from([0x12]));
    expect(await atHost).toEqual([0x12]);
  });

  it('unplug disconnects the host end, refuses writes and re-opening until replugged', async () => {
    const { host, device } = createMemoryPair('p');
    await host.open();
    await device.open();
    const reasons: string[] = [];
    host.onDisconnect((r) => reasons.push(r));
    device.unplug();
    expect(reasons).toEqual(['unplugged']);
    expect(host.isOpen).toBe(false);
    await expect(host.write(Uint8Array.of(1))).rejects.toMatchObject({ kind: 'closed' });
    await expect(host.open()).rejects.toMatchObject({ kind: 'notFound' });
    device.replug();
    await host.open();
    expect(host.isOpen).toBe(true);
  });
});
