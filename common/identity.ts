/**
 * The citizen's identity at the kiosk as the renderer sees it (issue 14 §9–10; ARCHITECTURE.md §8.6–8.7).
 * The host reads the card, decides, and holds everything personal; the renderer shows `IdentityView` and asks
 * for steps. What it carries is of the *display* class: the citizen's own name on the citizen's own screen,
 * the ID number masked; both are gone from host and renderer when the session ends.
 */
import type { KioskErrorInfo } from './errors';

/**
 * What the citizen proves their identity for; it decides what follows the card: a ticket, an appointment
 * check-in, and (issue 17) certificates, applications and the progress query.
 */
export const IDENTITY_PURPOSES = ['ticket', 'appointment', 'certificate', 'application', 'progress'] as const;
export type IdentityPurpose = (typeof IDENTITY_PURPOSES)[number];

import type { PlatformCardType } from './platform-api';

/** The four card layouts (protocols.md §1.6), named as drivers/protocol/ga467/card-text.ts and the platform name them. */
export type IdentityCardKind = PlatformCardType;

/**
 * How the citizen proves the card is theirs (issue 14 §5): their live face or a finger, compared by the
 * platform, each after its own consent; or a person at the counter (人工核验), for whoever declines both.
 * `card`: the card alone (an appointment check-in).
 */
export const VERIFICATION_METHODS = ['face', 'fingerprint', 'staff', 'card'] as const;
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];

/** Which methods this kiosk can offer now (its devices and the platform), decided by the host. */
export interface VerificationMethods {
  face: boolean;
  fingerprint: boolean;
  staff: boolean;
}

/**
 * - `idle`: nothing asked of the card reader.
 * - `placeCard`: waiting for a card (请将身份证放在读卡区).
 * - `reading`: a card lies on the antenna and is being read (请勿移动身份证).
 * - `refused`: the card was refused (expired, not yet valid, unreadable), the read failed, or the face or finger
 *   did not verify; `error` says why, and the citizen may try again (`identity:begin`).
 * - `face`: the live face step, `face` says what to do (look at the camera, turn left, blink …).
 * - `finger`: the fingerprint step, `finger` says what to do.
 * - `verifying`: the platform compares (a second or two).
 * - `staffCheck`: the citizen asked for a person; `staff` says whether anybody is on duty and when they are back.
 * - `identified`: the citizen is identified for this session, by `verifiedBy`.
 */
export type IdentityStep = 'idle' | 'placeCard' | 'reading' | 'refused' | 'face' | 'finger' | 'verifying' | 'staffCheck' | 'identified';

/** The face step's prompts (main/host/face/face-types.ts LivenessPrompt), one message id each. */
export const FACE_PROMPTS = ['noFace', 'oneFace', 'centre', 'closer', 'holdStill', 'turnLeft', 'turnRight', 'blink', 'passed', 'failed'] as const;
export type FacePromptView = (typeof FACE_PROMPTS)[number];

export interface FaceStepView {
  prompt: FacePromptView;
  /** From the first challenge on: which one of how many (0-based). */
  challenge?: { index: number; total: number };
}

export const FINGER_PROMPTS = ['place', 'hold', 'lift'] as const;
export type FingerStepView = { prompt: (typeof FINGER_PROMPTS)[number] };

/** 人工核验: staff are alerted when on duty (configuration `identity.staffOnDuty`); otherwise when they are back. */
export interface StaffCheckView {
  onDuty: boolean;
  /** Hall time "YYYY-MM-DD HH:MM" the next duty begins, when not on duty and known within two weeks. */
  backAt?: string;
}

export interface IdentityCitizenView {
  /** The name as on the card (a private-use rare character kept as it is); the citizen's own screen only. */
  name: string;
  /** `5201**********1234`: never the full number, not even on the citizen's screen. */
  idNumberMasked: string;
  cardKind: IdentityCardKind;
  /** Age in whole years on today's hall date, computed by the host; null when the card's birth date is later than today. */
  age: number | null;
  /** 绿色通道: the host grants priority by age (configuration `identity.priorityAge`). */
  priority: boolean;
}

/** After a session that read a card: 请取走您的身份证, large. `left`: the reader still sees the card (staff alerted). */
export interface TakeCardReminder {
  left: boolean;
}

export interface IdentityView {
  step: IdentityStep;
  purpose: IdentityPurpose | null;
  /** The method the citizen chose (and consented to) for this session's card; null before a begin. */
  method: VerificationMethod | null;
  methods: VerificationMethods;
  citizen?: IdentityCitizenView;
  face?: FaceStepView;
  finger?: FingerStepView;
  staff?: StaffCheckView;
  /** Present when identified. */
  verifiedBy?: VerificationMethod;
  error?: KioskErrorInfo;
  takeCard: TakeCardReminder | null;
}

export const NO_METHODS: VerificationMethods = Object.freeze({ face: false, fingerprint: false, staff: false });

export const IDLE_IDENTITY: IdentityView = Object.freeze({ step: 'idle', purpose: null, method: null, methods: NO_METHODS, takeCard: null });

/**
 * `method`: what the citizen consented to on the consent screen (face, fingerprint), or staff; `card` only for
 * a purpose that needs no more than the card (appointment check-in). The host refuses a method it cannot offer.
 */
export interface IdentityBeginRequest {
  purpose: IdentityPurpose;
  method: VerificationMethod;
}
