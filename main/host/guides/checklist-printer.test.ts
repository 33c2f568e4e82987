/**
 * 打印清单 through the real ESC/POS driver and the simulated printer on a memory pair: what the paper shows,
 * printed once per request, and a printer with no paper refusing before anything moved.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SILENT_LOGGER } from '../../../common/logger';
import { SimEscPosPrinter } from '../../../devices-sim/escpos/sim-escpos-printer';
import { EscPosPrinter } from '../../../drivers/devices/escpos/escpos-printer';
import { createMemoryPair } from '../../../drivers/transport/memory-pair';
import { AdjustableClock } from '../clock/adjustable-clock';
import { CatalogueView, mergeChecklist } from './catalogue-view';
import { checklistDocument } from './checklist-document';
import { ChecklistPrinter } from './checklist-printer';
import { miniCatalogue } from './test-support/mini-catalogue';

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

async function rig() {
  const clock = new AdjustableClock();
  const pair = createMemoryPair('p');
  const sim = new SimEscPosPrinter({ id: 'p', model: 'generic-escpos-80', transport: pair.device, clock, lineTimeMs: 0 });
  await sim.start();
  const printer = new EscPosPrinter({ id: 'p', roles: ['receiptPrinter'], model: 'generic-escpos-80', transport: pair.host, clock, pollIntervalMs: 50, statusTimeoutMs: 150, jobPollMs: 20 });
  await printer.open();
  await printer.enable();
  stops.push(async () => {
    await printer.close().catch(() => undefined);
    await sim.stop();
  });
  return { sim, printer, clock, checklists: new ChecklistPrinter({ printer: () => printer, log: SILENT_LOGGER }) };
}

const view = new CatalogueView(miniCatalogue());
const bundle = view.bundleView('start-business')!;
const doc = (language: 'zh-CN' | 'en') => (jobId: string) =>
  checklistDocument({ jobId, hallName: { 'zh-CN': '贵阳市政务服务中心', en: 'Guiyang Service Center' }, name: bundle.bundle.name, lines: bundle.checklist, items: bundle.items, language, nowMs: Date.UTC(2026, 11, 2, 2, 0), timeZone: 'Asia/Shanghai', catalogueVersion: '2026.12.01-1' });

describe('the printed checklist', () => {
  it('prints a bundle’s materials once each, the shared ones apart, where to go, in the citizen’s language', async () => {
    const { sim, checklists } = await rig();
    expect(await checklists.print('r-1', doc('zh-CN'))).toEqual({ outcome: 'issued' });
    const paper = sim.printed().at(-1)!;
    const text = paper.lines.join('\n');
    expect(paper.cut).toBe(true);
    expect(text).toContain('办事材料清单');
    expect(text).toContain('开办企业');
    expect(paper.lines.filter((l) => l.includes('居民身份证'))).toHaveLength(1);
    expect(text).toContain('原件和复印件 2 份');
    expect(text.indexOf('无需提交')).toBeLessThan(text.indexOf('营业执照'));
    expect(text).toContain('E7');
    expect(text).toContain('2026-12-02 10:00');

    expect(await checklists.print('r-2', doc('en'))).toEqual({ outcome: 'issued' });
    expect(sim.printed().at(-1)!.lines.join('\n')).toContain('Checklist of documents');
  });

  it('prints an item’s online entry as a QR code', async () => {
    const { sim, checklists } = await rig();
    const item = view.item('XK00101001')!;
    const one = (jobId: string) => checklistDocument({ jobId, hallName: { 'zh-CN': '大厅' }, name: item.name, lines: mergeChecklist([item]), items: [item], language: 'zh-CN', nowMs: 0, timeZone: 'Asia/Shanghai', catalogueVersion: 'v' });
    expect(await checklists.print('r-3', one)).toEqual({ outcome: 'issued' });
    expect(sim.printed().at(-1)!.qr).toEqual([item.onlineUrl]);
  });

  it('prints once per request: the same requestId again gets the first outcome and no second paper', async () => {
    const { sim, checklists } = await rig();
    const [a, b] = await Promise.all([checklists.print('same', doc('zh-CN')), checklists.print('same', doc('zh-CN'))]);
    expect(a).toEqual({ outcome: 'issued' });
    expect(b).toEqual(a);
    expect(await checklists.print('same', doc('zh-CN'))).toEqual(a);
    expect(sim.printed()).toHaveLength(1);
  });

  it('says paperOut, voided, when the printer has no paper, and noDevice without a printer', async () => {
    const { sim, checklists } = await rig();
    sim.setFaults({ paper: 'out' });
    const result = await checklists.print('r-4', doc('zh-CN'));
    expect(result).toMatchObject({ outcome: 'voided', error: { code: 'paperOut' } });
    expect(sim.printed()).toHaveLength(0);
    const none = new ChecklistPrinter({ printer: () => undefined, log: SILENT_LOGGER });
    expect(await none.print('r-5', doc('zh-CN'))).toMatchObject({ outcome: 'voided', error: { code: 'noDevice' } });
  });
});
