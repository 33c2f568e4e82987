/**
 * What the guide screens ask the host and what it answers (issue 16 §3, §5): search, browse, an item's or a
 * bundle's guide page, and the printed checklist. The catalogue and its search index live in the host; the
 * index is built in a worker after `kiosk ready`, and until then every search answers `preparing` (正在准备).
 */
import type { KioskErrorInfo } from './errors';
import type { Audience, Department, GuideBundle, GuideMaterial, LifeEvent, PolicyDoc, ServiceItem } from './guides';
import type { Language } from './kiosk-api';
import type { LocalText } from './queue';

export const GUIDE_HIT_KINDS = ['item', 'bundle', 'policy'] as const;
export type GuideHitKind = (typeof GUIDE_HIT_KINDS)[number];

/** Longest query accepted (a kiosk keyboard types far less). */
export const MAX_GUIDE_QUERY_LENGTH = 64;
export const MAX_GUIDE_HITS = 50;

export interface GuideSearchRequest {
  query: string;
  /** Default 10, at most MAX_GUIDE_HITS. */
  limit?: number;
  /** Default all three. */
  kinds?: GuideHitKind[];
}

/** A [start, end) range of UTF-16 code units in the zh-CN name, the part the query matched (highlighted). */
export type MatchRange = [number, number];

export interface GuideHit {
  kind: GuideHitKind;
  /** Item code, bundle id or policy id. */
  id: string;
  name: LocalText;
  /** Higher is better; comparable within one answer only. */
  score: number;
  /** Ranges in `name['zh-CN']` to highlight; empty when the match was in a synonym or the text. */
  highlight: MatchRange[];
  /** The synonym or short name that matched, when it was not the name ("社保卡"). */
  matchedAlias?: string;
  department?: Department;
}

export type GuideIndexState = 'preparing' | 'ready' | 'failed';

export interface GuideSearchResult {
  state: GuideIndexState;
  query: string;
  hits: GuideHit[];
  /** For an empty, absurd or unmatched query: what people often look for, to tap instead. */
  suggestions: GuideHit[];
  /** How long the index took to answer, ms (for the benchmark and diagnostics). */
  tookMs: number;
}

/** A short entry of a browse list. */
export interface GuideSummary {
  kind: GuideHitKind;
  id: string;
  name: LocalText;
  department?: Department;
  atMostOneTrip?: boolean;
  noTrip?: boolean;
}

export type GuideBrowseRequest =
  | { by: 'lifeEvent'; key: LifeEvent }
  | { by: 'department'; key: Department }
  | { by: 'audience'; key: Audience }
  | { by: 'bundles' }
  | { by: 'policies' };

export interface GuideBrowseResult {
  entries: GuideSummary[];
}

export interface GuidesOverview {
  state: GuideIndexState;
  catalogueVersion: string;
  /** Items per life event and per department, for the browse tiles. */
  lifeEvents: Array<{ key: LifeEvent; count: number }>;
  departments: Array<{ key: Department; count: number }>;
  bundles: GuideSummary[];
  /** Where this kiosk stands on the hall map (the route's start). */
  kioskPoint: string;
}

/** A QR code drawn by the host (the renderer has no encoder): an SVG path of 1×1 modules in a size×size box. */
export interface QrSvg {
  size: number;
  path: string;
}

export interface GuideItemView {
  item: ServiceItem;
  /** The online entry (item.onlineUrl) as a QR code, to scan with a phone. */
  onlineQr?: QrSvg;
  /** Policies that concern the item (政策直通车 on its page). */
  policies: PolicyDoc[];
  /** Bundles the item is part of. */
  bundles: GuideSummary[];
}

/** A bundle's checklist line: one material, once, with the items that need it. */
export interface ChecklistLine {
  material: GuideMaterial;
  /** Item codes that ask for it. */
  neededBy: string[];
}

export interface GuideBundleView {
  bundle: GuideBundle;
  items: ServiceItem[];
  /** Every material of every item, each once (by material id), shared ones (免提交) last. */
  checklist: ChecklistLine[];
  policies: PolicyDoc[];
}

export interface GuidePolicyView {
  policy: PolicyDoc;
  items: GuideSummary[];
  bundles: GuideSummary[];
}

export type GuideOpenRequest = { kind: GuideHitKind; id: string };

/** `language`: the checklist is printed in the citizen's language (default zh-CN). */
export type GuidePrintRequest = { kind: 'item' | 'bundle'; id: string; requestId: string; language?: Language };

/** The printed checklist (打印清单): done means the printer confirmed it (§8.3). */
export type GuidePrintResult = { outcome: 'issued' } | { outcome: 'voided' | 'uncertain'; error: KioskErrorInfo };

export type GuideOpenResult =
  | { kind: 'item'; view: GuideItemView }
  | { kind: 'bundle'; view: GuideBundleView }
  | { kind: 'policy'; view: GuidePolicyView }
  /** Not in the catalogue (any more: an update removed it). */
  | { kind: 'missing' };

/** Pushed as `guides:changed` and in the snapshot: the index's state and the catalogue in force. */
export interface GuidesStatusView {
  state: GuideIndexState;
  catalogueVersion: string;
}

/** A citizen asked for a person (求助): the alert reached staff, or nobody is on duty to take it. */
export interface HelpCallResult {
  raised: boolean;
}
