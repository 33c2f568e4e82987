/**
 * The page a certificate's QR code opens (issue 17 §2): `GET /verify/<certificateId>?c=<code>&s=<signature>`.
 * A genuine URL shows the certificate's summary: title, the holder masked (name and ID number: anyone
 * holding the paper may scan it), the issue date, the issuer and whether it is valid or void. Anything else
 * (a signature or code changed, a certificate the platform does not know) is "invalid", with status 404.
 */
import type { ServerResponse } from 'node:http';
import { maskIdNumber, maskName } from '../../common/mask';
import { CERTIFICATE_VERIFY_PATH_PREFIX } from '../../common/platform-api';
import type { CertificateStore, StoredCertificate } from './certificate-store';

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(heading: string, body: string): string {
  return `<!doctype html><html lang="zh-CN" translate="no"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>电子证明核验 / Certificate verification</title>
<style>body{font-family:"Noto Sans CJK SC",sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#222}h1{font-size:1.4rem}dl{display:grid;grid-template-columns:auto 1fr;gap:.4rem 1rem}dt{color:#666}.valid{color:#176b2c}.void,.invalid{color:#a8201a}</style></head>
<body><h1>${heading}</h1>${body}</body></html>`;
}

export function verifyPageHtml(found: StoredCertificate | undefined): { status: number; html: string } {
  if (!found) {
    return { status: 404, html: page('<span class="invalid">核验失败 / Invalid</span>', '<p data-result="invalid">验证信息不正确，或平台没有这份证明。请勿使用此证明。<br>The verification link is not valid, or the platform issued no such certificate.</p>') };
  }
  const c = found.certificate;
  const voided = found.status === 'voided';
  const result = voided ? '<span class="void">已作废 / Void</span>' : '<span class="valid">有效 / Valid</span>';
  const rows: [string, string][] = [
    ['证明名称 / Title', c.title],
    ['持有人 / Holder', maskName(c.holder.name)],
    ['证件号码 / ID number', maskIdNumber(c.holder.idNumber)],
    ['出具日期 / Issued on', c.issuedOn],
    ['出具机构 / Issuer', c.issuer],
    ['验证码 / Code', c.verification.code],
    ['状态 / Status', result],
  ];
  const list = rows.map(([k, v]) => `<dt>${escape(k)}</dt><dd>${k.startsWith('状态') ? v : escape(v)}</dd>`).join('');
  return { status: 200, html: page(`电子证明核验 / Certificate verification`, `<p data-result="${voided ? 'void' : 'valid'}">${result}</p><dl>${list}</dl>`) };
}

/** Serves one verification request; `path` starts with CERTIFICATE_VERIFY_PATH_PREFIX. */
export function serveVerifyPage(store: CertificateStore, path: string, search: URLSearchParams, res: ServerResponse): void {
  let id = '';
  try {
    id = decodeURIComponent(path.slice(CERTIFICATE_VERIFY_PATH_PREFIX.length));
  } catch {
    id = '';
  }
  const found = store.genuine(id, search.get('c') ?? '', search.get('s') ?? '');
  const { status, html } = verifyPageHtml(found);
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(html)),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
  });
  res.end(html);
}
