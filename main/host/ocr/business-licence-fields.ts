/**
 * The fields of a business licence 营业执照 (issue 17 §4): 统一社会信用代码 (GB 32100 check character verified,
 * check-characters.ts), 名称, 法定代表人 (负责人 / 经营者 / 执行事务合伙人 on other kinds of licence), 类型, 住所
 * (经营场所 / 主要经营场所). Labels as the SAMR licence template prints them.
 */
import { checkCreditCode } from './check-characters';
import { labelledValues, plainField, type DocumentField } from './document-fields';
import { numberedField } from './numbered-field';
import type { PageRow } from './page-rows';

export interface BusinessLicenceFields {
  creditCode?: DocumentField;
  name?: DocumentField;
  legalRepresentative?: DocumentField;
  type?: DocumentField;
  address?: DocumentField;
}

const LABELS: Readonly<Record<string, string>> = {
  统一社会信用代码: 'creditCode',
  名称: 'name',
  类型: 'type',
  法定代表人: 'legalRepresentative',
  负责人: 'legalRepresentative',
  经营者: 'legalRepresentative',
  执行事务合伙人: 'legalRepresentative',
  住所: 'address',
  经营场所: 'address',
  主要经营场所: 'address',
  经营范围: 'other',
  注册资本: 'other',
  出资额: 'other',
  成立日期: 'other',
  注册日期: 'other',
  营业期限: 'other',
  合伙期限: 'other',
  登记机关: 'other',
  组成形式: 'other',
};

/** Characters a credit code is read as: its own set plus the letters OCR confuses with digits. */
const CREDIT_CODE_READ = /[0-9A-Za-z]/;

export function businessLicenceFields(rows: readonly PageRow[]): BusinessLicenceFields {
  const out: BusinessLicenceFields = {};
  for (const v of labelledValues(rows, LABELS)) {
    const key = v.label as keyof BusinessLicenceFields | 'other';
    if (key === 'other' || out[key]) continue;
    if (key === 'creditCode') {
      const f = numberedField({ text: v.value, confidences: v.confidences, sourceLine: v.row.text.replace(/\t/g, ' ') }, CREDIT_CODE_READ, checkCreditCode);
      if (f) out.creditCode = f;
    } else if (v.value !== '') out[key] = plainField(v);
  }
  // The label misread: any 18-character run on the page whose check passes is the code.
  if (!out.creditCode) {
    for (const row of rows) {
      const f = numberedField({ text: row.text, confidences: row.confidences, sourceLine: row.text.replace(/\t/g, ' ') }, CREDIT_CODE_READ, checkCreditCode);
      if (f?.checked === 'valid' && /^[0-9]{2}[0-9]{6}/.test(f.value)) {
        out.creditCode = f;
        break;
      }
    }
  }
  return out;
}
