import { describe, it, expect } from 'vitest';
import type { ApplicationDraft, RequiredPaper } from './applications-api';
import { luhnCheckDigit } from './platform-api';
import { checkApplicationDraft, checkBankAccount, checkCreditCode, checkStartMonth, checkAmountYuan, checkPhone, checkSignature } from './application-form-rules';

const signature = 'iVBORw0KGgo' + 'A'.repeat(120);
const name = { 'zh-CN': 'x', 'zh-TW': 'x', en: 'x' };
const papers: RequiredPaper[] = [
  { kind: 'householdRegister', name, when: 'always', maxPages: 2, reads: 'householdRegister' },
  { kind: 'businessLicence', name, when: 'employeeOnly', maxPages: 1, reads: 'businessLicence' },
  { kind: 'rentalContract', name, when: { reason: 'rent' }, maxPages: 4, reads: null },
];
const base17 = '622202020011234567';
const bank = base17 + String(luhnCheckDigit(base17));
const context = { today: '2026-12-02', scannedPapers: ['householdRegister', 'businessLicence', 'rentalContract'] as const, requiredPapers: papers };
const siDraft: ApplicationDraft = {
  phone: '13800138000', scans: ['s1'], signaturePngBase64: signature, delivery: { method: 'window' },
  serviceCode: 'SI-PERSONAL-REGISTRATION',
  form: { employmentType: 'employee', employerName: '某某公司', employerCreditCode: '91350100M000100Y43', insuranceTypes: ['pension', 'medical'], startMonth: '2026-12', householdType: 'urban', address: '贵州省贵阳市某路1号' },
};
const hfDraft: ApplicationDraft = {
  phone: '13800138000', scans: ['s1'], signaturePngBase64: signature, delivery: { method: 'none' },
  serviceCode: 'HF-WITHDRAWAL', form: { reason: 'rent', amountYuan: '12000.00', bankName: '工商银行', bankAccount: bank },
};

describe('checkApplicationDraft', () => {
  it('accepts valid drafts of both services', () => {
    expect(checkApplicationDraft(siDraft, context)).toEqual([]);
    expect(checkApplicationDraft(hfDraft, context)).toEqual([]);
  });
  it('reports missing papers by when', () => {
    expect(checkApplicationDraft(siDraft, { ...context, scannedPapers: ['householdRegister'] })).toEqual([{ field: 'papers.businessLicence', code: 'missingPaper' }]);
    expect(checkApplicationDraft(hfDraft, { ...context, scannedPapers: ['householdRegister'] })).toEqual([{ field: 'papers.rentalContract', code: 'missingPaper' }]);
  });
  it('checks delivery per service and the postal address', () => {
    expect(checkApplicationDraft({ ...hfDraft, delivery: { method: 'window' } }, context)).toEqual([{ field: 'delivery', code: 'notAllowed' }]);
    const address = { recipientName: '张三', phone: '1380013800', province: '贵州省', city: '贵阳市', district: '南明区', detail: '某路1号', postcode: '55000' };
    expect(checkApplicationDraft({ ...siDraft, delivery: { method: 'post', address } }, context)).toEqual([
      { field: 'address.phone', code: 'format' },
      { field: 'address.postcode', code: 'format' },
    ]);
  });
  it('rejects employer fields and other insurance for flexible employment', () => {
    const form = { ...siDraft.form, employmentType: 'flexible' as const, insuranceTypes: ['pension' as const, 'workInjury' as const] };
    const problems = checkApplicationDraft({ ...siDraft, serviceCode: 'SI-PERSONAL-REGISTRATION', form }, context);
    expect(problems).toContainEqual({ field: 'employerName', code: 'notAllowed' });
    expect(problems).toContainEqual({ field: 'insuranceTypes', code: 'notAllowed' });
  });
});

describe('field checks', () => {
  it('phone', () => {
    expect(checkPhone('')).toBe('required');
    expect(checkPhone('12800138000')).toBe('format');
  });
  it('signature', () => {
    expect(checkSignature('')).toBe('emptySignature');
    expect(checkSignature('/9j/' + 'A'.repeat(120))).toBe('format');
  });
  it('credit code', () => {
    expect(checkCreditCode('91350100M000100Y43')).toBeNull();
    expect(checkCreditCode('91350100M000100Y44')).toBe('checkCharacter');
    expect(checkCreditCode('91350100M000100Y4')).toBe('format');
  });
  it('start month', () => {
    expect(checkStartMonth('2025-11', '2026-12-02')).toBe('outOfRange');
    expect(checkStartMonth('2025-12', '2026-12-02')).toBeNull();
    expect(checkStartMonth('2027-01', '2026-12-02')).toBeNull();
    expect(checkStartMonth('2027-02', '2026-12-02')).toBe('outOfRange');
    expect(checkStartMonth('2026-13', '2026-12-02')).toBe('format');
  });
  it('amount and bank account', () => {
    expect(checkAmountYuan('0.00')).toBe('outOfRange');
    expect(checkAmountYuan('12000')).toBe('format');
    expect(checkBankAccount(bank)).toBeNull();
    expect(checkBankAccount(base17 + String((luhnCheckDigit(base17) + 1) % 10))).toBe('checkCharacter');
    expect(checkBankAccount('12345')).toBe('format');
  });
});
