/**
 * The service-guide catalogue (issue 16 §1; domain.md "Service guides"): service items (事项) with everything a
 * citizen needs to prepare and where to go, "one thing" bundles (一件事) that combine items into one checklist,
 * and policy documents (政策直通车). The catalogue is versioned, validated on load (guides-validate.ts), updated
 * from the platform while running and kept offline. Texts are LocalText: zh-CN always, zh-TW and en where written.
 */
import type { CitizenService } from './availability';
import type { LocalText } from './queue';

/** Guiyang Nanming's seven life stages (domain.md). */
export const LIFE_EVENTS = ['birth', 'school', 'work', 'marriage', 'illness', 'retirement', 'assistance'] as const;
export type LifeEvent = (typeof LIFE_EVENTS)[number];

export const DEPARTMENTS = ['market', 'hrss', 'medicalInsurance', 'housingFund', 'publicSecurity', 'realEstate', 'health', 'civilAffairs', 'tax'] as const;
/** 市场监管, 人社, 医保, 公积金, 公安, 不动产, 卫健, 民政, 税务. */
export type Department = (typeof DEPARTMENTS)[number];

export const AUDIENCES = ['personal', 'business'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** Where an item can be done: 网上办 (onlineUrl), at a kiosk (自助办), at a window (窗口办). */
export const GUIDE_CHANNELS = ['online', 'kiosk', 'window'] as const;
export type GuideChannel = (typeof GUIDE_CHANNELS)[number];

/**
 * Item types of the basic code, GB/T 39554.1 style: 行政许可 XK, 行政给付 JF, 行政确认 QR, 行政征收 ZS,
 * 行政奖励 JL, 行政裁决 CJ, 公共服务 GG, 其他 QT.
 */
export const ITEM_TYPE_CODES = ['XK', 'JF', 'QR', 'ZS', 'JL', 'CJ', 'GG', 'QT'] as const;
/** Basic code: two-letter type, five-digit main item, three-digit sub-item ("GG00107001"). */
export const ITEM_CODE_PATTERN = /^(XK|JF|QR|ZS|JL|CJ|GG|QT)\d{5}\d{3}$/;

export const MATERIAL_FORMS = ['original', 'copy', 'originalAndCopy', 'electronic'] as const;
export type MaterialForm = (typeof MATERIAL_FORMS)[number];

/** One thing to bring. The id is shared across items (`id-card`, `hukou-book`), so a bundle lists it once. */
export interface GuideMaterial {
  id: string;
  name: LocalText;
  form: MaterialForm;
  /** How many (copies, or originals). At least 1. */
  count: number;
  /** 免提交: the department reads it from shared data; the citizen need not bring it. */
  shared: boolean;
  note?: LocalText;
}

export interface GuideStep {
  title: LocalText;
  detail?: LocalText;
}

export interface GuideFee {
  /** 不收费. */
  free: boolean;
  /** What is charged and on what basis, when not free. */
  description?: LocalText;
}

/** Where to go in the hall: `windows` are hall-map point ids (hall-map.ts), all on the map (validated). */
export interface GuidePlace {
  floor: number;
  zone: LocalText;
  windows: string[];
}

export interface ServiceItem {
  code: string;
  name: LocalText;
  /** Short names people use ("社保卡"), zh-CN. */
  shortNames: string[];
  /** Other words for the same thing ("社保" for 社会保险, "退休金"), zh-CN. */
  synonyms: string[];
  department: Department;
  audience: Audience[];
  lifeEvents: LifeEvent[];
  conditions: LocalText[];
  materials: GuideMaterial[];
  steps: GuideStep[];
  /** 法定办结时限, working days; 0 = 即办. */
  legalLimitDays: number;
  /** 承诺办结时限, working days, at most the legal one. */
  committedLimitDays: number;
  fee: GuideFee;
  where: GuidePlace;
  channels: GuideChannel[];
  /** 最多跑一次. */
  atMostOneTrip: boolean;
  /** 一次都不跑: fully online. */
  noTrip: boolean;
  /** https:// online entry, shown as a QR code; required when `channels` has online. */
  onlineUrl?: string;
  /** The queue business whose ticket this item needs (取号). */
  businessId?: string;
  /** The kiosk's own citizen service that does this item (去办理 on this kiosk). */
  kioskService?: CitizenService;
}

/** "One thing" (一件事一次办): items done together; the checklist lists each shared material once. */
export interface GuideBundle {
  id: string;
  name: LocalText;
  shortNames: string[];
  synonyms: string[];
  summary: LocalText;
  audience: Audience[];
  lifeEvents: LifeEvent[];
  /** Item codes, in the order they are done. At least two. */
  items: string[];
  /** Where the bundle is handled in one place (企业开办专区), when it is. */
  where?: GuidePlace;
  businessId?: string;
}

export const POLICY_TAGS = ['retirees', 'newBusiness', 'newborn', 'employment', 'housing', 'disability', 'elderly', 'students', 'medical', 'marriage', 'lowIncome', 'talent'] as const;
export type PolicyTag = (typeof POLICY_TAGS)[number];

/** 政策直通车: a policy document, searchable like items, pushed on the guide pages and bundles it concerns. */
export interface PolicyDoc {
  id: string;
  title: LocalText;
  issuer: LocalText;
  /** YYYY-MM-DD. */
  issuedOn: string;
  summary: LocalText;
  /** The points a citizen needs, each a short paragraph. */
  points: LocalText[];
  tags: PolicyTag[];
  /** Item codes and bundle ids the policy concerns. */
  items: string[];
  bundles: string[];
  url?: string;
  keywords: string[];
}

export interface Catalogue {
  /** Monotonic version string, compared as `YYYY.MM.DD-N` (guides-validate.ts compareCatalogueVersions). */
  version: string;
  /** ISO 8601 with offset. */
  publishedAt: string;
  items: ServiceItem[];
  bundles: GuideBundle[];
  policies: PolicyDoc[];
}

/** One problem in a catalogue, at its exact place: a JSON path (`items[12].materials[0].count`). */
export interface CatalogueProblem {
  path: string;
  message: string;
}

export type CatalogueCheck = { ok: true; catalogue: Catalogue } | { ok: false; problems: CatalogueProblem[] };
