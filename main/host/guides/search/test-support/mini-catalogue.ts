/**
 * A small catalogue for the search engine's unit tests: a handful of real-sounding items, two bundles and two
 * policies, with the short names, synonyms, polyphones (银行, 长期, 重新) and English names the tests need.
 */
import type { Catalogue, Department, GuideBundle, PolicyDoc, ServiceItem } from '../../../../../common/guides';

interface ItemSpec {
  shortNames?: string[];
  synonyms?: string[];
  en?: string;
}

function item(code: string, name: string, department: Department, spec: ItemSpec = {}): ServiceItem {
  return {
    code,
    name: { 'zh-CN': name, ...(spec.en && { en: spec.en }) },
    shortNames: spec.shortNames ?? [],
    synonyms: spec.synonyms ?? [],
    department,
    audience: ['personal'],
    lifeEvents: [],
    conditions: [],
    materials: [{ id: 'id-card', name: { 'zh-CN': '居民身份证' }, form: 'original', count: 1, shared: false }],
    steps: [{ title: { 'zh-CN': '提交材料' } }],
    legalLimitDays: 0,
    committedLimitDays: 0,
    fee: { free: true },
    where: { floor: 1, zone: { 'zh-CN': '综合窗口' }, windows: [] },
    channels: ['window'],
    atMostOneTrip: true,
    noTrip: false,
  };
}

function bundle(id: string, name: string, items: string[], shortNames: string[] = [], synonyms: string[] = []): GuideBundle {
  return { id, name: { 'zh-CN': name }, shortNames, synonyms, summary: { 'zh-CN': name }, audience: ['business'], lifeEvents: [], items };
}

function policy(id: string, title: string, keywords: string[], items: string[], tags: PolicyDoc['tags'] = []): PolicyDoc {
  return { id, title: { 'zh-CN': title }, issuer: { 'zh-CN': '南明区人民政府' }, issuedOn: '2024-01-01', summary: { 'zh-CN': title }, points: [], tags, items, bundles: [], keywords };
}

export const MINI_ITEMS: ServiceItem[] = [
  item('GG00101001', '社会保障卡申领', 'hrss', { shortNames: ['社保卡'], synonyms: ['办社保卡'], en: 'Social security card application' }),
  item('GG00101002', '社会保障卡挂失', 'hrss', { shortNames: ['社保卡挂失'], en: 'Reporting a lost social security card' }),
  item('GG00102001', '城乡居民基本养老保险参保登记', 'hrss', { synonyms: ['居民养老保险'], en: 'Enrolment in residents basic pension insurance' }),
  item('JF00103001', '职工基本养老保险待遇申领', 'hrss', { synonyms: ['退休金', '领养老金'], en: 'Claiming basic pension benefits' }),
  item('GG00201001', '住房公积金提取', 'housingFund', { shortNames: ['公积金提取'], synonyms: ['取公积金'], en: 'Housing fund withdrawal' }),
  item('GG00201002', '住房公积金贷款', 'housingFund', { shortNames: ['公积金贷款'], en: 'Housing fund loan' }),
  item('XK00301001', '企业设立登记', 'market', { shortNames: ['开办企业'], synonyms: ['注册公司', '开公司'], en: 'Company registration' }),
  item('XK00301002', '个体工商户注册登记', 'market', { synonyms: ['个体户注册'], en: 'Registering a sole proprietorship' }),
  item('XK00302001', '食品经营许可', 'market', { synonyms: ['餐饮许可证'], en: 'Food business licence' }),
  item('QR00401001', '银行开户信息登记', 'tax', { en: 'Bank account registration' }),
  item('GG00501001', '长期护理保险待遇申请', 'medicalInsurance', { shortNames: ['长护险'], en: 'Long-term care insurance claim' }),
  item('GG00501002', '医疗保险参保登记', 'medicalInsurance', { synonyms: ['医保参保'], en: 'Medical insurance enrolment' }),
  item('QR00601001', '出生医学证明办理', 'health', { synonyms: ['出生证'], en: 'Birth medical certificate' }),
  item('QR00602001', '居民身份证重新办理', 'publicSecurity', { shortNames: ['补办身份证'], en: 'Reissuing a resident ID card' }),
  item('GG00701001', '残疾人证办理', 'civilAffairs', { en: 'Disability certificate' }),
];

export const MINI_CATALOGUE: Catalogue = {
  version: '2024.06.01-1',
  publishedAt: '2024-06-01T08:00:00+08:00',
  items: MINI_ITEMS,
  bundles: [
    bundle('start-business', '企业开办一件事', ['XK00301001', 'QR00401001'], ['企业开办'], ['开办企业', '开公司']),
    bundle('retire', '退休一件事', ['JF00103001', 'GG00201001'], ['退休'], ['办退休']),
  ],
  policies: [
    policy('policy-pension', '关于调整退休人员基本养老金的通知', ['养老金', '退休'], ['JF00103001'], ['retirees']),
    policy('policy-startup', '支持新办企业发展的若干措施', ['创业补贴', '企业开办'], ['XK00301001'], ['newBusiness']),
  ],
};

/** The same catalogue, a version later, with one item more (a rebuild must find it). */
export const MINI_CATALOGUE_V2: Catalogue = {
  ...MINI_CATALOGUE,
  version: '2024.06.02-1',
  items: [...MINI_ITEMS, item('GG00801001', '婚姻登记预约', 'civilAffairs', { synonyms: ['结婚登记'], en: 'Marriage registration appointment' })],
};
