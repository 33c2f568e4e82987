/**
 * The certificate the render worker draws once at start (render-worker.ts), so that pdfkit's and fontkit's code
 * is compiled and warm before a citizen's first certificate: no personal data, never printed.
 */
import type { CertificateDocument } from '../../../../common/certificate-document';

export const WARM_UP_DOCUMENT: CertificateDocument = {
  issuanceId: 'warm-up',
  kind: 'socialInsuranceRecord',
  title: '证明样张',
  issuer: '自助终端',
  issuedOn: '2026-01-01',
  holder: { name: '样张', idNumber: '000000000000000000' },
  fields: [{ label: '状态', value: '正常 0123456789' }],
  tables: [{ title: '明细', columns: ['期间', '金额（元）'], rows: [['2026-01', '1000.00']] }],
  notes: ['样张，不作证明使用。'],
  verification: { code: 'WARM-UP', url: 'https://127.0.0.1/warm-up' },
  seal: '样张专用',
};
