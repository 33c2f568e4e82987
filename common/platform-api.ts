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
 */

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
} as const;

export type PlatformEndpoint = keyof typeof PLATFORM_API_PATHS;

/** Request headers. `Idempotency-Key` is required on check-in (ARCHITECTURE.md §8.3). */
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
