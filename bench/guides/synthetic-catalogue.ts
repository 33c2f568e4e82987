/**
 * Large catalogues for the guide benchmarks (issue 16 §2): a city's 20,000 items, a province's 160,000 (domain.md).
 * The shipped catalogue comes first, unchanged, so the evaluation queries keep their answers; the rest is made of
 * the real vocabulary — a region × a department's object × an action (南明区 + 食品经营许可证 + 变更), with the
 * materials, steps, place and synonyms of a real item of that department — under unique codes. The same seed
 * gives the same catalogue. Generated items share their material and step objects with the real ones (a catalogue
 * read from JSON would not), which keeps 160,000 items quick to build; nothing here mutates them.
 */
import { readFileSync } from 'node:fs';
import type { Catalogue, Department, GuideBundle, PolicyDoc, ServiceItem } from '../../common/guides';

type Words = readonly [zh: string, en: string];

const ACTIONS: readonly Words[] = [['办理', 'Applying for'], ['变更', 'Changing'], ['注销', 'Cancelling'], ['补领', 'Replacing'], ['查询', 'Looking up'], ['备案', 'Filing'], ['延续', 'Renewing']];

const CITIES: ReadonlyArray<readonly [Words, readonly Words[]]> = [
  [['贵阳市', 'Guiyang'], [['南明区', 'Nanming'], ['云岩区', 'Yunyan'], ['花溪区', 'Huaxi'], ['乌当区', 'Wudang'], ['白云区', 'Baiyun'], ['观山湖区', 'Guanshanhu'], ['清镇市', 'Qingzhen'], ['修文县', 'Xiuwen'], ['息烽县', 'Xifeng'], ['开阳县', 'Kaiyang']]],
  [['遵义市', 'Zunyi'], [['红花岗区', 'Honghuagang'], ['汇川区', 'Huichuan'], ['播州区', 'Bozhou'], ['仁怀市', 'Renhuai'], ['赤水市', 'Chishui'], ['湄潭县', 'Meitan']]],
  [['六盘水市', 'Liupanshui'], [['钟山区', 'Zhongshan'], ['水城区', 'Shuicheng'], ['盘州市', 'Panzhou'], ['六枝特区', 'Liuzhi']]],
  [['安顺市', 'Anshun'], [['西秀区', 'Xixiu'], ['平坝区', 'Pingba'], ['普定县', 'Puding'], ['镇宁县', 'Zhenning']]],
  [['毕节市', 'Bijie'], [['七星关区', 'Qixingguan'], ['大方县', 'Dafang'], ['黔西市', 'Qianxi'], ['威宁县', 'Weining']]],
  [['铜仁市', 'Tongren'], [['碧江区', 'Bijiang'], ['万山区', 'Wanshan'], ['江口县', 'Jiangkou'], ['松桃县', 'Songtao']]],
  [['黔东南州', 'Qiandongnan'], [['凯里市', 'Kaili'], ['黎平县', 'Liping'], ['雷山县', 'Leishan'], ['镇远县', 'Zhenyuan']]],
  [['黔南州', 'Qiannan'], [['都匀市', 'Duyun'], ['福泉市', 'Fuquan'], ['荔波县', 'Libo'], ['龙里县', 'Longli']]],
  [['黔西南州', 'Qianxinan'], [['兴义市', 'Xingyi'], ['兴仁市', 'Xingren'], ['安龙县', 'Anlong'], ['贞丰县', 'Zhenfeng']]],
];
const REGIONS: readonly Words[] = CITIES.flatMap(([city, districts]) => [city, ...districts.map(([zh, en]): Words => [`${city[0]}${zh}`, `${en}, ${city[1]}`])]);
const LEVELS: readonly Words[] = [['', ''], ['（个人）', ' (individuals)'], ['（企业）', ' (businesses)']];

const OBJECTS: Record<Department, readonly Words[]> = {
  market: [['营业执照', 'business licence'], ['食品经营许可证', 'food business licence'], ['药品经营许可证', 'pharmacy licence'], ['医疗器械经营备案凭证', 'medical device filing'], ['个体工商户登记', 'sole trader registration'], ['特种设备使用登记', 'special equipment registration'], ['计量器具检定', 'measuring instrument verification'], ['广告发布登记', 'advertising registration'], ['农民专业合作社登记', 'farmers\' cooperative registration'], ['企业名称', 'company name']],
  hrss: [['社会保障卡', 'social security card'], ['养老保险待遇', 'pension'], ['失业保险金', 'unemployment benefit'], ['就业创业证', 'employment card'], ['职业技能等级证书', 'vocational skill certificate'], ['工伤认定', 'work injury recognition'], ['人力资源服务许可证', 'HR services licence'], ['劳动用工备案', 'employment filing'], ['技能提升补贴', 'skills subsidy'], ['社会保险登记', 'social insurance registration']],
  medicalInsurance: [['医保电子凭证', 'electronic medical insurance card'], ['居民医保参保', 'resident medical insurance'], ['异地就医备案', 'treatment elsewhere registration'], ['门诊慢特病待遇', 'chronic disease cover'], ['生育津贴', 'maternity allowance'], ['医疗费用报销', 'medical cost reimbursement'], ['医保定点协议', 'designated provider agreement'], ['长期护理保险待遇', 'long-term care insurance'], ['医保关系', 'medical insurance record']],
  housingFund: [['住房公积金账户', 'housing fund account'], ['住房公积金提取', 'housing fund withdrawal'], ['住房公积金贷款', 'housing fund loan'], ['住房公积金缴存证明', 'housing fund certificate'], ['单位公积金缴存登记', 'employer fund registration'], ['公积金缴存基数', 'fund contribution base'], ['公积金异地转移', 'fund transfer']],
  publicSecurity: [['居民身份证', 'identity card'], ['户口', 'household registration'], ['居住证', 'residence permit'], ['普通护照', 'passport'], ['往来港澳通行证', 'Hong Kong and Macao permit'], ['机动车驾驶证', 'driving licence'], ['机动车登记', 'vehicle registration'], ['公章刻制', 'company seal'], ['无犯罪记录证明', 'criminal record certificate'], ['旅馆业特种行业许可证', 'hotel trade licence']],
  realEstate: [['不动产权证书', 'title certificate'], ['抵押权登记', 'mortgage registration'], ['预告登记', 'advance notice registration'], ['不动产登记信息', 'real-estate record'], ['地役权登记', 'easement registration'], ['土地承包经营权登记', 'land contract registration'], ['林权登记', 'forest rights registration'], ['不动产更正登记', 'record correction']],
  health: [['出生医学证明', 'medical birth certificate'], ['预防接种证', 'vaccination record'], ['生育登记', 'birth registration service'], ['公共场所卫生许可证', 'public venue hygiene licence'], ['医疗机构执业许可证', 'medical institution licence'], ['医师执业注册', 'physician registration'], ['护士执业注册', 'nurse registration'], ['计划生育扶助', 'family planning support'], ['育儿补贴', 'child-rearing subsidy']],
  civilAffairs: [['结婚登记', 'marriage registration'], ['离婚登记', 'divorce registration'], ['婚姻登记档案', 'marriage records'], ['最低生活保障', 'minimum living allowance'], ['特困人员供养', 'extreme poverty support'], ['临时救助', 'temporary assistance'], ['高龄津贴', 'old-age allowance'], ['残疾人两项补贴', 'disability subsidies'], ['社会团体登记', 'social organisation registration'], ['养老机构备案', 'care home filing'], ['地名命名', 'place naming']],
  tax: [['税务登记', 'tax registration'], ['发票', 'invoices'], ['个人所得税', 'individual income tax'], ['增值税申报', 'VAT return'], ['社会保险费缴纳', 'social insurance payment'], ['契税申报', 'deed tax return'], ['车船税', 'vehicle and vessel tax'], ['纳税信用', 'tax credit rating'], ['出口退税备案', 'export rebate filing'], ['清税证明', 'tax clearance']],
};

const THEMES: readonly Words[] = [['开办企业', 'starting a business'], ['开餐馆', 'opening a restaurant'], ['开药店', 'opening a pharmacy'], ['办理退休', 'retiring'], ['新生儿出生', 'a birth'], ['结婚', 'getting married'], ['二手房交易', 'selling a home'], ['企业注销', 'closing a business'], ['就业创业', 'finding work'], ['身后', 'a death in the family']];

export function shippedCatalogue(): Catalogue {
  return JSON.parse(readFileSync(new URL('../../content/guides/catalogue.json', import.meta.url), 'utf8')) as Catalogue;
}

/** mulberry32: small, fast, and the same numbers for the same seed everywhere. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A catalogue of `size` items (at least the shipped catalogue's own), with about one bundle per 500 items and one
 * policy per 200 on top of the real ones. Valid under validateCatalogue.
 */
export function syntheticCatalogue(size: number, seed: number, base: Catalogue = shippedCatalogue()): Catalogue {
  if (!Number.isSafeInteger(size) || size < base.items.length) throw new RangeError(`size must be a whole number of at least ${base.items.length}, the base catalogue's items`);
  const rand = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const templates = new Map<Department, ServiceItem[]>();
  for (const item of base.items) templates.set(item.department, [...(templates.get(item.department) ?? []), item]);
  const departments = [...templates.keys()];
  const taken = new Set(base.items.map((i) => i.code));

  const items: ServiceItem[] = [...base.items];
  let serial = 0;
  while (items.length < size) {
    const department = pick(departments);
    const template = pick(templates.get(department) ?? []);
    let code: string;
    do {
      code = `${template.code.slice(0, 2)}${String(10000 + Math.floor(serial / 1000)).padStart(5, '0')}${String(serial % 1000).padStart(3, '0')}`;
      serial++;
    } while (taken.has(code));
    taken.add(code);
    // Half the items are regional variants of the template itself (its short name, its synonyms); the rest take
    // another object of the department, with no synonyms of their own.
    const variant = rand() < 0.5 && template.shortNames.length > 0;
    const [objectZh, objectEn] = variant ? [template.shortNames[0] ?? '', template.name.en ?? ''] : pick(OBJECTS[department]);
    const [actionZh, actionEn] = pick(ACTIONS);
    const [regionZh, regionEn] = pick(REGIONS);
    const [levelZh, levelEn] = pick([LEVELS[0], ...(template.audience.length > 1 ? LEVELS.slice(1) : [])] as Words[]);
    const synonyms = variant ? [...new Set([pick(template.synonyms), pick(template.synonyms)])].filter((w) => w !== undefined) : [];
    const translated = objectEn !== '' && rand() < 0.7;
    items.push({
      ...template,
      code,
      name: { 'zh-CN': `${regionZh}${objectZh}${actionZh}${levelZh}`, ...(translated && { en: variant ? `${objectEn}: ${actionEn.toLowerCase()}${levelEn} (${regionEn})` : `${actionEn} ${objectEn}${levelEn} (${regionEn})` }) },
      shortNames: [`${objectZh}${actionZh}`],
      synonyms,
      ...(template.onlineUrl !== undefined && { onlineUrl: `https://zwfw.guizhou.example.gov.cn/item/${code}` }),
    });
  }

  const generated = items.slice(base.items.length);
  const bundles: GuideBundle[] = [...base.bundles];
  for (let n = 0; n < Math.floor(generated.length / 500); n++) {
    const [regionZh, regionEn] = pick(REGIONS);
    const [themeZh, themeEn] = pick(THEMES);
    const members = [...new Set(Array.from({ length: 2 + Math.floor(rand() * 4) }, () => pick(generated)))];
    if (members.length < 2) continue;
    const first = members[0] as ServiceItem;
    bundles.push({
      id: `syn-bundle-${n + 1}`,
      name: { 'zh-CN': `${regionZh}${themeZh}一件事`, en: `${themeEn} (${regionEn})` },
      shortNames: [`${themeZh}一件事`],
      synonyms: [themeZh],
      summary: { 'zh-CN': `${regionZh}${themeZh}相关事项一次申请、并联办理。` },
      audience: first.audience,
      lifeEvents: first.lifeEvents,
      items: members.map((m) => m.code),
    });
  }

  const policies: PolicyDoc[] = [...base.policies];
  for (let n = 0; n < Math.floor(generated.length / 200) && base.policies.length > 0; n++) {
    const template = pick(base.policies);
    const [regionZh] = pick(REGIONS);
    policies.push({
      ...template,
      id: `syn-policy-${n + 1}`,
      title: { 'zh-CN': `${regionZh}${template.title['zh-CN']}` },
      items: [...new Set([pick(generated).code, pick(generated).code])],
      bundles: [],
    });
  }
  return { ...base, items, bundles, policies };
}
