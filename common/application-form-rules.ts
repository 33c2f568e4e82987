/**
 * The host's check of an application draft before it is sent (applications-api.ts, platform-api.ts §Applications).
 * Pure: no Node or DOM.
 */
import type { ApplicationDraft, FieldProblem, FieldProblemCode, RequiredPaper } from './applications-api';
import { creditCodeCheckCharacter, validCreditCode } from './credit-code';
import { INSURANCE_TYPES, WITHDRAWAL_REASONS, luhnCheckDigit } from './platform-api';
import type { AttachmentKind, PostalAddress, SocialInsuranceRegistrationForm, HousingFundWithdrawalForm } from './platform-api';

type Code = FieldProblemCode | null;
const charCount = (s: string): number => [...s.trim()].length;

/** A length check on the trimmed text, counting characters (Chinese), not UTF-16 units. */
export function checkLength(value: string | undefined, min: number, max: number): Code {
  const n = charCount(value ?? '');
  if (n === 0) return 'required';
  if (n > max) return 'tooLong';
  return n < min ? 'format' : null;
}

/** ApplicationApplicant.phone: a mainland mobile number, 11 digits from 1[3-9]. */
export function checkPhone(phone: string): Code {
  const p = phone.trim();
  if (p === '') return 'required';
  return /^1[3-9]\d{9}$/.test(p) ? null : 'format';
}

/** base64 of the PNG magic 89 50 4E 47 0D 0A 1A 0A starts with this. */
const PNG_BASE64_PREFIX = 'iVBORw0KGgo';
/** ApplicationDraft.signaturePngBase64: a PNG drawn on the canvas; a blank canvas is tiny. */
export function checkSignature(pngBase64: string): Code {
  if (pngBase64.trim().length < 100) return 'emptySignature';
  return pngBase64.trim().startsWith(PNG_BASE64_PREFIX) ? null : 'format';
}

/** 统一社会信用代码 (GB 32100-2015; credit-code.ts): 18 characters of the code set, the last its check character. */
export function checkCreditCode(code: string | undefined): Code {
  const c = (code ?? '').trim();
  if (c === '') return 'required';
  if (creditCodeCheckCharacter(c.slice(0, 17)) === undefined || c.length !== 18) return 'format';
  return validCreditCode(c) ? null : 'checkCharacter';
}

const monthIndex = (yyyyMm: string): number => Number(yyyyMm.slice(0, 4)) * 12 + Number(yyyyMm.slice(5, 7)) - 1;
/** SocialInsuranceRegistrationForm.startMonth: YYYY-MM, not before 12 months ago, not after next month. */
export function checkStartMonth(startMonth: string, today: string): Code {
  const m = startMonth.trim();
  if (m === '') return 'required';
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(m)) return 'format';
  const diff = monthIndex(m) - monthIndex(today);
  return diff < -12 || diff > 1 ? 'outOfRange' : null;
}

/** HousingFundWithdrawalForm.amountYuan: yuan with two decimals, above 0 (the platform checks the balance). */
export function checkAmountYuan(amount: string): Code {
  const a = amount.trim();
  if (a === '') return 'required';
  if (!/^\d{1,9}\.\d{2}$/.test(a)) return 'format';
  return Number(a) > 0 ? null : 'outOfRange';
}

/** HousingFundWithdrawalForm.bankAccount: 12–19 digits, Luhn-checked (银联 card numbers). */
export function checkBankAccount(account: string): Code {
  const a = account.trim();
  if (a === '') return 'required';
  if (!/^\d{12,19}$/.test(a)) return 'format';
  return luhnCheckDigit(a.slice(0, -1)) === Number(a.slice(-1)) ? null : 'checkCharacter';
}

/** PostalAddress (platform-api.ts): the fields named `address.<key>`. */
export function checkPostalAddress(address: PostalAddress): FieldProblem[] {
  const checks: [keyof PostalAddress, Code][] = [
    ['recipientName', checkLength(address.recipientName, 1, 30)],
    ['phone', checkPhone(address.phone)],
    ['province', checkLength(address.province, 1, 20)],
    ['city', checkLength(address.city, 1, 20)],
    ['district', checkLength(address.district, 1, 20)],
    ['detail', checkLength(address.detail, 4, 120)],
    ['postcode', address.postcode.trim() === '' ? 'required' : /^\d{6}$/.test(address.postcode.trim()) ? null : 'format'],
  ];
  return checks.filter(([, code]) => code !== null).map(([key, code]) => ({ field: `address.${key}`, code: code! }));
}

function checkSocialInsuranceForm(form: SocialInsuranceRegistrationForm, today: string): [string, Code][] {
  const employee = form.employmentType === 'employee';
  const types = form.insuranceTypes;
  const allowed: readonly string[] = employee ? INSURANCE_TYPES : ['pension', 'medical'];
  return [
    ['employmentType', employee || form.employmentType === 'flexible' ? null : 'notAllowed'],
    ['employerName', employee ? checkLength(form.employerName, 1, 60) : charCount(form.employerName ?? '') > 0 ? 'notAllowed' : null],
    ['employerCreditCode', employee ? checkCreditCode(form.employerCreditCode) : charCount(form.employerCreditCode ?? '') > 0 ? 'notAllowed' : null],
    ['insuranceTypes', types.length === 0 ? 'required' : new Set(types).size !== types.length || types.some((t) => !allowed.includes(t)) ? 'notAllowed' : null],
    ['startMonth', checkStartMonth(form.startMonth, today)],
    ['householdType', form.householdType === 'urban' || form.householdType === 'rural' ? null : 'notAllowed'],
    ['address', checkLength(form.address, 4, 120)],
  ];
}

function checkHousingFundForm(form: HousingFundWithdrawalForm): [string, Code][] {
  return [
    ['reason', (WITHDRAWAL_REASONS as readonly string[]).includes(form.reason) ? null : 'notAllowed'],
    ['amountYuan', checkAmountYuan(form.amountYuan)],
    ['bankName', checkLength(form.bankName, 2, 40)],
    ['bankAccount', checkBankAccount(form.bankAccount)],
  ];
}

/** RequiredPaper.when (applications-api.ts). */
function paperApplies(paper: RequiredPaper, draft: ApplicationDraft): boolean {
  if (paper.when === 'always') return true;
  if (paper.when === 'employeeOnly') return draft.serviceCode === 'SI-PERSONAL-REGISTRATION' && draft.form.employmentType === 'employee';
  return draft.serviceCode === 'HF-WITHDRAWAL' && draft.form.reason === paper.when.reason;
}

export function checkApplicationDraft(
  draft: ApplicationDraft,
  context: { today: string; scannedPapers: readonly AttachmentKind[]; requiredPapers: readonly RequiredPaper[] },
): FieldProblem[] {
  const checks: [string, Code][] = [
    ['phone', checkPhone(draft.phone)],
    ['signature', checkSignature(draft.signaturePngBase64)],
    ...(draft.serviceCode === 'SI-PERSONAL-REGISTRATION' ? checkSocialInsuranceForm(draft.form, context.today) : checkHousingFundForm(draft.form)),
  ];
  for (const paper of context.requiredPapers) {
    if (paperApplies(paper, draft) && !context.scannedPapers.includes(paper.kind)) checks.push([`papers.${paper.kind}`, 'missingPaper']);
  }
  // Delivery: 公积金提取 has no paper result (ApplicationServiceView.delivery empty, ApplicationDelivery `none`).
  const method = draft.delivery.method;
  const deliveryAllowed = draft.serviceCode === 'HF-WITHDRAWAL' ? method === 'none' : method !== 'none';
  checks.push(['delivery', deliveryAllowed ? null : 'notAllowed']);
  const problems = checks.filter(([, code]) => code !== null).map(([field, code]) => ({ field, code: code! }));
  if (deliveryAllowed && draft.delivery.method === 'post') problems.push(...checkPostalAddress(draft.delivery.address));
  return problems;
}
