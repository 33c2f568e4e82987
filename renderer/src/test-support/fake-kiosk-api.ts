/**
 * An in-memory KioskApi for renderer tests (ARCHITECTURE.md §5): records every call, lets a test push host
 * events and script results, and plays a minimal host session (activity starts or continues one, end closes
 * it) so flows run end to end. It decides nothing else: availability, businesses and take-ticket outcomes
 * are whatever the test sets. The staff side (issue 15) is `staffDesk` (fake-staff-desk.ts); like the host, the
 * fake refuses staff channels without a staff session (`forbidden`) and citizen channels with one
 * (`staffSignedIn`); the technician side (issue 15 §3) is `technicianDesk` (fake-technician-desk.ts), refused to
 * anyone but a technician.
 */
import { IDLE_APPOINTMENT, type AppointmentCheckInResult, type AppointmentView } from '../../../common/appointment';
import { errorInfo } from '../../../common/errors';
import {
  KioskApiError,
  type ApiChannel,
  type ApiRequestOf,
  type ApiResultOf,
  type KioskApi,
  type KioskEvent,
  type KioskSnapshot,
} from '../../../common/kiosk-api';
import { channelAccess, type ApiChannelHandlers } from '../../../common/kiosk-api-channels';
import type { TakeTicketRequest, TakeTicketResult } from '../../../common/queue';
import type { SessionState } from '../../../common/session';
import type { IdentityView } from '../../../common/identity';
import { FakeGuideDesk } from './fake-guide-desk';
import { FakeStaffDesk } from './fake-staff-desk';
import { FakeTechnicianDesk } from './fake-technician-desk';
import { makeSnapshot } from './fixtures';
import { SILENT_WAV_BASE64 } from './fake-speech';

export interface FakeCall {
  channel: ApiChannel;
  request: unknown;
}

type Handler<C extends ApiChannel> = ApiChannelHandlers[C];
type Handlers = Partial<ApiChannelHandlers>;

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export class FakeKioskApi implements KioskApi {
  /** The host state the fake serves; events pushed through `push` update it too. */
  snapshot: KioskSnapshot;
  readonly calls: FakeCall[] = [];
  private readonly listeners = new Set<(event: KioskEvent) => void>();
  private readonly handlers: Handlers = {};
  private readonly takeTicketQueue: (TakeTicketResult | Promise<TakeTicketResult>)[] = [];
  private readonly checkInQueue: (AppointmentCheckInResult | Promise<AppointmentCheckInResult>)[] = [];
  private sessionCounter = 0;
  /** The staff desk the fake host serves: supplies, tickets to settle, found items, figures (scriptable). */
  readonly staffDesk: FakeStaffDesk = new FakeStaffDesk(this);
  /** The technician desk the fake host serves: devices, frames, maintenance, raw console, editor, bundle, audit. */
  readonly technicianDesk: FakeTechnicianDesk = new FakeTechnicianDesk(this);
  /** The guide desk (issue 16): catalogue, search index, checklist prints, routes and the robot's trips. */
  readonly guideDesk: FakeGuideDesk = new FakeGuideDesk(this);

  constructor(snapshot: KioskSnapshot = makeSnapshot()) {
    this.snapshot = structuredClone(snapshot);
  }

  call<C extends ApiChannel>(channel: C, request: ApiRequestOf<C>): Promise<ApiResultOf<C>> {
    this.calls.push({ channel, request: structuredClone(request) });
    const handler = this.handlers[channel] ?? this.defaultHandler(channel);
    return Promise.resolve().then(() => {
      this.gate(channel);
      return handler(request);
    });
  }

  onEvent(listener: (event: KioskEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  /** Requests sent on one channel, in order. */
  requestsTo<C extends ApiChannel>(channel: C): ApiRequestOf<C>[] {
    return this.calls.filter((c) => c.channel === channel).map((c) => c.request as ApiRequestOf<C>);
  }

  /** Replaces the default behaviour of one channel. */
  handle<C extends ApiChannel>(channel: C, handler: Handler<C>): void {
    (this.handlers as Record<ApiChannel, unknown>)[channel] = handler;
  }

  /** Makes every call on `channel` fail with this error code. */
  fail(channel: ApiChannel, code: Parameters<typeof errorInfo>[0]): void {
    this.handle(channel, () => {
      throw new KioskApiError(errorInfo(code));
    });
  }

  /** The answers to the next take-ticket calls, in order (a promise lets the test decide when it settles). */
  scriptTakeTicket(...results: (TakeTicketResult | Promise<TakeTicketResult>)[]): void {
    this.takeTicketQueue.push(...results);
  }

  /** The answers to the next appointment:check-in calls, in order. */
  scriptCheckIn(...results: (AppointmentCheckInResult | Promise<AppointmentCheckInResult>)[]): void {
    this.checkInQueue.push(...results);
  }

  /** Delivers a host event (and keeps the served snapshot consistent with it). */
  push(event: KioskEvent): void {
    switch (event.type) {
      case 'session:changed':
        this.snapshot.session = event.session;
        break;
      case 'availability:changed':
        this.snapshot.availability = event.availability;
        break;
      case 'queue:changed':
        this.snapshot.businesses = event.businesses;
        break;
      case 'clock:changed':
        this.snapshot.nowMs = event.nowMs;
        break;
      case 'identity:changed':
        this.snapshot.identity = event.identity;
        break;
      case 'appointment:changed':
        this.snapshot.appointment = event.appointment;
        break;
      case 'staff:changed':
        this.snapshot.staff = event.staff;
        break;
      case 'guides:changed':
        this.snapshot.guides = event.guides;
        break;
      case 'robot:changed':
        this.snapshot.robot = event.robot;
        break;
      case 'kiosk:resync':
        break;
    }
    for (const listener of [...this.listeners]) listener(event);
  }

  /** Sets the identity step as the host would and pushes `identity:changed`. */
  setIdentity(identity: Partial<IdentityView>): void {
    this.push({ type: 'identity:changed', identity: { ...this.snapshot.identity, ...identity } });
  }

  /** Sets the appointment check-in step as the host would and pushes `appointment:changed`. */
  setAppointment(appointment: Partial<AppointmentView>): void {
    this.push({ type: 'appointment:changed', appointment: { ...this.snapshot.appointment, ...appointment } });
  }

  /** Sets the session as the host would and pushes `session:changed`. */
  setSession(session: Partial<SessionState>): void {
    this.push({ type: 'session:changed', session: { ...this.snapshot.session, ...session } });
  }

  /** Who may call `channel`, as the host's gate decides (main/host/api/channel-gate.ts). */
  private gate(channel: ApiChannel): void {
    const access = channelAccess(channel);
    const staff = this.snapshot.staff.session;
    if (access === 'citizen' && staff !== null) throw new KioskApiError(errorInfo('staffSignedIn'));
    if ((access === 'staff' || access === 'technician') && staff === null) throw new KioskApiError(errorInfo('forbidden', 'staff sign-in required'));
    if (access === 'technician' && staff?.role !== 'technician') throw new KioskApiError(errorInfo('forbidden', 'a technician must be signed in'));
  }

  private defaultHandler<C extends ApiChannel>(channel: C): Handler<C> {
    const handlers: ApiChannelHandlers = {
      'kiosk:get-snapshot': () => structuredClone(this.snapshot),
      'queue:list-businesses': () => structuredClone(this.snapshot.businesses),
      'session:activity': () => {
        const s = this.snapshot.session;
        if (s.phase === 'attract' || s.phase === 'home') {
          this.setSession({ phase: 'active', sessionId: `S${++this.sessionCounter}`, countdownEndsAt: null });
        } else if (s.phase === 'countdown') {
          this.setSession({ phase: 'active', countdownEndsAt: null });
        }
        return structuredClone(this.snapshot.session);
      },
      'session:end': () => {
        this.setSession({ phase: 'home', sessionId: null, countdownEndsAt: null, elder: false });
        return structuredClone(this.snapshot.session);
      },
      'identity:begin': ({ purpose, method }) => {
        this.setIdentity({ step: 'placeCard', purpose, method, error: undefined });
        return structuredClone(this.snapshot.identity);
      },
      'identity:end': () => {
        this.setIdentity({ step: 'idle', purpose: null, method: null, error: undefined, citizen: undefined, verifiedBy: undefined });
        return structuredClone(this.snapshot.identity);
      },
      'identity:cancel': () => {
        this.setIdentity({ step: 'idle', purpose: null, error: undefined });
        return structuredClone(this.snapshot.identity);
      },
      'appointment:begin': () => {
        this.setAppointment({ step: 'scanning', inputs: { scanner: true, card: true }, source: undefined, appointments: undefined, error: undefined, opensAtLocal: undefined });
        return structuredClone(this.snapshot.appointment);
      },
      // The look-up's answer is the test's to push (setAppointment), as the host pushes it.
      'appointment:submit-code': () => structuredClone(this.snapshot.appointment),
      'appointment:find-by-card': () => {
        this.setAppointment({ step: 'looking', source: 'card', error: undefined });
        return structuredClone(this.snapshot.appointment);
      },
      'appointment:check-in': (request) => {
        const next = this.checkInQueue.shift();
        if (next === undefined) throw new KioskApiError(errorInfo('internal', `fake: no scripted check-in result for ${request.requestId}`));
        return next;
      },
      'appointment:cancel': () => {
        this.setAppointment({ ...IDLE_APPOINTMENT, source: undefined, appointments: undefined, error: undefined, opensAtLocal: undefined });
        return structuredClone(this.snapshot.appointment);
      },
      'queue:take-ticket': (request: TakeTicketRequest) => {
        const next = this.takeTicketQueue.shift();
        if (next === undefined) throw new KioskApiError(errorInfo('internal', `fake: no scripted take-ticket result for ${request.requestId}`));
        return next;
      },
      // The uvc face camera (issue 14 item 5): frames are taken while the snapshot says the host streams.
      'face:frame': () => ({ accepted: this.snapshot.faceStreaming?.on === true }),
      'face:camera': () => ({}),
      // 长辈模式 (issue 16 §7): a touch like any other that also sets the session's elder mode, as the host does.
      'session:elder': ({ on }) => {
        const s = this.snapshot.session;
        const sessionId = s.sessionId ?? `S${++this.sessionCounter}`;
        this.setSession({ phase: 'active', sessionId, countdownEndsAt: null, elder: on });
        return structuredClone(this.snapshot.session);
      },
      'help:call': () => ({ raised: true }),
      // A tiny silent WAV: what the test asserts on is what was asked for (requestsTo('speech:clip')).
      'speech:clip': () => ({ ok: true, mime: 'audio/wav', base64: SILENT_WAV_BASE64, cached: false }),
      // Certificates and 好差评 (issue 17): tests answer these with `handle(...)`; unanswered, nothing is on offer.
      'certificates:list': () => ({ outcome: 'identify' }),
      'certificates:prepare': () => ({ outcome: 'identify' }),
      'certificates:print': () => ({ outcome: 'voided', code: 'badRequest', partial: false }),
      'evaluation:submit': () => ({ outcome: 'recorded', forwarded: true }),
      'progress:query': () => ({ outcome: 'identify' }),
      'evaluation:skip': () => {
        this.snapshot.evaluation = null;
        this.push({ type: 'evaluation:changed', evaluation: null });
        return {};
      },
      // Technician diagnostics (issue 15 §3): the fake technician desk, refused to anyone but a technician by gate().
      ...this.technicianDesk.handlers(),
      ...this.staffDesk.handlers(),
      ...this.guideDesk.handlers(),
    };
    return handlers[channel];
  }
}
