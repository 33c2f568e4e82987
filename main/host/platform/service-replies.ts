/**
 * Shape checks of the platform's issue 17 answers (common/platform-api.ts): certificates (§2), applications
 * (§5), progress (§6), EMS post (§7), 好差评 (§8). The kiosk acts only on a reply it fully understands: a
 * certificate whose table rows do not fit its columns, an acceptance number whose check digit is wrong, a
 * tracking number that is not S10 are malformed replies (platformUnavailable). Details never carry values.
 */
import type { Checked } from '../../../common/api-validate';
import { CERTIFICATE_KINDS, type CertificateTable } from '../../../common/certificate-document';
import {
  APPLICATION_STATUSES,
  CALENDAR_DATE_PATTERN,
  CERTIFICATE_CODE_PATTERN,
  CERTIFICATE_ID_PATTERN,
  CERTIFICATE_OUTCOMES,
  CERTIFICATE_VERIFY_PATH_PREFIX,
  ISO_WITH_OFFSET_PATTERN,
  isAcceptanceNumber,
  isS10TrackingNumber,
  type ApplicationProgress,
  type ApplicationSubmitResult,
  type CertificateIssueResult,
  type CertificateListResult,
  type CertificateOutcomeResult,
  type EvaluationResult,
  type PlatformCertificate,
  type PlatformProblem,
  type PostBookingResult,
  type ProgressResult,
} from '../../../common/platform-api';
import { checked, fail, object, oneOf, text, type Fields } from './platform-replies';

/** A payment history of 40 years fits; more is not a certificate. */
const MAX_ROWS = 600;
const MAX_LIST = 200;

function list(v: unknown, field: string, max = MAX_LIST): unknown[] {
  if (!Array.isArray(v) || v.length > max) fail(field, `is not a list of at most ${max}`);
  return v as unknown[];
}

function strings(v: unknown, field: string, max = MAX_LIST): string[] {
  return list(v, field, max).map((s, i) => {
    if (typeof s !== 'string' || s.length > 1024) fail(`${field}[${i}]`, 'is not text');
    return s as string;
  });
}

function table(v: unknown, field: string): CertificateTable {
  const o = object(v, field);
  const columns = strings(o.columns, `${field}.columns`, 20);
  if (columns.length === 0) fail(`${field}.columns`, 'is empty');
  const rows = list(o.rows, `${field}.rows`, MAX_ROWS).map((r, i) => {
    const row = strings(r, `${field}.rows[${i}]`, 20);
    if (row.length !== columns.length) fail(`${field}.rows[${i}]`, 'does not have one cell per column');
    return row;
  });
  const t: CertificateTable = { columns, rows };
  if (o.title !== undefined) t.title = text(o, 'title', `${field}.title`);
  return t;
}

function verificationUrl(o: Fields, field: string, certificateId: string): string {
  const url = text(o, 'url', field);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail(field, 'is not a URL');
  }
  if (!['https:', 'http:'].includes(parsed.protocol) || parsed.pathname !== `${CERTIFICATE_VERIFY_PATH_PREFIX}${certificateId}`) fail(field, 'is not this certificate\'s verification URL');
  return url;
}

function certificate(v: unknown): PlatformCertificate {
  const o = object(v, 'certificate');
  const certificateId = text(o, 'certificateId', 'certificate.certificateId', CERTIFICATE_ID_PATTERN);
  const holder = object(o.holder, 'certificate.holder');
  const verification = object(o.verification, 'certificate.verification');
  const c: PlatformCertificate = {
    certificateId,
    kind: oneOf(o, 'kind', 'certificate.kind', CERTIFICATE_KINDS),
    title: text(o, 'title', 'certificate.title'),
    issuer: text(o, 'issuer', 'certificate.issuer'),
    issuedOn: text(o, 'issuedOn', 'certificate.issuedOn', CALENDAR_DATE_PATTERN),
    holder: { name: text(holder, 'name', 'certificate.holder.name'), idNumber: text(holder, 'idNumber', 'certificate.holder.idNumber') },
    fields: list(o.fields, 'certificate.fields').map((f, i) => {
      const fo = object(f, `certificate.fields[${i}]`);
      return { label: text(fo, 'label', `certificate.fields[${i}].label`), value: text(fo, 'value', `certificate.fields[${i}].value`) };
    }),
    tables: list(o.tables, 'certificate.tables', 10).map((t, i) => table(t, `certificate.tables[${i}]`)),
    notes: strings(o.notes, 'certificate.notes', 20),
    verification: { code: text(verification, 'code', 'certificate.verification.code', CERTIFICATE_CODE_PATTERN), url: verificationUrl(verification, 'certificate.verification.url', certificateId) },
  };
  if (o.seal !== undefined) c.seal = text(o, 'seal', 'certificate.seal');
  return c;
}

function problems(v: unknown): PlatformProblem[] {
  const items = list(v, 'problems');
  if (items.length === 0) fail('problems', 'is empty');
  return items.map((p, i) => {
    const o = object(p, `problems[${i}]`);
    return { field: text(o, 'field', `problems[${i}].field`), message: text(o, 'message', `problems[${i}].message`) };
  });
}

function acceptanceNumber(o: Fields, field: string): string {
  const n = text(o, 'acceptanceNumber', field);
  if (!isAcceptanceNumber(n)) fail(field, 'is not an acceptance number (or its check digit is wrong)');
  return n;
}

function trackingNumber(o: Fields, field: string): string {
  const n = text(o, 'trackingNumber', field);
  if (!isS10TrackingNumber(n)) fail(field, 'is not an S10 tracking number (or its check digit is wrong)');
  return n;
}

export function readCertificateListResult(v: unknown): Checked<CertificateListResult> {
  return checked((): CertificateListResult => {
    const o = object(v, 'reply');
    if (oneOf(o, 'outcome', 'outcome', ['listed', 'verificationInvalid'] as const) === 'verificationInvalid') return { outcome: 'verificationInvalid' };
    return {
      outcome: 'listed',
      offers: list(o.offers, 'offers', CERTIFICATE_KINDS.length).map((x, i) => {
        const offer = object(x, `offers[${i}]`);
        return { kind: oneOf(offer, 'kind', `offers[${i}].kind`, CERTIFICATE_KINDS), title: text(offer, 'title', `offers[${i}].title`), issuer: text(offer, 'issuer', `offers[${i}].issuer`) };
      }),
    };
  });
}

export function readCertificateIssueResult(v: unknown): Checked<CertificateIssueResult> {
  return checked((): CertificateIssueResult => {
    const o = object(v, 'reply');
    const outcome = oneOf(o, 'outcome', 'outcome', ['issued', 'verificationInvalid', 'notAvailable'] as const);
    return outcome === 'issued' ? { outcome, certificate: certificate(o.certificate) } : { outcome };
  });
}

export function readCertificateOutcomeResult(v: unknown): Checked<CertificateOutcomeResult> {
  return checked((): CertificateOutcomeResult => {
    const o = object(v, 'reply');
    const outcome = oneOf(o, 'outcome', 'outcome', ['recorded', 'alreadyVoided', 'unknown'] as const);
    if (outcome === 'unknown') return { outcome };
    const certificateId = text(o, 'certificateId', 'certificateId', CERTIFICATE_ID_PATTERN);
    if (outcome === 'alreadyVoided') return { outcome, certificateId };
    return { outcome, certificateId, status: oneOf(o, 'status', 'status', CERTIFICATE_OUTCOMES), recordedAt: text(o, 'recordedAt', 'recordedAt', ISO_WITH_OFFSET_PATTERN) };
  });
}

export function readApplicationSubmitResult(v: unknown): Checked<ApplicationSubmitResult> {
  return checked((): ApplicationSubmitResult => {
    const o = object(v, 'reply');
    if (oneOf(o, 'outcome', 'outcome', ['accepted', 'refused'] as const) === 'refused') return { outcome: 'refused', problems: problems(o.problems) };
    const result: ApplicationSubmitResult = {
      outcome: 'accepted',
      acceptanceNumber: acceptanceNumber(o, 'acceptanceNumber'),
      acceptedAt: text(o, 'acceptedAt', 'acceptedAt', ISO_WITH_OFFSET_PATTERN),
      serviceName: text(o, 'serviceName', 'serviceName'),
      items: list(o.items, 'items', 50).map((x, i) => {
        const item = object(x, `items[${i}]`);
        const count = item.count;
        if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 999) fail(`items[${i}].count`, 'is not a count');
        return { name: text(item, 'name', `items[${i}].name`), count: count as number };
      }),
    };
    if (o.trackingNumber !== undefined) result.trackingNumber = trackingNumber(o, 'trackingNumber');
    return result;
  });
}

function progress(v: unknown, field: string): ApplicationProgress {
  const o = object(v, field);
  const steps = list(o.steps, `${field}.steps`).map((s, i) => {
    const so = object(s, `${field}.steps[${i}]`);
    const step = { status: oneOf(so, 'status', `${field}.steps[${i}].status`, APPLICATION_STATUSES), at: text(so, 'at', `${field}.steps[${i}].at`, ISO_WITH_OFFSET_PATTERN) };
    return so.note === undefined ? step : { ...step, note: text(so, 'note', `${field}.steps[${i}].note`) };
  });
  if (steps.length === 0) fail(`${field}.steps`, 'is empty');
  const p: ApplicationProgress = {
    acceptanceNumber: acceptanceNumber(o, `${field}.acceptanceNumber`),
    serviceCode: text(o, 'serviceCode', `${field}.serviceCode`),
    serviceName: text(o, 'serviceName', `${field}.serviceName`),
    applicantMaskedName: text(o, 'applicantMaskedName', `${field}.applicantMaskedName`),
    status: oneOf(o, 'status', `${field}.status`, APPLICATION_STATUSES),
    acceptedAt: text(o, 'acceptedAt', `${field}.acceptedAt`, ISO_WITH_OFFSET_PATTERN),
    steps,
  };
  if (o.trackingNumber !== undefined) p.trackingNumber = trackingNumber(o, `${field}.trackingNumber`);
  return p;
}

export function readProgressResult(v: unknown): Checked<ProgressResult> {
  return checked((): ProgressResult => {
    const o = object(v, 'reply');
    if (oneOf(o, 'outcome', 'outcome', ['found', 'verificationInvalid'] as const) === 'verificationInvalid') return { outcome: 'verificationInvalid' };
    return { outcome: 'found', applications: list(o.applications, 'applications').map((a, i) => progress(a, `applications[${i}]`)) };
  });
}

export function readPostBookingResult(v: unknown): Checked<PostBookingResult> {
  return checked((): PostBookingResult => {
    const o = object(v, 'reply');
    const outcome = oneOf(o, 'outcome', 'outcome', ['booked', 'refused', 'unknown'] as const);
    if (outcome === 'unknown') return { outcome };
    if (outcome === 'refused') return { outcome, problems: problems(o.problems) };
    return { outcome, trackingNumber: trackingNumber(o, 'trackingNumber'), carrier: oneOf(o, 'carrier', 'carrier', ['EMS'] as const), bookedAt: text(o, 'bookedAt', 'bookedAt', ISO_WITH_OFFSET_PATTERN) };
  });
}

export function readEvaluationResult(v: unknown): Checked<EvaluationResult> {
  return checked((): EvaluationResult => {
    const o = object(v, 'reply');
    const outcome = oneOf(o, 'outcome', 'outcome', ['recorded', 'alreadyEvaluated', 'refused'] as const);
    if (outcome === 'refused') return { outcome, problems: problems(o.problems) };
    const evaluationId = text(o, 'evaluationId', 'evaluationId');
    return outcome === 'alreadyEvaluated' ? { outcome, evaluationId } : { outcome, evaluationId, recordedAt: text(o, 'recordedAt', 'recordedAt', ISO_WITH_OFFSET_PATTERN) };
  });
}
