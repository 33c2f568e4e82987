/**
 * A small guide catalogue, hall map and search table for renderer tests (issue 16): three items for a
 * newborn, the social security card, the ID card, one online-only item, the 新生儿出生一件事 bundle with its
 * merged checklist, one policy. Some texts are in 简体中文 only, to show the fallback note.
 */
import type { GuideBundle, PolicyDoc, ServiceItem } from '../../../common/guides';
import type { ChecklistLine, GuideHit, MatchRange } from '../../../common/guides-api';
import type { HallMap, HallRoute } from '../../../common/hall-map';
import { OPEN_BUSINESS } from './fixtures';

const ID_CARD = { id: 'id-card', name: { 'zh-CN': '居民身份证', 'zh-TW': '居民身份證', en: 'Resident ID card' }, form: 'original', count: 1, shared: false } as const;
const HUKOU = { id: 'hukou-book', name: { 'zh-CN': '户口簿', 'zh-TW': '戶口簿', en: 'Household register' }, form: 'original', count: 1, shared: false } as const;
const PHOTO = { id: 'photo', name: { 'zh-CN': '一寸白底证件照', en: 'One-inch photo, white background' }, form: 'original', count: 2, shared: false } as const;
const BIRTH_CERT = { id: 'birth-cert', name: { 'zh-CN': '出生医学证明', 'zh-TW': '出生醫學證明', en: 'Medical birth certificate' }, form: 'originalAndCopy', count: 1, shared: false } as const;

const PLACE_A = { floor: 1, zone: { 'zh-CN': '一楼 A 区', 'zh-TW': '一樓 A 區', en: 'Floor 1, Zone A' }, windows: ['A3'] };

const base = {
  shortNames: [],
  synonyms: [],
  audience: ['personal'],
  conditions: [],
  steps: [],
  legalLimitDays: 0,
  committedLimitDays: 0,
  fee: { free: true },
  where: PLACE_A,
  channels: ['window'],
  atMostOneTrip: true,
  noTrip: false,
} satisfies Partial<ServiceItem>;

export const SBK_ITEM: ServiceItem = {
  ...base,
  code: 'GG00107001',
  name: { 'zh-CN': '社会保障卡申领', 'zh-TW': '社會保障卡申領', en: 'Apply for a social security card' },
  shortNames: ['社保卡'],
  synonyms: ['社保'],
  department: 'hrss',
  lifeEvents: ['birth', 'work'],
  conditions: [{ 'zh-CN': '已参加本市社会保险', 'zh-TW': '已參加本市社會保險', en: 'Insured in this city' }],
  materials: [ID_CARD, PHOTO, { ...HUKOU, shared: true }],
  steps: [
    { title: { 'zh-CN': '取号', 'zh-TW': '取號', en: 'Take a ticket' } },
    { title: { 'zh-CN': '窗口提交材料', 'zh-TW': '窗口提交材料', en: 'Hand in the materials at the counter' } },
    { title: { 'zh-CN': '领取社保卡', 'zh-TW': '領取社保卡', en: 'Collect the card' }, detail: { 'zh-CN': '现场制卡约 10 分钟', 'zh-TW': '現場製卡約 10 分鐘', en: 'Made on the spot in about 10 minutes' } },
  ],
  legalLimitDays: 20,
  committedLimitDays: 0,
  channels: ['window', 'online'],
  onlineUrl: 'https://zwfw.example.gov.cn/sbk',
  businessId: OPEN_BUSINESS.id,
};

export const BIRTH_CERT_ITEM: ServiceItem = {
  ...base,
  code: 'GG00201001',
  name: { 'zh-CN': '出生医学证明首次签发' },
  department: 'health',
  lifeEvents: ['birth'],
  materials: [ID_CARD],
  legalLimitDays: 5,
  committedLimitDays: 3,
  fee: { free: false, description: { 'zh-CN': '工本费 10 元' } },
  where: { floor: 1, zone: { 'zh-CN': '一楼 B 区' }, windows: ['B1'] },
};

export const HUKOU_ITEM: ServiceItem = {
  ...base,
  code: 'QR00102001',
  name: { 'zh-CN': '新生儿入户登记', 'zh-TW': '新生兒入戶登記', en: 'Register a newborn in the household' },
  department: 'publicSecurity',
  lifeEvents: ['birth'],
  materials: [BIRTH_CERT, HUKOU, ID_CARD],
  kioskService: 'identityTicket',
};

export const PENSION_ITEM: ServiceItem = {
  ...base,
  code: 'GG00109001',
  name: { 'zh-CN': '养老金领取资格认证', 'zh-TW': '養老金領取資格認證', en: 'Pension eligibility check' },
  department: 'hrss',
  lifeEvents: ['retirement'],
  materials: [],
  channels: ['online'],
  atMostOneTrip: false,
  noTrip: true,
  onlineUrl: 'https://zwfw.example.gov.cn/pension',
};

export const GUIDE_ITEMS: ServiceItem[] = [SBK_ITEM, BIRTH_CERT_ITEM, HUKOU_ITEM, PENSION_ITEM];

export const NEWBORN_BUNDLE: GuideBundle = {
  id: 'newborn',
  name: { 'zh-CN': '新生儿出生一件事', 'zh-TW': '新生兒出生一件事', en: 'A child is born: one-stop' },
  shortNames: [],
  synonyms: [],
  summary: { 'zh-CN': '出生医学证明、入户、社保卡一次办好', 'zh-TW': '出生醫學證明、入戶、社保卡一次辦好', en: 'Birth certificate, household registration and social security card in one go' },
  audience: ['personal'],
  lifeEvents: ['birth'],
  items: [BIRTH_CERT_ITEM.code, HUKOU_ITEM.code, SBK_ITEM.code],
  where: { floor: 1, zone: { 'zh-CN': '一楼 B 区' }, windows: ['B1'] },
};

/** As the host merges it: each material once, the items needing it, 免提交 last. */
export const NEWBORN_CHECKLIST: ChecklistLine[] = [
  { material: ID_CARD, neededBy: [BIRTH_CERT_ITEM.code, HUKOU_ITEM.code, SBK_ITEM.code] },
  { material: BIRTH_CERT, neededBy: [HUKOU_ITEM.code] },
  { material: HUKOU, neededBy: [HUKOU_ITEM.code] },
  { material: PHOTO, neededBy: [SBK_ITEM.code] },
];

export const NEWBORN_POLICY: PolicyDoc = {
  id: 'newborn-subsidy',
  title: { 'zh-CN': '生育津贴申领政策' },
  issuer: { 'zh-CN': '市医疗保障局' },
  issuedOn: '2024-06-01',
  summary: { 'zh-CN': '参保职工生育可领取生育津贴' },
  points: [{ 'zh-CN': '按月缴费满一年' }, { 'zh-CN': '生育后一年内申领' }],
  tags: ['newborn'],
  items: [BIRTH_CERT_ITEM.code],
  bundles: ['newborn'],
  keywords: ['生育津贴'],
};

export const HALL_MAP: HallMap = {
  floors: [{ level: 1, name: { 'zh-CN': '一楼', 'zh-TW': '一樓', en: 'Floor 1' }, widthM: 40, depthM: 20 }],
  points: [
    { id: 'kiosk-01', kind: 'kiosk', name: { 'zh-CN': '1 号自助机', en: 'Kiosk 1' }, floor: 1, xM: 2, yM: 2 },
    { id: 'hall-c', kind: 'corridor', name: { 'zh-CN': '大厅走廊', en: 'Corridor' }, floor: 1, xM: 20, yM: 2 },
    { id: 'A3', kind: 'window', name: { 'zh-CN': 'A3 窗口', 'zh-TW': 'A3 窗口', en: 'Counter A3' }, floor: 1, xM: 20, yM: 10 },
    { id: 'B1', kind: 'window', name: { 'zh-CN': 'B1 窗口', 'zh-TW': 'B1 窗口', en: 'Counter B1' }, floor: 1, xM: 30, yM: 10 },
  ],
  links: [
    ['kiosk-01', 'hall-c'],
    ['hall-c', 'A3'],
    ['hall-c', 'B1'],
  ],
  kioskPoint: 'kiosk-01',
};

export function routeTo(to: string): HallRoute {
  return { from: 'kiosk-01', to, legs: [{ kind: 'walk', floor: 1, points: ['kiosk-01', 'hall-c', to], lengthM: 26 }], lengthM: 26, etaS: 26 };
}

/** What the fake index finds: a query matches an entry when one of its keys starts with it. */
export interface FakeIndexEntry {
  hit: Omit<GuideHit, 'score' | 'highlight'>;
  keys: string[];
  highlight: MatchRange[];
}

export const SEARCH_TABLE: FakeIndexEntry[] = [
  { hit: { kind: 'item', id: SBK_ITEM.code, name: SBK_ITEM.name, department: 'hrss', matchedAlias: '社保卡' }, keys: ['shebaoka', 'sbk'], highlight: [[0, 1], [2, 3], [4, 5]] },
  { hit: { kind: 'item', id: HUKOU_ITEM.code, name: HUKOU_ITEM.name, department: 'publicSecurity' }, keys: ['xinshenger', 'xse', 'ruhu', 'rh'], highlight: [[0, 3]] },
  { hit: { kind: 'bundle', id: NEWBORN_BUNDLE.id, name: NEWBORN_BUNDLE.name }, keys: ['xinshenger', 'xse', 'chusheng', 'cs'], highlight: [[0, 3]] },
  { hit: { kind: 'item', id: BIRTH_CERT_ITEM.code, name: BIRTH_CERT_ITEM.name, department: 'health' }, keys: ['chusheng', 'cs', 'csyxzm'], highlight: [[0, 2]] },
];

/** What people often look for: offered for an empty, absurd or unmatched query. */
export const SUGGESTIONS: GuideHit[] = [
  { kind: 'item', id: SBK_ITEM.code, name: SBK_ITEM.name, score: 1, highlight: [] },
  { kind: 'bundle', id: NEWBORN_BUNDLE.id, name: NEWBORN_BUNDLE.name, score: 1, highlight: [] },
];
