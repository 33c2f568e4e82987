/**
 * The citizen's identity at the kiosk as the renderer sees it (issue 14 §9–10; ARCHITECTURE.md §8.6–8.7).
 * The host reads the card, decides, and holds everything personal; the renderer shows `IdentityView` and asks
 * for steps. What it carries is of the *display* class: the citizen's own name on the citizen's own screen,
 * the ID number masked; both are gone from host and renderer when the session ends.
 */
import type { KioskErrorInfo } from './errors';

/** What the citizen proves their identity for; it decides what follows the card. */
export const IDENTITY_PURPOSES = ['ticket', 'appointment'] as const;
export type IdentityPurpose = (typeof IDENTITY_PURPOSES)[number];

import type { PlatformCardType } from './platform-api';

/** The four card layouts (protocols.md §1.6), named as drivers/protocol/ga467/card-text.ts and the platform name them. */
export type IdentityCardKind = PlatformCardType;

/**
 * - `idle`: nothing asked of the card reader.
 * - `placeCard`: waiting for a card (请将身份证放在读卡区).
 * - `reading`: a card lies on the antenna and is being read (请勿移动身份证).
 * - `refused`: the card was read and refused (expired, not yet valid, unreadable text) or the read failed;
 *   `error` says why, and the citizen may try again (`identity:begin`).
 * - `identified`: the card was accepted for this session.
 */
export type IdentityStep = 'idle' | 'placeCard' | 'reading' | 'refused' | 'identified';

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
  citizen?: IdentityCitizenView;
  error?: KioskErrorInfo;
  takeCard: TakeCardReminder | null;
}

export const IDLE_IDENTITY: IdentityView = Object.freeze({ step: 'idle', purpose: null, takeCard: null });

export interface IdentityBeginRequest {
  purpose: IdentityPurpose;
}
