/**
 * The request check of `progress:query` (issue 17 §6), as api-validate.ts does for the others: a request of
 * the wrong shape is refused with `badRequest`, naming the field. The number's check digit is the desk's to
 * judge (an answer, `invalidNumber`, the screen can say), not a malformed request.
 */
import { exactKeys, isPlainObject, type Validator } from './api-validate';
import type { ProgressQueryRequest } from './progress-api';

/** Long enough for a number typed with spaces; short enough that nothing else rides along. */
const MAX_TYPED_LENGTH = 40;

export const validateProgressQueryRequest: Validator<ProgressQueryRequest> = (value) => {
  if (!isPlainObject(value)) return { ok: false, detail: 'request must be an object' };
  if (value.by === 'card') {
    const extra = exactKeys(value, ['by']);
    return extra ? { ok: false, detail: extra } : { ok: true, value: { by: 'card' } };
  }
  if (value.by !== 'number') return { ok: false, detail: 'by must be "card" or "number"' };
  const extra = exactKeys(value, ['by', 'acceptanceNumber', 'source']);
  if (extra) return { ok: false, detail: extra };
  const { acceptanceNumber, source } = value;
  if (typeof acceptanceNumber !== 'string' || acceptanceNumber.length === 0 || acceptanceNumber.length > MAX_TYPED_LENGTH) {
    return { ok: false, detail: `acceptanceNumber must be a string of 1-${MAX_TYPED_LENGTH} characters` };
  }
  if (source !== 'typed' && source !== 'scanned') return { ok: false, detail: 'source must be "typed" or "scanned"' };
  return { ok: true, value: { by: 'number', acceptanceNumber, source } };
};
