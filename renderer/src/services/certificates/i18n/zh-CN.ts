/**
 * The certificate screens' source catalog (issue 17 §2; ARCHITECTURE.md §8.12), kept apart from the citizen
 * catalogs as the guide screens keep theirs; zh-TW.ts and en.ts are typed `CertificatesCatalog`, so a missing
 * or extra id there is a compile error. Certificates themselves are issued in Chinese: their titles come
 * from the platform as they are printed.
 */
export const certificatesZhCN = {
  'title': '证明打印',
  'continue': '继续，选择证明',
  'choose.title': '请选择要打印的证明',
  'choose.loading': '正在查询您可以打印的证明…',
  'choose.none': '平台暂无您可以自助打印的证明，请到窗口咨询。',
  'choose.failed': '暂时无法查询可打印的证明：{reason}',
  'choose.retry': '重新查询',
  'choose.issuer': '出具单位：{issuer}',
  'preparing': '正在生成“{title}”，请稍候…',
  'preview.title': '请核对证明内容',
  'preview.page': '第 {page} 页 / 共 {pages} 页',
  'preview.image': '证明预览，第 {page} 页',
  'preview.code': '验证码 {code}',
  'preview.prev': '上一页',
  'preview.next': '下一页',
  'preview.print': '确认打印',
  'preview.hint': '证明将从下方的 A4 出纸口打出，每次打印都会记录。',
  'printing': '正在打印“{title}”，请稍候，不要离开。',
  'outcome.issued': '打印完成，请从下方出纸口取走证明。',
  'outcome.issuedPages': '共 {pages} 页，可扫描证明上的二维码核验真伪。',
  'outcome.voided': '证明没有打印出来：{reason}',
  'outcome.partial': '打印中途停止，已打出的纸张请留在出纸口，工作人员会收走销毁。',
  'outcome.retry': '重新打印',
  'outcome.window': '也可以到窗口办理。',
  'outcome.uncertain': '打印状态暂时无法确认，请查看下方出纸口。工作人员已收到通知，会为您核对，不会重复出具。',
  'refused.notAvailable': '平台暂无您的这项记录，无法出具该证明。',
  'refused.failed': '暂时无法生成证明：{reason}',
  'another': '打印其他证明',
  'done': '完成',
  'back': '返回',
} as const;

export type CertificatesMessageId = keyof typeof certificatesZhCN;
export type CertificatesCatalog = Readonly<Record<CertificatesMessageId, string>>;
