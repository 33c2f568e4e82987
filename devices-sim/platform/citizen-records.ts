/**
 * What the simulated platform knows of its citizens besides their cards (issue 17 §2): social insurance, the
 * housing fund, real estate, and companies whose licence was approved online for printing at a kiosk. Made
 * up, plausible, for the fixture cards the ID-card reader simulator places (devices-sim/ga467/fixture-citizens.ts):
 *
 * - adult 张示例: employee since 2014, 36 months of payments, a housing fund account, a flat, and the legal
 *   representative of a company whose licence was approved online → all five certificates
 * - over70 王示例: retired in 2008 (24 months of payments before that), a flat; no fund, no company
 * - rareCharacter 李…示: flexible employment (灵活就业), 28 months; nothing else
 * - permitJ 陈示例, foreign2023 示例玛丽: employees with a fund account (24, 30 months); no real estate
 * - withFingerprints 刘示例: employee, 40 months, a flat; no fund
 * - foreign2017 示例约翰: employee, 24 months; nothing else
 * - anyone else the platform verifies (a made-up citizen of a test): flexible employment, 24 months, drawn
 *   from their number, so every identified citizen can print 个人参保证明 and the payment history.
 */
import type { InsuranceType } from '../../common/platform-api';
import type { FixtureName } from '../ga467/fixture-citizens';
import { withCreditCheckCharacter } from './credit-code';
import { fixturePerson } from './seed-appointments';

/** `YYYY-MM`, or months before the current one (1 = last month). */
export type MonthRef = string | { monthsAgo: number };

export interface InsuranceSpan {
  type: InsuranceType;
  from: string;
  until?: MonthRef;
}

export interface SocialInsuranceRecord {
  personalNumber: string;
  /** null: 灵活就业 (flexible employment, the citizen pays alone). */
  employer: { name: string; creditCode: string } | null;
  status: '参保缴费' | '退休';
  spans: InsuranceSpan[];
  /** 缴费基数 of the latest year, yuan; earlier years 4% lower each. */
  monthlyBaseYuan: number;
  /** The payments: `count` months up to `until`. */
  payments: { until: MonthRef; count: number };
}

export interface HousingFundAccount {
  accountNumber: string;
  employer: string;
  openedOn: string;
  monthlyBaseYuan: number;
  /** The employer's and the citizen's rate, each. */
  ratePercent: number;
  balanceYuan: number;
}

export interface RealEstateUnit {
  certificateNumber: string;
  unitNumber: string;
  location: string;
  areaM2: number;
  use: string;
  rightType: string;
  registeredOn: string;
  share: string;
}

export interface OnlineLicence {
  name: string;
  creditCode: string;
  type: string;
  address: string;
  registeredCapital: string;
  establishedOn: string;
  scope: string;
  authority: string;
  /** The day the online application was approved, printing at a kiosk allowed. */
  approvedOn: string;
}

export interface CitizenRecords {
  socialInsurance?: SocialInsuranceRecord;
  housingFund?: HousingFundAccount;
  realEstate: RealEstateUnit[];
  /** Companies this citizen is the legal representative of, licence approved online for remote printing. */
  licences: OnlineLicence[];
}

const LAST_MONTH: MonthRef = { monthsAgo: 1 };
const TECH = { name: '贵州示例科技有限公司', creditCode: withCreditCheckCharacter('91520115MA6DK0001') };
const LOGISTICS = { name: '示例物流（贵州）有限公司', creditCode: withCreditCheckCharacter('91520100MA6DK0002') };

const employee = (personalNumber: string, employer: { name: string; creditCode: string }, from: string, baseYuan: number, months: number): SocialInsuranceRecord => ({
  personalNumber,
  employer,
  status: '参保缴费',
  spans: (['pension', 'medical', 'unemployment', 'workInjury', 'maternity'] as const).map((type) => ({ type, from })),
  monthlyBaseYuan: baseYuan,
  payments: { until: LAST_MONTH, count: months },
});

const flat = (n: number, location: string, areaM2: number, registeredOn: string): RealEstateUnit => ({
  certificateNumber: `黔（${registeredOn.slice(0, 4)}）示例市不动产权第${String(n).padStart(7, '0')}号`,
  unitNumber: `520115${String(n).padStart(6, '0')}GB00012F0001${String(n % 10000).padStart(4, '0')}`,
  location,
  areaM2,
  use: '城镇住宅用地/住宅',
  rightType: '国有建设用地使用权/房屋（构筑物）所有权',
  registeredOn,
  share: '单独所有',
});

const FIXTURE_RECORDS: Partial<Record<FixtureName, CitizenRecords>> = {
  adult: {
    socialInsurance: employee('5201150012345678', TECH, '2014-07', 6800, 36),
    housingFund: { accountNumber: '520100123456789012', employer: TECH.name, openedOn: '2014-08-01', monthlyBaseYuan: 6800, ratePercent: 12, balanceYuan: 86420.56 },
    realEstate: [flat(12345, '观山湖区示例大道100号示例花园3栋2单元1502号', 98.62, '2021-04-16')],
    licences: [
      {
        name: '贵阳示例商贸有限公司',
        creditCode: withCreditCheckCharacter('91520115MA6DK0003'),
        type: '有限责任公司（自然人投资或控股）',
        address: '贵州省贵阳市观山湖区示例大道200号8楼801室',
        registeredCapital: '伍拾万元整',
        establishedOn: '2026-11-02',
        scope: '日用百货、文具用品、电子产品的销售；信息技术咨询服务。（依法须经批准的项目，经相关部门批准后方可开展经营活动）',
        authority: '示例市观山湖区市场监督管理局',
        approvedOn: '2026-11-02',
      },
    ],
  },
  over70: {
    socialInsurance: {
      personalNumber: '5201020098765432',
      employer: { name: '示例市第二机械厂', creditCode: withCreditCheckCharacter('12520100MB1234567') },
      status: '退休',
      spans: [
        { type: 'pension', from: '1992-01', until: '2008-06' },
        { type: 'medical', from: '2001-01' },
      ],
      monthlyBaseYuan: 1200,
      payments: { until: '2008-06', count: 24 },
    },
    realEstate: [flat(4521, '南明区示例巷8号2单元301号', 72.4, '2009-09-03')],
    licences: [],
  },
  rareCharacter: {
    socialInsurance: { personalNumber: '5226310055501234', employer: null, status: '参保缴费', spans: [{ type: 'pension', from: '2024-04' }, { type: 'medical', from: '2024-04' }], monthlyBaseYuan: 4200, payments: { until: LAST_MONTH, count: 28 } },
    realEstate: [],
    licences: [],
  },
  permitJ: {
    socialInsurance: employee('5201000077701234', LOGISTICS, '2023-09', 7500, 24),
    housingFund: { accountNumber: '520100777012345678', employer: LOGISTICS.name, openedOn: '2023-10-01', monthlyBaseYuan: 7500, ratePercent: 10, balanceYuan: 33615.2 },
    realEstate: [],
    licences: [],
  },
  foreign2023: {
    socialInsurance: employee('5201000088801234', TECH, '2023-06', 12000, 30),
    housingFund: { accountNumber: '520100888012345678', employer: TECH.name, openedOn: '2023-07-01', monthlyBaseYuan: 12000, ratePercent: 12, balanceYuan: 79240 },
    realEstate: [],
    licences: [],
  },
  withFingerprints: {
    socialInsurance: employee('5201150066601234', LOGISTICS, '2012-03', 5600, 40),
    realEstate: [flat(20871, '观山湖区示例路66号示例小区7栋1单元802号', 121.35, '2019-12-20')],
    licences: [],
  },
  foreign2017: {
    socialInsurance: employee('5201000044401234', TECH, '2018-01', 15000, 24),
    realEstate: [],
    licences: [],
  },
};

let byIdNumber: Map<string, CitizenRecords> | null = null;

function fixtureTable(): Map<string, CitizenRecords> {
  if (!byIdNumber) {
    byIdNumber = new Map();
    for (const [fixture, records] of Object.entries(FIXTURE_RECORDS)) byIdNumber.set(fixturePerson(fixture as FixtureName).idNumber, records);
  }
  return byIdNumber;
}

/** A small stable hash of the number, so a made-up citizen's records are the same on every call. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

function generated(idNumber: string): CitizenRecords {
  const h = hash(idNumber);
  const personalNumber = `5201${String(h % 1e12).padStart(12, '0')}`;
  const from = `${2015 + (h % 8)}-${String(1 + (h % 12)).padStart(2, '0')}`;
  return {
    socialInsurance: { personalNumber, employer: null, status: '参保缴费', spans: [{ type: 'pension', from }, { type: 'medical', from }], monthlyBaseYuan: 4200, payments: { until: LAST_MONTH, count: 24 } },
    realEstate: [],
    licences: [],
  };
}

/** The records of the citizen with this number (fixture, or drawn from the number). */
export function citizenRecords(idNumber: string): CitizenRecords {
  return fixtureTable().get(idNumber) ?? generated(idNumber);
}
