/**
 * The made-up papers the OCR tests and benchmark render (issue 17 §4): business licences 营业执照 and household
 * register pages 常住人口登记卡 whose companies and people exist nowhere, with well-formed numbers (valid GB 32100
 * and GB 11643 check characters), so the ground truth is known to the character.
 */
import { gb11643CheckDigit } from '../../../drivers/protocol/ga467/id-number';
import { CREDIT_CODE_CHARSET, creditCodeCheckCharacter } from '../../../common/credit-code';
import { seededRandom } from './seeded-random';

export interface BusinessLicenceTruth {
  kind: 'businessLicence';
  creditCode: string;
  name: string;
  type: string;
  legalRepresentative: string;
  businessScope: string;
  registeredCapital: string;
  establishedOn: string;
  term: string;
  address: string;
  authority: string;
}

export interface HouseholdRegisterTruth {
  kind: 'householdRegister';
  name: string;
  relation: string;
  formerName: string;
  sex: string;
  birthPlace: string;
  ethnicity: string;
  nativePlace: string;
  birthDate: string;
  idNumber: string;
  education: string;
  occupation: string;
}

export type DocumentTruth = BusinessLicenceTruth | HouseholdRegisterTruth;

const SURNAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦许何吕施张孔曹严华金魏陶姜';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华建国志红';
const BRANDS = ['青禾', '远帆', '星澜', '云杉', '蓝桥', '禾丰', '泽川', '锦程'];
const TRADES = ['科技', '信息技术', '商贸', '文化传媒', '餐饮管理', '建筑工程'];
const CITIES = [
  { province: '贵州省', city: '贵阳市', district: '观山湖区', region: '520115' },
  { province: '浙江省', city: '杭州市', district: '西湖区', region: '330106' },
  { province: '四川省', city: '成都市', district: '武侯区', region: '510107' },
  { province: '湖北省', city: '武汉市', district: '洪山区', region: '420111' },
];
const ROADS = ['长岭北路', '文三路', '天府大道', '珞喻路'];

const pad2 = (n: number): string => String(n).padStart(2, '0');

function creditCode(region: string, random: () => number): string {
  // 9 (工商) 1 (企业), the registration authority's region, a 9-character organisation code.
  let body = `91${region}`;
  while (body.length < 17) body += CREDIT_CODE_CHARSET[Math.floor(random() * CREDIT_CODE_CHARSET.length)];
  return body + (creditCodeCheckCharacter(body) as string);
}

function idNumber(region: string, y: number, m: number, d: number, female: boolean, random: () => number): string {
  const seq = Math.floor(random() * 50) * 2 + (female ? 0 : 1);
  const body = `${region}${y}${pad2(m)}${pad2(d)}${String(Math.floor(random() * 10))}${pad2(seq % 100)}`;
  return body + (gb11643CheckDigit(body) as string);
}

export function madeUpBusinessLicence(seed: number): BusinessLicenceTruth {
  const random = seededRandom(seed);
  const pick = <T>(items: ArrayLike<T>): T => items[Math.floor(random() * items.length)] as T;
  const place = pick(CITIES);
  const brand = pick(BRANDS);
  const trade = pick(TRADES);
  const year = 2012 + Math.floor(random() * 12);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  return {
    kind: 'businessLicence',
    creditCode: creditCode(place.region, random),
    name: `${place.city.slice(0, 2)}${brand}${trade}有限公司`,
    type: '有限责任公司（自然人投资或控股）',
    legalRepresentative: `${pick(SURNAMES)}${pick(GIVEN)}${pick(GIVEN)}`,
    businessScope: `${trade}领域内的技术开发、技术咨询、技术服务；办公用品、日用百货的销售。（依法须经批准的项目，经相关部门批准后方可开展经营活动）`,
    registeredCapital: `${(1 + Math.floor(random() * 9)) * 100}万元整`,
    establishedOn: `${year}年${pad2(month)}月${pad2(day)}日`,
    term: `${year}年${pad2(month)}月${pad2(day)}日至长期`,
    address: `${place.province}${place.city}${place.district}${pick(ROADS)}${10 + Math.floor(random() * 800)}号`,
    authority: `${place.city}${place.district}市场监督管理局`,
  };
}

export function madeUpHouseholdRegister(seed: number): HouseholdRegisterTruth {
  const random = seededRandom(seed);
  const pick = <T>(items: ArrayLike<T>): T => items[Math.floor(random() * items.length)] as T;
  const place = pick(CITIES);
  const female = random() < 0.5;
  const y = 1955 + Math.floor(random() * 45);
  const m = 1 + Math.floor(random() * 12);
  const d = 1 + Math.floor(random() * 28);
  return {
    kind: 'householdRegister',
    name: `${pick(SURNAMES)}${pick(GIVEN)}${pick(GIVEN)}`,
    relation: pick(['户主', '妻', '长子', '长女']),
    formerName: '',
    sex: female ? '女' : '男',
    birthPlace: `${place.province}${place.city}`,
    ethnicity: pick(['汉', '汉', '苗', '布依']),
    nativePlace: `${place.province}${place.city}`,
    birthDate: `${y}年${m}月${d}日`,
    idNumber: idNumber(place.region, y, m, d, female, random),
    education: pick(['大学本科', '高中', '大学专科']),
    occupation: pick(['职员', '教师', '个体经营']),
  };
}
