/**
 * The KioskApi contract (ARCHITECTURE.md §1, §8.10): the only thing the renderer knows about the host.
 * Electron carries it over IPC (preload + ipcMain, channels `domain:verb`), the browser shell over a
 * loopback WebSocket. Both carry the same `ApiRequest` / `ApiReply` / `ApiPush` messages.
 */
import type { EvaluationOffer } from './evaluation';
import type { AppointmentView } from './appointment';
import type { ServiceAvailability } from './availability';
import type { KioskErrorInfo } from './errors';
import type { FaceStreamingView } from './face-feed';
import type { GuidesStatusView } from './guides-api';
import type { IdentityView } from './identity';
import type { ApiChannel, ApiRequestOf, ApiResultOf } from './kiosk-api-channels';
import type { BusinessView, LocalText, TicketDeliveryEvent } from './queue';
import type { RobotTripView } from './robot';
import type { SessionState } from './session';
import type { StaffView } from './staff';

export type KioskMode = 'training' | 'production';
export type Language = 'zh-CN' | 'zh-TW' | 'en';

export interface KioskSnapshot {
  mode: KioskMode;
  hallName: LocalText;
  kioskName: LocalText;
  timeZone: string;
  /** Host clock at the moment of the snapshot, for the on-screen clock (training mode may move it). */
  nowMs: number;
  languages: Language[];
  session: SessionState;
  /** The citizen's identity step (issue 14): what the card step shows, and the 请取走您的身份证 reminder. */
  identity: IdentityView;
  /** The appointment check-in step (issue 14 item 7). */
  appointment: AppointmentView;
  /** Present only with a `uvc` face camera (issue 14 item 5): whether the host wants the renderer's frames now. */
  faceStreaming?: FaceStreamingView;
  availability: ServiceAvailability[];
  businesses: BusinessView[];
  /** The PIN pad and the staff session (issue 15 §1): with a session, the renderer shows the staff screens. */
  staff: StaffView;
  /**
   * After this long with nothing from the host (not even `host:alive`), the renderer shows 暂停服务 and
   * clears the citizen's screen (issue 13 §4); the configuration's `server.hostHangAfterMs`.
   */
  hostLostAfterMs: number;
  guides: GuidesStatusView;
  /** `robot`: a hall robot (portrait screen, voice greeting, 带我去); `kiosk` otherwise (issue 16 §9). */
  profile: KioskProfile;
  /** The robot profile's greeting (config `robot.greeting`): shown and spoken when a citizen steps up. */
  greeting?: LocalText;
  /** Present only with a `robotBase` device. */
  robot?: RobotTripView;
  /** 好差评 (issue 17 §8): the transaction just ended that the citizen may rate, or null. */
  evaluation: EvaluationOffer | null;
}

export type KioskProfile = 'kiosk' | 'robot';

/** How often the host pushes `host:alive`, so a silent host is told from a quiet one. */
export const HOST_ALIVE_INTERVAL_MS = 2_000;

/** Pushed by the host; the renderer renders, it never decides. */
export type KioskEvent =
  | { type: 'session:changed'; session: SessionState }
  | { type: 'availability:changed'; availability: ServiceAvailability[] }
  | { type: 'queue:changed'; businesses: BusinessView[] }
  | { type: 'clock:changed'; nowMs: number }
  | { type: 'identity:changed'; identity: IdentityView }
  | { type: 'appointment:changed'; appointment: AppointmentView }
  /** The PIN pad opened, closed or locked; a staff member signed in or out (issue 15 §1). */
  | { type: 'staff:changed'; staff: StaffView }
  /** The guide index became ready (or failed), or a new catalogue came into force (issue 16 §1, §3). */
  | { type: 'guides:changed'; guides: GuidesStatusView }
  /** The robot's trip moved on, or its base's status changed (issue 16 §9). */
  | { type: 'robot:changed'; robot: RobotTripView }
  /** A transaction ended and may be rated, or the offer went (rated, skipped, the session ended). */
  | { type: 'evaluation:changed'; evaluation: EvaluationOffer | null }
  /** The uvc face camera: start or stop sending frames (common/face-feed.ts). */
  | ({ type: 'face:streaming' } & FaceStreamingView)
  /** A presenter printer's ticket left the mouth: taken, retracted or unknown (common/queue.ts). */
  | ({ type: 'ticket:delivery' } & TicketDeliveryEvent)
  /** Every HOST_ALIVE_INTERVAL_MS: the host's event loop runs and the link to it carries. */
  | { type: 'host:alive' }
  /**
   * Synthesised by a client bridge (never sent by the host) after it (re)connected: events may have been
   * missed and none are replayed, so the app fetches a fresh `kiosk:get-snapshot`.
   */
  | { type: 'kiosk:resync' };

// The channels, with their request and result types, are declared once in kiosk-api-channels.ts (§8.16).
export type { ApiChannel, ApiChannels, ApiRequestOf, ApiResultOf } from './kiosk-api-channels';

export interface KioskApi {
  call<C extends ApiChannel>(channel: C, request: ApiRequestOf<C>): Promise<ApiResultOf<C>>;
  onEvent(listener: (event: KioskEvent) => void): () => void;
}

/** Wire messages (WebSocket JSON, and the host ↔ supervisor IPC). */
export interface ApiRequest {
  kind: 'request';
  id: number;
  channel: ApiChannel;
  request: unknown;
}
export type ApiReply =
  | { kind: 'reply'; id: number; ok: true; result: unknown }
  | { kind: 'reply'; id: number; ok: false; error: KioskErrorInfo };
export interface ApiPush {
  kind: 'event';
  event: KioskEvent;
}

/** Thrown in the renderer when a call fails; carries the translated-by-code error. */
export class KioskApiError extends Error {
  constructor(readonly info: KioskErrorInfo) {
    super(`${info.code}${info.detail ? `: ${info.detail}` : ''}`);
    this.name = 'KioskApiError';
  }
}
