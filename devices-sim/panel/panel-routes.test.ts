/**
 * The control panel's routes on a real control server (issue 15 item 4): the page at /sim with a policy
 * that allows exactly its own script; the state it polls (every device, its kind, status text, controls and
 * printed tickets); tickets drawn as SVG; and every button and form the panel offers is a call the control
 * API takes (200, or 409 where the device's state does not allow it just now), never a 400 or a 404.
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { PanelControl, PanelGroup } from './panel-controls';
import { PANEL_SCRIPT } from './panel-script';
import { PANEL_TICKETS_SHOWN } from './panel-routes';
import { panelRig, sampleTicket, type PanelRig } from './panel-rig';

interface DeviceState {
  id: string;
  kind: string;
  title: { zh: string; en: string };
  statusText: string;
  status: { device: string };
  groups: PanelGroup[];
  printed?: { total: number; shown: { seq: number; at: string; cut: boolean; delivery?: string; key: string }[] };
}

let rig: PanelRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const state = async (r: PanelRig): Promise<{ now: string; devices: DeviceState[] }> => JSON.parse((await r.call('GET', '/sim/panel/state')).text);
const device = async (r: PanelRig, id: string): Promise<DeviceState> => (await state(r)).devices.find((d) => d.id === id)!;
const controls = (d: DeviceState): PanelControl[] => d.groups.flatMap((g) => g.controls);
const named = (d: DeviceState, en: string): PanelControl => controls(d).find((c) => c.label.en === en)!;

describe('control panel routes', () => {
  it('serves the page at /sim and /sim/, its script and style allowed by hash and nothing else', async () => {
    rig = await panelRig();
    for (const path of ['/sim', '/sim/']) {
      const res = await rig.call('GET', path);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.text).toContain('<html lang="zh-CN"');
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain(`script-src 'sha256-${createHash('sha256').update(PANEL_SCRIPT).digest('base64')}'`);
      expect(csp).toContain("frame-ancestors 'none'");
      const inline = /<script>([\s\S]*)<\/script>/.exec(res.text)![1];
      expect(inline).toBe(PANEL_SCRIPT);
    }
    // The script compiles (it runs in the browser e2e, test/e2e/sim-panel.spec.ts).
    expect(() => new Function(PANEL_SCRIPT)).not.toThrow();
    expect(PANEL_SCRIPT).not.toMatch(/`|\$\{/);
  });

  it('keeps the control API\'s loopback checks: another Host or Origin is refused', async () => {
    rig = await panelRig();
    expect((await rig.call('GET', '/sim', undefined, { Host: 'kiosk.example.com' })).status).toBe(403);
    expect((await rig.call('GET', '/sim/panel/state', undefined, { Origin: 'https://evil.example' })).status).toBe(403);
  });

  it('reports every device with its kind, title, status text and controls, and the host time', async () => {
    rig = await panelRig();
    const s = await state(rig);
    expect(s.now).toBe('2026-11-23T01:00:00.000Z');
    expect(s.devices.map((d) => [d.id, d.kind])).toEqual([
      ['ticket-printer', 'printer'],
      ['presenter', 'printer'],
      ['id-card-reader', 'cardReader'],
      ['fingerprint', 'fingerprint'],
      ['scanner', 'scanner'],
      ['face-camera', 'camera'],
    ]);
    const reader = s.devices[2]!;
    expect(reader.title).toEqual({ zh: '身份证阅读器', en: 'ID card reader' });
    expect(reader.statusText).toBe('正常 online · 无卡 no card · SAM 正常 SAM OK');
    expect(controls(s.devices[0]!).some((c) => c.label.en === 'Take ticket'), 'no mouth sensor: no take').toBe(false);
    expect(controls(s.devices[1]!).some((c) => c.label.en === 'Take ticket'), 'a presenter: take').toBe(true);
    for (const d of s.devices) expect(d.groups.at(-1)!.controls.map((c) => c.label.en)).toEqual(['Clear faults']);
  });

  it('shows the status live: a card placed, the paper out', async () => {
    rig = await panelRig();
    const place = named(await device(rig, 'id-card-reader'), 'Place card');
    expect(place.kind).toBe('form');
    expect((await rig.call('POST', place.path, { fixture: 'adult' })).status).toBe(200);
    expect((await device(rig, 'id-card-reader')).statusText).toContain('有卡 card present');
    const out = named(await device(rig, 'ticket-printer'), 'Paper out');
    expect((await rig.call(out.kind === 'button' ? out.method : 'POST', out.path, out.kind === 'button' ? out.body : undefined)).status).toBe(200);
    expect((await device(rig, 'ticket-printer')).statusText).toBe('需要处理 needs attention · 缺纸 paper out · 机盖合上 cover closed');
  });

  it('lists printed tickets newest first and draws each as SVG, its text on the paper', async () => {
    rig = await panelRig();
    expect((await device(rig, 'ticket-printer')).printed).toEqual({ total: 0, shown: [] });
    await rig.print('ticket-printer', sampleTicket('A001'));
    await rig.print('ticket-printer', sampleTicket('A002'));
    const { printed } = await device(rig, 'ticket-printer');
    expect(printed!.total).toBe(2);
    expect(printed!.shown.map((t) => [t.seq, t.cut])).toEqual([[2, true], [1, true]]);
    const svg = await rig.call('GET', `/sim/panel/printed/ticket-printer/2.svg?k=${printed!.shown[0]!.key}`);
    expect(svg.status).toBe(200);
    expect(svg.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(svg.text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg.text).toMatch(/<text[^>]*data-scale="3x3"[^>]*>A002<\/text>/);
    expect(svg.text).toContain('data-qr="https://example.gov.cn/t/A002"');
    expect(svg.text).toContain('data-cut="partial"');
    expect((await rig.call('GET', '/sim/panel/printed/ticket-printer/3.svg')).status).toBe(404);
    expect((await rig.call('GET', '/sim/panel/printed/nobody/1.svg')).status).toBe(404);
  });

  it('shows a presenter\'s ticket in the mouth, then taken; a reset starts the list again under a new key', async () => {
    rig = await panelRig();
    await rig.print('presenter', sampleTicket('B001'));
    const before = (await device(rig, 'presenter')).printed!.shown[0]!;
    expect(before.delivery).toBe('presented');
    const take = named(await device(rig, 'presenter'), 'Take ticket');
    expect((await rig.call('POST', take.path)).status).toBe(200);
    expect((await device(rig, 'presenter')).printed!.shown[0]!.delivery).toBe('taken');
    await rig.call('POST', '/sim/reset', {});
    rig.clock.advance(1000);
    await rig.print('presenter', sampleTicket('B001'));
    const after = (await device(rig, 'presenter')).printed!.shown[0]!;
    expect(after.seq).toBe(before.seq);
    expect(after.key, 'the page must draw it afresh').not.toBe(before.key);
  });

  it(`shows at most ${PANEL_TICKETS_SHOWN} tickets a printer`, async () => {
    rig = await panelRig();
    for (let i = 1; i <= PANEL_TICKETS_SHOWN + 2; i++) await rig.print('ticket-printer', sampleTicket(`A${String(i).padStart(3, '0')}`));
    const { printed } = await device(rig, 'ticket-printer');
    expect(printed!.total).toBe(PANEL_TICKETS_SHOWN + 2);
    expect(printed!.shown.map((t) => t.seq)).toEqual(Array.from({ length: PANEL_TICKETS_SHOWN }, (_, i) => PANEL_TICKETS_SHOWN + 2 - i));
  });

  it('offers only calls the control API takes: faults 200, actions 200 or 409 by state, never 400 or 404', async () => {
    rig = await panelRig();
    await rig.print('presenter', sampleTicket('B001'));
    const { devices } = await state(rig);
    for (const d of devices) {
      for (const c of controls(d)) {
        const bodies =
          c.kind === 'button' ? [c.body]
          : c.fields.some((f) => f.type === 'select')
            ? c.fields.find((f) => f.type === 'select')!.options!.map((o) => Object.fromEntries(c.fields.map((f) => [f.name, f.type === 'select' ? o.value : 'A001'])))
            : [Object.fromEntries(c.fields.map((f) => [f.name, 'A001']))];
        for (const body of bodies) {
          const res = await rig.call(c.method, c.path, body);
          const allowed = c.path.endsWith('/faults') ? [200] : [200, 409];
          expect(allowed, `${d.id}: ${c.label.zh} ${c.label.en} ${c.method} ${c.path} ${JSON.stringify(body)} → ${res.status} ${res.text}`).toContain(res.status);
        }
      }
      await rig.call('DELETE', `/sim/devices/${d.id}/faults`);
    }
  });
});
