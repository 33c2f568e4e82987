/**
 * Certificates as the platform simulator would return them (issue 17 §2), for the render tests and the
 * benchmark: a one-page 个人参保证明 and a 个人社会保险缴费历史 whose payment table runs over three pages.
 * The holder is fictitious (the ID number's check digit is valid: GB 11643).
 */
import type { CertificateDocument } from '../../../../../common/certificate-document';

export const SAMPLE_HOLDER = { name: '李文静', idNumber: '11010519491231002X' };
export const SAMPLE_URL = 'https://verify.example.gov.cn/v/SB-2026-000123?c=7KQ4-M2XD&sig=Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA';

export function socialInsuranceRecord(): CertificateDocument {
  return {
    issuanceId: 'ISS-20260105-0001',
    kind: 'socialInsuranceRecord',
    title: '个人参保证明',
    issuer: '某市社会保险事业管理中心',
    issuedOn: '2026-01-05',
    holder: { ...SAMPLE_HOLDER },
    fields: [
      { label: '社会保障号码', value: SAMPLE_HOLDER.idNumber },
      { label: '参保单位', value: '某市某区政务服务中心' },
      { label: '参保状态', value: '正常参保' },
      { label: '养老保险', value: '2012年03月起 参保缴费，累计缴费 166 个月' },
      { label: '医疗保险', value: '2012年03月起 参保缴费' },
      { label: '失业保险', value: '2012年03月起 参保缴费' },
    ],
    tables: [],
    notes: ['本证明仅证明参保人截至出具日期的参保情况。', '本证明可通过扫描二维码或登录核验网址输入验证码核验真伪，自出具之日起三个月内有效。'],
    verification: { code: '7KQ4-M2XD', url: SAMPLE_URL },
    seal: '某市社会保险事业管理中心电子证明专用章',
  };
}

/** Monthly payments from 2019-01, `months` rows (72 fill three pages). */
export function socialInsurancePayments(months = 72): CertificateDocument {
  const rows: string[][] = [];
  for (let i = 0; i < months; i++) {
    const year = 2019 + Math.floor(i / 12);
    const month = String((i % 12) + 1).padStart(2, '0');
    const base = 5200 + 150 * Math.floor(i / 12);
    rows.push([`${year}-${month}`, '某市某区政务服务中心', base.toFixed(2), (base * 0.16).toFixed(2), (base * 0.08).toFixed(2), '已到账']);
  }
  return {
    ...socialInsuranceRecord(),
    issuanceId: 'ISS-20260105-0002',
    kind: 'socialInsurancePayments',
    title: '个人社会保险缴费历史',
    fields: [
      { label: '社会保障号码', value: SAMPLE_HOLDER.idNumber },
      { label: '险种', value: '城镇企业职工基本养老保险' },
      { label: '查询期间', value: `2019年01月 至 ${2019 + Math.floor((months - 1) / 12)}年${String(((months - 1) % 12) + 1).padStart(2, '0')}月` },
    ],
    tables: [{ title: '缴费明细', columns: ['费款所属期', '缴费单位', '缴费基数（元）', '单位缴纳（元）', '个人缴纳（元）', '到账状态'], rows }],
    verification: { code: 'H8PQ-3RTW-K2', url: 'https://verify.example.gov.cn/v/SB-2026-000124?c=H8PQ-3RTW-K2&sig=cXV4MTIzNDU2Nzg5MGZvb2Jhcg' },
  };
}
