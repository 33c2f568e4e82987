/** A small valid catalogue for the guide host's tests: two items sharing materials, one bundle, one policy. */
import type { Catalogue, GuideMaterial, ServiceItem } from '../../../../common/guides';

const idCard: GuideMaterial = { id: 'id-card', name: { 'zh-CN': '居民身份证', 'zh-TW': '居民身份證', en: 'Resident ID card' }, form: 'original', count: 1, shared: false };
const licence: GuideMaterial = { id: 'business-licence', name: { 'zh-CN': '营业执照', 'zh-TW': '營業執照', en: 'Business licence' }, form: 'copy', count: 1, shared: true };

function item(code: string, zh: string, en: string, extra: Partial<ServiceItem> = {}): ServiceItem {
  return {
    code,
    name: { 'zh-CN': zh, en },
    shortNames: [],
    synonyms: [],
    department: 'market',
    audience: ['business'],
    lifeEvents: ['work'],
    conditions: [{ 'zh-CN': '申请人为企业负责人' }],
    materials: [idCard],
    steps: [{ title: { 'zh-CN': '提交申请', en: 'Apply' } }, { title: { 'zh-CN': '领取结果', en: 'Collect' } }],
    legalLimitDays: 5,
    committedLimitDays: 1,
    fee: { free: true },
    where: { floor: 1, zone: { 'zh-CN': '一楼企业开办专区', en: '1F business start-up area' }, windows: ['E1', 'E2'] },
    channels: ['window', 'online'],
    atMostOneTrip: true,
    noTrip: false,
    onlineUrl: 'https://zwfw.example.gov.cn/item/' + code,
    businessId: 'business-startup',
    ...extra,
  };
}

export function miniCatalogue(version = '2026.12.01-1'): Catalogue {
  return {
    version,
    publishedAt: '2026-12-01T09:00:00+08:00',
    items: [
      item('XK00101001', '企业设立登记', 'Company registration', { materials: [idCard, { ...licence, form: 'original', shared: false, id: 'articles', name: { 'zh-CN': '公司章程' } }] }),
      item('GG00102001', '公章刻制备案', 'Seal engraving filing', { department: 'publicSecurity', materials: [{ ...idCard, form: 'copy', count: 2 }, licence], where: { floor: 1, zone: { 'zh-CN': '一楼企业开办专区' }, windows: ['E7'] } }),
    ],
    bundles: [
      {
        id: 'start-business',
        name: { 'zh-CN': '开办企业', 'zh-TW': '開辦企業', en: 'Start a business' },
        shortNames: ['开公司'],
        synonyms: ['注册公司'],
        summary: { 'zh-CN': '营业执照、公章一次办' },
        audience: ['business'],
        lifeEvents: ['work'],
        items: ['XK00101001', 'GG00102001'],
      },
    ],
    policies: [
      {
        id: 'small-business-tax',
        title: { 'zh-CN': '小微企业税费优惠' },
        issuer: { 'zh-CN': '市税务局' },
        issuedOn: '2026-01-05',
        summary: { 'zh-CN': '小微企业减半征收' },
        points: [{ 'zh-CN': '年应纳税所得额不超过300万元的部分减按25%计入' }],
        tags: ['newBusiness'],
        items: ['XK00101001'],
        bundles: ['start-business'],
        keywords: ['减税'],
      },
    ],
  };
}
