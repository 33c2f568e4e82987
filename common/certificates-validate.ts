/**
 * Request checks for the certificate and 好差评 channels (issue 17 §2, §8), as api-validate.ts does for the
 * others: a request of the wrong shape is refused with `badRequest`, naming the field.
 */
import { exactKeys, isPlainObject, type Checked, type Validator } from './api-validate';
import { CERTIFICATE_KINDS, type CertificateKind } from './certificate-document';
import type { CertificatePrepareRequest, CertificatePrintRequest } from './certificates-api';
import { EVALUATION_LEVELS, EVALUATION_REASONS, MAX_EVALUATION_COMMENT_LENGTH, type EvaluationReason, type EvaluationSkipRequest, type EvaluationSubmitRequest } from './evaluation';

const ID_PATTERN = /^[A-Za-z0-9_.:-]{1,80}$/;

const fail = <T>(detail: string): Checked<T> => ({ ok: false, detail });
const isOneOf = <T extends string>(list: readonly T[], v: unknown): v is T => typeof v === 'string' && (list as readonly string[]).includes(v);
const isId = (v: unknown): v is string => typeof v === 'string' && ID_PATTERN.test(v);

function objectWith(value: unknown, keys: readonly string[]): string | Record<string, unknown> {
  if (!isPlainObject(value)) return 'request must be an object';
  return exactKeys(value, keys) ?? value;
}

export const validateCertificatePrepareRequest: Validator<CertificatePrepareRequest> = (value) => {
  const v = objectWith(value, ['kind', 'requestId']);
  if (typeof v === 'string') return fail(v);
  if (!isOneOf(CERTIFICATE_KINDS, v.kind)) return fail(`kind must be one of ${CERTIFICATE_KINDS.join(', ')}`);
  if (!isId(v.requestId)) return fail('requestId must be 1-80 letters, digits, "_", ".", ":" or "-"');
  return { ok: true, value: { kind: v.kind as CertificateKind, requestId: v.requestId } };
};

export const validateCertificatePrintRequest: Validator<CertificatePrintRequest> = (value) => {
  const v = objectWith(value, ['preparedId', 'requestId']);
  if (typeof v === 'string') return fail(v);
  if (!isId(v.preparedId)) return fail('preparedId must be an id from certificates:prepare');
  if (!isId(v.requestId)) return fail('requestId must be 1-80 letters, digits, "_", ".", ":" or "-"');
  return { ok: true, value: { preparedId: v.preparedId, requestId: v.requestId } };
};

export const validateEvaluationSubmitRequest: Validator<EvaluationSubmitRequest> = (value) => {
  const v = objectWith(value, ['transactionId', 'level', 'reasons', 'comment', 'requestId']);
  if (typeof v === 'string') return fail(v);
  if (!isId(v.transactionId)) return fail('transactionId must be the id of the offered transaction');
  if (!isOneOf(EVALUATION_LEVELS, v.level)) return fail(`level must be one of ${EVALUATION_LEVELS.join(', ')}`);
  if (v.reasons !== undefined && (!Array.isArray(v.reasons) || v.reasons.length > EVALUATION_REASONS.length || !v.reasons.every((r) => isOneOf(EVALUATION_REASONS, r)))) {
    return fail(`reasons must be a list of ${EVALUATION_REASONS.join(', ')}`);
  }
  if (v.comment !== undefined && (typeof v.comment !== 'string' || v.comment.length > MAX_EVALUATION_COMMENT_LENGTH)) return fail(`comment must be text of at most ${MAX_EVALUATION_COMMENT_LENGTH} characters`);
  if (!isId(v.requestId)) return fail('requestId must be 1-80 letters, digits, "_", ".", ":" or "-"');
  return {
    ok: true,
    value: {
      transactionId: v.transactionId,
      level: v.level,
      requestId: v.requestId,
      ...(v.reasons !== undefined && { reasons: v.reasons as EvaluationReason[] }),
      ...(v.comment !== undefined && { comment: v.comment as string }),
    },
  };
};

export const validateEvaluationSkipRequest: Validator<EvaluationSkipRequest> = (value) => {
  const v = objectWith(value, ['transactionId']);
  if (typeof v === 'string') return fail(v);
  if (!isId(v.transactionId)) return fail('transactionId must be the id of the offered transaction');
  return { ok: true, value: { transactionId: v.transactionId } };
};
