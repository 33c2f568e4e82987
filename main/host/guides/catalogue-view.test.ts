import { describe, expect, it } from 'vitest';
import { CatalogueView, mergeChecklist } from './catalogue-view';
import { miniCatalogue } from './test-support/mini-catalogue';

describe('the guide views of a catalogue', () => {
  const view = new CatalogueView(miniCatalogue());

  it('lists each material of a bundle once: the larger count, both forms, shared only when shared for every item, shared last', () => {
    const lines = mergeChecklist(miniCatalogue().items);
    expect(lines.map((l) => l.material.id)).toEqual(['id-card', 'articles', 'business-licence']);
    const idCard = lines[0]!;
    expect(idCard.neededBy).toEqual(['XK00101001', 'GG00102001']);
    expect(idCard.material).toMatchObject({ form: 'originalAndCopy', count: 2, shared: false });
    expect(lines[2]!.material.shared).toBe(true);
  });

  it('opens an item with the policies and bundles that concern it, and says missing for an unknown code', () => {
    const opened = view.open({ kind: 'item', id: 'XK00101001' });
    expect(opened.kind).toBe('item');
    if (opened.kind !== 'item') return;
    expect(opened.view.policies.map((p) => p.id)).toEqual(['small-business-tax']);
    expect(opened.view.bundles.map((b) => b.id)).toEqual(['start-business']);
    expect(view.open({ kind: 'item', id: 'XK99999999' })).toEqual({ kind: 'missing' });
  });

  it('browses by life event (bundles first), department, audience, bundles and policies; counts per tile', () => {
    expect(view.browse({ by: 'lifeEvent', key: 'work' }).entries.map((e) => e.id)).toEqual(['start-business', 'XK00101001', 'GG00102001']);
    expect(view.browse({ by: 'department', key: 'publicSecurity' }).entries.map((e) => e.id)).toEqual(['GG00102001']);
    expect(view.browse({ by: 'audience', key: 'personal' }).entries).toEqual([]);
    expect(view.browse({ by: 'policies' }).entries.map((e) => e.id)).toEqual(['small-business-tax']);
    const overview = view.overview('kiosk-01', 'ready');
    expect(overview.lifeEvents.find((l) => l.key === 'work')?.count).toBe(2);
    expect(overview.departments.find((d) => d.key === 'market')?.count).toBe(1);
  });

  it('opens a policy with its items and bundles, and a bundle with its merged checklist', () => {
    const policy = view.open({ kind: 'policy', id: 'small-business-tax' });
    expect(policy.kind === 'policy' && policy.view.items.map((i) => i.id)).toEqual(['XK00101001']);
    const bundle = view.open({ kind: 'bundle', id: 'start-business' });
    expect(bundle.kind === 'bundle' && bundle.view.checklist.length).toBe(3);
  });
});
