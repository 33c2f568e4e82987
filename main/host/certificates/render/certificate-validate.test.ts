import { describe, expect, it } from 'vitest';
import type { CertificateDocument } from '../../../../common/certificate-document';
import { CertificateRenderError } from './certificate-render-error';
import { validateCertificateDocument } from './certificate-validate';
import { socialInsurancePayments, socialInsuranceRecord } from './test-support/sample-certificates';

function faultOf(doc: unknown, training = false): CertificateRenderError {
  try {
    validateCertificateDocument(doc, { training });
  } catch (err) {
    if (err instanceof CertificateRenderError) return err;
    throw err;
  }
  throw new Error('the document was accepted');
}

const edit = (change: (d: CertificateDocument) => void): CertificateDocument => {
  const d = socialInsurancePayments();
  change(d);
  return d;
};

describe('validateCertificateDocument', () => {
  it('accepts the sample certificates', () => {
    expect(validateCertificateDocument(socialInsuranceRecord(), { training: false }).title).toBe('个人参保证明');
    expect(validateCertificateDocument(socialInsurancePayments(), { training: false }).tables[0]?.rows).toHaveLength(72);
  });

  it.each([
    ['holder.name', (d: CertificateDocument) => (d.holder.name = '长'.repeat(61))],
    ['holder.idNumber', (d: CertificateDocument) => (d.holder.idNumber = '')],
    ['title', (d: CertificateDocument) => (d.title = '个人\n参保证明')],
    ['issuedOn', (d: CertificateDocument) => (d.issuedOn = '2026-02-30')],
    ['issuanceId', (d: CertificateDocument) => (d.issuanceId = '../etc')],
    ['kind', (d: CertificateDocument) => ((d as { kind: string }).kind = 'passport')],
    ['fields[1].label', (d: CertificateDocument) => ((d.fields[1] as { label: unknown }).label = 7)],
    ['tables[0].rows[5]', (d: CertificateDocument) => d.tables[0]?.rows[5]?.pop()],
    ['tables[0].rows[2][1]', (d: CertificateDocument) => ((d.tables[0]?.rows[2] as string[])[1] = 'x'.repeat(61))],
    ['tables[0].columns', (d: CertificateDocument) => ((d.tables[0] as { columns: string[] }).columns = [])],
    ['notes[2]', (d: CertificateDocument) => d.notes.push('\u0007')],
    ['verification.code', (d: CertificateDocument) => (d.verification.code = 'ab')],
    ['verification.url', (d: CertificateDocument) => (d.verification.url = 'http://verify.example.gov.cn/v/1')],
    ['verification.url', (d: CertificateDocument) => (d.verification.url = `https://verify.example.gov.cn/v?${'a'.repeat(520)}`)],
    ['seal', (d: CertificateDocument) => (d.seal = '章'.repeat(25))],
  ])('names the field at fault: %s', (field, change) => {
    const err = faultOf(edit(change));
    expect(err.code).toBe('invalidDocument');
    expect(err.field).toBe(field);
    expect(err.message).toMatch(new RegExp(`^证明内容有误（${field.replace(/[[\]().]/g, '\\$&')}）：.+ / invalid certificate \\(`));
  });

  it('accepts http://127.0.0.1 (the platform simulator) only in training', () => {
    const local = edit((d) => (d.verification.url = 'http://127.0.0.1:41234/verify/abc?sig=x'));
    expect(faultOf(local, false).message).toContain('https://');
    expect(validateCertificateDocument(local, { training: true }).verification.url).toContain('127.0.0.1');
    expect(faultOf(edit((d) => (d.verification.url = 'http://localhost:41234/verify')), true).field).toBe('verification.url');
  });

  it('never quotes the holder back in its message', () => {
    const err = faultOf(edit((d) => (d.holder.name = `${'张'.repeat(60)}三`)));
    expect(err.message).not.toContain('张张');
  });
});
