/**
 * The guide screens' views of one catalogue (issue 16 §1, §5), pure: browse lists, an item's page with the
 * policies and bundles that concern it, a bundle's page with one merged checklist (each material once, by its
 * id), a policy's page. Built once per catalogue version; every look-up is by id.
 */
import { DEPARTMENTS, LIFE_EVENTS, type Catalogue, type GuideBundle, type GuideMaterial, type PolicyDoc, type ServiceItem } from '../../../common/guides';
import type { ChecklistLine, GuideBrowseRequest, GuideBrowseResult, GuideBundleView, GuideOpenRequest, GuideOpenResult, GuideSummary, GuidesOverview } from '../../../common/guides-api';

const itemSummary = (item: ServiceItem): GuideSummary => ({
  kind: 'item',
  id: item.code,
  name: item.name,
  department: item.department,
  atMostOneTrip: item.atMostOneTrip,
  noTrip: item.noTrip,
});
const bundleSummary = (bundle: GuideBundle): GuideSummary => ({ kind: 'bundle', id: bundle.id, name: bundle.name });
const policySummary = (policy: PolicyDoc): GuideSummary => ({ kind: 'policy', id: policy.id, name: policy.title });

/** The stronger of two forms: an original and a copy asked by two items means both. */
function mergeForm(a: GuideMaterial['form'], b: GuideMaterial['form']): GuideMaterial['form'] {
  if (a === b) return a;
  if (a === 'electronic') return b;
  if (b === 'electronic') return a;
  return 'originalAndCopy';
}

/**
 * One line per material id, in the order the items first ask for it; the largest count asked; 免提交 only
 * when every item that asks for it reads it from shared data; the ones to bring first, the shared ones last.
 */
export function mergeChecklist(items: readonly ServiceItem[]): ChecklistLine[] {
  const lines = new Map<string, ChecklistLine>();
  for (const item of items) {
    for (const material of item.materials) {
      const line = lines.get(material.id);
      if (!line) {
        lines.set(material.id, { material: { ...material }, neededBy: [item.code] });
        continue;
      }
      line.neededBy.push(item.code);
      line.material = {
        ...line.material,
        form: mergeForm(line.material.form, material.form),
        count: Math.max(line.material.count, material.count),
        shared: line.material.shared && material.shared,
      };
    }
  }
  const all = [...lines.values()];
  return [...all.filter((l) => !l.material.shared), ...all.filter((l) => l.material.shared)];
}

export class CatalogueView {
  private readonly items = new Map<string, ServiceItem>();
  private readonly bundles = new Map<string, GuideBundle>();
  private readonly policies = new Map<string, PolicyDoc>();

  constructor(readonly catalogue: Catalogue) {
    for (const item of catalogue.items) this.items.set(item.code, item);
    for (const bundle of catalogue.bundles) this.bundles.set(bundle.id, bundle);
    for (const policy of catalogue.policies) this.policies.set(policy.id, policy);
  }

  get version(): string {
    return this.catalogue.version;
  }

  item(code: string): ServiceItem | undefined {
    return this.items.get(code);
  }

  bundle(id: string): GuideBundle | undefined {
    return this.bundles.get(id);
  }

  overview(kioskPoint: string, state: GuidesOverview['state']): GuidesOverview {
    const items = this.catalogue.items;
    return {
      state,
      catalogueVersion: this.catalogue.version,
      lifeEvents: LIFE_EVENTS.map((key) => ({ key, count: items.filter((i) => i.lifeEvents.includes(key)).length })),
      departments: DEPARTMENTS.map((key) => ({ key, count: items.filter((i) => i.department === key).length })),
      bundles: this.catalogue.bundles.map(bundleSummary),
      kioskPoint,
    };
  }

  browse(request: GuideBrowseRequest): GuideBrowseResult {
    const items = this.catalogue.items;
    switch (request.by) {
      case 'lifeEvent': {
        const bundles = this.catalogue.bundles.filter((b) => b.lifeEvents.includes(request.key)).map(bundleSummary);
        return { entries: [...bundles, ...items.filter((i) => i.lifeEvents.includes(request.key)).map(itemSummary)] };
      }
      case 'department':
        return { entries: items.filter((i) => i.department === request.key).map(itemSummary) };
      case 'audience': {
        const bundles = this.catalogue.bundles.filter((b) => b.audience.includes(request.key)).map(bundleSummary);
        return { entries: [...bundles, ...items.filter((i) => i.audience.includes(request.key)).map(itemSummary)] };
      }
      case 'bundles':
        return { entries: this.catalogue.bundles.map(bundleSummary) };
      case 'policies':
        return { entries: this.catalogue.policies.map(policySummary) };
    }
  }

  open(request: GuideOpenRequest): GuideOpenResult {
    switch (request.kind) {
      case 'item': {
        const item = this.items.get(request.id);
        if (!item) return { kind: 'missing' };
        const policies = this.catalogue.policies.filter((p) => p.items.includes(item.code));
        const bundles = this.catalogue.bundles.filter((b) => b.items.includes(item.code)).map(bundleSummary);
        return { kind: 'item', view: { item, policies, bundles } };
      }
      case 'bundle': {
        const view = this.bundleView(request.id);
        return view ? { kind: 'bundle', view } : { kind: 'missing' };
      }
      case 'policy': {
        const policy = this.policies.get(request.id);
        if (!policy) return { kind: 'missing' };
        const items = policy.items.flatMap((code) => {
          const item = this.items.get(code);
          return item ? [itemSummary(item)] : [];
        });
        const bundles = policy.bundles.flatMap((id) => {
          const bundle = this.bundles.get(id);
          return bundle ? [bundleSummary(bundle)] : [];
        });
        return { kind: 'policy', view: { policy, items, bundles } };
      }
    }
  }

  bundleView(id: string): GuideBundleView | undefined {
    const bundle = this.bundles.get(id);
    if (!bundle) return undefined;
    const items = bundle.items.flatMap((code) => {
      const item = this.items.get(code);
      return item ? [item] : [];
    });
    const codes = new Set(bundle.items);
    const policies = this.catalogue.policies.filter((p) => p.bundles.includes(bundle.id) || p.items.some((c) => codes.has(c)));
    return { bundle, items, checklist: mergeChecklist(items), policies };
  }
}
