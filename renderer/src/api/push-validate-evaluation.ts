/**
 * The shape check of `evaluation:changed` (issue 17 §8, common/evaluation.ts), as push-validate.ts checks the
 * other pushes: a fresh object with only the contract's fields, or the first problem, naming the field.
 */
import type { Checked } from '../../../common/api-validate';
import type { EvaluatedKind, EvaluationOffer } from '../../../common/evaluation';

const KINDS: readonly EvaluatedKind[] = ['ticket', 'certificate', 'application', 'progressQuery', 'checklist'];

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;

/** `null` (nothing to rate) or an offer. */
export function checkEvaluationOffer(value: unknown, path = 'evaluation'): Checked<EvaluationOffer | null> {
  if (value === null) return { ok: true, value: null };
  if (!isRec(value)) return { ok: false, detail: `${path} must be an object or null` };
  if (!isText(value.transactionId, 80)) return { ok: false, detail: `${path}.transactionId must be a string` };
  if (typeof value.kind !== 'string' || !(KINDS as readonly string[]).includes(value.kind)) return { ok: false, detail: `${path}.kind must be one of ${KINDS.join(', ')}` };
  const service = value.service;
  if (!isRec(service) || !isText(service['zh-CN'], 200)) return { ok: false, detail: `${path}.service["zh-CN"] must be a string` };
  const out: EvaluationOffer['service'] = { 'zh-CN': service['zh-CN'] };
  for (const lang of ['zh-TW', 'en'] as const) {
    if (service[lang] === undefined) continue;
    if (!isText(service[lang], 200)) return { ok: false, detail: `${path}.service["${lang}"] must be a string` };
    out[lang] = service[lang];
  }
  return { ok: true, value: { transactionId: value.transactionId, kind: value.kind as EvaluatedKind, service: out } };
}
