/**
 * What a certificate render can fail with (issue 17 §2 "a PDF that fails to render … gets a clear message"):
 * a closed set of codes, each with a bilingual `中文 / English` message that names the field at fault and never
 * carries the citizen's data (a holder's name or ID number is never quoted back, only its field's path).
 */
import { bilingual } from '../../diagnostics/diagnostics-error';

export type CertificateRenderErrorCode =
  /** The document fails validation (certificate-validate.ts) or has a character the font cannot draw. */
  | 'invalidDocument'
  /** A configured font file is missing, unreadable or lacks the named face. */
  | 'fontMissing'
  /** The worker gave no answer within the render time limit; it was ended and replaced. */
  | 'timeout'
  /** The worker died during the render; it was replaced. */
  | 'crashed'
  /** The worker could not be started again after repeated failures. */
  | 'unavailable'
  /** The renderer was disposed. */
  | 'disposed'
  /** pdfkit failed for another reason. */
  | 'failed';

export class CertificateRenderError extends Error {
  override readonly name = 'CertificateRenderError';
  constructor(
    readonly code: CertificateRenderErrorCode,
    message: string,
    /** The path of the field at fault (`holder.name`, `tables[0].rows[3]`), when one is. */
    readonly field?: string,
  ) {
    super(message);
  }
}

/** A render that did not produce a PDF, as the renderers answer it (never a thrown error, never a hang). */
export interface RenderFailure {
  ok: false;
  code: CertificateRenderErrorCode;
  message: string;
  field?: string;
}

export function renderFailure(err: unknown): RenderFailure {
  if (err instanceof CertificateRenderError) {
    return err.field === undefined ? { ok: false, code: err.code, message: err.message } : { ok: false, code: err.code, message: err.message, field: err.field };
  }
  const detail = err instanceof Error ? err.message : String(err);
  return { ok: false, code: 'failed', message: bilingual(`证明文件生成失败：${detail}`, `the certificate PDF could not be made: ${detail}`) };
}

export function invalidField(field: string, zh: string, en: string): CertificateRenderError {
  return new CertificateRenderError('invalidDocument', bilingual(`证明内容有误（${field}）：${zh}`, `invalid certificate (${field}): ${en}`), field);
}
