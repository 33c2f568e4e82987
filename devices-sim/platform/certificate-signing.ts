/**
 * Signed verification URLs (issue 17 §2): `<platform>/verify/<certificateId>?c=<code>&s=<signature>`, the
 * signature HMAC-SHA256 over `<certificateId>.<code>` under a key derived from the platform's own, cut to
 * 16 bytes (base64url, 22 characters). Only the platform can make or check one; changing the id, the code
 * or the signature by one character makes the URL invalid.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { CERTIFICATE_VERIFY_PATH_PREFIX } from '../../common/platform-api';

const SIGNATURE_BYTES = 16;
const SIGNATURE_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export class CertificateSigner {
  private readonly key: Buffer;

  constructor(platformKey: Uint8Array) {
    this.key = createHmac('sha256', platformKey).update('hallkiosk certificate verification v1').digest();
  }

  sign(certificateId: string, code: string): string {
    return createHmac('sha256', this.key).update(`${certificateId}.${code}`, 'utf8').digest().subarray(0, SIGNATURE_BYTES).toString('base64url');
  }

  verifies(certificateId: string, code: string, signature: string): boolean {
    if (!SIGNATURE_PATTERN.test(signature)) return false;
    const presented = Buffer.from(signature, 'base64url');
    const expected = Buffer.from(this.sign(certificateId, code), 'base64url');
    return presented.length === expected.length && timingSafeEqual(presented, expected);
  }

  url(baseUrl: string, certificateId: string, code: string): string {
    const url = new URL(`${CERTIFICATE_VERIFY_PATH_PREFIX}${encodeURIComponent(certificateId)}`, baseUrl);
    url.searchParams.set('c', code);
    url.searchParams.set('s', this.sign(certificateId, code));
    return url.toString();
  }
}
