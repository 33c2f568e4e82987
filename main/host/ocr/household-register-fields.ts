/**
 * The fields of a household register page 常住人口登记卡 (issue 17 §4): 姓名 and 公民身份号码 (GB 11643 check digit
 * verified, check-characters.ts; older books print 公民身份证件编号), and 性别, 出生日期, 民族. Labels as the
 * Ministry of Public Security's 户口簿 page prints them; every label of the page is listed so that a value stops
 * at the next one.
 */
import { checkIdNumber } from './check-characters';
import { labelledValues, plainField, type DocumentField } from './document-fields';
import { numberedField } from './numbered-field';
import type { PageRow } from './page-rows';

export interface HouseholdRegisterFields {
  name?: DocumentField;
  idNumber?: DocumentField;
  sex?: DocumentField;
  birthDate?: DocumentField;
  ethnicity?: DocumentField;
}

const LABELS: Readonly<Record<string, string>> = {
  姓名: 'name',
  公民身份号码: 'idNumber',
  公民身份证件编号: 'idNumber',
  身份证件编号: 'idNumber',
  性别: 'sex',
  出生日期: 'birthDate',
  民族: 'ethnicity',
  户主或与户主关系: 'other',
  曾用名: 'other',
  出生地: 'other',
  籍贯: 'other',
  宗教信仰: 'other',
  身高: 'other',
  血型: 'other',
  文化程度: 'other',
  婚姻状况: 'other',
  兵役状况: 'other',
  服务处所: 'other',
  职业: 'other',
  承办人签章: 'other',
  登记日期: 'other',
};

/** Digits, the X check character, and what OCR reads digits as. */
const ID_READ = /[0-9Xx|OoDQIliZzSsB]/;

export function householdRegisterFields(rows: readonly PageRow[]): HouseholdRegisterFields {
  const out: HouseholdRegisterFields = {};
  for (const v of labelledValues(rows, LABELS)) {
    const key = v.label as keyof HouseholdRegisterFields | 'other';
    if (key === 'other' || out[key]) continue;
    if (key === 'idNumber') {
      const f = numberedField({ text: v.value, confidences: v.confidences, sourceLine: v.row.text.replace(/\t/g, ' ') }, ID_READ, checkIdNumber);
      if (f) out.idNumber = f;
    } else if (v.value !== '') out[key] = plainField(v);
  }
  if (!out.idNumber) {
    for (const row of rows) {
      const f = numberedField({ text: row.text, confidences: row.confidences, sourceLine: row.text.replace(/\t/g, ' ') }, ID_READ, checkIdNumber);
      if (f?.checked === 'valid') {
        out.idNumber = f;
        break;
      }
    }
  }
  return out;
}
