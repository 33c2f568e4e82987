/**
 * A certificate as the kiosk prints it (issue 17 §2): what the platform returned for one citizen and one kind
 * of certificate, laid out on A4 by the host's PDF worker. The platform decides the content and signs the
 * verification URL; the kiosk only renders it, so nothing here is computed by the kiosk but the page count.
 */

/** The kinds the platform can issue (issue 17 §2); a platform may offer fewer to a given citizen. */
export const CERTIFICATE_KINDS = [
  'socialInsuranceRecord', // 个人参保证明
  'socialInsurancePayments', // 个人社会保险缴费历史
  'housingFundDeposit', // 公积金缴存证明
  'realEstateRecord', // 不动产登记信息查询结果
  'businessLicenceCopy', // 营业执照（副本），approved online, printed at the kiosk
] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];

export interface CertificateTable {
  title?: string;
  columns: string[];
  rows: string[][];
}

export interface CertificateDocument {
  /** The issuance journal's id; printed small in the footer, and the printer job's name. */
  issuanceId: string;
  kind: CertificateKind;
  /** 个人参保证明 */
  title: string;
  /** The issuing body, e.g. 某市社会保险事业管理中心. */
  issuer: string;
  /** The issue date as printed, already in the hall's calendar (YYYY-MM-DD). */
  issuedOn: string;
  /** The citizen as the platform has them; printed in full: the certificate is their own document. */
  holder: { name: string; idNumber: string };
  /** Label / value lines under the title (单位名称, 参保状态 …). */
  fields: Array<{ label: string; value: string }>;
  /** Payment histories and the like; may run over several pages (headers repeated). */
  tables: CertificateTable[];
  /** 说明: the small print. */
  notes: string[];
  /** The platform's verification code and the signed URL its QR code encodes. */
  verification: { code: string; url: string };
  /** The seal's words, drawn as a ring (an electronic seal's caption, not an image of a real one). */
  seal?: string;
}
