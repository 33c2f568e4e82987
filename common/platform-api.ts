/**
 * The government service platform's API as the kiosk uses it (issue 14 items 4, 7, 8; domain.md "Identity",
 * "Queue tickets"): identity verification (人证比对 with liveness, optionally a fingerprint) and appointments
 * made online (预约取号). The pure shared contract: the host's client (main/host/platform/) and the training
 * simulator (devices-sim/platform/) both follow it, and each validates what it receives.
 *
 * Transport: JSON over HTTPS in production; plain HTTP only to the simulator on loopback (the client refuses
 * anything else). Requests that carry an ID number are POSTs, so the number travels in the TLS-protected body
 * and never in a URL (URLs end up in proxy and access logs). The platform is the government's own system of
 * record and holds the real ID number: the kiosk sends it as it is, never its per-kiosk HMAC (ARCHITECTURE.md
 * §8.7, that HMAC is for the kiosk's own records). Every field below that names a person is session-only
 * personal data on the kiosk: memory only, logged masked (common/mask.ts).
 *
 * Issue 17 adds certificates (§2), applications (§5), progress (§6), EMS post (§7) and 好差评 (§8), at the end.
 */
import type { CertificateDocument, CertificateKind } from './certificate-document';


export const PLATFORM_API_PATHS = {
  /** POST IdentityVerifyRequest → IdentityVerifyResult. */
  verifyIdentity: '/api/v1/identity/verify',
  /** POST AppointmentLookupRequest → AppointmentLookupResult. */
  lookupAppointment: '/api/v1/appointments/lookup',
  /** POST AppointmentSearchRequest → AppointmentSearchResult (a person's appointments of the hall day). */
  searchAppointments: '/api/v1/appointments/search',
  /** POST CheckInRequest with an Idempotency-Key header → CheckInResult. */
  checkIn: '/api/v1/appointments/check-in',
  /** POST CatalogueUpdateRequest → CatalogueUpdateResult: the service-guide catalogue, when newer (issue 16 §1). */
  catalogueUpdate: '/api/v1/guides/catalogue',
  /** POST CertificateListRequest → CertificateListResult: what this identified citizen can get (issue 17 §2). */
  listCertificates: '/api/v1/certificates/available',
  /** POST CertificateIssueRequest, Idempotency-Key = the issuance id → CertificateIssueResult. */
  issueCertificate: '/api/v1/certificates/issue',
  /** POST CertificateOutcomeRequest → CertificateOutcomeResult: printed (issued) or voided, idempotent. */
  reportCertificateOutcome: '/api/v1/certificates/outcome',
  /** POST ApplicationSubmission, Idempotency-Key = its idempotencyKey → ApplicationSubmitResult (issue 17 §5). */
  submitApplication: '/api/v1/applications/submit',
  /** POST ProgressQuery → ProgressResult (办件查询, issue 17 §6). */
  queryProgress: '/api/v1/applications/progress',
  /** POST PostBookingRequest with an Idempotency-Key → PostBookingResult (EMS, issue 17 §7). */
  bookPost: '/api/v1/post/book',
  /** POST EvaluationRequest, Idempotency-Key = its idempotencyKey → EvaluationResult (好差评, issue 17 §8). */
  submitEvaluation: '/api/v1/evaluations/submit',
} as const;

export type PlatformEndpoint = keyof typeof PLATFORM_API_PATHS;
/** `GET <platform>/verify/<certificateId>?c=<code>&s=<signature>`: the page a certificate's QR code opens. */
export const CERTIFICATE_VERIFY_PATH_PREFIX = '/verify/';

/** Request headers. `Idempotency-Key` is required on check-in and on every issue 17 call that creates something (ARCHITECTURE.md §8.3). */
export const PLATFORM_HEADERS = {
  kioskId: 'X-Kiosk-Id',
  requestId: 'X-Request-Id',
  idempotencyKey: 'Idempotency-Key',
} as const;

/** An idempotency key or request id: 8–128 letters, digits and `-_.:`. */
export const PLATFORM_KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,128}$/;

/** The card kinds the platform verifies: the same words as the ID-card reader's (protocols.md §1.6). */
export const PLATFORM_CARD_TYPES = ['resident', 'hkMacaoTaiwanResidence', 'foreignPermanent2017', 'foreignPermanent2023'] as const;
export type PlatformCardType = (typeof PLATFORM_CARD_TYPES)[number];

/** `YYYY-MM-DD`, the card's own dates. */
export type CalendarDate = string;
/** An ISO 8601 time with an offset, e.g. `2026-11-23T09:30:00+08:00` (never zone-less, §8.4). */
export type IsoTimeWithOffset = string;

export const CALENDAR_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const ISO_WITH_OFFSET_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

// ---------------------------------------------------------------------------------------------------------
// Identity (实人认证): card data + live face + the kiosk's liveness result (+ fingerprint) → a decision.

/** What the platform needs of the card to find the person in the population registry. */
export interface PlatformCardFields {
  type: PlatformCardType;
  /** The card number as read (18 characters; 15 for the 2017 foreign card). */
  idNumber: string;
  /** The Chinese name, or the English name for a foreigner without one. */
  name: string;
  validFrom: CalendarDate;
  /** `longTerm` for 长期. */
  validUntil: CalendarDate | 'longTerm';
}

export interface PlatformLiveFace {
  /** One frame of the live face, JPEG, base64 (at most MAX_FACE_JPEG_BASE64 characters). */
  jpegBase64: string;
  capturedAt: IsoTimeWithOffset;
  /** The kiosk's own liveness check on this face. */
  liveness: PlatformLiveness;
}

/** The liveness check the kiosk ran on the camera (main/host/face): the platform trusts its flag and score. */
export interface PlatformLiveness {
  live: boolean;
  /** 0–1: the kiosk's confidence that a live person was in front of the camera. */
  score: number;
}

/** A fingerprint template from the kiosk's module (issue 14 item 4): the platform compares it with the card's. */
export interface PlatformFingerprint {
  templateBase64: string;
  /** The module's template format, e.g. `zfm-char`. */
  format: string;
}

/** A face, a fingerprint, or both (domain.md: fingerprint "as an alternative or an addition"). */
export interface IdentityVerifyRequest {
  card: PlatformCardFields;
  face?: PlatformLiveFace;
  fingerprint?: PlatformFingerprint;
}

export const IDENTITY_DECISIONS = ['matched', 'notMatched', 'reviewNeeded'] as const;
export type IdentityDecision = (typeof IDENTITY_DECISIONS)[number];

/**
 * Why the platform did not match: the card is not in the registry or not valid (`card`), the face was not
 * live (`liveness`), the face is not the card holder's (`face`), or the finger is not (`fingerprint`).
 */
export const IDENTITY_REFUSALS = ['card', 'liveness', 'face', 'fingerprint'] as const;
export type IdentityRefusal = (typeof IDENTITY_REFUSALS)[number];

export interface IdentityVerifyResult {
  decision: IdentityDecision;
  /**
   * Similarity 0–100 of the face (of the finger when no face was sent); matched at MATCH_SCORE_THRESHOLD or
   * above, reviewNeeded from REVIEW_SCORE_THRESHOLD; 0 when nothing was compared (card, liveness refusals).
   */
  score: number;
  /** The platform's id of this verification, for the kiosk's records and an appeal. */
  transactionId: string;
  /** Present when decision is `notMatched`. */
  refusal?: IdentityRefusal;
}

/** The typical 人证比对 thresholds the simulator answers by (a real platform decides its own). */
export const MATCH_SCORE_THRESHOLD = 80;
export const REVIEW_SCORE_THRESHOLD = 60;
/** About 375 KiB of JPEG: a 640×480 frame at normal quality fits comfortably. */
export const MAX_FACE_JPEG_BASE64 = 500_000;

// ---------------------------------------------------------------------------------------------------------
// Appointments (预约取号): made online, checked in at the kiosk by code (QR) or ID card.

/**
 * An appointment code as the citizen's SMS or QR carries it: `APT1.<payload>.<signature>`, both base64url.
 * The payload names the appointment (id, business, window; nothing personal); the signature is the
 * platform's HMAC-SHA256 over `APT1.<payload>`, truncated to 16 bytes, under a key only the platform holds.
 * The kiosk cannot verify it (it has no key) and only checks the shape; the platform answers `forged` for a
 * code whose signature does not verify. A replayed code (one already checked in) is `alreadyUsed`.
 */
export const APPOINTMENT_CODE_PREFIX = 'APT1';
export const APPOINTMENT_CODE_PATTERN = /^APT1\.[A-Za-z0-9_-]{8,400}\.[A-Za-z0-9_-]{22}$/;

/** Whether a scanned text has the shape of an appointment code (not whether it is genuine). */
export function isAppointmentCodeShape(text: string): boolean {
  return APPOINTMENT_CODE_PATTERN.test(text);
}

export const APPOINTMENT_STATUSES = ['booked', 'checkedIn', 'cancelled'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export interface Appointment {
  code: string;
  /** The hall's business id (queue.businesses[].id). */
  businessId: string;
  windowStart: IsoTimeWithOffset;
  windowEnd: IsoTimeWithOffset;
  /** Masked for display: 张*. */
  personMaskedName: string;
  status: AppointmentStatus;
  /** Present once checked in. */
  checkedInAt?: IsoTimeWithOffset;
}

export interface AppointmentLookupRequest {
  code: string;
}

/** `unknown`: no such appointment (or not a code at all); `forged`: the signature does not verify. */
export type AppointmentLookupResult = { status: 'found'; appointment: Appointment } | { status: 'unknown' } | { status: 'forged' };

export interface AppointmentSearchRequest {
  /** The real number, over TLS (see the file comment): the platform is the system of record. */
  idNumber: string;
  cardType: PlatformCardType;
}

/** The person's appointments whose window starts on the hall day of the request, any status, earliest first. */
export interface AppointmentSearchResult {
  appointments: Appointment[];
}

export interface CheckInRequest {
  code: string;
}

/**
 * `checkedIn`: done now (or, for a retry with the same Idempotency-Key, done by the first request: the same
 * answer again); `early`: check-in has not opened yet (opens `checkInOpensAt`); `late`: the window has ended;
 * `alreadyUsed`: checked in before (a replayed code); `unknown`, `forged`: as for a lookup.
 */
export const CHECK_IN_OUTCOMES = ['checkedIn', 'early', 'late', 'alreadyUsed', 'unknown', 'forged'] as const;
export type CheckInOutcome = (typeof CHECK_IN_OUTCOMES)[number];

export type CheckInResult =
  | { outcome: 'checkedIn' | 'alreadyUsed' | 'late'; appointment: Appointment }
  | { outcome: 'early'; appointment: Appointment; checkInOpensAt: IsoTimeWithOffset }
  | { outcome: 'unknown' | 'forged' };

/** Check-in opens this long before the window starts (typical; the platform decides). */
export const CHECK_IN_OPENS_BEFORE_MS = 30 * 60_000;

/** A verification stays usable for certificates and progress queries this long after the platform matched (issue 17 §2). */
export const VERIFICATION_VALID_MS = 30 * 60_000;

/** The body of every non-2xx answer. */
export interface PlatformErrorBody {
  error: string;
  message: string;
  field?: string;
}

// ---------------------------------------------------------------------------------------------------------
// The service-guide catalogue (issue 16 §1): the kiosk asks with the version it has; the platform answers
// `current`, or `newer` with the whole catalogue (common/guides.ts), which the kiosk validates before use.

export interface CatalogueUpdateRequest {
  haveVersion: string;
}

export type CatalogueUpdateResult = { status: 'current' } | { status: 'newer'; catalogue: unknown };

/** The largest catalogue reply the kiosk reads: a city's 20,000 items fit, a province's come in a file. */
export const MAX_CATALOGUE_REPLY_CHARS = 64 * 1024 * 1024;

// =========================================================================================================
// Issue 17. Every call below that is about one citizen names them by a `verificationId`: the transactionId of
// a `matched` IdentityVerifyResult this kiosk (X-Kiosk-Id) obtained less than VERIFICATION_VALID_MS ago. The
// kiosk cannot name an ID number and get someone else's records. A verification that is unknown, expired,
// not matched or another kiosk's is answered `verificationInvalid`: the citizen identifies again.
// A problem with what the citizen entered is a well-formed answer (`refused` with the field paths), like
// check-in's `early`; a request of the wrong shape is a 400, a kiosk bug.

/** One thing wrong with a submission: where (`form.phone`, `attachments[1].base64`) and why, `中文 / English`. */
export interface PlatformProblem {
  field: string;
  message: string;
}

// ---- Certificates (issue 17 §2) -------------------------------------------------------------------------
export interface CertificateListRequest {
  verificationId: string;
}
export interface CertificateOffer {
  kind: CertificateKind;
  /** 个人参保证明 */
  title: string;
  issuer: string;
}
export type CertificateListResult = { outcome: 'listed'; offers: CertificateOffer[] } | { outcome: 'verificationInvalid' };

/** Sent with `Idempotency-Key: <issuanceId>`: asking again under it returns the same certificate (same code). */
export interface CertificateIssueRequest {
  verificationId: string;
  kind: CertificateKind;
}
/** The platform's certificate: everything the kiosk prints but the issuance id, which the kiosk adds. */
export type PlatformCertificate = Omit<CertificateDocument, 'issuanceId'> & {
  /** The platform's id of this certificate, in its verification URL: `C` + YYYYMMDD + 6 digits. */
  certificateId: string;
};
/** `notAvailable`: this citizen has no such record (no real estate, not a legal representative …). */
export type CertificateIssueResult = { outcome: 'issued'; certificate: PlatformCertificate } | { outcome: 'verificationInvalid' } | { outcome: 'notAvailable' };

/** The kiosk journal's final word on an issuance (ARCHITECTURE.md §8.3): printed, or voided. */
export const CERTIFICATE_OUTCOMES = ['issued', 'voided'] as const;
export type CertificateOutcome = (typeof CERTIFICATE_OUTCOMES)[number];
export interface CertificateOutcomeRequest {
  certificateId: string;
  /** The Idempotency-Key it was fetched under: the platform checks they belong together. */
  issuanceId: string;
  outcome: CertificateOutcome;
}
/**
 * `recorded`: the certificate's status now (the same report again answers the same). A void may follow an
 * issue (staff void a printed certificate); `alreadyVoided` answers an `issued` after a void.
 * `unknown`: no certificate by that id under that issuance id.
 */
export type CertificateOutcomeResult =
  | { outcome: 'recorded'; certificateId: string; status: CertificateOutcome; recordedAt: IsoTimeWithOffset }
  | { outcome: 'alreadyVoided'; certificateId: string }
  | { outcome: 'unknown' };
/** A verification code as printed: three groups of four letters and digits without 0/O/1/I. */
export const CERTIFICATE_CODE_PATTERN = /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/;
export const CERTIFICATE_ID_PATTERN = /^C\d{14}$/;

// ---- Applications (issue 17 §5) -------------------------------------------------------------------------
/** The services the kiosk can apply for, by the platform's service code (docs/platform-api.md). */
export const APPLICATION_SERVICE_CODES = {
  /** 个人参保登记 */
  socialInsuranceRegistration: 'SI-PERSONAL-REGISTRATION',
  /** 住房公积金提取 */
  housingFundWithdrawal: 'HF-WITHDRAWAL',
} as const;
export type ApplicationServiceCode = (typeof APPLICATION_SERVICE_CODES)[keyof typeof APPLICATION_SERVICE_CODES];

export interface ApplicationApplicant {
  /** The matched verification of this citizen (it may be older than VERIFICATION_VALID_MS: the outbox sends late). */
  verificationId: string;
  cardType: PlatformCardType;
  idNumber: string;
  name: string;
  /** A mainland mobile number, 11 digits from 1[3-9]. */
  phone: string;
}
export const INSURANCE_TYPES = ['pension', 'medical', 'unemployment', 'workInjury', 'maternity'] as const;
export type InsuranceType = (typeof INSURANCE_TYPES)[number];
/** 个人参保登记: employed (the employer named, its licence attached) or flexible employment (养老, 医疗 only). */
export interface SocialInsuranceRegistrationForm {
  employmentType: 'employee' | 'flexible';
  /** Employee only: 单位名称 and its 统一社会信用代码 (GB 32100, check character verified). */
  employerName?: string;
  employerCreditCode?: string;
  insuranceTypes: InsuranceType[];
  /** 参保起始年月, YYYY-MM: not before 12 months ago, not after next month. */
  startMonth: string;
  /** 户口性质 */
  householdType: 'urban' | 'rural';
  /** 常住地址 */
  address: string;
}
export const WITHDRAWAL_REASONS = ['retirement', 'rent', 'purchase', 'leavingCity'] as const;
export type WithdrawalReason = (typeof WITHDRAWAL_REASONS)[number];
/** 住房公积金提取: to the citizen's own bank account, at most the balance. */
export interface HousingFundWithdrawalForm {
  reason: WithdrawalReason;
  /** Yuan with two decimals, e.g. `12000.00`. */
  amountYuan: string;
  bankName: string;
  /** 12–19 digits, Luhn-checked (银联 card numbers). */
  bankAccount: string;
}
export const ATTACHMENT_KINDS = ['householdRegister', 'businessLicence', 'rentalContract', 'purchaseContract', 'retirementCertificate', 'other'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];
export const ATTACHMENT_MEDIA_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export interface ApplicationAttachment {
  kind: AttachmentKind;
  mediaType: (typeof ATTACHMENT_MEDIA_TYPES)[number];
  base64: string;
}
/** A postal address for EMS (issue 17 §7); prefilled from the card, corrected by the citizen. */
export interface PostalAddress {
  recipientName: string;
  /** A mainland mobile number. */
  phone: string;
  /** 省级行政区 as written in full (贵州省, 北京市, 广西壮族自治区 …). */
  province: string;
  city: string;
  district: string;
  /** 街道、门牌: 4–120 characters. */
  detail: string;
  /** Six digits. */
  postcode: string;
}
/** How a result document reaches the citizen; `none` for a service without one (公积金提取 pays into the bank). */
export type ApplicationDelivery = { method: 'window' } | { method: 'locker' } | { method: 'post'; address: PostalAddress } | { method: 'none' };
interface ApplicationSubmissionBase {
  /** 8–128 of `A-Za-z0-9_.:-`, also sent as the Idempotency-Key header (they must be equal). */
  idempotencyKey: string;
  applicant: ApplicationApplicant;
  attachments: ApplicationAttachment[];
  signature: { pngBase64: string };
  delivery: ApplicationDelivery;
}
export type ApplicationSubmission = ApplicationSubmissionBase &
  ({ serviceCode: 'SI-PERSONAL-REGISTRATION'; form: SocialInsuranceRegistrationForm } | { serviceCode: 'HF-WITHDRAWAL'; form: HousingFundWithdrawalForm });
/** What the receipt lists as submitted: 申请表 1 份, 户口簿 1 页, 手写签名 1 份 … */
export interface SubmittedItem {
  name: string;
  count: number;
}
/**
 * `accepted` (the same again for a resend under the same key: stored once); `refused`: nothing stored, the
 * kiosk may correct and send again under the same key. With delivery `post`, EMS is booked at acceptance.
 */
export type ApplicationSubmitResult =
  | { outcome: 'accepted'; acceptanceNumber: string; acceptedAt: IsoTimeWithOffset; serviceName: string; items: SubmittedItem[]; trackingNumber?: string }
  | { outcome: 'refused'; problems: PlatformProblem[] };
/** The largest application body the platform takes: a few A4 scans and a signature. */
export const MAX_APPLICATION_BODY_BYTES = 24 * 1024 * 1024;

/**
 * 受理编号: `SL` + the acceptance day YYYYMMDD + a 6-digit sequence + a Luhn check digit over the 14 digits,
 * e.g. `SL202611230000010`, so a number typed on the on-screen keyboard is checked before it is sent.
 */
export const ACCEPTANCE_NUMBER_PATTERN = /^SL\d{15}$/;
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}
export function isAcceptanceNumber(text: string): boolean {
  return ACCEPTANCE_NUMBER_PATTERN.test(text) && luhnCheckDigit(text.slice(2, 16)) === Number(text[16]);
}

// ---- Progress (办件查询, issue 17 §6) ----------------------------------------------------------------------
export type ProgressQuery = { acceptanceNumber: string } | { verificationId: string };
/** 受理 / 审核中 / 办结 / 退回 */
export const APPLICATION_STATUSES = ['accepted', 'reviewing', 'completed', 'returned'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const APPLICATION_STATUS_NAMES: Readonly<Record<ApplicationStatus, string>> = { accepted: '受理', reviewing: '审核中', completed: '办结', returned: '退回' };
export interface ProgressStep {
  status: ApplicationStatus;
  at: IsoTimeWithOffset;
  /** 退回: why (补充材料 …); 办结: the result. */
  note?: string;
}
export interface ApplicationProgress {
  acceptanceNumber: string;
  serviceCode: string;
  serviceName: string;
  /** 张* */
  applicantMaskedName: string;
  status: ApplicationStatus;
  acceptedAt: IsoTimeWithOffset;
  /** Oldest first; the last is the current status. */
  steps: ProgressStep[];
  trackingNumber?: string;
}
/** By acceptance number: at most one (none for a number the platform does not know); by citizen: theirs, newest first. */
export type ProgressResult = { outcome: 'found'; applications: ApplicationProgress[] } | { outcome: 'verificationInvalid' };

// ---- EMS post (issue 17 §7) ------------------------------------------------------------------------------
/** Sent with an Idempotency-Key: a resend books nothing twice. */
export interface PostBookingRequest {
  acceptanceNumber: string;
  address: PostalAddress;
}
export type PostBookingResult =
  | { outcome: 'booked'; trackingNumber: string; carrier: 'EMS'; bookedAt: IsoTimeWithOffset }
  | { outcome: 'refused'; problems: PlatformProblem[] }
  | { outcome: 'unknown' };
/** UPU S10 item identifier: two letters, eight digits, a check digit, the country (`EA123456785CN`). */
export const S10_PATTERN = /^[A-Z]{2}\d{9}[A-Z]{2}$/;
/** The S10 check digit of the 8-digit serial: weights 8 6 4 2 3 5 9 7, 11 − sum mod 11, 10 → 0, 11 → 5. */
export function s10CheckDigit(serial: string): number {
  const weights = [8, 6, 4, 2, 3, 5, 9, 7];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (serial.charCodeAt(i) - 48) * weights[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 0 : c === 11 ? 5 : c;
}
export function isS10TrackingNumber(text: string): boolean {
  return S10_PATTERN.test(text) && s10CheckDigit(text.slice(2, 10)) === Number(text[10]);
}

// ---- 好差评 (GB/T 39735, issue 17 §8) -----------------------------------------------------------------------
/** 1 非常满意 … 5 非常不满意 (GB/T 39735's five levels, best first). */
export const EVALUATION_LEVELS = [1, 2, 3, 4, 5] as const;
export type EvaluationLevel = (typeof EVALUATION_LEVELS)[number];
export const EVALUATION_LEVEL_NAMES: Readonly<Record<EvaluationLevel, string>> = { 1: '非常满意', 2: '满意', 3: '基本满意', 4: '不满意', 5: '非常不满意' };
/** Levels 4 and 5 need at least one reason. */
export const LOW_EVALUATION_LEVELS: readonly EvaluationLevel[] = [4, 5];
/** The reasons a kiosk offers for a low level (the platform's 差评 categories); free text goes in `comment`. */
export const EVALUATION_REASONS = {
  slow: '办理时间长',
  unclearGuidance: '指引不清楚',
  tooManyMaterials: '材料要求多',
  deviceProblem: '设备故障或难用',
  notResolved: '问题未解决',
  other: '其他',
} as const;
export type EvaluationReason = keyof typeof EVALUATION_REASONS;
export const MAX_EVALUATION_COMMENT_CHARS = 500;
export interface EvaluationRequest {
  /** Also sent as the Idempotency-Key header (they must be equal). */
  idempotencyKey: string;
  /** The transaction rated: an acceptance number, a certificate id, a ticket's id. One evaluation each. */
  transactionId: string;
  serviceCode: string;
  level: EvaluationLevel;
  reasons?: EvaluationReason[];
  comment?: string;
  channel: 'kiosk';
}
/** `alreadyEvaluated`: this transaction has an evaluation (under another key): the first one stands. */
export type EvaluationResult =
  | { outcome: 'recorded'; evaluationId: string; recordedAt: IsoTimeWithOffset }
  | { outcome: 'alreadyEvaluated'; evaluationId: string }
  | { outcome: 'refused'; problems: PlatformProblem[] };
