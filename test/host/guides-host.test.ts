/**
 * The service guides on the composed host (issue 16): the index built in its worker after start (searches say
 * preparing until then), search and pages, the checklist printed once per request on the simulated printer,
 * the route from this kiosk with the lift, 长辈模式 as a host session setting, 呼叫帮助 reaching staff, and the
 * robot base walking to a window in simulated time.
 */
import { isPrintedTicket } from '../../devices-sim/sim-device';
import { describe, expect, it } from 'vitest';
import type { GuideSearchResult } from '../../common/guides-api';
import { startHost } from './kiosk-rig';

type Host = Awaited<ReturnType<typeof startHost>>;

async function ready(host: Host): Promise<void> {
  const index = host.kiosk.guides.index;
  if (index.state === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const off = index.onStateChanged((state) => {
      if (state === 'preparing') return;
      off();
      state === 'ready' ? resolve() : reject(new Error(`index ${state}`));
    });
  });
}

const names = (r: GuideSearchResult) => r.hits.map((h) => h.name['zh-CN']);

describe('service guides on the composed host', () => {
  it('answers preparing at first, then finds 开办企业 by kbqy and 社保卡 by sbk, with the matched part marked', async () => {
    const host = await startHost();
    const first = await host.call('guides:search', { query: 'sbk' });
    expect(['preparing', 'ready']).toContain(first.state);
    await ready(host);
    expect((await host.call('kiosk:get-snapshot', {})).guides.state).toBe('ready');
    const kbqy = await host.call('guides:search', { query: 'kbqy' });
    expect(kbqy.hits[0]).toMatchObject({ kind: 'bundle', id: 'start-business' });
    expect(kbqy.hits[0]!.highlight.length).toBeGreaterThan(0);
    const sbk = await host.call('guides:search', { query: 'sbk' });
    expect(names(sbk).slice(0, 3).some((n) => n.includes('社保卡') || n.includes('社会保障卡'))).toBe(true);
    const nothing = await host.call('guides:search', { query: 'zzzzqqq' });
    expect(nothing.hits).toEqual([]);
    expect(nothing.suggestions.length).toBeGreaterThan(0);
  }, 60_000);

  it('opens the 开办企业 bundle with one merged checklist and prints it once per request', async () => {
    const host = await startHost();
    const opened = await host.call('guides:open', { kind: 'bundle', id: 'start-business' });
    expect(opened.kind).toBe('bundle');
    if (opened.kind !== 'bundle') return;
    const ids = opened.view.checklist.map((l) => l.material.id);
    expect(new Set(ids).size).toBe(ids.length);
    const before = host.sim.printed().filter(isPrintedTicket).length;
    const request = { kind: 'bundle' as const, id: 'start-business', requestId: 'print-1' };
    expect(await host.call('guides:print-checklist', request)).toEqual({ outcome: 'issued' });
    expect(await host.call('guides:print-checklist', request)).toEqual({ outcome: 'issued' });
    const printed = host.sim.printed().filter(isPrintedTicket).slice(before);
    expect(printed).toHaveLength(1);
    const text = printed[0]!.lines.join('\n');
    expect(text).toContain('办事材料清单');
    expect(text).toContain(opened.view.bundle.name['zh-CN']);
    expect(text).toContain(opened.view.checklist[0]!.material.name['zh-CN']);
  }, 60_000);

  it('routes from this kiosk to a third-floor window by the lift, and refuses an unknown point', async () => {
    const host = await startHost();
    const route = await host.call('guides:route', { to: 'C15' });
    expect(route.ok).toBe(true);
    if (!route.ok) return;
    expect(route.route.from).toBe('kiosk-01');
    expect(route.route.legs.some((l) => l.kind === 'lift')).toBe(true);
    expect(route.route.legs.some((l) => l.kind === 'stairs')).toBe(false);
    expect(await host.call('guides:route', { to: 'Z99' })).toEqual({ ok: false, reason: 'unknownPoint' });
  });

  it('长辈模式 is the host’s session setting: the idle timer gives longer; 呼叫帮助 raises one staff alert', async () => {
    const host = await startHost();
    const session = await host.call('session:elder', { on: true });
    expect(session).toMatchObject({ elder: true, idleTimeoutMs: 180_000 });
    expect(await host.call('help:call', {})).toEqual({ raised: true });
    expect(await host.call('help:call', {})).toEqual({ raised: true });
    expect(host.kiosk.alerts.recentEvents().filter((a) => a.code === 'helpRequested')).toHaveLength(1);
    expect((await host.call('session:end', { reason: 'citizen' })).elder).toBe(false);
  });

  it('带我去: the simulated robot base walks to window A3 in simulated time and reports arrival', async () => {
    const host = await startHost(undefined, 2, (config) => {
      config.devices['robot-base'].options = { ...config.devices['robot-base'].options, simSpeedMps: 2 };
    });
    const go = await host.call('robot:go', { to: 'A3', requestId: 'trip-1' });
    expect(go.phase).toBe('walking');
    const phases = new Set<string>([go.phase]);
    for (let i = 0; i < 240 && !phases.has('arrived'); i++) {
      host.clock.advance(500);
      await new Promise((r) => setImmediate(r));
      phases.add((await host.call('kiosk:get-snapshot', {})).robot?.phase ?? 'none');
    }
    expect(phases.has('arrived')).toBe(true);
  }, 60_000);
});

describe('the guide page’s QR code', () => {
  it('comes from the host, as an SVG path of qr-image’s modules, with an item that has an online entry', async () => {
    const host = await startHost();
    const online = host.kiosk.guides.store.current.items.find((i) => i.onlineUrl !== undefined)!;
    const opened = await host.call('guides:open', { kind: 'item', id: online.code });
    expect(opened.kind === 'item' && opened.view.onlineQr?.size).toBeGreaterThan(20);
    expect(opened.kind === 'item' && opened.view.onlineQr?.path).toMatch(/^M\d/);
  });
});
