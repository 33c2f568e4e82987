/**
 * What the simulated platform requires of an application (issue 17 §5; docs/platform-api.md "Services"):
 * the applicant, the service's form field by field, the attachments each service needs (of the media type
 * they claim to be), a signature image and how the result reaches the citizen. Every problem is collected
 * (problems.ts) so the kiosk can show them all; nothing is stored for a refused application.
 */
import { ATTACHMENT_KINDS, ATTACHMENT_MEDIA_TYPES, INSURANCE_TYPES, PLATFORM_CARD_TYPES, WITHDRAWAL_REASONS, luhnCheckDigit } from '../../common/platform-api';
import type { ApplicationAttachment, ApplicationDelivery, ApplicationServiceCode, AttachmentKind, InsuranceType, SubmittedItem } from '../../common/platform-api';
import { validIdNumber } from '../../drivers/protocol/ga467/id-number';
import type { CitizenRecords } from './citizen-records';
import { validCreditCode } from './credit-code';
import { checkAddress } from './post-booking';
import { MOBILE_PATTERN, Problems, isPlainObject, type Fields } from './problems';

export const SERVICE_NAMES: Readonly<Record<ApplicationServiceCode, string>> = {
  'SI-PERSONAL-REGISTRATION': '个人参保登记',
  'HF-WITHDRAWAL': '住房公积金提取',
};
const ATTACHMENT_NAMES: Readonly<Record<AttachmentKind, string>> = {
  householdRegister: '户口簿首页及本人页',
  businessLicence: '单位营业执照',
  rentalContract: '房屋租赁合同',
  purchaseContract: '购房合同',
  retirementCertificate: '退休证',
  other: '其他材料',
};
const MAGIC: Readonly<Record<(typeof ATTACHMENT_MEDIA_TYPES)[number], number[]>> = {
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47],
  'application/pdf': [0x25, 0x50, 0x44, 0x46],
};
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const MAX_ATTACHMENTS = 12;
const MAX_ATTACHMENT_BYTES = 6 * 1024 * 1024;
const MIN_SIGNATURE_BYTES = 64;

export interface CheckedApplication {
  serviceCode: ApplicationServiceCode;
  idNumber: string;
  name: string;
  verificationId: string;
  items: SubmittedItem[];
  delivery: ApplicationDelivery['method'];
  postAddress?: Extract<ApplicationDelivery, { method: 'post' }>['address'];
}

export interface RuleContext {
  nowMs: number;
  /** The hall-local month now, YYYY-MM. */
  currentMonth: string;
  records(idNumber: string): CitizenRecords;
}

function startsWith(bytes: Buffer, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function decoded(value: unknown, field: string, what: [string, string], p: Problems): Buffer | undefined {
  if (typeof value !== 'string' || value === '' || !BASE64.test(value) || value.length % 4 !== 0) {
    p.add(field, `${what[0]}不是有效的数据`, `${what[1]} is not base64 data`);
    return undefined;
  }
  return Buffer.from(value, 'base64');
}

function attachments(value: unknown, p: Problems): ApplicationAttachment['kind'][] {
  if (!Array.isArray(value) || value.length > MAX_ATTACHMENTS) {
    p.add('attachments', `材料应为不超过 ${MAX_ATTACHMENTS} 份的列表`, `attachments must be a list of at most ${MAX_ATTACHMENTS}`);
    return [];
  }
  const kinds: AttachmentKind[] = [];
  value.forEach((a: unknown, i) => {
    const field = `attachments[${i}]`;
    const o = p.object(a, field, ['材料', 'the attachment']);
    if (!o) return;
    const kind = p.oneOf(o, 'kind', `${field}.kind`, ['材料类型', 'the kind'], ATTACHMENT_KINDS);
    const mediaType = p.oneOf(o, 'mediaType', `${field}.mediaType`, ['文件类型', 'the media type'], ATTACHMENT_MEDIA_TYPES);
    const bytes = decoded(o.base64, `${field}.base64`, ['材料扫描件', 'the scan'], p);
    if (bytes && bytes.length > MAX_ATTACHMENT_BYTES) p.add(`${field}.base64`, '材料扫描件过大', `the scan is over ${MAX_ATTACHMENT_BYTES} bytes`);
    else if (bytes && mediaType && !startsWith(bytes, MAGIC[mediaType])) p.add(`${field}.base64`, '材料扫描件与文件类型不符', `the scan is not ${mediaType}`);
    if (kind) kinds.push(kind);
  });
  return kinds;
}

function monthNumber(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

function socialInsuranceForm(o: Fields, ctx: RuleContext, kinds: AttachmentKind[], p: Problems): void {
  const type = p.oneOf(o, 'employmentType', 'form.employmentType', ['就业类型', 'the employment type'], ['employee', 'flexible'] as const);
  if (type === 'employee') {
    p.text(o, 'employerName', 'form.employerName', ['参保单位名称', 'the employer\'s name'], 2, 100);
    const code = p.text(o, 'employerCreditCode', 'form.employerCreditCode', ['单位统一社会信用代码', 'the employer\'s credit code'], 18, 18, /^[0-9A-Z]{18}$/);
    if (code !== undefined && !validCreditCode(code)) p.add('form.employerCreditCode', '统一社会信用代码的校验位不对，请核对', 'the credit code\'s check character is wrong');
    if (!kinds.includes('businessLicence')) p.add('attachments', '请扫描单位营业执照', 'the employer\'s business licence is required');
  } else if (type === 'flexible') {
    for (const key of ['employerName', 'employerCreditCode']) if (o[key] !== undefined) p.add(`form.${key}`, '灵活就业人员不填参保单位', 'flexible employment has no employer');
  }
  const types = o.insuranceTypes;
  if (!Array.isArray(types) || types.length === 0) p.add('form.insuranceTypes', '请至少选择一个险种', 'choose at least one insurance');
  else if (new Set(types).size !== types.length || !types.every((t) => (INSURANCE_TYPES as readonly unknown[]).includes(t))) p.add('form.insuranceTypes', '险种选择不正确', `insurances must be distinct, of ${INSURANCE_TYPES.join(', ')}`);
  else if (type === 'flexible' && !(types as InsuranceType[]).every((t) => t === 'pension' || t === 'medical')) p.add('form.insuranceTypes', '灵活就业人员只能参加养老保险和医疗保险', 'flexible employment covers pension and medical only');
  const start = p.text(o, 'startMonth', 'form.startMonth', ['参保起始年月', 'the start month'], 7, 7, /^\d{4}-(0[1-9]|1[0-2])$/);
  if (start !== undefined) {
    const diff = monthNumber(start) - monthNumber(ctx.currentMonth);
    if (diff < -12 || diff > 1) p.add('form.startMonth', '参保起始年月应在近 12 个月内或下个月', 'the start month must be within the last 12 months or next month');
  }
  p.oneOf(o, 'householdType', 'form.householdType', ['户口性质', 'the household type'], ['urban', 'rural'] as const);
  p.text(o, 'address', 'form.address', ['常住地址', 'the address'], 6, 120);
  if (!kinds.includes('householdRegister')) p.add('attachments', '请扫描户口簿首页及本人页', 'the household register pages are required');
}

function housingFundForm(o: Fields, records: CitizenRecords | undefined, kinds: AttachmentKind[], p: Problems): void {
  if (records && !records.housingFund) p.add('applicant', '申请人没有住房公积金账户', 'the applicant has no housing fund account');
  const reason = p.oneOf(o, 'reason', 'form.reason', ['提取原因', 'the reason'], WITHDRAWAL_REASONS);
  const needs: Partial<Record<(typeof WITHDRAWAL_REASONS)[number], AttachmentKind>> = { rent: 'rentalContract', purchase: 'purchaseContract', retirement: 'retirementCertificate' };
  const needed = reason ? needs[reason] : undefined;
  if (needed && !kinds.includes(needed)) p.add('attachments', `请扫描${ATTACHMENT_NAMES[needed]}`, `the ${needed} is required for this reason`);
  const amount = p.text(o, 'amountYuan', 'form.amountYuan', ['提取金额', 'the amount'], 4, 12, /^\d{1,9}\.\d{2}$/);
  if (amount !== undefined) {
    const value = Number(amount);
    if (value <= 0) p.add('form.amountYuan', '提取金额应大于零', 'the amount must be more than zero');
    else if (records?.housingFund && value > records.housingFund.balanceYuan) p.add('form.amountYuan', '提取金额超过账户余额', 'the amount is more than the balance');
  }
  p.text(o, 'bankName', 'form.bankName', ['收款银行', 'the bank'], 2, 50);
  const account = p.text(o, 'bankAccount', 'form.bankAccount', ['银行卡号', 'the bank account number'], 12, 19, /^\d{12,19}$/);
  if (account !== undefined && luhnCheckDigit(account.slice(0, -1)) !== Number(account.slice(-1))) p.add('form.bankAccount', '银行卡号有误，请核对', 'the bank account number does not check');
}

function items(kinds: AttachmentKind[]): SubmittedItem[] {
  const list: SubmittedItem[] = [{ name: '申请表', count: 1 }];
  for (const kind of ATTACHMENT_KINDS) {
    const count = kinds.filter((k) => k === kind).length;
    if (count > 0) list.push({ name: ATTACHMENT_NAMES[kind], count });
  }
  list.push({ name: '手写签名', count: 1 });
  return list;
}

/** The application checked against the service's rules: its problems, or what the store keeps of it. */
export function checkApplication(body: Fields, ctx: RuleContext): { problems: Problems; application?: CheckedApplication } {
  const p = new Problems();
  const serviceCode = p.oneOf(body, 'serviceCode', 'serviceCode', ['办理事项', 'the service'], Object.keys(SERVICE_NAMES) as ApplicationServiceCode[]);
  const applicant = p.object(body.applicant, 'applicant', ['申请人', 'the applicant']) ?? {};
  const verificationId = p.text(applicant, 'verificationId', 'applicant.verificationId', ['身份核验编号', 'the verification id'], 1, 64);
  const cardType = p.oneOf(applicant, 'cardType', 'applicant.cardType', ['证件类型', 'the card type'], PLATFORM_CARD_TYPES);
  const idNumber = p.text(applicant, 'idNumber', 'applicant.idNumber', ['证件号码', 'the ID number'], 15, 18);
  if (idNumber !== undefined && cardType && !validIdNumber(cardType, idNumber)) p.add('applicant.idNumber', '证件号码有误', 'the ID number does not check');
  const name = p.text(applicant, 'name', 'applicant.name', ['申请人姓名', 'the applicant\'s name'], 1, 100);
  p.text(applicant, 'phone', 'applicant.phone', ['手机号码', 'the mobile number'], 11, 11, MOBILE_PATTERN);
  const kinds = attachments(body.attachments, p);
  const form = p.object(body.form, 'form', ['申请表', 'the form']);
  const records = idNumber !== undefined ? ctx.records(idNumber) : undefined;
  if (form && serviceCode === 'SI-PERSONAL-REGISTRATION') socialInsuranceForm(form, ctx, kinds, p);
  if (form && serviceCode === 'HF-WITHDRAWAL') housingFundForm(form, records, kinds, p);
  const signature = isPlainObject(body.signature) ? decoded(body.signature.pngBase64, 'signature.pngBase64', ['签名', 'the signature'], p) : undefined;
  if (!isPlainObject(body.signature)) p.add('signature', '请签名', 'the signature is required');
  else if (signature && (signature.length < MIN_SIGNATURE_BYTES || !startsWith(signature, MAGIC['image/png']))) p.add('signature.pngBase64', '签名不是有效的图片', 'the signature is not a PNG image');
  const delivery = p.object(body.delivery, 'delivery', ['领取方式', 'the delivery']);
  const allowed = serviceCode === 'HF-WITHDRAWAL' ? (['none'] as const) : (['window', 'locker', 'post'] as const);
  const method = delivery ? p.oneOf(delivery, 'method', 'delivery.method', ['领取方式', 'the delivery'], allowed) : undefined;
  const postAddress = method === 'post' ? checkAddress(delivery!.address, 'delivery.address', p) : undefined;
  if (p.any || !serviceCode || !idNumber || !name || !verificationId || !method) return { problems: p };
  const application: CheckedApplication = { serviceCode, idNumber, name, verificationId, items: items(kinds), delivery: method };
  if (postAddress) application.postAddress = postAddress;
  return { problems: p, application };
}
