// The simulated vendor service speaks the documented contract (docs/document-camera.md §2) with its quirks,
// takes pages as PNG or JPEG, and refuses bad faults and bodies in the control API's words.
import { get } from 'node:http';
import { createCanvas } from '@napi-rs/canvas';
import { decode } from 'jpeg-js';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../common/manual-clock';
import { SimActionError, SimFaultError } from '../sim-device';
import { decodePicture } from './page-image';
import { SimDocumentCamera } from './sim-document-camera';

const sims: SimDocumentCamera[] = [];

async function startSim(options: Partial<ConstructorParameters<typeof SimDocumentCamera>[0]> = {}) {
  const sim = new SimDocumentCamera({ id: 'document-camera', model: 'generic-http', clock: new ManualClock(), sensorWidth: 320, sensorHeight: 240, previewWidth: 160, ...options });
  await sim.start();
  sims.push(sim);
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${sim.url}${path}`, { method, ...(body !== undefined && { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  return { sim, call };
}

function pagePng(width: number, height: number, rgba = 'rgba(250,250,250,1)'): string {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = rgba;
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#000';
  ctx.fillRect(0, 0, 4, 4);
  return canvas.toBuffer('image/png').toString('base64');
}

afterEach(async () => {
  for (const sim of sims.splice(0)) await sim.stop();
});

describe('SimDocumentCamera', () => {
  it('answers −1 before open, −2 while warming up, then JPEG frames at the preview and the opened size', async () => {
    const { sim, call } = await startSim({ warmUpPolls: 2 });
    expect((await call('GET', '/api/device/info')).body).toMatchObject({ code: 0, data: { light: true, cameras: [{ index: 0 }] } });
    expect((await call('GET', '/api/camera/image')).body).toMatchObject({ code: -1 });
    expect((await call('POST', '/api/camera/open', { index: 0, width: 4000, height: 3000 })).body).toEqual({ code: 0, data: { width: 320, height: 240 } });
    expect(sim.status().camera?.streaming).toBe(true);
    expect((await call('GET', '/api/camera/image?preview=1')).body).toMatchObject({ code: -2 });
    expect((await call('GET', '/api/camera/image?preview=1')).body).toMatchObject({ code: -2 });
    const preview = (await call('GET', '/api/camera/image?preview=1')).body;
    expect(preview).toMatchObject({ code: 0, width: 160, height: 120 });
    const full = (await call('GET', '/api/camera/image')).body;
    const img = decode(Buffer.from(full.data as string, 'base64'), { useTArray: true });
    expect([img.width, img.height]).toEqual([320, 240]);
    expect((await call('POST', '/api/camera/open', { index: 1 })).body).toMatchObject({ code: -2 });
    expect((await call('POST', '/api/camera/close', {})).body).toEqual({ code: 0 });
    expect(sim.status().camera?.streaming).toBe(false);
    expect((await call('GET', '/api/nothing')).status).toBe(404);
  });

  it('serves frames that differ by noise, a hand over a new page first, and the page brighter than the plate', async () => {
    const { sim, call } = await startSim({ warmUpPolls: 0, handFrames: 2 });
    await call('POST', '/api/camera/open', {});
    sim.actions().page!.start!({ image: pagePng(100, 141), scale: 1.4 });
    const frames: Uint8Array[] = [];
    for (let i = 0; i < 5; i++) frames.push(decode(Buffer.from((await call('GET', '/api/camera/image')).body.data as string, 'base64'), { useTArray: true }).data);
    const meanAbs = (a: Uint8Array, b: Uint8Array) => a.reduce((s, v, i) => s + Math.abs(v - b[i]!), 0) / a.length;
    expect(meanAbs(frames[0]!, frames[1]!)).toBeGreaterThan(3); // the hand moved
    expect(meanAbs(frames[2]!, frames[3]!)).toBeGreaterThan(0.3); // noise only
    expect(meanAbs(frames[2]!, frames[3]!)).toBeLessThan(3);
    const at = (x: number, y: number) => frames[4]![(y * 320 + x) * 4]!;
    expect(at(160, 120)).toBeGreaterThan(200);
    expect(at(10, 10)).toBeLessThan(60);
    expect(sim.status().camera?.documentPresent).toBe(true);
    sim.actions().page!.stop!();
    expect(sim.status().camera?.documentPresent).toBe(false);
    expect(() => sim.actions().page!.stop!()).toThrow(SimActionError);
  });

  it('unplugged: no camera listed, open fails with −2, status noDevice; quirks as strings and data URLs', async () => {
    const { sim, call } = await startSim({ codesAsStrings: true, dataUrlImages: true, warmUpPolls: 0 });
    expect(sim.setFaults({ unplugged: true }).device).toBe('noDevice');
    expect((await call('GET', '/api/device/info')).body).toMatchObject({ code: '0', data: { cameras: [] } });
    expect((await call('POST', '/api/camera/open', {})).body).toMatchObject({ code: '-2' });
    sim.clearFaults();
    await call('POST', '/api/camera/open', {});
    expect((await call('GET', '/api/camera/image')).body.data).toMatch(/^data:image\/jpeg;base64,\/9j\//u);
    expect((await call('POST', '/api/camera/light', { on: false })).body).toEqual({ code: '0' });
    expect(sim.lightOn).toBe(false);
  });

  it('refuses bad faults and bad pages, and requests from a non-loopback Host', async () => {
    const { sim } = await startSim();
    expect(() => sim.setFaults({})).toThrow(SimFaultError);
    expect(() => sim.setFaults({ jam: true })).toThrow(/unknown fault "jam"/u);
    expect(() => sim.setFaults({ slowMs: -1 })).toThrow(/slowMs/u);
    expect(() => sim.actions().page!.start!({ image: 'AAAA' })).toThrow(/PNG or a JPEG/u);
    expect(() => sim.actions().page!.start!({ image: pagePng(10, 10), rotateDeg: 90 })).toThrow(/rotateDeg/u);
    expect(() => sim.actions().page!.start!({ image: pagePng(10, 10), colour: 1 })).toThrow(/unknown field "colour"/u);
    const status = await new Promise<number | undefined>((resolve, reject) => {
      get(`${sim.url}/api/device/info`, { headers: { Host: 'evil.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode);
      }).on('error', reject);
    });
    expect(status).toBe(403);
  });
});

describe('decodePicture', () => {
  it('decodes canvas PNGs (RGBA, alpha flattened on white) like the canvas drew them', () => {
    const png = Buffer.from(pagePng(13, 7, 'rgba(200,100,50,0.5)'), 'base64');
    const pic = decodePicture(new Uint8Array(png));
    expect([pic.width, pic.height]).toEqual([13, 7]);
    expect([...pic.data.subarray(0, 4)]).toEqual([0, 0, 0, 255]);
    const o = (3 * 13 + 8) * 4;
    for (const [k, v] of [200, 100, 50].entries()) expect(Math.abs(pic.data[o + k]! - (v * 0.5 + 255 * 0.5))).toBeLessThanOrEqual(2);
  });
});
