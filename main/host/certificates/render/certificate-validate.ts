/**
 * Checks a CertificateDocument before it is laid out (issue 17 §2; common/certificate-document.ts): every string
 * within its size and free of control characters, tables rectangular and of bounded size, an ISO issue date,
 * and a verification URL the QR code can carry: `https://`, or in training `http://127.0.0.1` (the platform
 * simulator on loopback). The first fault found is thrown as `invalidDocument` naming its field.
 */
import { CERTIFICATE_KINDS, type CertificateDocument } from '../../../../common/certificate-document';
import { invalidField } from './certificate-render-error';

export interface ValidateOptions {
  /** Training mode (ARCHITECTURE.md §8.5): a loopback `http://127.0.0.1` verification URL is accepted. */
  training: boolean;
}

/** Upper bounds, in characters (code points) or entries: what an A4 certificate can hold legibly. */
export const CERTIFICATE_LIMITS = {
  title: 40,
  issuer: 60,
  name: 60,
  idNumber: 32,
  label: 20,
  value: 200,
  fields: 30,
  tables: 8,
  tableTitle: 60,
  columns: 8,
  cell: 60,
  rows: 600,
  notes: 12,
  note: 300,
  code: 32,
  /** A longer URL makes QR modules too small to scan at the size printed (draw-verification.ts). */
  url: 512,
  seal: 24,
} as const;

const ISSUANCE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const CODE = /^[A-Za-z0-9-]{4,32}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// C0 and C1 controls, and line/paragraph separators: a certificate's text is single-line.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;

const length = (s: string): number => Array.from(s).length;

function text(field: string, value: unknown, max: number, required = true): void {
  if (typeof value !== 'string') throw invalidField(field, '应为文字', 'must be text');
  if (required && value.trim() === '') throw invalidField(field, '不能为空', 'must not be empty');
  if (length(value) > max) throw invalidField(field, `不能超过 ${max} 个字`, `must be at most ${max} characters`);
  if (CONTROL.test(value)) throw invalidField(field, '含有控制字符', 'contains a control character');
}

function list(field: string, value: unknown, max: number): unknown[] {
  if (!Array.isArray(value)) throw invalidField(field, '应为列表', 'must be a list');
  if (value.length > max) throw invalidField(field, `不能超过 ${max} 项`, `must have at most ${max} entries`);
  return value;
}

function issueDate(value: unknown): void {
  const m = typeof value === 'string' ? DATE.exec(value) : null;
  const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (!m || day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) {
    throw invalidField('issuedOn', '应为有效日期 YYYY-MM-DD', 'must be a valid date YYYY-MM-DD');
  }
}

function verificationUrl(value: unknown, training: boolean): void {
  text('verification.url', value, CERTIFICATE_LIMITS.url);
  let url: URL;
  try {
    url = new URL(value as string);
  } catch {
    throw invalidField('verification.url', '不是有效网址', 'is not a valid URL');
  }
  if (url.protocol === 'https:' && url.hostname !== '') return;
  if (training && url.protocol === 'http:' && url.hostname === '127.0.0.1') return;
  throw invalidField(
    'verification.url',
    training ? '应以 https:// 或 http://127.0.0.1 开头' : '应以 https:// 开头',
    training ? 'must start with https:// or http://127.0.0.1' : 'must start with https://',
  );
}

function tables(value: unknown): void {
  list('tables', value, CERTIFICATE_LIMITS.tables).forEach((table, t) => {
    const at = `tables[${t}]`;
    if (typeof table !== 'object' || table === null) throw invalidField(at, '应为表格', 'must be a table');
    const { title, columns, rows } = table as Record<string, unknown>;
    if (title !== undefined) text(`${at}.title`, title, CERTIFICATE_LIMITS.tableTitle);
    const cols = list(`${at}.columns`, columns, CERTIFICATE_LIMITS.columns);
    if (cols.length === 0) throw invalidField(`${at}.columns`, '至少要有一列', 'must have at least one column');
    cols.forEach((c, i) => text(`${at}.columns[${i}]`, c, CERTIFICATE_LIMITS.cell));
    list(`${at}.rows`, rows, CERTIFICATE_LIMITS.rows).forEach((row, r) => {
      const cells = list(`${at}.rows[${r}]`, row, CERTIFICATE_LIMITS.columns);
      if (cells.length !== cols.length) {
        throw invalidField(`${at}.rows[${r}]`, `应有 ${cols.length} 格，实有 ${cells.length} 格`, `must have ${cols.length} cells, has ${cells.length}`);
      }
      cells.forEach((c, i) => text(`${at}.rows[${r}][${i}]`, c, CERTIFICATE_LIMITS.cell, false));
    });
  });
}

/** Throws CertificateRenderError('invalidDocument', …, field) at the first fault; returns the document typed. */
export function validateCertificateDocument(doc: unknown, options: ValidateOptions): CertificateDocument {
  if (typeof doc !== 'object' || doc === null) throw invalidField('document', '缺少证明内容', 'no certificate document');
  const d = doc as Record<string, unknown>;
  if (typeof d.issuanceId !== 'string' || !ISSUANCE_ID.test(d.issuanceId)) {
    throw invalidField('issuanceId', '应为 1–64 位字母、数字或 ._-', 'must be 1–64 letters, digits or ._-');
  }
  if (!(CERTIFICATE_KINDS as readonly unknown[]).includes(d.kind)) throw invalidField('kind', '不是可出具的证明种类', 'is not a certificate kind');
  text('title', d.title, CERTIFICATE_LIMITS.title);
  text('issuer', d.issuer, CERTIFICATE_LIMITS.issuer);
  issueDate(d.issuedOn);
  const holder = (typeof d.holder === 'object' && d.holder !== null ? d.holder : {}) as Record<string, unknown>;
  text('holder.name', holder.name, CERTIFICATE_LIMITS.name);
  text('holder.idNumber', holder.idNumber, CERTIFICATE_LIMITS.idNumber);
  list('fields', d.fields, CERTIFICATE_LIMITS.fields).forEach((f, i) => {
    const field = (typeof f === 'object' && f !== null ? f : {}) as Record<string, unknown>;
    text(`fields[${i}].label`, field.label, CERTIFICATE_LIMITS.label);
    text(`fields[${i}].value`, field.value, CERTIFICATE_LIMITS.value, false);
  });
  tables(d.tables);
  list('notes', d.notes, CERTIFICATE_LIMITS.notes).forEach((n, i) => text(`notes[${i}]`, n, CERTIFICATE_LIMITS.note));
  const verification = (typeof d.verification === 'object' && d.verification !== null ? d.verification : {}) as Record<string, unknown>;
  if (typeof verification.code !== 'string' || !CODE.test(verification.code)) {
    throw invalidField('verification.code', '应为 4–32 位字母、数字或连字符', 'must be 4–32 letters, digits or hyphens');
  }
  verificationUrl(verification.url, options.training);
  if (d.seal !== undefined) text('seal', d.seal, CERTIFICATE_LIMITS.seal);
  return doc as CertificateDocument;
}
