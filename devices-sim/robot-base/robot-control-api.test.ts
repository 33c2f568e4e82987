/** The robot base through the simulator control API (docs/robot-protocol.md §8.1): faults and `place`. */
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createSimControlServer, listenOnLoopback, type LoopbackListener } from '../control-api';
import { SimRegistry } from '../sim-registry';
import { robotRig } from '../test-support/robot-rig';

const open: LoopbackListener[] = [];
afterEach(async () => {
  for (const l of open.splice(0)) await l.close();
});

async function api() {
  const rig = await robotRig();
  const listener = await listenOnLoopback(createSimControlServer({ registry: new SimRegistry([rig.robot]), clock: rig.clock }));
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
  return { rig, call };
}

describe('robot base control routes', () => {
  it('lists it with its robot block and its place action', async () => {
    const { call } = await api();
    const list = await call('GET', '/sim/devices');
    expect(list.body[0]).toMatchObject({ id: 'robot-base', role: 'robotBase', model: 'generic-hrl', status: { device: 'online', robot: { docked: true } }, actions: [{ name: 'place', methods: ['POST'] }] });
  });

  it('sets faults in the status words, refuses bad ones naming the field, clears them', async () => {
    const { call } = await api();
    expect((await call('POST', '/sim/devices/robot-base/faults', { obstacle: true, batteryPercent: 18 })).body).toMatchObject({ robot: { obstacle: true, batteryPercent: 18 } });
    const bad = await call('POST', '/sim/devices/robot-base/faults', { battery: 5 });
    expect(bad.status).toBe(400);
    expect((await call('POST', '/sim/devices/robot-base/faults', { fault: 'ESTOP' })).body.device).toBe('hardwareError');
    expect((await call('DELETE', '/sim/devices/robot-base/faults')).body).toMatchObject({ device: 'online', robot: { obstacle: false, batteryPercent: 90 } });
  });

  it('places the robot at a point; an unknown point is a 400', async () => {
    const { call } = await api();
    expect((await call('POST', '/sim/devices/robot-base/place', { point: 'A2' })).body.robot).toMatchObject({ docked: false, position: { point: 'A2' } });
    expect((await call('POST', '/sim/devices/robot-base/place', { point: 'Z9' })).status).toBe(400);
  });
});
