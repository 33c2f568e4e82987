/**
 * Shape checks for events the host pushes (ARCHITECTURE.md §8.10). common/api-validate.ts checks what the
 * renderer sends; nothing there checks pushes, so the renderer checks what it receives before any of it
 * reaches state: a malformed push is dropped and reported, never rendered. Results are fresh objects holding
 * only the contract's fields. A `detail` names the field and what was expected, never the value it held
 * (values may be personal data).
 */
import { checkEvaluationOffer } from './push-validate-evaluation';
import { APPOINTMENT_STANDINGS, APPOINTMENT_STEPS, type AppointmentChoice, type AppointmentView } from '../../../common/appointment';
import type { ServiceAvailability } from '../../../common/availability';
import { CITIZEN_SERVICES } from '../../../common/availability';
import type { Checked } from '../../../common/api-validate';
import { DEVICE_ROLES, type DeviceRole } from '../../../common/device';
import { errorInfo, isErrorCode, type KioskErrorInfo } from '../../../common/errors';
import {
  FACE_PROMPTS,
  FINGER_PROMPTS,
  IDENTITY_PURPOSES,
  VERIFICATION_METHODS,
  type FaceStepView,
  type IdentityCardKind,
  type IdentityCitizenView,
  type IdentityStep,
  type IdentityView,
} from '../../../common/identity';
import type { KioskApi, KioskEvent } from '../../../common/kiosk-api';
import type { BusinessView, ClosedReason, LocalText } from '../../../common/queue';
import type { SessionPhase, SessionState } from '../../../common/session';
import type { StaffAccountTile, StaffRole, StaffSessionView, StaffView } from '../../../common/staff';
import { checkGuidesStatus, checkRobotTrip } from './push-validate-guides';

/** Thrown inside the checks and turned into `{ ok: false, detail }` at the top. */
class ShapeError extends Error {}

type Rec = Record<string, unknown>;

function record(value: unknown, path: string): Rec {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ShapeError(`${path} must be an object`);
  return value as Rec;
}

function array(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new ShapeError(`${path} must be an array`);
  return value;
}

function str(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new ShapeError(`${path} must be a string`);
  return value;
}

function num(value: unknown, path: string, integer = false): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || (integer && !Number.isSafeInteger(value))) {
    throw new ShapeError(`${path} must be a finite ${integer ? 'integer' : 'number'}`);
  }
  return value;
}

function count(value: unknown, path: string): number {
  const n = num(value, path, true);
  if (n < 0) throw new ShapeError(`${path} must not be negative`);
  return n;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new ShapeError(`${path} must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

function optional<T>(value: unknown, check: (v: unknown) => T): T | undefined {
  return value === undefined ? undefined : check(value);
}

function localText(value: unknown, path: string): LocalText {
  const v = record(value, path);
  const out: LocalText = { 'zh-CN': str(v['zh-CN'], `${path}.zh-CN`) };
  const tw = optional(v['zh-TW'], (x) => str(x, `${path}.zh-TW`));
  const en = optional(v.en, (x) => str(x, `${path}.en`));
  if (tw !== undefined) out['zh-TW'] = tw;
  if (en !== undefined) out.en = en;
  return out;
}

const PHASES: readonly SessionPhase[] = ['attract', 'home', 'active', 'countdown'];
const CLOSED_REASONS: readonly ClosedReason[] = ['holiday', 'notServiceDay', 'beforeHours', 'afterHours', 'stoppedIssuing', 'dailyCapReached', 'rateLimited'];

export function parseSessionState(value: unknown, path = 'session'): SessionState {
  const v = record(value, path);
  const sessionId = v.sessionId === null ? null : str(v.sessionId, `${path}.sessionId`);
  const countdownEndsAt = v.countdownEndsAt === null ? null : num(v.countdownEndsAt, `${path}.countdownEndsAt`);
  return {
    phase: oneOf(v.phase, PHASES, `${path}.phase`),
    sessionId,
    countdownEndsAt,
    idleTimeoutMs: count(v.idleTimeoutMs, `${path}.idleTimeoutMs`),
    countdownMs: count(v.countdownMs, `${path}.countdownMs`),
    elder: bool(v.elder, `${path}.elder`),
  };
}

export function parseAvailability(value: unknown, path = 'availability'): ServiceAvailability[] {
  return array(value, path).map((item, i) => {
    const p = `${path}[${i}]`;
    const v = record(item, p);
    if (typeof v.available !== 'boolean') throw new ShapeError(`${p}.available must be a boolean`);
    const out: ServiceAvailability = { service: oneOf(v.service, CITIZEN_SERVICES, `${p}.service`), available: v.available };
    if (v.reason !== undefined) {
      if (!isErrorCode(v.reason)) throw new ShapeError(`${p}.reason must be an error code`);
      out.reason = v.reason;
    }
    const role = optional(v.role, (x) => oneOf<DeviceRole>(x, DEVICE_ROLES, `${p}.role`));
    const alternative = optional(v.alternative, (x) => localText(x, `${p}.alternative`));
    if (role !== undefined) out.role = role;
    if (alternative !== undefined) out.alternative = alternative;
    return out;
  });
}

export function parseBusinesses(value: unknown, path = 'businesses'): BusinessView[] {
  return array(value, path).map((item, i) => {
    const p = `${path}[${i}]`;
    const v = record(item, p);
    if (typeof v.open !== 'boolean') throw new ShapeError(`${p}.open must be a boolean`);
    const out: BusinessView = {
      id: str(v.id, `${p}.id`),
      prefix: str(v.prefix, `${p}.prefix`),
      name: localText(v.name, `${p}.name`),
      zone: localText(v.zone, `${p}.zone`),
      open: v.open,
      hoursToday: array(v.hoursToday, `${p}.hoursToday`).map((h, j) => str(h, `${p}.hoursToday[${j}]`)),
      waiting: count(v.waiting, `${p}.waiting`),
      estimatedWaitMinutes: count(v.estimatedWaitMinutes, `${p}.estimatedWaitMinutes`),
    };
    const closedReason = optional(v.closedReason, (x) => oneOf(x, CLOSED_REASONS, `${p}.closedReason`));
    const nextOpen = optional(v.nextOpen, (x) => str(x, `${p}.nextOpen`));
    if (closedReason !== undefined) out.closedReason = closedReason;
    if (nextOpen !== undefined) out.nextOpen = nextOpen;
    return out;
  });
}

const IDENTITY_STEPS = ['idle', 'placeCard', 'reading', 'refused', 'face', 'finger', 'verifying', 'staffCheck', 'identified'] as const satisfies readonly IdentityStep[];
const CARD_KINDS = ['resident', 'hkMacaoTaiwanResidence', 'foreignPermanent2017', 'foreignPermanent2023'] as const satisfies readonly IdentityCardKind[];

function errorOf(value: unknown, path: string): KioskErrorInfo {
  const v = record(value, path);
  if (!isErrorCode(v.code)) throw new ShapeError(`${path}.code must be an error code`);
  return errorInfo(v.code);
}

function bool(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') throw new ShapeError(`${path} must be a boolean`);
  return value;
}

function citizenOf(value: unknown, path: string): IdentityCitizenView {
  const c = record(value, path);
  return {
    name: str(c.name, `${path}.name`),
    idNumberMasked: str(c.idNumberMasked, `${path}.idNumberMasked`),
    cardKind: oneOf(c.cardKind, CARD_KINDS, `${path}.cardKind`),
    age: c.age === null ? null : count(c.age, `${path}.age`),
    priority: bool(c.priority, `${path}.priority`),
  };
}

function faceOf(value: unknown, path: string): FaceStepView {
  const f = record(value, path);
  const out: FaceStepView = { prompt: oneOf(f.prompt, FACE_PROMPTS, `${path}.prompt`) };
  if (f.challenge !== undefined) {
    const c = record(f.challenge, `${path}.challenge`);
    out.challenge = { index: count(c.index, `${path}.challenge.index`), total: count(c.total, `${path}.challenge.total`) };
  }
  return out;
}

/** The identity step (common/identity.ts); a citizen view carries the masked number only. */
export function parseIdentityView(value: unknown, path = 'identity'): IdentityView {
  const v = record(value, path);
  const m = record(v.methods, `${path}.methods`);
  const out: IdentityView = {
    step: oneOf(v.step, IDENTITY_STEPS, `${path}.step`),
    purpose: v.purpose === null ? null : oneOf(v.purpose, IDENTITY_PURPOSES, `${path}.purpose`),
    method: v.method === null ? null : oneOf(v.method, VERIFICATION_METHODS, `${path}.method`),
    methods: { face: bool(m.face, `${path}.methods.face`), fingerprint: bool(m.fingerprint, `${path}.methods.fingerprint`), staff: bool(m.staff, `${path}.methods.staff`) },
    takeCard: v.takeCard === null ? null : { left: bool(record(v.takeCard, `${path}.takeCard`).left, `${path}.takeCard.left`) },
  };
  if (v.error !== undefined) out.error = errorOf(v.error, `${path}.error`);
  if (v.citizen !== undefined) out.citizen = citizenOf(v.citizen, `${path}.citizen`);
  if (v.face !== undefined) out.face = faceOf(v.face, `${path}.face`);
  if (v.finger !== undefined) out.finger = { prompt: oneOf(record(v.finger, `${path}.finger`).prompt, FINGER_PROMPTS, `${path}.finger.prompt`) };
  if (v.staff !== undefined) {
    const st = record(v.staff, `${path}.staff`);
    out.staff = { onDuty: bool(st.onDuty, `${path}.staff.onDuty`), ...(st.backAt !== undefined && { backAt: str(st.backAt, `${path}.staff.backAt`) }) };
  }
  if (v.verifiedBy !== undefined) out.verifiedBy = oneOf(v.verifiedBy, VERIFICATION_METHODS, `${path}.verifiedBy`);
  return out;
}

function appointmentChoiceOf(value: unknown, path: string): AppointmentChoice {
  const c = record(value, path);
  const out: AppointmentChoice = {
    code: str(c.code, `${path}.code`),
    businessId: str(c.businessId, `${path}.businessId`),
    businessName: localText(c.businessName, `${path}.businessName`),
    zone: localText(c.zone, `${path}.zone`),
    windowStartLocal: str(c.windowStartLocal, `${path}.windowStartLocal`),
    windowEndLocal: str(c.windowEndLocal, `${path}.windowEndLocal`),
    personMaskedName: str(c.personMaskedName, `${path}.personMaskedName`),
    standing: oneOf(c.standing, APPOINTMENT_STANDINGS, `${path}.standing`),
  };
  const opensAtLocal = optional(c.opensAtLocal, (x) => str(x, `${path}.opensAtLocal`));
  if (opensAtLocal !== undefined) out.opensAtLocal = opensAtLocal;
  return out;
}

/** The appointment check-in step (common/appointment.ts, issue 14 item 7): the name only as the platform masked it. */
export function parseAppointmentView(value: unknown, path = 'appointment'): AppointmentView {
  const v = record(value, path);
  const inputs = record(v.inputs, `${path}.inputs`);
  if (typeof inputs.scanner !== 'boolean' || typeof inputs.card !== 'boolean') throw new ShapeError(`${path}.inputs must say scanner and card as booleans`);
  const out: AppointmentView = { step: oneOf(v.step, APPOINTMENT_STEPS, `${path}.step`), inputs: { scanner: inputs.scanner, card: inputs.card } };
  const source = optional(v.source, (x) => oneOf(x, ['code', 'card'] as const, `${path}.source`));
  if (source !== undefined) out.source = source;
  if (v.appointments !== undefined) out.appointments = array(v.appointments, `${path}.appointments`).map((a, i) => appointmentChoiceOf(a, `${path}.appointments[${i}]`));
  if (v.error !== undefined) out.error = errorOf(v.error, `${path}.error`);
  const opensAtLocal = optional(v.opensAtLocal, (x) => str(x, `${path}.opensAtLocal`));
  if (opensAtLocal !== undefined) out.opensAtLocal = opensAtLocal;
  return out;
}

const STAFF_ROLES: readonly StaffRole[] = ['staff', 'technician'];

function nullable<T>(value: unknown, check: (v: unknown) => T): T | null {
  return value === null ? null : check(value);
}

/** The PIN pad and the staff session (common/staff.ts, issue 15 §1). */
export function parseStaffView(value: unknown, path = 'staff'): StaffView {
  const v = record(value, path);
  const pad = record(v.pad, `${path}.pad`);
  const accounts = array(pad.accounts, `${path}.pad.accounts`).map((a, i): StaffAccountTile => {
    const r = record(a, `${path}.pad.accounts[${i}]`);
    return { id: str(r.id, `${path}.pad.accounts[${i}].id`), name: str(r.name, `${path}.pad.accounts[${i}].name`), role: oneOf(r.role, STAFF_ROLES, `${path}.pad.accounts[${i}].role`) };
  });
  const session = nullable(v.session, (x): StaffSessionView => {
    const r = record(x, `${path}.session`);
    return {
      accountId: str(r.accountId, `${path}.session.accountId`),
      name: str(r.name, `${path}.session.name`),
      role: oneOf(r.role, STAFF_ROLES, `${path}.session.role`),
      signedInAt: num(r.signedInAt, `${path}.session.signedInAt`),
      signOutAt: num(r.signOutAt, `${path}.session.signOutAt`),
    };
  });
  if (typeof pad.open !== 'boolean') throw new ShapeError(`${path}.pad.open must be a boolean`);
  return {
    pad: {
      open: pad.open,
      closesAt: nullable(pad.closesAt, (x) => num(x, `${path}.pad.closesAt`)),
      accounts,
      lockedUntil: nullable(pad.lockedUntil, (x) => num(x, `${path}.pad.lockedUntil`)),
      failuresLeft: count(pad.failuresLeft, `${path}.pad.failuresLeft`),
    },
    session,
  };
}

/** The host-pushed event types; `kiosk:resync` is made by the client bridge, never accepted from the wire. */
export const HOST_EVENT_TYPES = ['session:changed', 'availability:changed', 'queue:changed', 'clock:changed', 'host:alive', 'ticket:delivery', 'identity:changed', 'face:streaming', 'appointment:changed', 'staff:changed', 'guides:changed', 'robot:changed', 'evaluation:changed'] as const;
export type HostEventType = (typeof HOST_EVENT_TYPES)[number];

export function isHostEventType(value: unknown): value is HostEventType {
  return typeof value === 'string' && (HOST_EVENT_TYPES as readonly string[]).includes(value);
}

function parseKnownEvent(type: HostEventType, v: Rec): KioskEvent {
  switch (type) {
    case 'session:changed':
      return { type, session: parseSessionState(v.session) };
    case 'availability:changed':
      return { type, availability: parseAvailability(v.availability) };
    case 'queue:changed':
      return { type, businesses: parseBusinesses(v.businesses) };
    case 'clock:changed':
      return { type, nowMs: num(v.nowMs, 'nowMs') };
    case 'host:alive':
      return { type };
    case 'ticket:delivery':
      return { type, requestId: str(v.requestId, 'requestId'), number: str(v.number, 'number'), delivery: oneOf(v.delivery, TICKET_REMOVALS, 'delivery') };
    case 'identity:changed':
      return { type, identity: parseIdentityView(v.identity) };
    case 'face:streaming': {
      const deviceLabel = optional(v.deviceLabel, (x) => str(x, 'deviceLabel'));
      return { type, on: bool(v.on, 'on'), ...(deviceLabel !== undefined && { deviceLabel }) };
    }
    case 'appointment:changed':
      return { type, appointment: parseAppointmentView(v.appointment) };
    case 'staff:changed':
      return { type, staff: parseStaffView(v.staff) };
    case 'guides:changed':
      return { type, guides: must(checkGuidesStatus(v.guides)) };
    case 'robot:changed':
      return { type, robot: must(checkRobotTrip(v.robot)) };
    case 'evaluation:changed':
      return { type, evaluation: must(checkEvaluationOffer(v.evaluation)) };
  }
}

/** A check made elsewhere (push-validate-guides.ts), its problem thrown like the ones here. */
function must<T>(result: Checked<T>): T {
  if (!result.ok) throw new ShapeError(result.detail);
  return result.value;
}

/** How a presented ticket can leave the mouth (common/queue.ts TicketDeliveryEvent). */
const TICKET_REMOVALS = ['taken', 'retracted', 'unknown'] as const;

/**
 * One pushed event, checked. `unknown: true` marks a type this renderer does not know (a newer host, or a
 * `kiosk:resync` that only the bridge may make): not an error to crash on, but nothing to apply either.
 */
export function parseHostEvent(raw: unknown): Checked<KioskEvent> & { unknown?: true } {
  try {
    const v = record(raw, 'event');
    if (!isHostEventType(v.type)) return { ok: false, detail: 'unknown event type', unknown: true };
    return { ok: true, value: parseKnownEvent(v.type, v) };
  } catch (err) {
    if (err instanceof ShapeError) return { ok: false, detail: err.message };
    throw err;
  }
}

/** Where a dropped push is reported (the bridges' log option; see ws-kiosk-api.ts `ApiLog`). */
export type PushLog = (level: 'debug' | 'warn', msg: string, fields?: Record<string, unknown>) => void;

const SAFE_TYPE = /^[a-z]{1,32}:[a-z-]{1,32}$/;

/** The event to apply, or null after reporting why it was dropped. */
export function checkPush(raw: unknown, log?: PushLog): KioskEvent | null {
  const checked = parseHostEvent(raw);
  if (checked.ok) return checked.value;
  const type = typeof raw === 'object' && raw !== null ? (raw as Rec).type : undefined;
  const fields = { type: typeof type === 'string' && SAFE_TYPE.test(type) ? type : '(not shown)', detail: checked.detail };
  if (checked.unknown) log?.('debug', 'api push of an unknown type ignored', fields);
  else log?.('warn', 'malformed api push dropped', fields);
  return null;
}

/**
 * The same check for a bridge that does not make it itself (Electron's preload hands events over as they
 * came): every listener sees only checked events.
 */
export function withCheckedPushes(api: KioskApi, log?: PushLog): KioskApi {
  return {
    call: api.call.bind(api),
    onEvent: (listener) =>
      api.onEvent((raw: unknown) => {
        if (typeof raw === 'object' && raw !== null && (raw as Rec).type === 'kiosk:resync') return listener({ type: 'kiosk:resync' });
        const event = checkPush(raw, log);
        if (event) listener(event);
      }),
  };
}
