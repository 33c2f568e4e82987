/**
 * The host side of the KioskApi (ARCHITECTURE.md §1, §8.10, §8.16): one handler for both shells. Every request
 * is shape-checked by its channel's validator (common/kiosk-api-channels.ts) before a service sees it; every failure becomes a KioskErrorInfo
 * reply, never a crash. Host state changes are pushed to every client as KioskEvents.
 */
import type { AppointmentCheckInRequest, AppointmentCheckInResult, AppointmentView } from '../../../common/appointment';
import type { ServiceAvailability } from '../../../common/availability';
import type { Clock, TimerHandle } from '../../../common/clock';
import { errorInfo } from '../../../common/errors';
import { HOST_ALIVE_INTERVAL_MS, KioskApiError, type ApiPush, type ApiReply, type ApiRequest, type KioskEvent, type KioskSnapshot } from '../../../common/kiosk-api';
import { channelAccess, validateRequest, type ApiChannelHandlers } from '../../../common/kiosk-api-channels';
import type { Logger } from '../../../common/logger';
import type { IdentityPurpose, IdentityView, VerificationMethod } from '../../../common/identity';
import type { BusinessView, TakeTicketRequest, TakeTicketResult, TicketDeliveryEvent } from '../../../common/queue';
import type { SessionState } from '../../../common/session';
import type { FaceFeedPort } from '../face/uvc-frame-source';
import type { StaffDesk } from '../staff/staff-desk';
import type { StaffSessionService } from '../staff/staff-session';
import type { ApiClient, ApiHandler } from './api-handler';
import { refusalFor } from './channel-gate';
import type { ProgressQueryRequest, ProgressQueryResult } from '../../../common/progress-api';
import { certificateHandlers, type CertificateDeskPort, type EvaluationDeskPort } from './certificate-handlers';
import { guideHandlers, type CitizenHelpPort, type GuideDeskPort, type RobotDeskPort, type SpeechClipsPort } from './guide-handlers';
import { staffHandlers } from './staff-handlers';
import { technicianHandlers } from './technician-handlers';
import type { TechnicianDesk } from '../diagnostics/technician-desk';

export interface KioskApiDeps {
  clock: Clock;
  log: Logger;
  identity: Pick<KioskSnapshot, 'mode' | 'hallName' | 'kioskName' | 'timeZone' | 'languages' | 'hostLostAfterMs' | 'profile' | 'greeting'>;
  session: {
    state(): SessionState;
    activity(): SessionState;
    end(reason: 'done' | 'citizen'): SessionState;
    onChanged(l: (s: SessionState) => void): () => void;
  };
  availability: { compute(): ServiceAvailability[]; onChanged(l: (a: ServiceAvailability[]) => void): () => void };
  businesses: { list(): BusinessView[]; refresh(): void; onChanged(l: (b: BusinessView[]) => void): () => void };
  tickets: { take(request: TakeTicketRequest): Promise<TakeTicketResult>; onDelivery(l: (event: TicketDeliveryEvent) => void): () => void };
  citizenIdentity: { state(): IdentityView; begin(purpose: IdentityPurpose, method: VerificationMethod): IdentityView; cancel(): IdentityView; end(): IdentityView; onChanged(l: (v: IdentityView) => void): () => void };
  appointments: {
    state(): AppointmentView;
    begin(): AppointmentView;
    submitCode(code: string): AppointmentView;
    findByCard(): AppointmentView;
    checkIn(request: AppointmentCheckInRequest): Promise<AppointmentCheckInResult>;
    cancel(): AppointmentView;
    onChanged(l: (v: AppointmentView) => void): () => void;
  };
  /** The uvc face camera's feed (issue 14 item 5); null without one (a simulated camera renders in the host). */
  faceFeed?: FaceFeedPort | null;
  /** The staff session (issue 15 §1): who may call which channel, and the staff screens' actions. */
  staff: StaffSessionService;
  staffDesk: StaffDesk;
  /** Technician diagnostics (issue 15 §3). */
  technicianDesk: TechnicianDesk;
  /** Service guides, the hall map, read-out, elder mode and help (issue 16). */
  guides: GuideDeskPort;
  /** The hall robot's base; null on a kiosk without one. */
  robot: RobotDeskPort | null;
  speech: SpeechClipsPort;
  citizenHelp: CitizenHelpPort;
  /** Certificates and 好差评 (issue 17 §2, §8). */
  certificates: CertificateDeskPort;
  evaluation: EvaluationDeskPort;
  /** 办件查询 (issue 17 §6). */
  progress: { query(request: ProgressQueryRequest): Promise<ProgressQueryResult> };
}

export class KioskApiService implements ApiHandler {
  private readonly listeners = new Set<(push: ApiPush) => void>();
  private readonly unsubscribe: Array<() => void> = [];
  private readonly handlers: ApiChannelHandlers;
  private aliveTimer: TimerHandle | null = null;

  constructor(private readonly deps: KioskApiDeps) {
    this.handlers = {
      'kiosk:get-snapshot': () => this.snapshot(),
      'session:activity': () => deps.session.activity(),
      'session:end': (r) => deps.session.end(r.reason),
      'queue:list-businesses': () => deps.businesses.list(),
      'queue:take-ticket': (r) => deps.tickets.take(r),
      'identity:begin': (r) => deps.citizenIdentity.begin(r.purpose, r.method),
      'identity:cancel': () => deps.citizenIdentity.cancel(),
      'identity:end': () => deps.citizenIdentity.end(),
      'appointment:begin': () => deps.appointments.begin(),
      'appointment:submit-code': (r) => deps.appointments.submitCode(r.code),
      'appointment:find-by-card': () => deps.appointments.findByCard(),
      'appointment:check-in': (r) => deps.appointments.checkIn(r),
      'appointment:cancel': () => deps.appointments.cancel(),
      'face:frame': (r) => deps.faceFeed?.accept(r) ?? { accepted: false },
      'face:camera': (r) => (deps.faceFeed?.reportCamera(r.state), {}),
      ...staffHandlers(deps.staff, deps.staffDesk),
      ...technicianHandlers(() => deps.staff.actor(), deps.technicianDesk),
      ...guideHandlers(deps.guides, deps.robot, deps.speech, deps.citizenHelp),
      ...certificateHandlers(deps.certificates, deps.evaluation),
      'progress:query': (r) => deps.progress.query(r),
    };
    this.unsubscribe.push(
      deps.session.onChanged((session) => this.push({ type: 'session:changed', session })),
      deps.availability.onChanged((availability) => this.push({ type: 'availability:changed', availability })),
      deps.businesses.onChanged((businesses) => this.push({ type: 'queue:changed', businesses })),
      deps.clock.onJump(() => this.push({ type: 'clock:changed', nowMs: deps.clock.now() })),
      deps.tickets.onDelivery((event) => this.push({ type: 'ticket:delivery', ...event })),
      deps.citizenIdentity.onChanged((identity) => this.push({ type: 'identity:changed', identity })),
      deps.appointments.onChanged((appointment) => this.push({ type: 'appointment:changed', appointment })),
      deps.staff.onChanged((staff) => this.push({ type: 'staff:changed', staff })),
      deps.guides.onChanged((guides) => this.push({ type: 'guides:changed', guides })),
      deps.evaluation.onChanged((evaluation) => this.push({ type: 'evaluation:changed', evaluation })),
      ...(deps.robot ? [deps.robot.onChanged((robot) => this.push({ type: 'robot:changed', robot }))] : []),
      ...(deps.faceFeed ? [deps.faceFeed.onChanged((view) => this.push({ type: 'face:streaming', ...view }))] : []),
    );
    this.scheduleAlive();
  }

  snapshot(): KioskSnapshot {
    return {
      ...this.deps.identity,
      nowMs: this.deps.clock.now(),
      session: this.deps.session.state(),
      identity: this.deps.citizenIdentity.state(),
      appointment: this.deps.appointments.state(),
      availability: this.deps.availability.compute(),
      businesses: this.deps.businesses.list(),
      staff: this.deps.staff.view(),
      guides: this.deps.guides.status(),
      evaluation: this.deps.evaluation.current(),
      ...(this.deps.robot && { robot: this.deps.robot.view() }),
      ...(this.deps.faceFeed && { faceStreaming: this.deps.faceFeed.view() }),
    };
  }

  async handle(request: ApiRequest, client: ApiClient): Promise<ApiReply> {
    const checked = validateRequest(request.channel, request.request);
    if (!checked.ok) {
      this.deps.log.warn('request refused', { channel: request.channel, client: client.clientId, detail: checked.detail });
      return { kind: 'reply', id: request.id, ok: false, error: errorInfo('badRequest', `${request.channel}: ${checked.detail}`) };
    }
    const refusal = refusalFor(channelAccess(request.channel), this.deps.staff);
    if (refusal) {
      this.deps.log.warn('request refused', { channel: request.channel, client: client.clientId, code: refusal.code });
      return { kind: 'reply', id: request.id, ok: false, error: refusal };
    }
    try {
      const handler = this.handlers[request.channel] as (r: unknown) => Promise<unknown> | unknown;
      const result = await handler(checked.value);
      return { kind: 'reply', id: request.id, ok: true, result };
    } catch (err) {
      // A refusal in words (a staff action that cannot be done as asked) goes back as it is.
      if (err instanceof KioskApiError) return { kind: 'reply', id: request.id, ok: false, error: err.info };
      this.deps.log.error('request failed', { channel: request.channel, client: client.clientId, error: err });
      return { kind: 'reply', id: request.id, ok: false, error: errorInfo('internal', 'the kiosk could not complete this request') };
    }
  }

  /**
   * Re-reads the business list and pushes `queue:changed` if it changed: for host-side changes that are not
   * the citizen's own (a counter called, served or skipped a ticket through the calling-system interface).
   */
  refreshBusinesses(): void {
    this.deps.businesses.refresh();
  }

  onPush(listener: (push: ApiPush) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    for (const u of this.unsubscribe) u();
    this.listeners.clear();
    this.aliveTimer?.cancel();
    this.aliveTimer = null;
  }

  /** `host:alive` every HOST_ALIVE_INTERVAL_MS while anyone listens (common/kiosk-api.ts). */
  private scheduleAlive(): void {
    this.aliveTimer = this.deps.clock.every(HOST_ALIVE_INTERVAL_MS, () => {
      if (this.listeners.size > 0) this.push({ type: 'host:alive' });
    });
  }

  private push(event: KioskEvent): void {
    const push: ApiPush = { kind: 'event', event };
    for (const l of [...this.listeners]) l(push);
  }
}
