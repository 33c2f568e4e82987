/** The smart locker through the simulator control API (docs/locker-protocol.md §7.1): faults, `door` and `item`. */
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../common/manual-clock';
import { createMemoryPair } from '../../drivers/transport/memory-pair';
import { createSimControlServer, listenOnLoopback, type LoopbackListener } from '../control-api';
import { SimRegistry } from '../sim-registry';
import { SimLocker } from './sim-locker';

const open: LoopbackListener[] = [];
afterEach(async () => {
  for (const l of open.splice(0)) await l.close();
});

async function api() {
  const clock = new ManualClock();
  const locker = new SimLocker({ id: 'locker', clock, transport: createMemoryPair('locker').device });
  const listener = await listenOnLoopback(createSimControlServer({ registry: new SimRegistry([locker]), clock }));
  open.push(listener);
  const call = (method: string, path: string, body?: object): Promise<{ status: number; body: any }> =>
    new Promise((resolve, reject) => {
      const text = body === undefined ? undefined : JSON.stringify(body);
      const req = request(`${listener.url}${path}`, { method, headers: text ? { 'Content-Type': 'application/json' } : {} });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null') }));
      });
      req.on('error', reject);
      req.end(text);
    });
  return { locker, call };
}

describe('locker control routes', () => {
  it('lists it with its locker block and its door and item actions', async () => {
    const { call } = await api();
    const list = await call('GET', '/sim/devices');
    expect(list.body[0]).toMatchObject({
      id: 'locker',
      role: 'locker',
      model: 'generic-hlb',
      status: { device: 'online', locker: { compartments: 12, doorsOpen: [], occupied: [] } },
      actions: [{ name: 'door', methods: ['POST'] }, { name: 'item', methods: ['POST'] }],
    });
  });

  it('a person puts something in an open compartment and closes the door; a closed one refuses with 409', async () => {
    const { call, locker } = await api();
    expect((await call('POST', '/sim/devices/locker/item', { compartment: 5, present: true })).status).toBe(409);
    locker.cabinet.pulse(5, { jammed: new Set(), coilFault: new Set(), slowDoor: new Set() });
    expect((await call('POST', '/sim/devices/locker/item', { compartment: 5, present: true })).body.locker).toEqual({ compartments: 12, doorsOpen: [5], occupied: [5] });
    expect((await call('POST', '/sim/devices/locker/door', { compartment: 5, closed: true })).body.locker).toEqual({ compartments: 12, doorsOpen: [], occupied: [5] });
    expect((await call('POST', '/sim/devices/locker/door', { compartment: 5, closed: true })).status).toBe(409);
    expect((await call('POST', '/sim/devices/locker/door', { compartment: 99, closed: true })).status).toBe(400);
  });

  it('sets faults in the status words, refuses bad ones naming the field, clears them', async () => {
    const { call } = await api();
    expect((await call('POST', '/sim/devices/locker/faults', { jammed: [7], silentBoards: [1] })).status).toBe(200);
    const bad = await call('POST', '/sim/devices/locker/faults', { jammed: [13] });
    expect(bad.status).toBe(400);
    expect((await call('POST', '/sim/devices/locker/faults', { noReply: true })).body.device).toBe('hardwareError');
    expect((await call('DELETE', '/sim/devices/locker/faults')).body).toMatchObject({ device: 'online' });
  });
});
