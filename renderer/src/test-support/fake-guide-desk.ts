/**
 * The fake host's guide side (issue 16 §3–§6, §9), for renderer tests: the catalogue of guide-fixtures.ts,
 * a search index that matches key prefixes (or answers `preparing` until `setIndex('ready')`), browse lists
 * and pages built from the catalogue, scriptable checklist prints, routes on the fixture map, and a robot
 * that starts walking on `robot:go` (its progress is the test's to push, `trip()`). Every call is recorded
 * by the FakeKioskApi; a test may replace any channel with `fake.handle`.
 */
import { DEPARTMENTS, LIFE_EVENTS, type GuideBundle, type PolicyDoc, type ServiceItem } from '../../../common/guides';
import type {
  GuideBrowseRequest,
  GuideBrowseResult,
  GuideIndexState,
  GuideOpenResult,
  GuidePrintRequest,
  GuidePrintResult,
  GuideSearchResult,
  GuideSummary,
  GuidesOverview,
} from '../../../common/guides-api';
import { errorInfo } from '../../../common/errors';
import type { KioskEvent, KioskSnapshot } from '../../../common/kiosk-api';
import type { ApiChannelHandlers } from '../../../common/kiosk-api-channels';
import type { RobotTripView } from '../../../common/robot';
import { GUIDE_ITEMS, HALL_MAP, NEWBORN_BUNDLE, NEWBORN_CHECKLIST, NEWBORN_POLICY, routeTo, SEARCH_TABLE, SUGGESTIONS } from './guide-fixtures';

/** What the host's qr-image draws, cut down: one finder pattern. */
export const FAKE_QR = { size: 9, path: 'M1 1h7v7h-7zM2 2v5h5v-5z' };

export type GuideChannel = 'guides:overview' | 'guides:search' | 'guides:browse' | 'guides:open' | 'guides:print-checklist' | 'guides:route' | 'robot:go' | 'robot:cancel';

/** What the desk needs of the fake host. */
export interface FakeGuideHost {
  snapshot: KioskSnapshot;
  push(event: KioskEvent): void;
}

const itemSummary = (item: ServiceItem): GuideSummary => ({ kind: 'item', id: item.code, name: item.name, department: item.department, atMostOneTrip: item.atMostOneTrip, noTrip: item.noTrip });
const bundleSummary = (bundle: GuideBundle): GuideSummary => ({ kind: 'bundle', id: bundle.id, name: bundle.name });
const policySummary = (policy: PolicyDoc): GuideSummary => ({ kind: 'policy', id: policy.id, name: policy.title });

export class FakeGuideDesk {
  items: ServiceItem[] = structuredClone(GUIDE_ITEMS);
  bundles: GuideBundle[] = [structuredClone(NEWBORN_BUNDLE)];
  policies: PolicyDoc[] = [structuredClone(NEWBORN_POLICY)];
  /** Checklist prints asked, in order. */
  readonly printed: GuidePrintRequest[] = [];
  private readonly printQueue: (GuidePrintResult | Promise<GuidePrintResult>)[] = [];

  constructor(private readonly host: FakeGuideHost) {}

  /** The index's state, pushed as `guides:changed` as the host does when its worker finishes. */
  setIndex(state: GuideIndexState): void {
    this.host.push({ type: 'guides:changed', guides: { ...this.host.snapshot.guides, state } });
  }

  /** The answers to the next checklist prints; without one, it prints. */
  scriptPrint(...results: (GuidePrintResult | Promise<GuidePrintResult>)[]): void {
    this.printQueue.push(...results);
  }

  /** Moves the robot's trip on, as the base's feedback would, and pushes `robot:changed`. */
  trip(view: Partial<RobotTripView>): void {
    const current = this.host.snapshot.robot ?? { phase: 'idle', status: { online: true } };
    this.host.push({ type: 'robot:changed', robot: { ...current, ...view } });
  }

  search(query: string, limit = 10): GuideSearchResult {
    const state = this.host.snapshot.guides.state;
    if (state !== 'ready') return { state, query, hits: [], suggestions: [], tookMs: 0 };
    const q = query.trim().toLowerCase();
    const hits = q === '' ? [] : SEARCH_TABLE.filter((e) => e.keys.some((k) => k.startsWith(q))).map((e, i) => ({ ...e.hit, score: 100 - i, highlight: e.highlight }));
    return { state, query, hits: hits.slice(0, limit), suggestions: hits.length === 0 ? structuredClone(SUGGESTIONS) : [], tookMs: 1 };
  }

  overview(): GuidesOverview {
    return {
      state: this.host.snapshot.guides.state,
      catalogueVersion: this.host.snapshot.guides.catalogueVersion,
      lifeEvents: LIFE_EVENTS.map((key) => ({ key, count: this.items.filter((i) => i.lifeEvents.includes(key)).length })),
      departments: DEPARTMENTS.map((key) => ({ key, count: this.items.filter((i) => i.department === key).length })),
      bundles: this.bundles.map(bundleSummary),
      kioskPoint: HALL_MAP.kioskPoint,
    };
  }

  browse(request: GuideBrowseRequest): GuideBrowseResult {
    switch (request.by) {
      case 'lifeEvent':
        return { entries: [...this.items.filter((i) => i.lifeEvents.includes(request.key)).map(itemSummary), ...this.bundles.filter((b) => b.lifeEvents.includes(request.key)).map(bundleSummary)] };
      case 'department':
        return { entries: this.items.filter((i) => i.department === request.key).map(itemSummary) };
      case 'audience':
        return { entries: this.items.filter((i) => i.audience.includes(request.key)).map(itemSummary) };
      case 'bundles':
        return { entries: this.bundles.map(bundleSummary) };
      case 'policies':
        return { entries: this.policies.map(policySummary) };
    }
  }

  open(kind: 'item' | 'bundle' | 'policy', id: string): GuideOpenResult {
    const concerns = (p: PolicyDoc, code: string) => p.items.includes(code) || p.bundles.includes(code);
    if (kind === 'item') {
      const item = this.items.find((i) => i.code === id);
      if (!item) return { kind: 'missing' };
      return { kind, view: { item, policies: this.policies.filter((p) => concerns(p, id)), bundles: this.bundles.filter((b) => b.items.includes(id)).map(bundleSummary), ...(item.onlineUrl && { onlineQr: FAKE_QR }) } };
    }
    if (kind === 'bundle') {
      const bundle = this.bundles.find((b) => b.id === id);
      if (!bundle) return { kind: 'missing' };
      const items = bundle.items.map((code) => this.items.find((i) => i.code === code)).filter((i): i is ServiceItem => i !== undefined);
      return { kind, view: { bundle, items, checklist: structuredClone(NEWBORN_CHECKLIST), policies: this.policies.filter((p) => concerns(p, id)) } };
    }
    const policy = this.policies.find((p) => p.id === id);
    if (!policy) return { kind: 'missing' };
    return {
      kind,
      view: { policy, items: this.items.filter((i) => policy.items.includes(i.code)).map(itemSummary), bundles: this.bundles.filter((b) => policy.bundles.includes(b.id)).map(bundleSummary) },
    };
  }

  handlers(): Pick<ApiChannelHandlers, GuideChannel> {
    return {
      'guides:overview': () => this.overview(),
      'guides:search': ({ query, limit }) => this.search(query, limit),
      'guides:browse': (request) => this.browse(request),
      'guides:open': ({ kind, id }) => structuredClone(this.open(kind, id)),
      'guides:print-checklist': (request) => {
        this.printed.push(request);
        return this.printQueue.shift() ?? { outcome: 'issued' };
      },
      'guides:route': ({ to }) => (HALL_MAP.points.some((p) => p.id === to) ? { ok: true, route: routeTo(to), map: structuredClone(HALL_MAP) } : { ok: false, reason: 'unknownPoint' }),
      'robot:go': ({ to }) => {
        const robot = this.host.snapshot.robot;
        if (!robot) return { phase: 'unavailable', error: errorInfo('noDevice'), status: { online: false } };
        this.host.snapshot.robot = { phase: 'walking', to, progress: 0, remainingM: routeTo(to).lengthM, status: { ...robot.status, docked: false } };
        return structuredClone(this.host.snapshot.robot);
      },
      'robot:cancel': () => {
        const robot = this.host.snapshot.robot;
        if (!robot) return { phase: 'unavailable', error: errorInfo('noDevice'), status: { online: false } };
        this.host.snapshot.robot = { ...robot, phase: 'canceled' };
        return structuredClone(this.host.snapshot.robot);
      },
    };
  }
}
