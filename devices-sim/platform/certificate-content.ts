/**
 * The content of each certificate kind (issue 17 §2; common/certificate-document.ts), from a citizen's
 * records as the platform holds them: title, issuer, label/value fields, tables (the payment history runs
 * over pages), the small print and the seal's words. The store adds the certificate id and the signed
 * verification; the kiosk only adds its issuance id.
 */
import type { CertificateKind } from '../../common/certificate-document';
import { localDateKey } from '../../common/local-time';
import type { CertificateOffer, InsuranceType, PlatformCertificate } from '../../common/platform-api';
import type { CitizenRecords, MonthRef, SocialInsuranceRecord } from './citizen-records';

export type CertificateContent = Omit<PlatformCertificate, 'certificateId' | 'verification'>;

const ISSUERS: Readonly<Record<CertificateKind, string>> = {
  socialInsuranceRecord: '示例市社会保险事业管理中心',
  socialInsurancePayments: '示例市社会保险事业管理中心',
  housingFundDeposit: '示例市住房公积金管理中心',
  realEstateRecord: '示例市不动产登记中心',
  businessLicenceCopy: '示例市市场监督管理局',
};
const TITLES: Readonly<Record<CertificateKind, string>> = {
  socialInsuranceRecord: '个人参保证明',
  socialInsurancePayments: '个人社会保险缴费历史',
  housingFundDeposit: '住房公积金缴存证明',
  realEstateRecord: '不动产登记信息查询结果',
  businessLicenceCopy: '营业执照（副本）',
};
const INSURANCE_NAMES: Readonly<Record<InsuranceType, string>> = {
  pension: '企业职工基本养老保险',
  medical: '职工基本医疗保险',
  unemployment: '失业保险',
  workInjury: '工伤保险',
  maternity: '生育保险',
};
const VERIFY_NOTE = '本证明可扫描右下角二维码，或登录政务服务平台输入验证码核验真伪。';

/** The kinds this citizen can get, in CERTIFICATE_KINDS order. */
export function availableKinds(records: CitizenRecords): CertificateKind[] {
  const kinds: CertificateKind[] = [];
  if (records.socialInsurance) kinds.push('socialInsuranceRecord', 'socialInsurancePayments');
  if (records.housingFund) kinds.push('housingFundDeposit');
  if (records.realEstate.length > 0) kinds.push('realEstateRecord');
  if (records.licences.length > 0) kinds.push('businessLicenceCopy');
  return kinds;
}

export function offerOf(kind: CertificateKind): CertificateOffer {
  return { kind, title: TITLES[kind], issuer: ISSUERS[kind] };
}

/** Month arithmetic on `YYYY-MM`. */
function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}
function monthText(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
function resolve(ref: MonthRef, currentIndex: number): number {
  return typeof ref === 'string' ? monthIndex(ref) : currentIndex - ref.monthsAgo;
}
const yuan = (n: number): string => n.toFixed(2);

function baseFor(si: SocialInsuranceRecord, month: number, latest: number): number {
  const yearsBack = Math.max(0, Math.floor((latest - month) / 12));
  return Math.round(si.monthlyBaseYuan * 0.96 ** yearsBack);
}

function paymentRows(si: SocialInsuranceRecord, current: number): string[][] {
  const last = resolve(si.payments.until, current);
  const rows: string[][] = [];
  for (let m = last - si.payments.count + 1; m <= last; m++) {
    const base = baseFor(si, m, last);
    const flexible = si.employer === null;
    const pensionUnit = flexible ? 0 : base * 0.16;
    const pensionOwn = flexible ? base * 0.2 : base * 0.08;
    const medicalOwn = flexible ? base * 0.08 : base * 0.02;
    const unemploymentOwn = flexible ? 0 : base * 0.005;
    rows.push([monthText(m), yuan(base), yuan(pensionUnit), yuan(pensionOwn), yuan(medicalOwn), yuan(unemploymentOwn), '已实缴']);
  }
  return rows;
}

function socialInsuranceRecord(si: SocialInsuranceRecord, current: number, today: string): Pick<CertificateContent, 'fields' | 'tables' | 'notes'> {
  return {
    fields: [
      { label: '个人编号', value: si.personalNumber },
      { label: '参保单位', value: si.employer?.name ?? '灵活就业人员（个人参保）' },
      ...(si.employer ? [{ label: '单位统一社会信用代码', value: si.employer.creditCode }] : []),
      { label: '参保状态', value: si.status },
      { label: '参保地', value: '示例市' },
    ],
    tables: [
      {
        title: '参保险种',
        columns: ['险种', '参保起始年月', '参保终止年月', '参保状态'],
        rows: si.spans.map((s) => {
          const until = s.until === undefined ? undefined : monthText(resolve(s.until, current));
          return [INSURANCE_NAMES[s.type], s.from, until ?? '—', until === undefined ? si.status : '终止参保'];
        }),
      },
    ],
    notes: [`兹证明上述人员截至${today}在本中心的参保情况如上。`, '本证明自出具之日起三个月内有效。', VERIFY_NOTE],
  };
}

function payments(si: SocialInsuranceRecord, current: number): Pick<CertificateContent, 'fields' | 'tables' | 'notes'> {
  const rows = paymentRows(si, current);
  return {
    fields: [
      { label: '个人编号', value: si.personalNumber },
      { label: '参保单位', value: si.employer?.name ?? '灵活就业人员（个人参保）' },
      { label: '查询期间', value: `${rows[0]![0]} 至 ${rows[rows.length - 1]![0]}` },
      { label: '累计缴费月数', value: `${si.payments.count} 个月` },
    ],
    tables: [{ title: '缴费明细（单位：元）', columns: ['费款所属期', '缴费基数', '养老单位缴纳', '养老个人缴纳', '医疗个人缴纳', '失业个人缴纳', '缴费状态'], rows }],
    notes: ['缴费明细以社会保险经办机构实际到账记录为准。', VERIFY_NOTE],
  };
}

/** The content of `kind` for this citizen, or undefined when their records have none. */
export function certificateContent(kind: CertificateKind, records: CitizenRecords, holder: { name: string; idNumber: string }, nowMs: number, timeZone: string): CertificateContent | undefined {
  if (!availableKinds(records).includes(kind)) return undefined;
  const today = localDateKey(nowMs, timeZone);
  const current = monthIndex(today.slice(0, 7));
  const head = { kind, title: TITLES[kind], issuer: ISSUERS[kind], issuedOn: today, holder: { ...holder } };
  const seal = `${ISSUERS[kind]}电子证明专用章`;
  switch (kind) {
    case 'socialInsuranceRecord':
      return { ...head, ...socialInsuranceRecord(records.socialInsurance!, current, today), seal };
    case 'socialInsurancePayments':
      return { ...head, ...payments(records.socialInsurance!, current), seal };
    case 'housingFundDeposit': {
      const f = records.housingFund!;
      const monthly = Math.round(f.monthlyBaseYuan * f.ratePercent) / 100;
      return {
        ...head,
        fields: [
          { label: '公积金账号', value: f.accountNumber },
          { label: '缴存单位', value: f.employer },
          { label: '开户日期', value: f.openedOn },
          { label: '账户状态', value: '正常缴存' },
          { label: '缴存基数', value: `${yuan(f.monthlyBaseYuan)} 元` },
          { label: '缴存比例', value: `单位 ${f.ratePercent}%，个人 ${f.ratePercent}%` },
          { label: '月缴存额', value: `${yuan(monthly * 2)} 元（单位 ${yuan(monthly)} 元，个人 ${yuan(monthly)} 元）` },
          { label: '账户余额', value: `${yuan(f.balanceYuan)} 元` },
          { label: '缴至年月', value: monthText(current - 1) },
        ],
        tables: [],
        notes: [`账户余额截至${today}。`, '本证明自出具之日起一个月内有效。', VERIFY_NOTE],
        seal,
      };
    }
    case 'realEstateRecord':
      return {
        ...head,
        fields: [{ label: '查询结果', value: `经查询，权利人名下共有登记的不动产 ${records.realEstate.length} 处` }],
        tables: [
          {
            title: '不动产登记信息',
            columns: ['不动产权证号', '坐落', '建筑面积（㎡）', '用途', '共有情况', '登记日期'],
            rows: records.realEstate.map((u) => [u.certificateNumber, `示例市${u.location}`, u.areaM2.toFixed(2), u.use, u.share, u.registeredOn]),
          },
        ],
        notes: [
          `本结果反映截至${today}不动产登记簿记载的信息。`,
          ...records.realEstate.map((u) => `${u.certificateNumber}：不动产单元号 ${u.unitNumber}，${u.rightType}。`),
          '上述不动产均无抵押、查封登记。',
          '本查询结果仅供权利人本人使用。',
          VERIFY_NOTE,
        ],
        seal,
      };
    case 'businessLicenceCopy': {
      const l = records.licences[0]!;
      return {
        ...head,
        fields: [
          { label: '统一社会信用代码', value: l.creditCode },
          { label: '名称', value: l.name },
          { label: '类型', value: l.type },
          { label: '法定代表人', value: holder.name },
          { label: '经营范围', value: l.scope },
          { label: '注册资本', value: l.registeredCapital },
          { label: '成立日期', value: l.establishedOn },
          { label: '住所', value: l.address },
          { label: '登记机关', value: l.authority },
          { label: '核准日期', value: l.approvedOn },
        ],
        tables: [],
        notes: ['本副本依网上核准的登记信息在自助终端打印，与纸质营业执照副本具有同等效力。', '国家企业信用信息公示系统网址：www.gsxt.gov.cn', VERIFY_NOTE],
        seal: `${l.authority}登记专用章`,
      };
    }
  }
}
