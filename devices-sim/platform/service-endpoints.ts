/**
 * The simulated platform's answers to the issue 17 calls (common/platform-api.ts; docs/platform-api.md):
 * certificates (§2), applications (§5), progress (§6), EMS post (§7) and 好差评 (§8). A request of the wrong
 * shape is a 400 naming the field; what the citizen entered wrongly is a `refused` answer with every
 * problem; a citizen is named by a matched verification of this kiosk, never by a number alone.
 */
import { CERTIFICATE_KINDS, type CertificateKind } from '../../common/certificate-document';
import { isoWithOffset, localDateKey } from '../../common/local-time';
import { CERTIFICATE_OUTCOMES, PLATFORM_HEADERS, PLATFORM_KEY_PATTERN, isAcceptanceNumber, type PlatformEndpoint, type PostBookingResult } from '../../common/platform-api';
import { HttpError } from '../http-json';
import type { SeededRandom } from '../seeded-random';
import { IdempotencyConflict } from './appointment-book';
import { checkApplication } from './application-rules';
import { bodyHash } from './application-store';
import { availableKinds, certificateContent, offerOf } from './certificate-content';
import { citizenRecords } from './citizen-records';
import { checkAddress, newTrackingNumber } from './post-booking';
import { Problems, type Fields } from './problems';
import type { ServiceState } from './service-state';
import type { MatchedVerification } from './verification-registry';

export interface ServiceContext {
  services: ServiceState;
  rng: SeededRandom;
  timeZone: string;
  nowMs: number;
  header(name: string): string | undefined;
}

export interface ServiceAnswer {
  status: number;
  body: unknown;
  outcome: string;
}

const VERIFICATION_ID = /^[A-Za-z0-9_.:-]{1,64}$/;
const CERTIFICATE_ID = /^[A-Za-z0-9_.:-]{1,64}$/;

const refuse = (field: string, rule: string): HttpError => new HttpError(400, `${field} ${rule}`, {}, field);
const ok = <T extends { outcome: string }>(body: T, outcome: string = body.outcome): ServiceAnswer => ({ status: 200, body, outcome });

function object(value: unknown, allowed: readonly string[]): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw refuse('body', 'must be a JSON object');
  for (const key of Object.keys(value)) if (!allowed.includes(key)) throw refuse(key, 'is not a field of this request');
  return value as Fields;
}

function text(o: Fields, key: string, pattern: RegExp): string {
  const v = o[key];
  if (typeof v !== 'string' || !pattern.test(v)) throw refuse(key, 'must be well-formed text');
  return v;
}

function kioskOf(ctx: ServiceContext): string {
  return ctx.header(PLATFORM_HEADERS.kioskId) ?? '';
}

/** The Idempotency-Key header; where the body names one too, they must be the same. */
function idempotencyKey(ctx: ServiceContext, body?: Fields): string {
  const key = ctx.header(PLATFORM_HEADERS.idempotencyKey);
  if (key === undefined || !PLATFORM_KEY_PATTERN.test(key)) throw refuse(PLATFORM_HEADERS.idempotencyKey, 'header is required: 8 to 128 letters, digits and -_.:');
  if (body && body.idempotencyKey !== key) throw refuse('idempotencyKey', `must be given and equal the ${PLATFORM_HEADERS.idempotencyKey} header`);
  return key;
}

function freshVerification(o: Fields, ctx: ServiceContext): MatchedVerification | undefined {
  return ctx.services.verifications.find(text(o, 'verificationId', VERIFICATION_ID), kioskOf(ctx), ctx.nowMs);
}

function listCertificates(body: unknown, ctx: ServiceContext): ServiceAnswer {
  const v = freshVerification(object(body, ['verificationId']), ctx);
  if (!v) return ok({ outcome: 'verificationInvalid' });
  const offers = availableKinds(citizenRecords(v.card.idNumber)).map(offerOf);
  return ok({ outcome: 'listed', offers }, `listed:${offers.length}`);
}

function issueCertificate(body: unknown, ctx: ServiceContext): ServiceAnswer {
  const o = object(body, ['verificationId', 'kind']);
  const key = idempotencyKey(ctx);
  const kind = o.kind as CertificateKind;
  if (!CERTIFICATE_KINDS.includes(kind)) throw refuse('kind', `must be one of ${CERTIFICATE_KINDS.join(', ')}`);
  const again = ctx.services.certificates.replay(key, kioskOf(ctx), kind);
  if (again) return ok({ outcome: 'issued', certificate: again }, 'issued (again, same key)');
  const v = freshVerification(o, ctx);
  if (!v) return ok({ outcome: 'verificationInvalid' });
  const content = certificateContent(kind, citizenRecords(v.card.idNumber), { name: v.card.name, idNumber: v.card.idNumber }, ctx.nowMs, ctx.timeZone);
  if (!content) return ok({ outcome: 'notAvailable' });
  return ok({ outcome: 'issued', certificate: ctx.services.certificates.issue(key, kioskOf(ctx), content) });
}

function reportOutcome(body: unknown, ctx: ServiceContext): ServiceAnswer {
  const o = object(body, ['certificateId', 'issuanceId', 'outcome']);
  const outcome = o.outcome as (typeof CERTIFICATE_OUTCOMES)[number];
  if (!CERTIFICATE_OUTCOMES.includes(outcome)) throw refuse('outcome', `must be one of ${CERTIFICATE_OUTCOMES.join(', ')}`);
  const result = ctx.services.certificates.report(text(o, 'certificateId', CERTIFICATE_ID), text(o, 'issuanceId', PLATFORM_KEY_PATTERN), outcome, ctx.nowMs, ctx.timeZone);
  return ok(result, result.outcome === 'recorded' ? `recorded:${result.status}` : result.outcome);
}

const SUBMISSION_FIELDS = ['idempotencyKey', 'serviceCode', 'applicant', 'form', 'attachments', 'signature', 'delivery'];

function submitApplication(body: unknown, ctx: ServiceContext): ServiceAnswer {
  const o = object(body, SUBMISSION_FIELDS);
  const key = idempotencyKey(ctx, o);
  const kioskId = kioskOf(ctx);
  const hash = bodyHash(o);
  const again = ctx.services.applications.replay(kioskId, key, hash);
  if (again) return ok(again, 'accepted (again, same key)');
  const { problems, application } = checkApplication(o, { nowMs: ctx.nowMs, currentMonth: localDateKey(ctx.nowMs, ctx.timeZone).slice(0, 7), records: citizenRecords });
  const verification = application ? ctx.services.verifications.find(application.verificationId, kioskId, ctx.nowMs, true) : undefined;
  if (application && verification && verification.card.idNumber !== application.idNumber) problems.add('applicant.verificationId', '身份核验不是申请人本人的', 'the verification is not the applicant\'s');
  if (!application || problems.any) return ok({ outcome: 'refused', problems: problems.list }, `refused:${problems.list.map((p) => p.field).join(',')}`);
  const trackingNumber = application.delivery === 'post' ? newTrackingNumber(ctx.rng) : undefined;
  const result = ctx.services.applications.accept(application, { kioskId, idempotencyKey: key, bodyHash: hash, nowMs: ctx.nowMs, identity: verification ? 'verified' : 'unverified', ...(trackingNumber !== undefined && { trackingNumber }) });
  return ok(result);
}

function queryProgress(body: unknown, ctx: ServiceContext): ServiceAnswer {
  const o = object(body, ['acceptanceNumber', 'verificationId']);
  if ((o.acceptanceNumber === undefined) === (o.verificationId === undefined)) throw refuse('acceptanceNumber', 'or verificationId must be given, one of them');
  if (o.acceptanceNumber !== undefined) {
    if (typeof o.acceptanceNumber !== 'string' || !isAcceptanceNumber(o.acceptanceNumber)) throw refuse('acceptanceNumber', 'must be an acceptance number (SL + 15 digits, the last a Luhn check digit)');
    const applications = ctx.services.applications.progressByNumber(o.acceptanceNumber);
    return ok({ outcome: 'found', applications }, `found:${applications.length}`);
  }
  const v = freshVerification(o, ctx);
  if (!v) return ok({ outcome: 'verificationInvalid' });
  const applications = ctx.services.applications.progressOf(v.card.idNumber);
  return ok({ outcome: 'found', applications }, `found:${applications.length}`);
}

function bookPost(body: unknown, ctx: ServiceContext): ServiceAnswer {
  const o = object(body, ['acceptanceNumber', 'address']);
  const key = idempotencyKey(ctx);
  const kioskId = kioskOf(ctx);
  const again = ctx.services.replayPost(kioskId, key, o);
  if (again) return ok(again, `${again.outcome} (again, same key)`);
  if (typeof o.acceptanceNumber !== 'string' || !isAcceptanceNumber(o.acceptanceNumber)) throw refuse('acceptanceNumber', 'must be an acceptance number');
  if (!ctx.services.applications.has(o.acceptanceNumber)) return ok({ outcome: 'unknown' });
  const p = new Problems();
  const address = checkAddress(o.address, 'address', p);
  if (!address) return ok({ outcome: 'refused', problems: p.list }, `refused:${p.list.map((x) => x.field).join(',')}`);
  const result: PostBookingResult = { outcome: 'booked', trackingNumber: newTrackingNumber(ctx.rng), carrier: 'EMS', bookedAt: isoWithOffset(ctx.nowMs, ctx.timeZone) };
  ctx.services.applications.setTracking(o.acceptanceNumber, result.trackingNumber);
  ctx.services.rememberPost(kioskId, key, o, result);
  return ok(result);
}

function submitEvaluation(body: unknown, ctx: ServiceContext): ServiceAnswer {
  const o = object(body, ['idempotencyKey', 'transactionId', 'serviceCode', 'level', 'reasons', 'comment', 'channel']);
  const key = idempotencyKey(ctx, o);
  const result = ctx.services.evaluations.submit(o, kioskOf(ctx), key, ctx.nowMs);
  return ok(result, result.outcome === 'refused' ? `refused:${result.problems.map((p) => p.field).join(',')}` : result.outcome);
}

export type ServiceEndpoint = Extract<PlatformEndpoint, 'listCertificates' | 'issueCertificate' | 'reportCertificateOutcome' | 'submitApplication' | 'queryProgress' | 'bookPost' | 'submitEvaluation'>;

const ANSWERS: Readonly<Record<ServiceEndpoint, (body: unknown, ctx: ServiceContext) => ServiceAnswer>> = {
  listCertificates,
  issueCertificate,
  reportCertificateOutcome: reportOutcome,
  submitApplication,
  queryProgress,
  bookPost,
  submitEvaluation,
};

export function isServiceEndpoint(endpoint: PlatformEndpoint): endpoint is ServiceEndpoint {
  return Object.hasOwn(ANSWERS, endpoint);
}

/** The answer to one issue 17 call; a key reused for another request is a 409, as for check-in. */
export function answerServiceCall(endpoint: ServiceEndpoint, body: unknown, ctx: ServiceContext): ServiceAnswer {
  try {
    return ANSWERS[endpoint](body, ctx);
  } catch (err) {
    if (err instanceof IdempotencyConflict) return { status: 409, body: { error: 'idempotencyKeyReused', message: `this ${PLATFORM_HEADERS.idempotencyKey} was used for another request`, field: PLATFORM_HEADERS.idempotencyKey }, outcome: 'idempotencyKeyReused' };
    throw err;
  }
}
