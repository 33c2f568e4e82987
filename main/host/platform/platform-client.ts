/**
 * The kiosk's typed client of the government platform (issue 14 items 4, 7, 8; common/platform-api.ts):
 * identity verification and appointments, every call bounded by a time limit on the injected clock and the
 * caller's AbortSignal, every answer checked before use, every failure a KioskErrorInfo. Check-in carries an
 * idempotency key (ARCHITECTURE.md §8.3): the caller makes one per check-in and retries under the same key,
 * so a retry after a lost reply cannot check in twice (the platform answers the first result again).
 * Issue 17 adds certificates, applications, progress, EMS post and 好差评 (§2, §5–§8): each call that creates
 * something carries its idempotency key the same way (the issuance id, the submission's key, …).
 *
 * A well-formed "no" from the platform (notMatched, early, forged, …) is a successful call: `ok: true` with
 * the answer; platform-refusals.ts turns it into the error code the citizen sees. `ok: false` is for the
 * call itself failing (timeout, 5xx, no connection, a malformed reply, canceled).
 *
 * Personal data (ARCHITECTURE.md §8.7): request bodies carry the ID number and the face and are never
 * logged; the log has the endpoint, the time taken and the error code only.
 */
import { randomUUID } from 'node:crypto';
import type { Checked } from '../../../common/api-validate';
import type { Clock } from '../../../common/clock';
import { errorInfo, type KioskErrorInfo } from '../../../common/errors';
import { SILENT_LOGGER, type Logger } from '../../../common/logger';
import {
  APPOINTMENT_CODE_PREFIX,
  PLATFORM_API_PATHS,
  PLATFORM_HEADERS,
  PLATFORM_KEY_PATTERN,
  type Appointment,
  type AppointmentLookupResult,
  type AppointmentSearchRequest,
  type CatalogueUpdateResult,
  type CheckInResult,
  type IdentityVerifyRequest,
  type IdentityVerifyResult,
  type PlatformEndpoint,
  MAX_CATALOGUE_REPLY_CHARS,
  type ApplicationSubmission,
  type ApplicationSubmitResult,
  type CertificateIssueRequest,
  type CertificateIssueResult,
  type CertificateListResult,
  type CertificateOutcomeRequest,
  type CertificateOutcomeResult,
  type EvaluationRequest,
  type EvaluationResult,
  type PostBookingRequest,
  type PostBookingResult,
  type ProgressQuery,
  type ProgressResult,
} from '../../../common/platform-api';
import { checkPlatformBaseUrl, postToPlatform } from './platform-http';
import { readCatalogueUpdateResult, readCheckInResult, readLookupResult, readSearchResult, readVerifyResult } from './platform-replies';
import {
  readApplicationSubmitResult,
  readCertificateIssueResult,
  readCertificateListResult,
  readCertificateOutcomeResult,
  readEvaluationResult,
  readPostBookingResult,
  readProgressResult,
} from './service-replies';

export type PlatformReply<T> = { ok: true; value: T } | { ok: false; error: KioskErrorInfo };

export interface PlatformClientOptions {
  /**
   * https://… in production; http://127.0.0.1:<port> for the training simulator. A function is read at each
   * call: the simulator's URL is known only once it listens (port 0).
   */
  baseUrl: string | (() => string);
  /** Sent as X-Kiosk-Id: the platform knows which terminal asked. */
  kioskId: string;
  clock: Clock;
  log?: Logger;
  /** Appointment calls. Default 8000 ms. */
  timeoutMs?: number;
  /** Identity verification (a face comparison takes longer). Default 15000 ms. */
  identityTimeoutMs?: number;
  /** X-Request-Id of each call; default a random UUID. */
  newRequestId?: () => string;
  /** Application submissions (scans to upload). Default 30000 ms. */
  submitTimeoutMs?: number;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface CheckInOptions extends CallOptions {
  /** One per check-in attempt, reused for its retries: 8–128 letters, digits and -_.: */
  idempotencyKey: string;
}

/** A call that creates something: its key, reused for every retry (the issuance id for a certificate). */
export type IdempotentCallOptions = CheckInOptions;

export const DEFAULT_TIMEOUT_MS = 8_000;
export const DEFAULT_IDENTITY_TIMEOUT_MS = 15_000;
export const DEFAULT_SUBMIT_TIMEOUT_MS = 30_000;

function checkKey(key: string): void {
  if (!PLATFORM_KEY_PATTERN.test(key)) throw new RangeError('idempotencyKey must be 8 to 128 letters, digits and -_.:');
}

export class PlatformClient {
  private readonly log: Logger;
  private readonly timeoutMs: number;
  private readonly identityTimeoutMs: number;
  private readonly newRequestId: () => string;
  private readonly submitTimeoutMs: number;

  /** Throws a RangeError for a base URL string that is not https (or http to loopback). */
  constructor(private readonly options: PlatformClientOptions) {
    if (typeof options.baseUrl === 'string') checkPlatformBaseUrl(options.baseUrl);
    this.log = options.log ?? SILENT_LOGGER;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.identityTimeoutMs = options.identityTimeoutMs ?? DEFAULT_IDENTITY_TIMEOUT_MS;
    this.newRequestId = options.newRequestId ?? randomUUID;
    this.submitTimeoutMs = options.submitTimeoutMs ?? DEFAULT_SUBMIT_TIMEOUT_MS;
  }

  /** 人证比对: card fields + live face (with the kiosk's liveness result) and/or a fingerprint template. */
  verifyIdentity(request: IdentityVerifyRequest, options: CallOptions = {}): Promise<PlatformReply<IdentityVerifyResult>> {
    return this.call('verifyIdentity', request, readVerifyResult, { ...options, timeoutMs: this.identityTimeoutMs });
  }

  /** A scanned code's appointment. Text that is not an appointment code is `unknown` without asking. */
  lookupAppointment(code: string, options: CallOptions = {}): Promise<PlatformReply<AppointmentLookupResult>> {
    if (!claimsToBeAppointmentCode(code)) return Promise.resolve({ ok: true, value: { status: 'unknown' } });
    return this.call('lookupAppointment', { code }, readLookupResult, options);
  }

  /** The card holder's appointments of the hall day (check-in by ID card). */
  async findAppointments(request: AppointmentSearchRequest, options: CallOptions = {}): Promise<PlatformReply<Appointment[]>> {
    const reply = await this.call('searchAppointments', request, readSearchResult, options);
    return reply.ok ? { ok: true, value: reply.value.appointments } : reply;
  }

  /** Checks an appointment in. Throws a RangeError for an idempotency key of the wrong shape (a bug). */
  checkIn(code: string, options: CheckInOptions): Promise<PlatformReply<CheckInResult>> {
    checkKey(options.idempotencyKey);
    if (!claimsToBeAppointmentCode(code)) return Promise.resolve({ ok: true, value: { outcome: 'unknown' } });
    return this.call('checkIn', { code }, readCheckInResult, options, { [PLATFORM_HEADERS.idempotencyKey]: options.idempotencyKey });
  }

  /** The service-guide catalogue, when the platform has a newer one than `haveVersion` (issue 16 §1). */
  fetchCatalogue(haveVersion: string, options: CallOptions = {}): Promise<PlatformReply<CatalogueUpdateResult>> {
    return this.call('catalogueUpdate', { haveVersion }, readCatalogueUpdateResult, { ...options, maxReplyChars: MAX_CATALOGUE_REPLY_CHARS });
  }

  // ---- issue 17 ----------------------------------------------------------------------------------------
  /** The certificate kinds the identified citizen can get; `verificationId` is their matched verification's transactionId. */
  listCertificates(verificationId: string, options: CallOptions = {}): Promise<PlatformReply<CertificateListResult>> {
    return this.call('listCertificates', { verificationId }, readCertificateListResult, options);
  }

  /** One certificate's data; `idempotencyKey` is the issuance id: asking again returns the same certificate. */
  issueCertificate(request: CertificateIssueRequest, options: IdempotentCallOptions): Promise<PlatformReply<CertificateIssueResult>> {
    checkKey(options.idempotencyKey);
    return this.call('issueCertificate', request, readCertificateIssueResult, options, { [PLATFORM_HEADERS.idempotencyKey]: options.idempotencyKey });
  }

  /** The journal's final word on an issuance (printed, or voided); the same report again answers the same. */
  reportCertificateOutcome(request: CertificateOutcomeRequest, options: CallOptions = {}): Promise<PlatformReply<CertificateOutcomeResult>> {
    checkKey(request.issuanceId);
    return this.call('reportCertificateOutcome', request, readCertificateOutcomeResult, options);
  }

  /** Sends an application under its own idempotencyKey (a resend after a lost answer gets the same acceptance number). */
  submitApplication(submission: ApplicationSubmission, options: CallOptions = {}): Promise<PlatformReply<ApplicationSubmitResult>> {
    checkKey(submission.idempotencyKey);
    return this.call('submitApplication', submission, readApplicationSubmitResult, { ...options, timeoutMs: this.submitTimeoutMs }, { [PLATFORM_HEADERS.idempotencyKey]: submission.idempotencyKey });
  }

  /** 办件查询: one application by its acceptance number, or the identified citizen's. */
  queryProgress(query: ProgressQuery, options: CallOptions = {}): Promise<PlatformReply<ProgressResult>> {
    const body = 'acceptanceNumber' in query ? { acceptanceNumber: query.acceptanceNumber } : { verificationId: query.verificationId };
    return this.call('queryProgress', body, readProgressResult, options);
  }

  /** Books the free EMS post of an application's result document. */
  bookPost(request: PostBookingRequest, options: IdempotentCallOptions): Promise<PlatformReply<PostBookingResult>> {
    checkKey(options.idempotencyKey);
    return this.call('bookPost', request, readPostBookingResult, options, { [PLATFORM_HEADERS.idempotencyKey]: options.idempotencyKey });
  }

  /** 好差评: one evaluation per transaction, under its own idempotencyKey. */
  submitEvaluation(request: EvaluationRequest, options: CallOptions = {}): Promise<PlatformReply<EvaluationResult>> {
    checkKey(request.idempotencyKey);
    return this.call('submitEvaluation', request, readEvaluationResult, options, { [PLATFORM_HEADERS.idempotencyKey]: request.idempotencyKey });
  }

  private async call<T>(
    endpoint: PlatformEndpoint,
    body: unknown,
    read: (v: unknown) => Checked<T>,
    options: CallOptions & { timeoutMs?: number; maxReplyChars?: number },
    extraHeaders: Record<string, string> = {},
  ): Promise<PlatformReply<T>> {
    const headers = { [PLATFORM_HEADERS.kioskId]: this.options.kioskId, [PLATFORM_HEADERS.requestId]: this.newRequestId(), ...extraHeaders };
    let url: string;
    try {
      const base = checkPlatformBaseUrl(typeof this.options.baseUrl === 'string' ? this.options.baseUrl : this.options.baseUrl());
      url = new URL(PLATFORM_API_PATHS[endpoint], base).toString();
    } catch (err) {
      return { ok: false, error: errorInfo('platformUnavailable', err instanceof Error ? err.message : String(err)) };
    }
    const http = await postToPlatform({ endpoint, url, headers, body, timeoutMs: options.timeoutMs ?? this.timeoutMs, signal: options.signal, ...(options.maxReplyChars !== undefined && { maxReplyChars: options.maxReplyChars }) }, this.options.clock, this.log);
    if (!http.ok) return http;
    const checked = read(http.body);
    if (checked.ok) return { ok: true, value: checked.value };
    this.log.warn('platform reply malformed', { endpoint, detail: checked.detail });
    return { ok: false, error: errorInfo('platformUnavailable', `malformed reply: ${checked.detail}`) };
  }
}

/**
 * Only text that says it is an appointment code goes to the platform: another QR (a health code, a payment
 * code) may carry personal data that is none of the platform's business.
 */
function claimsToBeAppointmentCode(text: string): boolean {
  return text.startsWith(`${APPOINTMENT_CODE_PREFIX}.`);
}
