/**
 * Catalogue updates from the simulated platform (issue 16 §1): a newer valid catalogue comes into force and is
 * kept offline (a restart starts with it); a broken one is refused with the exact place of each problem and
 * the previous one stays; an older one is not taken; an unreachable platform leaves the kiosk as it is.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SILENT_LOGGER } from '../../../common/logger';
import { ManualClock } from '../../../common/manual-clock';
import { startPlatformSim, type PlatformSim } from '../../../devices-sim/platform/platform-sim';
import { PlatformClient } from '../platform/platform-client';
import { CatalogueStore } from './catalogue-store';
import { CatalogueUpdater } from './catalogue-updater';
import { miniCatalogue } from './test-support/mini-catalogue';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
});

async function rig() {
  const dir = mkdtempSync(join(tmpdir(), 'guides-'));
  const file = join(dir, 'catalogue.json');
  writeFileSync(file, JSON.stringify(miniCatalogue('2026.12.01-1')));
  const clock = new ManualClock(Date.UTC(2026, 11, 2, 2, 0));
  const sim = await startPlatformSim({ clock, latencyMs: 0, seedAppointments: false });
  const platform = new PlatformClient({ baseUrl: sim.url, kioskId: 'kiosk-01', clock });
  const dataDir = join(dir, 'data');
  const open = () => new CatalogueStore({ file, dataDir, log: SILENT_LOGGER });
  const store = open();
  const updater = new CatalogueUpdater({ clock, log: SILENT_LOGGER, store, platform: () => platform, intervalMs: 600_000 });
  cleanup.push(() => sim.stop(), () => rmSync(dir, { recursive: true, force: true }));
  return { sim: sim as PlatformSim, store, updater, open, file };
}

describe('catalogue updates from the platform', () => {
  it('takes a newer valid catalogue, announces it and keeps it offline for the next start', async () => {
    const { sim, store, updater, open } = await rig();
    expect(await updater.checkNow()).toEqual({ kind: 'current' });
    const changed: string[] = [];
    store.onChanged((c) => changed.push(c.version));
    const next = miniCatalogue('2026.12.02-1');
    next.items[0]!.name = { 'zh-CN': '企业设立登记（新版）' };
    sim.publishCatalogue(next);
    expect(await updater.checkNow()).toEqual({ kind: 'offered', accepted: true, version: '2026.12.02-1' });
    expect(store.current.items[0]!.name['zh-CN']).toBe('企业设立登记（新版）');
    expect(changed).toEqual(['2026.12.02-1']);
    const restarted = open();
    expect([restarted.current.version, restarted.source]).toEqual(['2026.12.02-1', 'offline']);
  });

  it('refuses a broken catalogue at the exact place of each problem and keeps the one in force', async () => {
    const { sim, store, updater } = await rig();
    const broken = miniCatalogue('2026.12.03-1') as unknown as { items: Array<Record<string, unknown>>; bundles: Array<{ items: string[] }> };
    delete broken.items[1]!.department;
    broken.items[1]!.code = broken.items[0]!.code;
    broken.bundles[0]!.items.push('QT99999999');
    sim.publishCatalogue(broken);
    const check = await updater.checkNow();
    expect(check).toMatchObject({ kind: 'offered', accepted: false, reason: 'invalid' });
    const paths = check.kind === 'offered' && !check.accepted && check.reason === 'invalid' ? check.problems.map((p) => p.path) : [];
    expect(paths).toEqual(expect.arrayContaining(['items[1].department', 'items[1].code', 'bundles[0].items[2]']));
    expect(store.current.version).toBe('2026.12.01-1');
  });

  it('does not take an older catalogue; an unreachable platform changes nothing', async () => {
    const { sim, store, updater } = await rig();
    sim.publishCatalogue(miniCatalogue('2026.11.30-9'));
    expect(await updater.checkNow()).toEqual({ kind: 'offered', accepted: false, reason: 'notNewer', version: '2026.11.30-9' });
    sim.setFaults({ serverError: 503 });
    expect(await updater.checkNow()).toEqual({ kind: 'unreachable', code: 'platformUnavailable' });
    expect(store.current.version).toBe('2026.12.01-1');
  });

  it('starts from the offline copy when the file is broken, and refuses to start with no valid catalogue at all', async () => {
    const { sim, updater, file, open } = await rig();
    sim.publishCatalogue(miniCatalogue('2026.12.02-1'));
    await updater.checkNow();
    writeFileSync(file, '{ "version": ');
    expect([open().current.version, open().source]).toEqual(['2026.12.02-1', 'offline']);
    const { file: other, open: openOther } = await rig();
    writeFileSync(other, '{ "version": ');
    expect(() => openOther()).toThrow(/no valid service-guide catalogue/);
  });
});

describe('a catalogue checked against this hall', () => {
  it('refuses windows that are not on the hall map and businesses the queue does not have, at their place', async () => {
    const { catalogueHallProblems } = await import('./catalogue-hall-checks');
    const { DEFAULT_HALL_MAP } = await import('../config/default-hall-map');
    const catalogue = miniCatalogue();
    expect(catalogueHallProblems(catalogue, DEFAULT_HALL_MAP, ['business-startup'])).toEqual([]);
    catalogue.items[1]!.where.windows = ['E7', 'Z9'];
    catalogue.items[0]!.businessId = 'nowhere';
    const problems = catalogueHallProblems(catalogue, DEFAULT_HALL_MAP, ['business-startup']);
    expect(problems.map((p) => p.path)).toEqual(['items[1].where.windows[1]', 'items[0].businessId']);
  });
});
