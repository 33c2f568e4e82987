/**
 * Every KioskApi channel, declared once (ARCHITECTURE.md §8.16, §8.10): its request and result types, the
 * validator a request must pass before the host acts on it, and how long a caller waits for the reply
 * (issue 13 §4: a hung host never leaves a citizen's screen waiting without end). Everything else is derived
 * from this table: the request/result types of `KioskApi.call`, the host's handler map (a channel without a
 * handler is a type error), the Electron preload's and IPC bridge's allow-list, the WebSocket and relay
 * envelope checks, and every caller's deadline. Channel names are `domain:verb` (§6).
 */
import {
  exactKeys,
  isPlainObject,
  validateAppointmentCheckInRequest,
  validateAppointmentSubmitCodeRequest,
  validateEmptyRequest,
  validateIdentityBeginRequest,
  validateSessionEndRequest,
  validateTakeTicketRequest,
  type Checked,
  type Validator,
} from './api-validate';
import type { AppointmentCheckInResult, AppointmentView } from './appointment';
import { validateFaceCameraRequest, validateFaceFrameRequest, type FaceFrameResult } from './face-feed';
import type { IdentityView } from './identity';
import type { ApiRequest, KioskSnapshot } from './kiosk-api';
import type { BusinessView, TakeTicketResult } from './queue';
import type { SessionState } from './session';
import type { AuditStatusView, BundleView, DeviceDiagnostics, DeviceEditResult, FrameView, HealthView, RawCommandView } from './diagnostics';
import { validateDeviceEditRequest, validateFramesRequest, validateHealthCheckRequest, validateMaintenanceRequest, validateRawCommandRequest } from './diagnostics-validate';
import type { GuideBrowseResult, GuideOpenResult, GuidePrintResult, GuideSearchResult, GuidesOverview, HelpCallResult } from './guides-api';
import {
  validateElderModeRequest,
  validateGuideBrowseRequest,
  validateGuideOpenRequest,
  validateGuidePrintRequest,
  validateGuideRouteRequest,
  validateGuideSearchRequest,
  validateRobotGoRequest,
  validateSpeechClipRequest,
} from './guides-api-validate';
import type { GuideRouteResult } from './hall-map';
import type { CertificateListResult, CertificatePrepareResult, CertificatePrintResult } from './certificates-api';
import { validateCertificatePrepareRequest, validateCertificatePrintRequest, validateEvaluationSkipRequest, validateEvaluationSubmitRequest } from './certificates-validate';
import type { EvaluationSubmitResult } from './evaluation';
import type { ProgressQueryResult } from './progress-api';
import { validateProgressQueryRequest } from './progress-validate';
import type { RobotTripView } from './robot';
import type { SpeechClipResult } from './speech';
import type { StaffPadView, StaffSessionView, StaffSignInResult, StaffView } from './staff';
import type { FoundItem, OutOfServiceView, PrinterSupply, StaffOverview, TestTicketResult, TodayFigures, UncertainCertificateView, UncertainTicketView } from './staff-desk';
import {
  validateDeviceIdRequest,
  validateHandOverRequest,
  validateLogFoundItemRequest,
  validateRestockRequest,
  validateSetServiceRequest,
  validateSettleCertificateRequest,
  validateSettleTicketRequest,
  validateStaffSignInRequest,
} from './staff-validate';

/** Most channels answer from memory; this is generous for a busy host. */
export const DEFAULT_CALL_DEADLINE_MS = 10_000;
/** Taking a ticket may wait for the printer to finish the last one, print and confirm (§8.3). */
export const TAKE_TICKET_DEADLINE_MS = 60_000;
/** An appointment check-in: the platform (8 s, a stale answer retried under its next key) and then the ticket. */
export const APPOINTMENT_CHECK_IN_DEADLINE_MS = 90_000;
/** An interactive health check waits up to 30 s for the technician's card, finger or scan. */
export const INTERACTIVE_CHECK_DEADLINE_MS = 45_000;
/** A raw command listens for its reply up to 10 s. */
export const RAW_COMMAND_DEADLINE_MS = 20_000;
/** The device editor: the port test (5 s), the device coming up (15 s), and a roll-back that waits as long again. */
export const DEVICE_EDIT_DEADLINE_MS = 60_000;
/** A certificate: the platform's data (8 s), the PDF worker and the preview (a few seconds on a loaded kiosk). */
export const CERTIFICATE_PREPARE_DEADLINE_MS = 45_000;
/** A certificate's job on the A4 printer, followed to its end; a silent printer is followed up by name after. */
export const CERTIFICATE_PRINT_DEADLINE_MS = 240_000;
/** 办件查询: one platform call (8 s, docs/platform-api.md) and the kiosk's own records. */
export const PROGRESS_QUERY_DEADLINE_MS = 20_000;
export const BUNDLE_DEADLINE_MS = 30_000;
/** A face frame is answered at once; a late answer is no use (the renderer skips frames meanwhile). */
export const FACE_FRAME_DEADLINE_MS = 2_000;

/**
 * Who may call a channel (issue 15 §1), enforced by the host whatever the renderer shows: `citizen` channels
 * are refused while a staff session is open (the citizen UI is never reachable with staff rights on);
 * `staff` ones need a signed-in staff member or technician, `technician` ones a technician; `any` always.
 */
export type ChannelAccess = 'any' | 'citizen' | 'staff' | 'technician';

export interface ChannelSpec<Request, Result> {
  readonly validateRequest: Validator<Request>;
  readonly deadlineMs: number;
  readonly access: ChannelAccess;
  /** Type only, never set: what the host answers with. */
  readonly result?: Result;
}

function channel<Result>() {
  return <Request>(spec: { validateRequest: Validator<Request>; deadlineMs: number; access: ChannelAccess }): ChannelSpec<Request, Result> => spec;
}

export const KIOSK_API_CHANNELS = {
  'kiosk:get-snapshot': channel<KioskSnapshot>()({ validateRequest: validateEmptyRequest, deadlineMs: DEFAULT_CALL_DEADLINE_MS, access: 'any' }),
  'session:activity': channel<SessionState>()({ validateRequest: validateEmptyRequest, deadlineMs: DEFAULT_CALL_DEADLINE_MS, access: 'citizen' }),
  'session:end': channel<SessionState>()({ validateRequest: validateSessionEndRequest, deadlineMs: DEFAULT_CALL_DEADLINE_MS, access: 'citizen' }),
  'queue:list-businesses': channel<BusinessView[]>()({ validateRequest: validateEmptyRequest, deadlineMs: DEFAULT_CALL_DEADLINE_MS, access: 'citizen' }),
  'queue:take-ticket': channel<TakeTicketResult>()({ validateRequest: validateTakeTicketRequest, deadlineMs: TAKE_TICKET_DEADLINE_MS, access: 'citizen' }),
  /** Asks for the citizen's card (issue 14 §10): the answer comes at once, the steps as `identity:changed`. */
  'identity:begin': channel<IdentityView>()({ validateRequest: validateIdentityBeginRequest, deadlineMs: DEFAULT_CALL_DEADLINE_MS, access: 'citizen' }),
  /** Stops waiting for a card; an identity already established stays for the session. */
  'identity:cancel': channel<IdentityView>()({ validateRequest: validateEmptyRequest, deadlineMs: DEFAULT_CALL_DEADLINE_MS, access: 'citizen' }),
  /**
   * The citizen left the service the identity was for (back to the home screen): the host wipes the card and
   * verification of this session at once, so nobody who touches the screen next inherits them.
   */
  'identity:end': channel<IdentityView>()({ validateRequest: validateEmptyRequest, deadlineMs: DEFAULT_CALL_DEADLINE_MS, access: 'citizen' }),
  /** The check-in screen opens (issue 14 item 7): the host reads the QR scanner for it; steps come as `appointment:changed`. */
  'appointment:begin': channel<AppointmentView>()({ validateRequest: validateEmptyRequest, deadlineMs: DEFAULT_CALL_DEADLINE_MS, access: 'citizen' }),
  /** A keyboard-wedge scan (issue 14 item 6): answered at once, the look-up's result as `appointment:changed`. */
  'appointment:submit-code': channel<AppointmentView>()({ validateRequest: validateAppointmentSubmitCodeRequest, deadlineMs: DEFAULT_CALL_DEADLINE_MS, access: 'citizen' }),
  /** After `identity:changed` says identified (purpose appointment): the card holder's appointments of today. */
  'appointment:find-by-card': channel<AppointmentView>()({ validateRequest: validateEmptyRequest, deadlineMs: DEFAULT_CALL_DEADLINE_MS, access: 'citizen' }),
  /** 确认签到: the platform's check-in, then the priority ticket. */
  'appointment:check-in': channel<AppointmentCheckInResult>()({ validateRequest: validateAppointmentCheckInRequest, deadlineMs: APPOINTMENT_CHECK_IN_DEADLINE_MS, access: 'citizen' }),
  /** The citizen leaves the check-in screen: the scanner is no longer read for it. */
  'appointment:cancel': channel<AppointmentView>()({ validateRequest: validateEmptyRequest, deadlineMs: DEFAULT_CALL_DEADLINE_MS, access: 'citizen' }),
  /** The uvc face camera (issue 14 item 5, common/face-feed.ts): one downscaled frame while the host streams. */
  'face:frame': channel<FaceFrameResult>()({ validateRequest: validateFaceFrameRequest, deadlineMs: FACE_FRAME_DEADLINE_MS, access: 'citizen' }),
  /** The renderer could not open the camera (denied, absent, failed), or it is there again. */
  'face:camera': channel<Record<string, never>>()({ validateRequest: validateFaceCameraRequest, deadlineMs: DEFAULT_CALL_DEADLINE_MS, access: 'any' }),
  // Service guides, the hall map, the robot, read-out and elder mode (issue 16).
  'guides:overview': channel<GuidesOverview>()({ validateRequest: validateEmptyRequest, deadlineMs: DEFAULT_CALL_DEADLINE_MS, access: 'citizen' }),
  /** Answered by the index worker; `preparing` until it is built after `kiosk ready`. */
  'guides:search': channel<GuideSearchResult>()({ validateRequest: validateGuideSearchRequest, deadlineMs: DEFAULT_CALL_DEADLINE_MS, access: 'citizen' }),
  'guides:browse': channel<GuideBrowseResult>()({ validateRequest: validateGuideBrowseRequest, deadlineMs: DEFAULT_CALL_DEADLINE_MS, access: 'citizen' }),
  'guides:open': channel<GuideOpenResult>()({ validateRequest: validateGuideOpenRequest, deadlineMs: DEFAULT_CALL_DEADLINE_MS, access: 'citizen' }),
  /** 打印清单 on the receipt printer; done when the printer confirmed it (§8.3), once per requestId. */
  'guides:print-checklist': channel<GuidePrintResult>()({ validateRequest: validateGuidePrintRequest, deadlineMs: TAKE_TICKET_DEADLINE_MS, access: 'citizen' }),
  /** The shortest route from this kiosk (lifts between floors) and the map to draw it on. */
  'guides:route': channel<GuideRouteResult>()({ validateRequest: validateGuideRouteRequest, deadlineMs: DEFAULT_CALL_DEADLINE_MS, access: 'citizen' }),
  /** 带我去: the robot base walks the citizen to a hall-map point; progress comes as `robot:changed`. */
  'robot:go': channel<RobotTripView>()({ validateRequest: validateRobotGoRequest, deadlineMs: DEFAULT_CALL_DEADLINE_MS, access: 'citizen' }),
  'robot:cancel': channel<RobotTripView>()({ validateRequest: validateEmptyRequest, deadlineMs: DEFAULT_CALL_DEADLINE_MS, access: 'citizen' }),
  /** A spoken clip made by the host (espeak-ng), for a shell without a voice in the language. */
  'speech:clip': channel<SpeechClipResult>()({ validateRequest: validateSpeechClipRequest, deadlineMs: DEFAULT_CALL_DEADLINE_MS, access: 'any' }),
  /** 长辈模式 on or off: a session setting, so the host's idle timer gives longer. */
  'session:elder': channel<SessionState>()({ validateRequest: validateElderModeRequest, deadlineMs: DEFAULT_CALL_DEADLINE_MS, access: 'citizen' }),
  /** 呼叫帮助: raises a staff alert. */
  'help:call': channel<HelpCallResult>()({ validateRequest: validateEmptyRequest, deadlineMs: DEFAULT_CALL_DEADLINE_MS, access: 'citizen' }),
  // Certificates and 好差评 (issue 17 §2, §8).
  /** What the platform can issue to the citizen identified in this session (by its own verification). */
  'certificates:list': channel<CertificateListResult>()({ validateRequest: validateEmptyRequest, deadlineMs: CERTIFICATE_PREPARE_DEADLINE_MS, access: 'citizen' }),
  /** Fetches one, renders the A4 PDF and its preview; the same requestId gets the same prepared certificate. */
  'certificates:prepare': channel<CertificatePrepareResult>()({ validateRequest: validateCertificatePrepareRequest, deadlineMs: CERTIFICATE_PREPARE_DEADLINE_MS, access: 'citizen' }),
  /** Prints a prepared certificate once: issued only when the printer's job completed (§8.3). */
  'certificates:print': channel<CertificatePrintResult>()({ validateRequest: validateCertificatePrintRequest, deadlineMs: CERTIFICATE_PRINT_DEADLINE_MS, access: 'citizen' }),
  /** 好差评 of the transaction the host offered (snapshot `evaluation`): one per transaction. */
  'evaluation:submit': channel<EvaluationSubmitResult>()({ validateRequest: validateEvaluationSubmitRequest, deadlineMs: DEFAULT_CALL_DEADLINE_MS, access: 'citizen' }),
  /** 跳过: the offer is withdrawn and not made again. */
  'evaluation:skip': channel<Record<string, never>>()({ validateRequest: validateEvaluationSkipRequest, deadlineMs: DEFAULT_CALL_DEADLINE_MS, access: 'citizen' }),
  /** 办件查询 (issue 17 §6) by the session's ID card or by a 受理编号 typed or scanned. */
  'progress:query': channel<ProgressQueryResult>()({ validateRequest: validateProgressQueryRequest, deadlineMs: PROGRESS_QUERY_DEADLINE_MS, access: 'citizen' }),
  // Hall staff and technicians (issue 15 §1, §2): the pad opens for anyone who found the hidden entry; every
  // other staff channel needs the host's staff session.
  /** The hidden entry was held for 3 s: the PIN pad opens (it closes by itself when left). */
  'staff:open-pad': channel<StaffPadView>()({ validateRequest: validateEmptyRequest, deadlineMs: DEFAULT_CALL_DEADLINE_MS, access: 'any' }),
  'staff:close-pad': channel<StaffPadView>()({ validateRequest: validateEmptyRequest, deadlineMs: DEFAULT_CALL_DEADLINE_MS, access: 'any' }),
  /** Checks the PIN; signed in, the citizen session in progress is ended and wiped before the staff screens open. */
  'staff:sign-in': channel<StaffSignInResult>()({ validateRequest: validateStaffSignInRequest, deadlineMs: DEFAULT_CALL_DEADLINE_MS, access: 'any' }),
  'staff:sign-out': channel<StaffView>()({ validateRequest: validateEmptyRequest, deadlineMs: DEFAULT_CALL_DEADLINE_MS, access: 'staff' }),
  /** A touch on a staff screen: the automatic sign-out starts again. */
  'staff:activity': channel<StaffSessionView>()({ validateRequest: validateEmptyRequest, deadlineMs: DEFAULT_CALL_DEADLINE_MS, access: 'staff' }),
  'staff:overview': channel<StaffOverview>()({ validateRequest: validateEmptyRequest, deadlineMs: DEFAULT_CALL_DEADLINE_MS, access: 'staff' }),
  /** The guided paper exchange: begin takes the printer from citizens, end resets its counters and gives it back. */
  'staff:restock': channel<PrinterSupply>()({ validateRequest: validateRestockRequest, deadlineMs: DEFAULT_CALL_DEADLINE_MS, access: 'staff' }),
  /** After a jam or an open cover was cleared: the printer's status is read again. */
  'staff:recheck': channel<PrinterSupply>()({ validateRequest: validateDeviceIdRequest, deadlineMs: DEFAULT_CALL_DEADLINE_MS, access: 'staff' }),
  'staff:test-ticket': channel<TestTicketResult>()({ validateRequest: validateDeviceIdRequest, deadlineMs: TAKE_TICKET_DEADLINE_MS, access: 'staff' }),
  'staff:settle-ticket': channel<UncertainTicketView[]>()({ validateRequest: validateSettleTicketRequest, deadlineMs: DEFAULT_CALL_DEADLINE_MS, access: 'staff' }),
  /** An uncertain certificate (issue 17 §2) settled by staff after looking in the tray: audited, reported to the platform. */
  'staff:settle-certificate': channel<UncertainCertificateView[]>()({ validateRequest: validateSettleCertificateRequest, deadlineMs: DEFAULT_CALL_DEADLINE_MS, access: 'staff' }),
  'staff:set-service': channel<OutOfServiceView>()({ validateRequest: validateSetServiceRequest, deadlineMs: DEFAULT_CALL_DEADLINE_MS, access: 'staff' }),
  'staff:found-items': channel<FoundItem[]>()({ validateRequest: validateEmptyRequest, deadlineMs: DEFAULT_CALL_DEADLINE_MS, access: 'staff' }),
  'staff:log-found-item': channel<FoundItem[]>()({ validateRequest: validateLogFoundItemRequest, deadlineMs: DEFAULT_CALL_DEADLINE_MS, access: 'staff' }),
  'staff:hand-over': channel<FoundItem[]>()({ validateRequest: validateHandOverRequest, deadlineMs: DEFAULT_CALL_DEADLINE_MS, access: 'staff' }),
  'staff:figures': channel<TodayFigures>()({ validateRequest: validateEmptyRequest, deadlineMs: DEFAULT_CALL_DEADLINE_MS, access: 'staff' }),
  /** Restarts the kiosk app (the supervisor starts the host again); the staff member is signed out. */
  'staff:restart-app': channel<Record<string, never>>()({ validateRequest: validateEmptyRequest, deadlineMs: DEFAULT_CALL_DEADLINE_MS, access: 'staff' }),
  // Technician diagnostics (issue 15 §3): a technician's session only.
  'tech:devices': channel<DeviceDiagnostics[]>()({ validateRequest: validateEmptyRequest, deadlineMs: DEFAULT_CALL_DEADLINE_MS, access: 'technician' }),
  /** Internal, external or interactive (a test ticket, card read, finger, scan: the technician acts within 30 s). */
  'tech:health-check': channel<HealthView>()({ validateRequest: validateHealthCheckRequest, deadlineMs: INTERACTIVE_CHECK_DEADLINE_MS, access: 'technician' }),
  /** The live frame log: the frames after the last one the screen shows, masked, with their meaning. */
  'tech:frames': channel<FrameView[]>()({ validateRequest: validateFramesRequest, deadlineMs: DEFAULT_CALL_DEADLINE_MS, access: 'technician' }),
  /** Maintenance mode on or off: held, the device serves no citizen until released. */
  'tech:maintenance': channel<DeviceDiagnostics>()({ validateRequest: validateMaintenanceRequest, deadlineMs: DEFAULT_CALL_DEADLINE_MS, access: 'technician' }),
  /** The raw console: only on a device this technician holds in maintenance mode; audited. */
  'tech:raw-command': channel<RawCommandView>()({ validateRequest: validateRawCommandRequest, deadlineMs: RAW_COMMAND_DEADLINE_MS, access: 'technician' }),
  /** The device editor: validated, the new port tested, saved with a backup, rolled back if the device does not come up. */
  'tech:edit-device': channel<DeviceEditResult>()({ validateRequest: validateDeviceEditRequest, deadlineMs: DEVICE_EDIT_DEADLINE_MS, access: 'technician' }),
  /** One masked file in the data folder's exports, and on every USB stick mounted. */
  'tech:export-bundle': channel<BundleView>()({ validateRequest: validateEmptyRequest, deadlineMs: BUNDLE_DEADLINE_MS, access: 'technician' }),
  /** The audit chain checked, and its head as written out. */
  'tech:audit': channel<AuditStatusView>()({ validateRequest: validateEmptyRequest, deadlineMs: DEFAULT_CALL_DEADLINE_MS, access: 'technician' }),
} as const;

type Table = typeof KIOSK_API_CHANNELS;

/** Request and result types per channel, read off the table. */
export type ApiChannels = {
  [C in keyof Table]: Table[C] extends ChannelSpec<infer Request, infer Result> ? { request: Request; result: Result } : never;
};
export type ApiChannel = keyof ApiChannels;
export type ApiRequestOf<C extends ApiChannel> = ApiChannels[C]['request'];
export type ApiResultOf<C extends ApiChannel> = ApiChannels[C]['result'];

/** One function per channel, taking its checked request; `Context` is whatever else the implementer passes. */
export type ApiChannelHandlers<Context extends unknown[] = []> = {
  [C in ApiChannel]: (request: ApiRequestOf<C>, ...context: Context) => ApiResultOf<C> | Promise<ApiResultOf<C>>;
};

/** Every channel name: the IPC allow-list of the Electron shell. */
export const API_CHANNELS = Object.freeze(Object.keys(KIOSK_API_CHANNELS) as ApiChannel[]);

export function isApiChannel(value: unknown): value is ApiChannel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(KIOSK_API_CHANNELS, value);
}

export function validateRequest<C extends ApiChannel>(channel: C, request: unknown): Checked<ApiRequestOf<C>> {
  return (KIOSK_API_CHANNELS[channel].validateRequest as Validator<ApiRequestOf<C>>)(request);
}

/** How long the renderer's WebSocket client, the Electron preload and the supervisor's relay wait for a reply. */
/** Who may call `channel` (issue 15 §1). */
export function channelAccess(channel: ApiChannel): ChannelAccess {
  return KIOSK_API_CHANNELS[channel].access;
}

export function callDeadlineMs(channel: ApiChannel): number {
  return KIOSK_API_CHANNELS[channel].deadlineMs;
}

/** Parses one wire message's envelope (the body is checked by `validateRequest`); anything else is refused with a reason. */
export function parseApiRequest(raw: unknown): Checked<ApiRequest> {
  if (!isPlainObject(raw)) return { ok: false, detail: 'message must be a JSON object' };
  if (raw.kind !== 'request') return { ok: false, detail: 'kind must be "request"' };
  if (typeof raw.id !== 'number' || !Number.isSafeInteger(raw.id) || raw.id < 0) {
    return { ok: false, detail: 'id must be a non-negative integer' };
  }
  if (!isApiChannel(raw.channel)) return { ok: false, detail: `unknown channel ${JSON.stringify(raw.channel)}` };
  const extra = exactKeys(raw, ['kind', 'id', 'channel', 'request']);
  if (extra) return { ok: false, detail: extra };
  return { ok: true, value: { kind: 'request', id: raw.id, channel: raw.channel, request: raw.request } };
}
